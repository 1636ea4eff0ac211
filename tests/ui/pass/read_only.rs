// `#[attio(read_only)]` fields are decoded but never sent, nor validated.
use attio::AttioObject;

#[attio::attio_object(slug = "people")]
struct Person {
    description: Option<String>,
    #[attio(read_only)]
    twitter_follower_count: Option<i64>,
    #[attio(rename = "created_at", read_only)]
    created: attio::Timestamp,
}

fn main() {
    assert!(!Person::FIELDS[0].read_only);
    assert!(Person::FIELDS[1].read_only);
    assert!(Person::FIELDS[2].read_only);
    assert_eq!(Person::FIELDS[2].slug, "created_at");
    assert_eq!(Person::FIELDS[2].attribute_type, attio::AttributeType::Timestamp);

    let person: Person = serde_json::from_value::<attio::Record<Person>>(serde_json::json!({
        "id": {"workspace_id": "w", "object_id": "o", "record_id": "5e3fb280-007b-495a-a530-9354bde01de1"},
        "created_at": "2024-01-01T00:00:00.000000000Z",
        "values": {
            "twitter_follower_count": [{"attribute_type": "number", "value": 12, "active_until": null}],
            "created_at": [{"attribute_type": "timestamp", "value": "2024-01-01T00:00:00.000000000Z", "active_until": null}]
        }
    }))
    .unwrap()
    .values;
    assert_eq!(person.twitter_follower_count, Some(12));
    assert_eq!(person.description, None);

    let body = serde_json::to_value(attio::wire::ValuesBody(&person)).unwrap();
    assert_eq!(body, serde_json::json!({"data": {"values": {}}}));
    person.validate().unwrap();
}
