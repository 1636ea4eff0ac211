//! `record-reference`: a link to another record.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::{AttioValue, AttributeType, ValueError, WritableValue};
use super::{RecordId, ValueMeta};

/// A reference to a record of another object: Attio's `record-reference` attribute type.
///
/// `target_object` is the object's slug (`"people"`) or id; Attio returns the slug on read.
/// `target_record_id` is a [`RecordId`], which accepts any URL-safe id, UUID or not.
///
/// **Write form:** `{"target_object": "people", "target_record_id": "891dcbfc-…"}`. Attio's other
/// forms (matching by a unique attribute, bare strings) are not produced.
/// **Serde:** the same two-key object. Equality compares both keys.
///
/// ```
/// use attio::{RecordId, RecordReference};
///
/// let r = RecordReference::new("people", "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse()?);
/// assert_eq!(r.target_object(), "people");
/// assert_eq!(r.target_record_id().as_str(), "891dcbfc-9141-415d-9b2a-2238a6cc012d");
/// assert_eq!(r.to_string(), "people/891dcbfc-9141-415d-9b2a-2238a6cc012d");
/// # Ok::<(), attio::InvalidId>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub struct RecordReference {
    target_object: String,
    target_record_id: RecordId,
}

impl RecordReference {
    /// A reference to record `target_record_id` of object `target_object` (a slug or an object id).
    /// An empty `target_object` is reported by [`validate`](WritableValue::validate).
    ///
    /// ```
    /// let r = attio::RecordReference::new("companies", "99a03ff3-0435-47da-95cc-76b2caeb4dab".parse().unwrap());
    /// assert_eq!(r.target_object(), "companies");
    /// ```
    pub fn new(target_object: impl Into<String>, target_record_id: RecordId) -> Self {
        RecordReference {
            target_object: target_object.into(),
            target_record_id,
        }
    }

    /// The target object's slug (or id, if you gave one).
    ///
    /// ```
    /// let r = attio::RecordReference::new("people", "x".parse().unwrap());
    /// assert_eq!(r.target_object(), "people");
    /// ```
    pub fn target_object(&self) -> &str {
        &self.target_object
    }

    /// The target record's id.
    ///
    /// ```
    /// let r = attio::RecordReference::new("people", "x".parse().unwrap());
    /// assert_eq!(r.target_record_id().as_str(), "x");
    /// ```
    pub fn target_record_id(&self) -> &RecordId {
        &self.target_record_id
    }
}

/// `target_object/target_record_id`.
impl fmt::Display for RecordReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.target_object, self.target_record_id)
    }
}

fn write_object<S: Serializer>(r: &RecordReference, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("RecordReference", 2)?;
    st.serialize_field("target_object", &r.target_object)?;
    st.serialize_field("target_record_id", &r.target_record_id)?;
    st.end()
}

impl Serialize for RecordReference {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

super::read_shape! {
    /// The keys of a `record-reference` value object.
    pub struct RecordReferenceShape {
        target_object: String,
        target_record_id: RecordId,
    }
}

impl AttioValue for RecordReference {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::RecordReference;
    type Shape = RecordReferenceShape;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let target_object = shape
            .target_object
            .ok_or("a record-reference value object needs a non-null `target_object` key")?;
        let target_record_id = shape
            .target_record_id
            .ok_or("a record-reference value object needs a non-null `target_record_id` key")?;
        Ok(RecordReference {
            target_object,
            target_record_id,
        })
    }
}

impl WritableValue for RecordReference {
    fn validate(&self) -> Result<(), ValueError> {
        if self.target_object.trim().is_empty() {
            return Err(ValueError::new(
                AttributeType::RecordReference,
                "the target object is empty; expected an object slug such as `people` or an object id",
            ));
        }
        Ok(())
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    #[test]
    fn decodes_the_seed_forms() {
        let r: RecordReference = decode(r#"{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"target_object":"workspaces","target_record_id":"72ef5feaf-4919-4208-b332-1339ab8ba040","attribute_type":"record-reference"}"#).unwrap();
        assert_eq!(r.target_object(), "workspaces");
        assert_eq!(
            r.target_record_id().as_str(),
            "72ef5feaf-4919-4208-b332-1339ab8ba040"
        );
        assert!(decode::<RecordReference>(r#"{"target_object":"people"}"#).is_err());
        assert!(
            decode::<RecordReference>(r#"{"target_object":"people","target_record_id":"a/b"}"#)
                .is_err()
        );
    }

    #[test]
    fn encodes_and_validates() {
        let r = RecordReference::new(
            "people",
            "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap(),
        );
        let expected = json!({"target_object": "people", "target_record_id": "891dcbfc-9141-415d-9b2a-2238a6cc012d"});
        assert_eq!(encode(&r), expected);
        assert_eq!(serde_json::to_value(&r).unwrap(), expected);
        assert_eq!(
            serde_json::from_value::<RecordReference>(expected).unwrap(),
            r
        );
        assert!(r.validate().is_ok());
        let err = RecordReference::new("", "x".parse().unwrap())
            .validate()
            .unwrap_err();
        assert!(err.message().contains("target object is empty"), "{err}");
    }
}
