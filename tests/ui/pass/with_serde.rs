// The struct's own serde derives are untouched: camelCase JSON through serde, Attio's encoding
// through the AttioObject impl.
use attio::AttioObject;
use serde::{Deserialize, Serialize};

#[attio::attio_object(slug = "users")]
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct User {
    user_id: String,
    #[attio(rename = "primary_email_address")]
    #[serde(rename = "email")]
    email_address: String,
    is_admin: Option<bool>,
}

fn main() {
    let user = User {
        user_id: "u1".into(),
        email_address: "a@b.co".into(),
        is_admin: Some(true),
    };
    // serde: the struct's own representation.
    let json = serde_json::to_value(&user).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"userId": "u1", "email": "a@b.co", "isAdmin": true})
    );
    assert_eq!(serde_json::from_value::<User>(json).unwrap(), user);

    // Attio: the attribute slugs.
    let body = serde_json::to_value(attio::wire::ValuesBody(&user)).unwrap();
    assert_eq!(
        body["data"]["values"],
        serde_json::json!({"user_id": "u1", "primary_email_address": "a@b.co", "is_admin": true})
    );
    assert_eq!(User::FIELDS[1].slug, "primary_email_address");
}
