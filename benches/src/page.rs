//! A realistic query page: user records as Attio returns them, with every value's metadata.

use serde_json::{Value, json};

use crate::ids::uuid;

/// The default (and maximum) page size of a record query.
pub const PAGE_SIZE: usize = 500;

fn meta(i: usize, attribute_type: &str) -> serde_json::Map<String, Value> {
    let actor = if i.is_multiple_of(3) {
        json!({"type": "system", "id": null})
    } else {
        json!({"type": "workspace-member", "id": uuid(7, i % 11)})
    };
    let mut m = serde_json::Map::new();
    m.insert(
        "active_from".into(),
        json!(format!(
            "2023-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
            1 + i % 12,
            1 + i % 28,
            i % 24,
            i % 60,
            (i * 7) % 60,
            (i * 7919) % 1_000_000_000
        )),
    );
    m.insert("active_until".into(), Value::Null);
    m.insert("created_by_actor".into(), actor);
    m.insert("attribute_type".into(), json!(attribute_type));
    m
}

fn value(i: usize, attribute_type: &str, payload: Value) -> Value {
    let mut m = meta(i, attribute_type);
    if let Value::Object(p) = payload {
        m.extend(p);
    }
    Value::Array(vec![Value::Object(m)])
}

/// The `i`th user record as Attio returns it: the seed's four attributes and the system ones.
pub fn user_record_json(i: usize) -> Value {
    json!({
        "id": {
            "workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c",
            "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795",
            "record_id": uuid(3, i),
        },
        "created_at": "2022-11-21T13:22:49.061281000Z",
        "web_url": format!("https://app.attio.com/acme/users/record/{}", uuid(3, i)),
        "values": {
            "record_id": value(i, "text", json!({"value": uuid(3, i)})),
            "created_at": value(i, "timestamp", json!({"value": "2022-11-21T13:22:49.061281000Z"})),
            "created_by": value(i, "actor-reference", json!({
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": uuid(7, i % 11),
            })),
            "person": value(i, "record-reference", json!({
                "target_object": "people",
                "target_record_id": uuid(1, i),
            })),
            "primary_email_address": value(i, "email-address", json!({
                "original_email_address": format!("person{i}@company.com"),
                "email_address": format!("person{i}@company.com"),
                "email_domain": "company.com",
                "email_root_domain": "company.com",
                "email_local_specifier": format!("person{i}"),
            })),
            "user_id": value(i, "text", json!({"value": format!("user-{i}")})),
            "workspace": value(i, "record-reference", json!({
                "target_object": "workspaces",
                "target_record_id": uuid(2, i),
            })),
            "avatar_url": [],
        }
    })
}

/// A query answer of `n` user records, as bytes: `{"data": [record, …]}`.
pub fn user_page(n: usize) -> Vec<u8> {
    let records: Vec<Value> = (0..n).map(user_record_json).collect();
    serde_json::to_vec(&json!({ "data": records })).unwrap()
}
