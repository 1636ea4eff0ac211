//! The type-specific fields of one stored value.

use serde_json::{Map, Value};

/// Type-specific fields of one value.
pub type Body = Map<String, Value>;

/// The fields of a JSON object (none for anything else).
pub(super) fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}
