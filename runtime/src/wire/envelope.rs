//! The `{"data": …}` envelope of Attio's answers, read by code compiled once.
//!
//! A user's build compiles the decoder of each answer type it reads. Reading the envelope with a
//! serde visitor would make the envelope's own code (serde_json's `deserialize_map`, the visitor,
//! the seed of `data`'s value) part of every one of them. So the envelope is scanned here, with
//! serde_json reading each key and skipping each value that is not `data` (both non-generic),
//! and the answer type is decoded straight from where `data`'s value starts ([`data_start`]);
//! [`rest_is_well_formed`] then checks what follows it (`super::decode_with`).
//!
//! When the envelope is not what these accept (not an object, no `data`, `data` twice, bad
//! JSON around it), [`envelope_error`] reads the body again with [`DataOf`] over
//! [`IgnoredAny`], one instance for every answer type, for the same error a visitor for the
//! answer type would have given.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

use crate::values::Key;

/// Where `data`'s value starts in `body`, `{"data": …}` (after any other keys before it); `None`
/// when the body is not such an object up to there.
pub(super) fn data_start(body: &[u8]) -> Option<usize> {
    let mut at = skip_whitespace(body, 0);
    if body.get(at) != Some(&b'{') {
        return None;
    }
    loop {
        let (is_data, value) = member(body, at + 1)?;
        if is_data {
            return Some(value);
        }
        at = skip_whitespace(body, skip_value(body, value)?);
        if body.get(at) != Some(&b',') {
            return None;
        }
    }
}

/// Whether what follows `data`'s value (which ends at `end`) closes the envelope: other keys
/// (none of them `data` again), `}`, and nothing but whitespace after it.
pub(super) fn rest_is_well_formed(body: &[u8], end: usize) -> bool {
    let mut at = skip_whitespace(body, end);
    loop {
        match body.get(at) {
            Some(b'}') => return skip_whitespace(body, at + 1) == body.len(),
            Some(b',') => {
                let Some((false, value)) = member(body, at + 1) else {
                    return false;
                };
                let Some(after_value) = skip_value(body, value) else {
                    return false;
                };
                at = skip_whitespace(body, after_value);
            }
            _ => return false,
        }
    }
}

/// The member `"key": ` that starts at `body[at..]` (after whitespace): whether the key is
/// `data`, and where its value starts; `None` when there is no key and colon there.
fn member(body: &[u8], at: usize) -> Option<(bool, usize)> {
    let (is_data, after_key) = key(body, skip_whitespace(body, at))?;
    let colon = skip_whitespace(body, after_key);
    (body.get(colon) == Some(&b':')).then(|| (is_data, skip_whitespace(body, colon + 1)))
}

/// serde_json's error for an envelope that [`data_start`] or [`rest_is_well_formed`] refused: the
/// body read again as `{"data": …}` with `data`'s value skipped. `None` if that read succeeds,
/// which the two scans rule out.
pub(super) fn envelope_error(body: &[u8]) -> Option<serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(body);
    de.deserialize_map(DataOf::<IgnoredAny>(std::marker::PhantomData))
        .and_then(|_| de.end())
        .err()
}

/// Whether the JSON string at `body[at..]` is `"data"`, and the offset just past it; `None` when
/// there is no string there.
fn key(body: &[u8], at: usize) -> Option<(bool, usize)> {
    if body.get(at) != Some(&b'"') {
        return None;
    }
    if body.get(at..at + 6) == Some(b"\"data\"") {
        return Some((true, at + 6));
    }
    // Any other key, escapes and all, is read by serde_json.
    let mut keys = serde_json::Deserializer::from_slice(&body[at..]).into_iter::<Key<'_>>();
    let key = keys.next()?.ok()?;
    Some((key.as_str() == "data", at + keys.byte_offset()))
}

/// The offset just past the JSON value at `body[at..]`; `None` when there is none.
fn skip_value(body: &[u8], at: usize) -> Option<usize> {
    let mut values = serde_json::Deserializer::from_slice(&body[at..]).into_iter::<IgnoredAny>();
    values.next()?.ok()?;
    Some(at + values.byte_offset())
}

/// The offset of the first byte at or after `at` that is not JSON whitespace.
fn skip_whitespace(body: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = body.get(at) {
        at += 1;
    }
    at
}

/// The `data` of `{"data": R, …}`, as a visitor: what [`envelope_error`] reads the envelope
/// with, for serde's own messages (missing `data`, `data` twice, not an object).
struct DataOf<R>(std::marker::PhantomData<R>);

impl<'de, R: Deserialize<'de>> serde::de::Visitor<'de> for DataOf<R> {
    type Value = R;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an answer with `data`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<R, A::Error> {
        if !next_data(&mut map)? {
            return Err(serde::de::Error::missing_field("data"));
        }
        let data = map.next_value()?;
        if next_data(&mut map)? {
            return Err(serde::de::Error::duplicate_field("data"));
        }
        Ok(data)
    }
}

/// Skips the map's entries up to the key `data`: `true` when the next value is `data`'s, `false`
/// at the end of the map.
fn next_data<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<bool, A::Error> {
    while let Some(key) = map.next_key::<Key<'de>>()? {
        if key.as_str() == "data" {
            return Ok(true);
        }
        map.next_value::<IgnoredAny>()?;
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scans accept what the visitor accepts and refuse what it refuses, on envelopes
    /// well-formed and not; and `envelope_error` has an error for exactly the bodies refused.
    #[test]
    fn the_scans_agree_with_the_visitor() {
        let bodies: &[&str] = &[
            r#"{"data":[1,2]}"#,
            r#" { "data" : [1, 2] } "#,
            "{\n\t\"data\":\r\n{\"a\":1}}\n",
            r#"{"next":"x","data":3}"#,
            r#"{"data":3,"next":{"a":[1,{"b":"}"}]}}"#,
            r#"{"d\u0061ta":3}"#,
            r#"{"da\"ta":1,"data":2}"#,
            r#"{"data":"a\"b"}"#,
            r#"{"data":null}"#,
            r#"{"data":-1.5e3,"more":true}"#,
            // Refused:
            r#"{"data":1,"data":2}"#,
            r#"{"next":1}"#,
            r#"{}"#,
            r#"[{"data":1}]"#,
            r#""data""#,
            r#"{"data":1"#,
            r#"{"data":1}x"#,
            r#"{"data":1,}"#,
            r#"{"data" 1}"#,
            r#"{data:1}"#,
            r#"{"a":1 "data":2}"#,
            r#"{"data":1} {"#,
            "",
            "{",
        ];
        for body in bodies {
            let body = body.as_bytes();
            let visitor: Result<IgnoredAny, _> = {
                let mut de = serde_json::Deserializer::from_slice(body);
                de.deserialize_map(DataOf::<IgnoredAny>(std::marker::PhantomData))
                    .and_then(|v| de.end().map(|()| v))
            };
            let scanned = data_start(body).and_then(|start| {
                let end = skip_value(body, start)?;
                rest_is_well_formed(body, end).then_some(start)
            });
            let text = String::from_utf8_lossy(body);
            assert_eq!(scanned.is_some(), visitor.is_ok(), "{text}");
            assert_eq!(envelope_error(body).is_none(), visitor.is_ok(), "{text}");
        }
    }

    #[test]
    fn data_starts_at_its_value() {
        let body = br#"{"next":[1],  "data" : {"a":1}}"#;
        let start = data_start(body).unwrap();
        assert_eq!(&body[start..start + 7], br#"{"a":1}"#);
        let end = skip_value(body, start).unwrap();
        assert_eq!(&body[end..], b"}");
    }
}
