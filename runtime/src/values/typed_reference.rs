//! `record-reference`, typed: [`Ref<T>`] points at a record of the object `T` describes.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Write;
use super::record_reference::RecordReferenceShape;
use super::{
    AttioValue, AttributeHandle, AttributeType, FromInput, RecordId, RecordObject, RecordReference,
    Token, ValueError, ValueMeta, WritableValue,
};

/// A reference to a record of the object `T` describes: Attio's `record-reference` attribute
/// type, with the target object checked at compile time.
///
/// The target object is always `T::SLUG`, so a `Ref<Person>` field cannot be written with a
/// company's id by mistake, and decoding a response fails, naming both objects, if Attio says
/// the reference points at another object. Use [`RecordReference`] for an attribute that may
/// reference records of several objects.
///
/// Build one from a record id ([`Ref::new`], `From<RecordId>`, or `From<&Record<T>>`), or, to let
/// Attio find the record, by a unique attribute of `T` ([`Ref::by`]).
///
/// **Write form:** `{"target_object": T::SLUG, "target_record_id": "…"}`, or for [`Ref::by`] the
/// matching-attribute form `{"target_object": T::SLUG, "<attribute>": [<value>]}`.
/// **Read:** `target_object` (which must be `T::SLUG`) and `target_record_id`.
/// **Serde:** the write form. **Equality:** same record id, or same matching attribute and value.
///
/// ```
/// use attio::{Ref, RecordReference};
///
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     email_addresses: Vec<attio::EmailAddress>,
/// }
///
/// #[attio::attio_object(slug = "deals")]
/// struct Deal {
///     name: String,
///     associated_people: Vec<Ref<Person>>,
/// }
///
/// let alice = Ref::<Person>::new("891dcbfc-9141-415d-9b2a-2238a6cc012d".parse()?);
/// assert_eq!(alice.target_object(), "people");
/// let untyped: RecordReference = alice.to_record_reference().unwrap();
/// assert_eq!(untyped.to_string(), "people/891dcbfc-9141-415d-9b2a-2238a6cc012d");
///
/// // Let Attio find the person by their (unique) email address.
/// let bob = Ref::by(Person::fields().email_addresses(), "bob@example.com".parse::<attio::EmailAddress>()?);
/// assert_eq!(bob.record_id(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Ref<T: RecordObject> {
    target: Target,
    _object: PhantomData<fn() -> T>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Id(RecordId),
    Matching {
        attribute: &'static str,
        value: serde_json::Value,
        invalid: Option<ValueError>,
    },
}

impl<T: RecordObject> Ref<T> {
    /// A reference to the record `record_id` of `T`'s object.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// let r = attio::Ref::<Company>::new("99a03ff3-0435-47da-95cc-76b2caeb4dab".parse()?);
    /// assert_eq!(r.record_id().unwrap().as_str(), "99a03ff3-0435-47da-95cc-76b2caeb4dab");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn new(record_id: RecordId) -> Self {
        Ref {
            target: Target::Id(record_id),
            _object: PhantomData,
        }
    }

    /// A reference to the record of `T` whose unique attribute `attribute` has `value`: Attio finds
    /// the record when the reference is written (and answers `value_not_found` if there is none).
    ///
    /// `attribute` is a handle from `T::fields()`, so the attribute is `T`'s and `value` must be of
    /// its type; the attribute must be unique in Attio (`email_addresses` of people, `domains` of
    /// companies, `user_id` of users, a unique custom attribute, ...). Name the attribute itself,
    /// not a property of it (`f.email_addresses()`, not `f.email_addresses().email_domain()`). A
    /// value Attio would refuse is reported by [`validate`](WritableValue::validate), before
    /// anything is sent. Such a reference has no [`record_id`](Ref::record_id); records read back
    /// from Attio carry the id.
    ///
    /// ```
    /// use attio::{Ref, WritableValue as _};
    /// # #[attio::attio_object(slug = "companies")] struct Company { domains: Vec<attio::Domain> }
    /// // The value's type is the attribute's, so `parse` needs no annotation.
    /// let acme = Ref::by(Company::fields().domains(), "acme.com".parse()?);
    /// assert!(acme.validate().is_ok());
    /// assert_eq!(acme.matching().unwrap().0, "domains");
    /// assert_eq!(
    ///     serde_json::to_value(&acme)?,
    ///     serde_json::json!({"target_object": "companies", "domains": ["acme.com"]})
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by<H, I>(attribute: H, value: I) -> Self
    where
        H: AttributeHandle<T>,
        H::Value: WritableValue + FromInput<I>,
    {
        let value = <H::Value as FromInput<I>>::from_input(value, Token);
        let invalid = value.validate().err();
        let value = serde_json::to_value(Write(&value)).unwrap_or(serde_json::Value::Null);
        Ref {
            target: Target::Matching {
                attribute: attribute.slug(),
                value,
                invalid,
            },
            _object: PhantomData,
        }
    }

    /// The referenced record's id; `None` for a reference [by a unique attribute](Ref::by).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let r = attio::Ref::<User>::new("x".parse()?);
    /// assert_eq!(r.record_id().map(|id| id.as_str()), Some("x"));
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn record_id(&self) -> Option<&RecordId> {
        match &self.target {
            Target::Id(id) => Some(id),
            Target::Matching { .. } => None,
        }
    }

    /// The unique attribute's slug and the value's write form, for a reference made by
    /// [`Ref::by`]; `None` for a reference by id.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// let r = attio::Ref::by(User::fields().user_id(), "123");
    /// assert_eq!(r.matching(), Some(("user_id", &serde_json::json!("123"))));
    /// ```
    pub fn matching(&self) -> Option<(&'static str, &serde_json::Value)> {
        match &self.target {
            Target::Id(_) => None,
            Target::Matching {
                attribute, value, ..
            } => Some((attribute, value)),
        }
    }
}

impl<T: RecordObject> Ref<T> {
    /// The target object's slug, `T::SLUG`.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// assert_eq!(attio::Ref::<Person>::new("x".parse()?).target_object(), "people");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn target_object(&self) -> &'static str {
        T::SLUG
    }

    /// The untyped reference, for a reference by id (`None` for one [by a unique attribute](Ref::by)).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// let r = attio::Ref::<Person>::new("x".parse()?);
    /// assert_eq!(r.to_record_reference(), Some(attio::RecordReference::new("people", "x".parse()?)));
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn to_record_reference(&self) -> Option<RecordReference> {
        self.record_id()
            .map(|id| RecordReference::new(T::SLUG, id.clone()))
    }

    /// The typed reference for `reference`, when it points at `T`'s object (compared with
    /// `T::SLUG`; Attio returns slugs).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// let person = attio::RecordReference::new("people", "x".parse()?);
    /// assert!(attio::Ref::<Person>::from_record_reference(person).is_ok());
    /// let company = attio::RecordReference::new("companies", "y".parse()?);
    /// let err = attio::Ref::<Person>::from_record_reference(company).unwrap_err();
    /// assert!(err.message().contains("`companies`"), "{err}");
    /// # Ok::<(), attio::InvalidId>(())
    /// ```
    pub fn from_record_reference(reference: RecordReference) -> Result<Self, ValueError> {
        if reference.target_object() == T::SLUG {
            Ok(Ref::new(reference.target_record_id().clone()))
        } else {
            Err(ValueError::new(
                AttributeType::RecordReference,
                wrong_object::<T>(reference.target_object()),
            ))
        }
    }
}

fn wrong_object<T: RecordObject>(got: &str) -> String {
    format!(
        "expected a reference to a `{}` record (attio::Ref<{}>), but its target object is `{got}`; declare the field as attio::RecordReference if it may reference records of other objects",
        T::SLUG,
        short_type_name::<T>(),
    )
}

fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

impl<T: RecordObject> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Ref {
            target: self.target.clone(),
            _object: PhantomData,
        }
    }
}

impl<T: RecordObject> fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Ref");
        d.field("object", &short_type_name::<T>());
        match &self.target {
            Target::Id(id) => d.field("record_id", id),
            Target::Matching {
                attribute, value, ..
            } => d.field("attribute", attribute).field("value", value),
        };
        d.finish()
    }
}

impl<T: RecordObject> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target
    }
}

impl<T: RecordObject> Eq for Ref<T> {}

impl<T: RecordObject> Hash for Ref<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.target {
            Target::Id(id) => {
                0u8.hash(state);
                id.hash(state);
            }
            Target::Matching {
                attribute, value, ..
            } => {
                1u8.hash(state);
                attribute.hash(state);
                value.to_string().hash(state);
            }
        }
    }
}

/// True when both name the same record of the same object by id.
impl<T: RecordObject> PartialEq<RecordReference> for Ref<T> {
    fn eq(&self, other: &RecordReference) -> bool {
        other.target_object() == T::SLUG && self.record_id() == Some(other.target_record_id())
    }
}

/// `slug/record_id`, or `slug[attribute=value]` for a reference by a unique attribute.
impl<T: RecordObject> fmt::Display for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            Target::Id(id) => write!(f, "{}/{id}", T::SLUG),
            Target::Matching {
                attribute, value, ..
            } => write!(f, "{}[{attribute}={value}]", T::SLUG),
        }
    }
}

/// The reference to the record `id`.
impl<T: RecordObject> From<RecordId> for Ref<T> {
    fn from(id: RecordId) -> Self {
        Ref::new(id)
    }
}

/// Fails for a reference to another object.
impl<T: RecordObject> TryFrom<RecordReference> for Ref<T> {
    type Error = ValueError;
    fn try_from(reference: RecordReference) -> Result<Self, ValueError> {
        Ref::from_record_reference(reference)
    }
}

/// Fails, giving the reference back, for a reference by a unique attribute (it has no id).
impl<T: RecordObject> TryFrom<Ref<T>> for RecordReference {
    type Error = Ref<T>;
    fn try_from(reference: Ref<T>) -> Result<Self, Ref<T>> {
        reference.to_record_reference().ok_or(reference)
    }
}

fn write_ref<T: RecordObject, S: Serializer>(r: &Ref<T>, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("target_object", T::SLUG)?;
    match &r.target {
        Target::Id(id) => map.serialize_entry("target_record_id", id)?,
        Target::Matching {
            attribute, value, ..
        } => map.serialize_entry(attribute, std::slice::from_ref(value))?,
    }
    map.end()
}

impl<T: RecordObject> Serialize for Ref<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_ref(self, s)
    }
}

/// Reads `{"target_object", "target_record_id"}`, refusing another target object.
impl<'de, T: RecordObject> Deserialize<'de> for Ref<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RecordReference::deserialize(d)?;
        Ref::from_record_reference(r).map_err(|e| serde::de::Error::custom(e.message()))
    }
}

impl<T: RecordObject> AttioValue for Ref<T> {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::RecordReference;
    const CONTRACT: crate::values::ValueContract =
        crate::values::ValueContract::references(T::SLUG);
    type Shape = RecordReferenceShape;

    fn from_shape(shape: Self::Shape, meta: ValueMeta) -> Result<Self, String> {
        let r = RecordReference::from_shape(shape, meta)?;
        if r.target_object() == T::SLUG {
            Ok(Ref::new(r.target_record_id().clone()))
        } else {
            Err(wrong_object::<T>(r.target_object()))
        }
    }
}

impl<T: RecordObject> WritableValue for Ref<T> {
    fn validate(&self) -> Result<(), ValueError> {
        match &self.target {
            Target::Matching {
                invalid: Some(e), ..
            } => Err(ValueError::new(
                AttributeType::RecordReference,
                format!(
                    "the value to match `{}` records on is not valid: {e}",
                    T::SLUG
                ),
            )),
            _ => Ok(()),
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_ref(self, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    use crate::values::AttioObject;
    use crate::values::object::{StructKind, kind};

    struct People;
    impl StructKind for People {
        type Kind = kind::ObjectStruct;
    }
    impl AttioObject for People {
        const SLUG: &'static str = "people";
        const FIELDS: &'static [crate::values::FieldInfo] = &[];
        const NAME: &'static str = "People";
        const KIND: crate::values::ObjectKind = crate::values::ObjectKind::Object { nouns: None };
        fn encode_values<M: SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
            Ok(())
        }
        fn decode_values<'de, A: serde::de::MapAccess<'de>>(_: A) -> Result<Self, A::Error> {
            Ok(People)
        }
        fn validate(&self) -> Result<(), crate::values::FieldError> {
            Ok(())
        }
    }

    #[test]
    fn decodes_checks_the_target_object_and_encodes() {
        let r: Ref<People> =
            decode(r#"{"target_object":"people","target_record_id":"abc","attribute_type":"record-reference"}"#)
                .unwrap();
        assert_eq!(r.record_id().unwrap().as_str(), "abc");
        assert_eq!(
            encode(&r),
            json!({"target_object": "people", "target_record_id": "abc"})
        );
        let err =
            decode::<Ref<People>>(r#"{"target_object":"companies","target_record_id":"abc"}"#)
                .unwrap_err();
        assert!(
            err.contains("`people`") && err.contains("`companies`"),
            "{err}"
        );
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(serde_json::from_value::<Ref<People>>(v).unwrap(), r);
        assert!(
            serde_json::from_value::<Ref<People>>(
                json!({"target_object": "deals", "target_record_id": "x"})
            )
            .is_err()
        );
        assert_eq!(r, RecordReference::new("people", "abc".parse().unwrap()));
    }
}
