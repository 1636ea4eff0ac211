// `WithMeta<T>` in every shape: required, optional, multiselect.
use attio::{AttioObject, WithMeta};

#[attio::attio_object(slug = "users")]
struct User {
    user_id: WithMeta<String>,
    nickname: Option<WithMeta<String>>,
    scores: Vec<WithMeta<i64>>,
}

fn main() {
    assert_eq!(User::FIELDS[0].attribute_type, attio::AttributeType::Text);
    assert_eq!(User::FIELDS[1].cardinality, attio::Cardinality::Optional);
    assert_eq!(User::FIELDS[2].cardinality, attio::Cardinality::Multiple);
    assert_eq!(User::FIELDS[2].attribute_type, attio::AttributeType::Number);

    let user = User {
        user_id: WithMeta::new("u1".to_owned()),
        nickname: None,
        scores: vec![WithMeta::new(1), WithMeta::new(2)],
    };
    let body = serde_json::to_value(attio::wire::ValuesBody(&user)).unwrap();
    assert_eq!(body["data"]["values"], serde_json::json!({"user_id": "u1", "scores": [1, 2]}));
    assert_eq!(*user.user_id, "u1");
}
