// `#[attio(rename = "...")]`, raw identifiers, and several `#[attio]` attributes on one field.
use attio::AttioObject;

#[attio::attio_object(slug = "deals")]
struct Deal {
    #[attio(rename = "name")]
    title: String,
    r#type: Option<String>,
    #[attio(rename = "value")]
    #[attio(read_only)]
    amount: Option<f64>,
}

fn main() {
    let slugs: Vec<_> = Deal::FIELDS.iter().map(|f| (f.name, f.slug)).collect();
    assert_eq!(slugs, [("title", "name"), ("type", "type"), ("amount", "value")]);
    assert!(Deal::FIELDS[2].read_only);
    let deal = Deal { title: "Big".into(), r#type: Some("new".into()), amount: None };
    let body = serde_json::to_value(attio::wire::ValuesBody(&deal)).unwrap();
    assert_eq!(body["data"]["values"], serde_json::json!({"name": "Big", "type": "new"}));
}
