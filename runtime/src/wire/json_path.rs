//! Where in a JSON body a decode failed, found without decoding again.
//!
//! serde_json reports a failure's line and column; [`path_at`] scans the body up to that point and
//! names the value being read there, as `data.values.user_id[0].value`. It is ordinary
//! non-generic code, so finding the path costs no extra monomorphised decoder per record type
//! (a second decode through a path-tracking deserializer would compile every struct's decoder
//! twice), and nothing at all until a decode fails.

use std::cell::Cell;

thread_local! {
    /// The attribute whose array of values failed as a whole (a required field with no current
    /// value), set by the field decoder. serde_json positions such an error at the end of the
    /// enclosing `values` object, past the attribute, so [`path_of`] adds it back.
    static FAILED_ATTRIBUTE: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Notes that the values of attribute `slug` failed as a whole.
pub(crate) fn note_failed_attribute(slug: &'static str) {
    FAILED_ATTRIBUTE.with(|f| f.set(Some(slug)));
}

/// Forgets any attribute noted by an earlier decode on this thread.
pub(crate) fn reset_failed_attribute() {
    FAILED_ATTRIBUTE.with(|f| f.set(None));
}

/// One open container while scanning.
enum Frame {
    /// An object, with the key whose value is being read (once one has been seen).
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    /// An array, with the index of the element being read (once one has started).
    Array { index: usize, started: bool },
}

/// The path where decoding `body` failed with `error`, serde_json's failure reading `body[base..]`
/// (an answer's `data`, decoded where it starts), or `.` when serde_json gave no position.
pub(crate) fn path_of(body: &[u8], base: usize, error: &serde_json::Error) -> String {
    let path = scanned_path(body, base, error);
    match FAILED_ATTRIBUTE.with(|f| f.take()) {
        Some(slug) if !error.is_syntax() && !error.is_eof() && !path.ends_with(slug) => {
            format!("{path}.{slug}")
        }
        _ => path,
    }
}

fn scanned_path(body: &[u8], base: usize, error: &serde_json::Error) -> String {
    let within = body.get(base..).unwrap_or_default();
    match offset_of(within, error.line(), error.column()).map(|at| base + at) {
        // A syntax error's position is just past the offending byte, which may have closed the
        // container the failure is in; a data error's is just past the value that failed.
        Some(at) if error.is_syntax() => path_at(body, at.saturating_sub(1)),
        Some(at) => path_at(body, at),
        None => ".".to_owned(),
    }
}

/// The byte offset of serde_json's `line`/`column` (both 1-based; 0 when unknown) in `body`: the
/// position just after the last byte the parser consumed.
pub(crate) fn offset_of(body: &[u8], line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut start = 0;
    for _ in 1..line {
        start += body[start..].iter().position(|&b| b == b'\n')? + 1;
    }
    Some((start + column).min(body.len()))
}

/// The path of the value being read at byte `offset` of `body`, in serde_path_to_error's notation
/// (`.` for the root).
pub(crate) fn path_at(body: &[u8], offset: usize) -> String {
    let end = offset.min(body.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = body[i];
        match b {
            b'"' => {
                // A string: find its end (or the scan's), skipping escapes.
                let start = i + 1;
                let mut j = start;
                while j < end && body[j] != b'"' {
                    j += if body[j] == b'\\' { 2 } else { 1 };
                }
                let closed = j < end;
                if let Some(Frame::Object {
                    key,
                    expecting_key: expecting @ true,
                }) = stack.last_mut()
                {
                    if !closed {
                        // A key cut short is not a key yet.
                        break;
                    }
                    *key = Some(String::from_utf8_lossy(&body[start..j.min(end)]).into_owned());
                    *expecting = false;
                } else {
                    start_value(&mut stack);
                }
                i = j + 1;
                continue;
            }
            b'{' => {
                start_value(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    expecting_key: true,
                });
            }
            b'[' => {
                start_value(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    started: false,
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b':' | b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => start_value(&mut stack),
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array {
                index,
                started: true,
            } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A value starts: in an array, that is the current element.
fn start_value(stack: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = stack.last_mut() {
        *started = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Envelope {
        data: Data,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Data {
        id: Id,
        values: Values,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Id {
        record_id: String,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Values {
        user_id: Vec<Text>,
        tags: Vec<Vec<u8>>,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Text {
        value: String,
        #[serde(default)]
        active_until: Option<String>,
    }

    /// The path this module finds, and the one a path-tracking second decode finds.
    fn both(body: &str) -> Option<(String, String)> {
        let err = serde_json::from_str::<Envelope>(body).err()?;
        let ours = path_of(body.as_bytes(), 0, &err);
        let mut de = serde_json::Deserializer::from_str(body);
        let theirs = serde_path_to_error::deserialize::<_, Envelope>(&mut de)
            .err()?
            .path()
            .to_string();
        Some((ours, theirs))
    }

    const GOOD: &str = r#"{"data": {"id": {"record_id": "r"}, "values": {
        "user_id": [{"value": "a", "active_until": null}, {"value": "b"}],
        "tags": [[1, 2], [3]]
    }}}"#;

    #[test]
    fn agrees_with_a_path_tracking_decode() {
        assert!(both(GOOD).is_none(), "the base document decodes");
        let cases = [
            GOOD.replace(r#""value": "b""#, r#""value": 12"#),
            GOOD.replace(r#""value": "a""#, r#""value": {"x": [1]}"#),
            GOOD.replace("[3]", r#"[3, "x"]"#),
            GOOD.replace("[[1, 2], [3]]", "[[1, 2], 7]"),
            GOOD.replace(r#""record_id": "r""#, r#""record_id": null"#),
            GOOD.replace(r#""record_id": "r""#, r#""other": "r""#),
            GOOD.replace(r#", "active_until": null"#, r#", "active_until": 5"#),
            GOOD.replace(r#"{"value": "b"}"#, "{}"),
            GOOD.replace(r#""tags": [[1, 2], [3]]"#, r#""tags": [[1, 2], [3, 300]]"#),
            GOOD.replace(r#""user_id": ["#, r#""user_id": [7, "#),
            GOOD.replace("\"data\"", "\"dat\\u0061\""),
            GOOD.replace(
                r#""value": "b""#,
                r#""value": "b\"c", "value2": 1.5e3, "v": tru"#,
            ),
        ];
        let mut compared = 0;
        for case in &cases {
            if let Some((ours, theirs)) = both(case) {
                assert_eq!(ours, theirs, "for {case}");
                compared += 1;
            }
        }
        assert!(compared >= 10, "compared {compared}");
    }

    #[test]
    fn truncations_name_the_open_value() {
        for cut in 1..GOOD.len() {
            let body = &GOOD[..cut];
            let Some(err) = serde_json::from_str::<Envelope>(body).err() else {
                continue;
            };
            let ours = path_of(body.as_bytes(), 0, &err);
            let mut de = serde_json::Deserializer::from_str(body);
            let theirs = serde_path_to_error::deserialize::<_, Envelope>(&mut de)
                .unwrap_err()
                .path()
                .to_string();
            // serde_path_to_error writes `?` for a key not read yet; this module leaves it out.
            let theirs = theirs.replace(".?", "").replace('?', ".");
            // At a cut between a key and its value this module already names the key; otherwise
            // the two agree.
            assert!(
                ours == theirs
                    || theirs == "."
                    || ours.starts_with(&format!("{theirs}."))
                    || ours.starts_with(&format!("{theirs}[")),
                "cut at {cut}: ours {ours}, theirs {theirs}: {body}"
            );
        }
        assert_eq!(path_at(br#"{"data": {"id": {"work"#, 22), "data.id");
    }

    #[test]
    fn offsets_follow_lines() {
        let body = b"{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(body, 3, 8), Some(20));
        assert_eq!(offset_of(body, 0, 0), None);
        assert_eq!(offset_of(body, 9, 1), None);
    }
}
