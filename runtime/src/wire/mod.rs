//! The codec between Rust structs and Attio's JSON: write bodies, and the decoding of records,
//! pages and value histories, with the JSON path and the Rust field of a failure. No HTTP.
//!
//! The client uses these on every request. They are public for what happens outside it: decoding a
//! body fetched some other way, a stored answer, a fixture in a test.
//!
//! ```
//! #[attio::attio_object(slug = "users")]
//! #[derive(Debug, PartialEq)]
//! struct User { user_id: String }
//!
//! let body = attio::wire::encode_values(&User { user_id: "123".into() })?;
//! assert_eq!(body, br#"{"data":{"values":{"user_id":"123"}}}"#);
//!
//! let answer = br#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},
//!     "created_at":"2022-11-21T13:22:49.061281000Z",
//!     "values":{"user_id":[{"active_from":"2022-11-21T13:22:49.061281000Z","active_until":null,
//!         "created_by_actor":{"type":"system","id":null},"attribute_type":"text","value":"123"}]}}}"#;
//! let record = attio::wire::decode_record::<User>(answer)?;
//! assert_eq!(record.values, User { user_id: "123".into() });
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde::ser::{SerializeMap, Serializer};

use crate::error::{DecodeError, Error, Result};
use crate::values::{AttioList, AttioObject, AttioValue, RecordId, WithMeta};

pub(crate) mod activity;
pub(crate) mod comment;
pub(crate) mod email;
mod entry;
mod envelope;
pub(crate) mod fields;
pub(crate) mod file;
mod hint;
mod history;
mod identity;
mod json_path;
mod list;
pub(crate) mod meeting;
pub(crate) mod member;
pub(crate) mod note;
mod page;
pub(crate) mod parent;
mod record;
pub(crate) mod schema;
pub(crate) mod search;
pub(crate) mod sql;
pub(crate) mod task;
mod view;
pub(crate) mod webhook;

pub use entry::{Entry, EntryIdentifier, RecordEntry};
pub use identity::{Identity, TokenWorkspace};
pub use list::{List, ListAccess, ListIdentifier, ListUpdate, MemberAccess, NewList};
pub use page::CursorPage;
pub use record::{Record, RecordIdentifier};
pub use view::{ListView, ListViewIdentifier, ObjectView, ObjectViewIdentifier};

pub(crate) use hint::{Keys, keys_of, nearest_attribute};
pub(crate) use history::encode_history;

/// The write body of a record: `{"data": {"values": {...}}}`, every writable field that has
/// something to send. Serializes straight to the output; nothing is validated (see
/// [`encode_values`], which validates first).
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User { user_id: String, nickname: Option<String> }
///
/// let body = serde_json::to_string(&attio::wire::ValuesBody(&User { user_id: "1".into(), nickname: None }))?;
/// assert_eq!(body, r#"{"data":{"values":{"user_id":"1"}}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ValuesBody<'a, T>(pub &'a T);

impl<T: AttioObject> Serialize for ValuesBody<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Envelope("values", Values(self.0)).serialize(s)
    }
}

/// `{"data": {key: X}}` around the serialization of `X`; `key` is `values` for a record,
/// `entry_values` for an entry.
struct Envelope<X>(&'static str, X);

impl<X: Serialize> Serialize for Envelope<X> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        struct Data<'a, X>(&'static str, &'a X);
        impl<X: Serialize> Serialize for Data<'_, X> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut data = s.serialize_map(Some(1))?;
                data.serialize_entry(self.0, self.1)?;
                data.end()
            }
        }
        let mut outer = s.serialize_map(Some(1))?;
        outer.serialize_entry("data", &Data(self.0, &self.1))?;
        outer.end()
    }
}

struct Values<'a, T>(&'a T);

impl<T: AttioObject> Serialize for Values<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.0.encode_values(&mut map)?;
        map.end()
    }
}

/// Checks `values` against the rules Attio enforces ([`Error::InvalidValue`] names the field) and
/// encodes its write body, `{"data": {"values": {...}}}`.
///
/// ```
/// #[attio::attio_object(slug = "people")]
/// struct Person { job_title: Option<String> }
///
/// let body = attio::wire::encode_values(&Person { job_title: Some("CTO".into()) })?;
/// assert_eq!(body, br#"{"data":{"values":{"job_title":"CTO"}}}"#);
/// # Ok::<(), attio::Error>(())
/// ```
pub fn encode_values<T: AttioObject>(values: &T) -> Result<Vec<u8>> {
    values.validate()?;
    // The envelope is constant, so it is written as bytes around the values rather than
    // serialized through two more `Serialize` impls, each compiled once per struct in a user's
    // build. The bytes are the same as `ValuesBody`'s (a test holds them equal).
    let mut body = Vec::with_capacity(128);
    body.extend_from_slice(br#"{"data":{"values":"#);
    Values(values)
        .serialize(&mut serde_json::Serializer::new(&mut body))
        .map_err(invariant)?;
    body.extend_from_slice(b"}}");
    Ok(body)
}

/// A failure to encode, which the values' types rule out. A function rather than a closure, so
/// that it is compiled once, not once per struct.
fn invariant(e: serde_json::Error) -> Error {
    Error::Invariant(e.to_string())
}

/// The write forms of `values`' writable fields by attribute slug, what [`encode_values`] sends
/// as `data.values`, unvalidated: for comparing a write with what Attio holds (a sync, or a write
/// in doubt read back).
pub(crate) fn write_forms<T: AttioObject>(
    values: &T,
) -> Result<serde_json::Map<String, serde_json::Value>> {
    match serde_json::to_value(Values(values)) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::Invariant(
            "a struct's values did not encode as a JSON object".into(),
        )),
        Err(e) => Err(Error::Invariant(e.to_string())),
    }
}

/// Checks `values` and encodes an entry's write body: `{"data": {"entry_values": {...}}}`, with
/// `parent_record_id` and `parent_object` first when `parent` is given (a create or an assert).
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: Option<attio::Status> }
///
/// let body = attio::wire::encode_entry(&SalesEntry { stage: None }, None)?;
/// assert_eq!(body, br#"{"data":{"entry_values":{}}}"#);
/// let parent: attio::RecordId = "891dcbfc-9141-415d-9b2a-2238a6cc012d".parse()?;
/// let body = attio::wire::encode_entry(&SalesEntry { stage: None }, Some(&parent))?;
/// assert_eq!(
///     body,
///     br#"{"data":{"parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d","parent_object":"companies","entry_values":{}}}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn encode_entry<T: AttioList>(values: &T, parent: Option<&RecordId>) -> Result<Vec<u8>> {
    values.validate()?;
    serde_json::to_vec(&entry::EntryBody {
        parent,
        parent_object: <T::Parent as AttioObject>::SLUG,
        values,
    })
    .map_err(|e| Error::Invariant(e.to_string()))
}

/// `{"data": {"values": {slug: write form, ...}}}` from prepared entries (a change set's), or
/// `{"data": {"entry_values": ...}}` when `key` says so.
pub(crate) fn entries_body(entries: &[(&'static str, serde_json::Value)]) -> Vec<u8> {
    keyed_entries_body("values", entries)
}

/// [`entries_body`] under `key` (`values` or `entry_values`).
pub(crate) fn keyed_entries_body(
    key: &'static str,
    entries: &[(&'static str, serde_json::Value)],
) -> Vec<u8> {
    struct Entries<'a>(&'a [(&'static str, serde_json::Value)]);
    impl Serialize for Entries<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for (k, v) in self.0 {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }
    // Serializing `serde_json::Value`s into a Vec cannot fail.
    serde_json::to_vec(&Envelope(key, Entries(entries))).unwrap_or_default()
}

/// Decodes `{"data": R}`; on failure, says where. Records decode with more help through
/// [`decode_record`] and [`decode_page`].
///
/// ```
/// let ids: Vec<String> = attio::wire::decode_data(br#"{"data":["a","b"]}"#)?;
/// assert_eq!(ids, ["a", "b"]);
/// let err = attio::wire::decode_data::<Vec<String>>(br#"{"data":["a",2]}"#).unwrap_err();
/// assert_eq!(err.path(), "data[1]");
/// # Ok::<(), attio::DecodeError>(())
/// ```
pub fn decode_data<R: DeserializeOwned>(body: &[u8]) -> std::result::Result<R, DecodeError> {
    decode_with(body, None)
}

/// Decodes one record answer, `{"data": {id, created_at, values}}`, as a `Record<T>`. A failure
/// names the Rust field and, when the answer says, the type to declare it as.
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// #[derive(Debug)]
/// struct User { user_id: String }
///
/// let body = br#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_ld":[]}}}"#;
/// let err = attio::wire::decode_record::<User>(body).unwrap_err();
/// assert!(err.to_string().contains("did you mean `user_ld`?"), "{err}");
/// ```
pub fn decode_record<T: AttioObject>(body: &[u8]) -> std::result::Result<Record<T>, DecodeError> {
    decode_with(body, Some(hint::Object::of::<T>()))
}

/// Decodes a page of records, `{"data": [record, ...]}` (a query's answer).
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User { user_id: String }
///
/// let page = attio::wire::decode_page::<User>(br#"{"data":[]}"#)?;
/// assert!(page.is_empty());
/// # Ok::<(), attio::DecodeError>(())
/// ```
pub fn decode_page<T: AttioObject>(
    body: &[u8],
) -> std::result::Result<Vec<Record<T>>, DecodeError> {
    decode_with(body, Some(hint::Object::of::<T>()))
}

/// Decodes one entry answer, `{"data": {id, parent_record_id, parent_object, created_at,
/// entry_values}}`, as an `Entry<T>`. A failure names the Rust field, as for a record.
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { priority: Option<i64> }
///
/// let body = br#"{"data":{"id":{"workspace_id":"w","list_id":"l","entry_id":"e"},"parent_record_id":"r",
///     "parent_object":"companies","created_at":"2022-11-21T13:22:49.061281000Z","entry_values":{}}}"#;
/// let entry = attio::wire::decode_entry::<SalesEntry>(body)?;
/// assert_eq!(entry.values.priority, None);
/// # Ok::<(), attio::DecodeError>(())
/// ```
pub fn decode_entry<T: AttioObject>(body: &[u8]) -> std::result::Result<Entry<T>, DecodeError> {
    decode_with(body, Some(hint::Object::of::<T>()))
}

/// Decodes a page of entries, `{"data": [entry, ...]}` (an entry query's answer).
pub fn decode_entry_page<T: AttioObject>(
    body: &[u8],
) -> std::result::Result<Vec<Entry<T>>, DecodeError> {
    decode_with(body, Some(hint::Object::of::<T>()))
}

/// Decodes a value-history answer: every value object of one attribute, active or not.
pub(crate) fn decode_history<V: AttioValue>(
    body: &[u8],
) -> std::result::Result<Vec<WithMeta<V>>, DecodeError> {
    decode_with::<history::ValueList<WithMeta<V>>>(body, None).map(|list| list.0)
}

/// Decodes an answer that is not wrapped in `{"data": …}` (`/v2/self`'s, say).
///
/// ```
/// let n: u32 = attio::wire::decode_bare(b"7")?;
/// assert_eq!(n, 7);
/// # Ok::<(), attio::DecodeError>(())
/// ```
pub fn decode_bare<R: DeserializeOwned>(body: &[u8]) -> std::result::Result<R, DecodeError> {
    json_path::reset_failed_attribute();
    serde_json::from_slice::<R>(body).map_err(|source| failure(body, 0, &source, None))
}

/// An answer whose body is not needed (a delete's).
pub(crate) fn decode_nothing(_body: &[u8]) -> std::result::Result<(), DecodeError> {
    Ok(())
}

/// Decodes `{"data": R}`: the envelope is scanned by code compiled once ([`envelope`]), and `R`
/// is decoded from where `data`'s value starts. What does not depend on `R` is in
/// [`data_start`] and [`finish`], so that a user's build compiles little per answer type.
fn decode_with<R: DeserializeOwned>(
    body: &[u8],
    object: Option<hint::Object>,
) -> std::result::Result<R, DecodeError> {
    let start = data_start(body)?;
    let mut de = serde_json::Deserializer::from_slice(&body[start..]);
    match R::deserialize(&mut de) {
        Ok(data) => finish(body, start, de).map(|()| data),
        Err(e) => Err(failure(body, start, &e, object)),
    }
}

/// Where `data`'s value starts in `body`, or why the envelope is not `{"data": …}`.
fn data_start(body: &[u8]) -> std::result::Result<usize, DecodeError> {
    json_path::reset_failed_attribute();
    envelope::data_start(body).ok_or_else(|| envelope_failure(body))
}

/// After `de` read `data`'s value from `body[start..]`: whether what follows it closes the
/// envelope.
fn finish(
    body: &[u8],
    start: usize,
    de: serde_json::Deserializer<serde_json::de::SliceRead<'_>>,
) -> std::result::Result<(), DecodeError> {
    let end = start + de.into_iter::<serde::de::IgnoredAny>().byte_offset();
    if envelope::rest_is_well_formed(body, end) {
        Ok(())
    } else {
        Err(envelope_failure(body))
    }
}

/// Where and why the envelope of `body` is not `{"data": …}`.
fn envelope_failure(body: &[u8]) -> DecodeError {
    match envelope::envelope_error(body) {
        Some(e) => failure(body, 0, &e, None),
        None => DecodeError::new(".".into(), "the answer is not `{\"data\": …}`".into(), None),
    }
}

/// Where and why `body` failed to decode, with the hint about `object`'s struct: `source` is
/// serde_json's failure reading `body[base..]`.
fn failure(
    body: &[u8],
    base: usize,
    source: &serde_json::Error,
    object: Option<hint::Object>,
) -> DecodeError {
    let json_path = json_path::path_of(body, base, source);
    let reason = reason_of(source);
    let hint = object.and_then(|o| o.hint(body, &json_path));
    DecodeError::new(json_path, reason, hint)
}

/// Where and why `body` failed to decode, for bodies that are not answers (a webhook delivery):
/// the JSON path and serde_json's reason.
pub(crate) fn locate_failure(body: &[u8], error: &serde_json::Error) -> (String, String) {
    // No record field is involved: forget any the codec noted on this thread.
    json_path::reset_failed_attribute();
    (json_path::path_of(body, 0, error), reason_of(error))
}

/// serde_json's message without its ` at line 1 column 200` suffix (the JSON path says where).
fn reason_of(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => text[..at].to_owned(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    #[crate::attio_object(slug = "users")]
    #[derive(Debug)]
    struct User {
        user_id: String,
    }

    #[crate::attio_object(slug = "people")]
    struct Person {
        name: Option<String>,
        tags: Vec<crate::SelectOption>,
        job_title: Option<String>,
    }

    /// `encode_values` writes the envelope as bytes; `ValuesBody` serializes it. Both are the
    /// same body, for empty values, a value with characters to escape, and a multiselect.
    #[test]
    fn encode_values_is_the_values_body() {
        for person in [
            Person {
                name: None,
                tags: vec![],
                job_title: None,
            },
            Person {
                name: Some("Ada \"the\" Countess\n".into()),
                tags: vec![
                    crate::SelectOption::by_title("a").unwrap(),
                    crate::SelectOption::by_title("b").unwrap(),
                ],
                job_title: Some("CTO".into()),
            },
        ] {
            let written = super::encode_values(&person).unwrap();
            let serialized = serde_json::to_vec(&super::ValuesBody(&person)).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                String::from_utf8(serialized).unwrap()
            );
        }
    }

    #[test]
    fn a_missing_required_attribute_names_the_nearest() {
        let body = br#"{"data":{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"created_at":"2022-11-21T13:22:49.061281000Z","values":{"user_ld":[],"name":[]}}}"#;
        let err = super::decode_record::<User>(body).unwrap_err();
        assert_eq!(err.path(), "data.values.user_id");
        let text = err.to_string();
        assert!(text.contains("did you mean `user_ld`?"), "{text}");
        assert!(text.contains("the record has: name, user_ld"), "{text}");
    }
}
