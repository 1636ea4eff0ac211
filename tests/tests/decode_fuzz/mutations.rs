//! Deterministic mutations of the two documents: truncation at every byte, every value swapped,
//! every key removed or duplicated, every `attribute_type` swapped.

use serde_json::{Value, json};

use crate::documents::{everything_response, pointers, seed_response};
use crate::property::decode_as;
use crate::strategies::ATTRIBUTE_TYPES;

/// The seed response and the every-type record, each with the target it is meant for.
fn documents() -> Vec<(Option<bool>, Value)> {
    vec![
        (Some(false), serde_json::from_str(&seed_response()).unwrap()),
        (Some(true), everything_response()),
    ]
}

/// One value of every JSON type and of the edge cases the value types care about.
fn replacements() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(6),
        json!(1.5),
        json!(1e308),
        json!(u64::MAX),
        json!(i64::MIN),
        json!([]),
        json!([null]),
        json!({}),
        json!({"value": null}),
        json!(""),
        json!("2023-01-01T15:00:00.000000000Z"),
        json!("10000-01-01"),
        json!("4.99999"),
        json!("a@b"),
        json!("../x"),
        json!("hologram"),
        json!("💥"),
    ]
}

#[test]
fn truncation_at_every_byte_offset_is_an_error_never_a_panic() {
    // The seed as published, and the every-type record as compact JSON.
    for (target, text) in [
        (Some(false), seed_response()),
        (Some(true), everything_response().to_string()),
    ] {
        let bytes = text.as_bytes();
        // A prefix is never JSON, and `check` refuses an `Ok` from input that is not JSON.
        for cut in 0..bytes.len() {
            decode_as(target, &bytes[..cut]);
        }
        println!("truncated at all {} offsets", bytes.len());
    }
}

#[test]
fn every_value_swapped_for_every_json_type_never_panics() {
    let mut decoded = 0;
    for (target, doc) in documents() {
        for at in pointers(&doc) {
            for with in replacements() {
                let mut m = doc.clone();
                *m.pointer_mut(&at).unwrap() = with;
                decode_as(target, m.to_string().as_bytes());
                decoded += 1;
            }
        }
    }
    println!("{decoded} documents with one value swapped");
    assert!(decoded > 5_000, "{decoded}");
}

#[test]
fn every_key_removed_or_duplicated_never_panics() {
    for (target, doc) in documents() {
        for at in pointers(&doc) {
            let Some((parent, key)) = at.rsplit_once('/') else {
                continue;
            };
            let mut m = doc.clone();
            match m.pointer_mut(parent).unwrap() {
                Value::Object(o) => {
                    let key = key.replace("~1", "/").replace("~0", "~");
                    o.remove(&key);
                    decode_as(target, m.to_string().as_bytes());
                    // The same key twice, as raw text (a `Value` cannot hold it).
                    let text = doc.to_string();
                    let needle = format!("{}:", json!(key));
                    if let Some(i) = text.find(&needle) {
                        let dup = format!("{}{needle}null,{}", &text[..i], &text[i..]);
                        decode_as(target, dup.as_bytes());
                    }
                }
                Value::Array(a) => {
                    let i: usize = key.parse().unwrap();
                    let item = a[i].clone();
                    a.push(item);
                    decode_as(target, m.to_string().as_bytes());
                    let mut m = doc.clone();
                    if let Some(Value::Array(a)) = m.pointer_mut(parent) {
                        a.remove(i);
                    }
                    decode_as(target, m.to_string().as_bytes());
                }
                _ => unreachable!(),
            }
        }
    }
}

#[test]
fn every_attribute_type_swapped_never_panics() {
    for (target, doc) in documents() {
        let slugs: Vec<String> = doc["data"]["values"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        for slug in &slugs {
            for ty in ATTRIBUTE_TYPES {
                let mut m = doc.clone();
                for v in m["data"]["values"][slug].as_array_mut().unwrap() {
                    v["attribute_type"] = json!(ty);
                }
                decode_as(target, m.to_string().as_bytes());
            }
            // Every other attribute's values in this one's place.
            for other in &slugs {
                let mut m = doc.clone();
                m["data"]["values"][slug] = doc["data"]["values"][other].clone();
                decode_as(target, m.to_string().as_bytes());
            }
        }
    }
}
