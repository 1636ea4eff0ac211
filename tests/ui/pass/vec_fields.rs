// `Vec<T>` fields are multiselect attributes; an absent attribute decodes as an empty Vec.
use attio::AttioObject;

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
    tags: Vec<String>,
    scores: Vec<f64>,
}

fn main() {
    assert_eq!(Company::FIELDS[1].cardinality, attio::Cardinality::Multiple);
    let record: attio::Record<Company> = serde_json::from_value(serde_json::json!({
        "id": {"workspace_id": "w", "object_id": "o", "record_id": "5e3fb280-007b-495a-a530-9354bde01de1"},
        "created_at": "2024-01-01T00:00:00.000000000Z",
        "values": {
            "name": [{"attribute_type": "text", "value": "Acme", "active_until": null}],
            "tags": [
                {"attribute_type": "text", "value": "a", "active_until": null},
                {"attribute_type": "text", "value": "b", "active_until": null}
            ]
        }
    }))
    .unwrap();
    assert_eq!(record.values.tags, ["a", "b"]);
    assert!(record.values.scores.is_empty());
    let body = serde_json::to_value(attio::wire::ValuesBody(&record.values)).unwrap();
    assert_eq!(
        body["data"]["values"],
        serde_json::json!({"name": "Acme", "tags": ["a", "b"], "scores": []})
    );
}
