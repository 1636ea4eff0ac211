//! proptest's inputs: arbitrary JSON biased towards Attio's keys and strings, value objects and
//! records with a right envelope.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Keys and strings that steer arbitrary JSON into the decoder's deeper paths.
const KEYS: &[&str] = &[
    "data",
    "id",
    "workspace_id",
    "object_id",
    "record_id",
    "created_at",
    "web_url",
    "values",
    "active_from",
    "active_until",
    "created_by_actor",
    "attribute_type",
    "type",
    "value",
    "user_id",
    "primary_email_address",
    "person",
    "workspace",
    "target_object",
    "target_record_id",
    "email_address",
    "original_email_address",
    "email_domain",
    "email_root_domain",
    "email_local_specifier",
    "option",
    "status",
    "title",
    "is_archived",
    "option_id",
    "status_id",
    "currency_value",
    "currency_code",
    "referenced_actor_type",
    "referenced_actor_id",
    "workspace_member_email_address",
    "domain",
    "root_domain",
    "original_phone_number",
    "phone_number",
    "normalized_phone_number",
    "country_code",
    "line_1",
    "locality",
    "latitude",
    "longitude",
    "first_name",
    "last_name",
    "full_name",
    "interaction_type",
    "interacted_at",
    "owner_actor",
    "celebration_enabled",
    "target_time_in_status",
    "text",
    "number",
    "rating",
    "select",
    "timestamp",
    "interaction",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "0",
    "-0",
    "1e400",
    "NaN",
    "2023-01-01T15:00:00.000000000Z",
    "2023-01-01",
    "0000-01-01",
    "9999-12-31T23:59:59.999999999Z",
    "10000-01-01",
    "2023-02-30",
    "2023-01-01T25:61:61Z",
    "499.00",
    "4.99999",
    "-123456789012345678901234567890.1234",
    "person@company.com",
    "a@b",
    "@",
    "app.attio.com",
    "+447777777777",
    "+",
    "GB",
    "gb",
    "G",
    "ÅÄ",
    "91",
    "-180.0000000001",
    "37.331741",
    "api-token",
    "workspace-member",
    "system",
    "people",
    "../x",
    "a/b",
    "bf071e1f-6035-429d-b874-d83ea64ea13b",
    "hologram",
    "\u{0}",
    "\u{feff}",
    "💥",
];

/// Every `attribute_type` Attio sends, and one it does not.
pub(crate) const ATTRIBUTE_TYPES: &[&str] = &[
    "text",
    "number",
    "checkbox",
    "currency",
    "date",
    "timestamp",
    "rating",
    "status",
    "select",
    "record-reference",
    "actor-reference",
    "location",
    "domain",
    "email-address",
    "phone-number",
    "interaction",
    "personal-name",
    "hologram",
];

pub(crate) fn arb_key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => proptest::sample::select(KEYS).prop_map(str::to_owned),
        1 => ".{0,12}",
    ]
    .boxed()
}

fn arb_leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (0i64..7).prop_map(|n| json!(n)),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        proptest::sample::select(STRINGS).prop_map(|s| json!(s)),
        ".{0,24}".prop_map(Value::String),
    ]
    .boxed()
}

/// Any JSON value, up to a few levels deep.
pub(crate) fn arb_json() -> BoxedStrategy<Value> {
    arb_leaf()
        .prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((arb_key(), inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
        .boxed()
}

/// One value object: Attio's common keys and type keys, with arbitrary contents.
fn arb_value_object() -> BoxedStrategy<Value> {
    let common = (
        proptest::option::of(prop_oneof![
            proptest::sample::select(STRINGS).prop_map(|s| json!(s)),
            arb_leaf()
        ]),
        proptest::option::of(prop_oneof![Just(Value::Null), arb_leaf()]),
        proptest::option::of(arb_json()),
        proptest::option::of(prop_oneof![
            3 => proptest::sample::select(ATTRIBUTE_TYPES).prop_map(|s| json!(s)),
            1 => arb_leaf()
        ]),
    );
    (
        common,
        proptest::collection::vec((arb_key(), arb_json()), 0..6),
    )
        .prop_map(|((from, until, actor, ty), rest)| {
            let mut m = Map::new();
            for (k, v) in rest {
                m.insert(k, v);
            }
            for (k, v) in [
                ("active_from", from),
                ("active_until", until),
                ("created_by_actor", actor),
                ("attribute_type", ty),
            ] {
                if let Some(v) = v {
                    m.insert(k.into(), v);
                }
            }
            Value::Object(m)
        })
        .boxed()
}

/// A record whose envelope is right and whose values are arbitrary value objects.
pub(crate) fn arb_record(slugs: &'static [&'static str]) -> BoxedStrategy<Value> {
    proptest::collection::vec(
        (
            prop_oneof![
                3 => proptest::sample::select(slugs).prop_map(str::to_owned),
                1 => arb_key()
            ],
            prop_oneof![
                6 => proptest::collection::vec(arb_value_object(), 0..3).prop_map(Value::Array),
                1 => arb_json(),
            ],
        ),
        0..12,
    )
    .prop_map(|kv| {
        json!({"data": {
            "id": {"workspace_id": "w", "object_id": "o", "record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b"},
            "created_at": "2022-11-21T13:22:49.061281000Z",
            "values": Value::Object(kv.into_iter().collect()),
        }})
    })
    .boxed()
}

pub(crate) const USER_SLUGS: &[&str] = &["user_id", "primary_email_address", "person", "workspace"];

pub(crate) const EVERYTHING_SLUGS: &[&str] = &[
    "text",
    "text_required",
    "number",
    "float32",
    "integer",
    "small",
    "signed",
    "unsigned",
    "checkbox",
    "currency",
    "currency_string",
    "date",
    "timestamp",
    "rating",
    "status",
    "select",
    "record_reference",
    "actor_reference",
    "location",
    "domain",
    "email_address",
    "phone_number",
    "phone_number_openapi",
    "interaction",
    "personal_name",
];
