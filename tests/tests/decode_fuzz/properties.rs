//! The proptest properties: arbitrary bytes, arbitrary JSON, arbitrary value objects, and random
//! mutations (nodes replaced, extra fields, byte flips, splices) of the two documents.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Value, json};

use crate::documents::{everything_response, pointers, seed_response};
use crate::property::decode_both;
use crate::strategies::{EVERYTHING_SLUGS, USER_SLUGS, arb_json, arb_key, arb_record};

fn config() -> Config {
    // `Config::default()` reads PROPTEST_CASES (256 unless set). No regression files are written:
    // a failure prints its shrunk input, which belongs in the report and a unit test.
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

/// A document's text and the JSON pointers of its nodes, for mutations.
struct Doc {
    value: Value,
    text: String,
    pointers: Vec<String>,
    objects: Vec<String>,
}

fn doc(which: bool) -> Doc {
    let value = if which {
        everything_response()
    } else {
        serde_json::from_str(&seed_response()).unwrap()
    };
    let pointers = pointers(&value);
    let objects = pointers
        .iter()
        .filter(|p| value.pointer(p).is_some_and(Value::is_object))
        .cloned()
        .collect();
    let text = if which {
        value.to_string()
    } else {
        seed_response()
    };
    Doc {
        value,
        text,
        pointers,
        objects,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        decode_both(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arb_json(), wrap in any::<bool>()) {
        let v = if wrap { json!({"data": v}) } else { v };
        decode_both(v.to_string().as_bytes());
    }

    #[test]
    fn records_with_arbitrary_value_objects_never_panic(
        user in arb_record(USER_SLUGS),
        all in arb_record(EVERYTHING_SLUGS),
    ) {
        decode_both(user.to_string().as_bytes());
        decode_both(all.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_json_in_place_of_any_node_never_panics(
        which in any::<bool>(),
        at in any::<proptest::sample::Index>(),
        with in arb_json(),
    ) {
        let d = doc(which);
        let mut m = d.value.clone();
        let p: &String = at.get(&d.pointers);
        *m.pointer_mut(p).unwrap() = with;
        decode_both(m.to_string().as_bytes());
    }

    #[test]
    fn extra_fields_anywhere_never_panic(
        which in any::<bool>(),
        extras in proptest::collection::vec((any::<proptest::sample::Index>(), arb_key(), arb_json()), 1..4),
    ) {
        let d = doc(which);
        let mut m = d.value.clone();
        for (at, key, value) in extras {
            let p: &String = at.get(&d.objects);
            if let Some(Value::Object(o)) = m.pointer_mut(p) {
                o.insert(key, value);
            }
        }
        decode_both(m.to_string().as_bytes());
    }

    #[test]
    fn byte_flips_never_panic(
        which in any::<bool>(),
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let d = doc(which);
        let mut bytes = d.text.into_bytes();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        decode_both(&bytes);
    }

    #[test]
    fn splices_and_cuts_never_panic(
        which in any::<bool>(),
        cut in any::<proptest::sample::Index>(),
        len in 0usize..64,
        insert in proptest::collection::vec(any::<u8>(), 0..16),
    ) {
        let d = doc(which);
        let bytes = d.text.as_bytes();
        let start = cut.index(bytes.len());
        let end = (start + len).min(bytes.len());
        let mut spliced = bytes[..start].to_vec();
        spliced.extend_from_slice(&insert);
        spliced.extend_from_slice(&bytes[end..]);
        decode_both(&spliced);
    }
}
