// The User struct: every option together, round-tripped through the Attio encoding.
use attio::prelude::*;
use attio::AttioObject;

#[attio::attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub user_id: String,
    #[attio(rename = "primary_email_address")]
    pub email: attio::EmailAddress,
    pub person: Option<attio::RecordReference>,
    #[attio(read_only)]
    pub avatar_url: Option<String>,
}

fn main() {
    assert_eq!(User::SLUG, "users");
    assert_eq!(<User as AttioObject>::SLUG, "users");
    let slugs: Vec<_> = User::FIELDS.iter().map(|f| f.slug).collect();
    assert_eq!(slugs, ["user_id", "primary_email_address", "person", "avatar_url"]);
    assert_eq!(User::FIELDS[1].name, "email");
    assert_eq!(User::FIELDS[1].attribute_type, attio::AttributeType::EmailAddress);
    assert_eq!(User::FIELDS[2].attribute_type, attio::AttributeType::RecordReference);
    assert_eq!(User::FIELDS[2].cardinality, attio::Cardinality::Optional);
    assert!(User::FIELDS[3].read_only);
    assert_eq!(User::FIELDS[1].rust_type, "attio::EmailAddress");
    assert_eq!(User::FIELDS[2].rust_type, "Option<attio::RecordReference>");

    let user = User {
        user_id: "u1".into(),
        email: attio::EmailAddress::new("a@b.co").unwrap(),
        person: None,
        avatar_url: Some("https://x/a.png".into()),
    };
    user.validate().unwrap();
    let body = serde_json::to_value(attio::wire::ValuesBody(&user)).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"data": {"values": {"user_id": "u1", "primary_email_address": "a@b.co"}}})
    );

    let record: attio::Record<User> = serde_json::from_value(serde_json::json!({
        "id": {"workspace_id": "w", "object_id": "o", "record_id": "5e3fb280-007b-495a-a530-9354bde01de1"},
        "created_at": "2024-01-01T00:00:00.000000000Z",
        "values": {
            "user_id": [{"active_from": "2024-01-01T00:00:00Z", "active_until": null, "created_by_actor": {"type": "system", "id": null}, "attribute_type": "text", "value": "u1"}],
            "primary_email_address": [{"attribute_type": "email-address", "email_address": "a@b.co", "original_email_address": "a@b.co", "email_domain": "b.co", "email_root_domain": "b.co", "email_local_specifier": "a", "active_until": null}],
            "person": [],
            "avatar_url": [{"attribute_type": "text", "value": "https://x/a.png", "active_until": null}],
            "unknown_attribute": [{"attribute_type": "number", "value": 3}]
        }
    }))
    .unwrap();
    assert_eq!(record.values, user);

    // `update` exists with the documented signature.
    let _update = |client: &attio::Client, id: &attio::RecordId| {
        let user = user.clone();
        let id = id.clone();
        let client = client.clone();
        async move { user.update(&client, &id).await }
    };
}
