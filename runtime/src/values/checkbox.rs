//! `checkbox`: [`bool`].

use serde::Serializer;

use super::ValueMeta;
use super::{AttioValue, AttributeType, Value, WritableValue};

/// `checkbox` is a [`bool`]: read from the `value` key, written as a bare JSON `true`/`false`.
///
/// ```
/// use attio::AttioValue;
/// assert_eq!(bool::ATTRIBUTE_TYPE, attio::AttributeType::Checkbox);
/// ```
impl AttioValue for bool {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Checkbox;
    type Shape = Value<bool>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        shape.require("checkbox")
    }
}

impl WritableValue for bool {
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(*self)
    }
}

#[cfg(test)]
mod tests {
    use crate::values::test_util::{decode, encode};

    #[test]
    fn decodes_and_encodes() {
        let v: bool = decode(r#"{"attribute_type":"checkbox","value":true}"#).unwrap();
        assert!(v);
        assert_eq!(encode(&false), serde_json::json!(false));
        assert!(decode::<bool>(r#"{"value":"true"}"#).is_err());
        assert!(decode::<bool>(r#"{"value":null}"#).is_err());
    }
}
