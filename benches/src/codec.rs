//! Encoding write bodies and decoding pages, typed and hand-written (and into `Value`).

use serde::Serialize;
use serde_json::Value;

use crate::typed::User;
use crate::{hand_read, hand_write};

/// Decodes a page through the typed layer.
pub fn decode_typed(page: &[u8]) -> Vec<attio::Record<User>> {
    attio::wire::decode_page(page).unwrap()
}

/// Decodes a page into the hand-written structs.
pub fn decode_hand(page: &[u8]) -> hand_read::Page<hand_read::User> {
    serde_json::from_slice(page).unwrap()
}

/// Decodes a page into `serde_json::Value`.
pub fn decode_value(page: &[u8]) -> Value {
    serde_json::from_slice(page).unwrap()
}

/// Encodes a typed object's write body.
pub fn encode_typed<T: attio::AttioObject>(values: &T, out: &mut Vec<u8>) {
    out.clear();
    serde_json::to_writer(&mut *out, &attio::wire::ValuesBody(values)).unwrap();
}

/// Encodes a hand-written write body.
pub fn encode_hand<V: Serialize>(values: &V, out: &mut Vec<u8>) {
    out.clear();
    serde_json::to_writer(&mut *out, &hand_write::Body::new(values)).unwrap();
}
