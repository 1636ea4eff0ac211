//! `text`: [`String`].

use serde::Serializer;

use super::ValueMeta;
use super::{AttioValue, AttributeType, Value, ValueError, WritableValue};

/// The largest text value Attio stores: 10 MB (10 × 1024 × 1024 bytes of UTF-8).
///
/// ```
/// assert_eq!(attio::values::MAX_TEXT_BYTES, 10 * 1024 * 1024);
/// ```
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// `text` is a [`String`]: read from the `value` key, written as a bare JSON string.
///
/// [`validate`](WritableValue::validate) enforces Attio's 10 MB limit ([`MAX_TEXT_BYTES`]).
///
/// ```
/// use attio::WritableValue;
/// assert!(String::from("hello").validate().is_ok());
/// let huge = "x".repeat(attio::values::MAX_TEXT_BYTES + 1);
/// assert!(huge.validate().unwrap_err().message().contains("10485761 bytes"));
/// ```
impl AttioValue for String {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Text;
    type Shape = Value<String>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        shape.require("text")
    }
}

impl WritableValue for String {
    fn validate(&self) -> Result<(), ValueError> {
        if self.len() > MAX_TEXT_BYTES {
            return Err(ValueError::new(
                AttributeType::Text,
                format!(
                    "the text is {} bytes; Attio stores at most 10 MB ({MAX_TEXT_BYTES} bytes)",
                    self.len()
                ),
            ));
        }
        Ok(())
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};

    #[test]
    fn decodes_and_encodes() {
        let v: String =
            decode(r#"{"active_from":null,"attribute_type":"text","value":"hi"}"#).unwrap();
        assert_eq!(v, "hi");
        assert_eq!(encode(&v), serde_json::json!("hi"));
        let err = decode::<String>(r#"{"attribute_type":"number","value":null}"#).unwrap_err();
        assert!(err.contains("`value`"), "{err}");
        assert!(decode::<String>(r#"{"value":3}"#).is_err());
    }

    #[test]
    fn enforces_the_size_limit() {
        assert!("x".repeat(MAX_TEXT_BYTES).validate().is_ok());
        let err = "x".repeat(MAX_TEXT_BYTES + 1).validate().unwrap_err();
        assert!(err.message().contains("10485761 bytes"), "{err}");
    }
}
