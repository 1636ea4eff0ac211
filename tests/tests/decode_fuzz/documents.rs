//! The documents every mutation starts from: the seed response, and a record of `Everything` whose
//! every value is one of Attio's documented read examples; and the JSON pointers of a document.

use serde_json::{Map, Value, json};

pub(crate) fn seed_response() -> String {
    attio_tests::seed().1
}

pub(crate) fn example(name: &str, key: &str) -> Value {
    let text = match name {
        "actor-reference" => include_str!("../../fixtures/examples/actor-reference.json"),
        "checkbox" => include_str!("../../fixtures/examples/checkbox.json"),
        "currency" => include_str!("../../fixtures/examples/currency.json"),
        "date" => include_str!("../../fixtures/examples/date.json"),
        "domain" => include_str!("../../fixtures/examples/domain.json"),
        "email-address" => include_str!("../../fixtures/examples/email-address.json"),
        "interaction" => include_str!("../../fixtures/examples/interaction.json"),
        "location" => include_str!("../../fixtures/examples/location.json"),
        "number" => include_str!("../../fixtures/examples/number.json"),
        "personal-name" => include_str!("../../fixtures/examples/personal-name.json"),
        "phone-number" => include_str!("../../fixtures/examples/phone-number.json"),
        "rating" => include_str!("../../fixtures/examples/rating.json"),
        "record-reference" => include_str!("../../fixtures/examples/record-reference.json"),
        "select" => include_str!("../../fixtures/examples/select.json"),
        "status" => include_str!("../../fixtures/examples/status.json"),
        "text" => include_str!("../../fixtures/examples/text.json"),
        "timestamp" => include_str!("../../fixtures/examples/timestamp.json"),
        other => panic!("no example {other}"),
    };
    let doc: Value = serde_json::from_str(text).unwrap();
    let value = doc[key].clone();
    assert!(value.is_object(), "{name}.{key}");
    value
}

/// A `GET` response for `Everything`, every value one of Attio's documented read examples.
pub(crate) fn everything_response() -> Value {
    let slots: [(&str, &str, &str); 25] = [
        ("text", "text", "read_value"),
        ("text_required", "text", "read_value"),
        ("number", "number", "read_value"),
        ("float32", "number", "read_value"),
        ("integer", "number", "read_value"),
        ("small", "number", "read_value"),
        ("signed", "number", "read_value"),
        ("unsigned", "number", "read_value"),
        ("checkbox", "checkbox", "read_value"),
        ("currency", "currency", "read_value_openapi_shape"),
        ("currency_string", "currency", "read_value_docs"),
        ("date", "date", "read_value"),
        ("timestamp", "timestamp", "read_value"),
        ("rating", "rating", "read_value"),
        ("status", "status", "read_value"),
        ("select", "select", "read_value"),
        ("record_reference", "record-reference", "read_value"),
        ("actor_reference", "actor-reference", "read_value"),
        ("location", "location", "read_value"),
        ("domain", "domain", "read_value"),
        ("email_address", "email-address", "read_value"),
        ("phone_number", "phone-number", "read_value_docs"),
        (
            "phone_number_openapi",
            "phone-number",
            "read_value_openapi_shape",
        ),
        ("interaction", "interaction", "read_value"),
        ("personal_name", "personal-name", "read_value"),
    ];
    let mut values = Map::new();
    for (slug, name, key) in slots {
        values.insert(slug.into(), json!([example(name, key)]));
    }
    // A historic value next to the active one, and an attribute the struct does not declare.
    let mut old = example("email-address", "read_value");
    old["active_until"] = json!("2023-05-01T00:00:00.000000000Z");
    old["email_address"] = json!("old@company.com");
    values["email_address"].as_array_mut().unwrap().push(old);
    values.insert("undeclared".into(), json!([example("text", "read_value")]));
    json!({"data": {
        "id": {
            "workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
            "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
            "record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b",
        },
        "created_at": "2022-11-21T13:22:49.061281000Z",
        "web_url": "https://app.attio.com/x/record/bf071e1f",
        "values": values,
    }})
}

/// Every JSON pointer in `v`, the root included.
pub(crate) fn pointers(v: &Value) -> Vec<String> {
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    walk(
                        x,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }
    let mut out = Vec::new();
    walk(v, String::new(), &mut out);
    out
}
