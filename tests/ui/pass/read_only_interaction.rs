// A read-only Attio type (interaction) compiles when the field is marked `#[attio(read_only)]`,
// and is never sent.
use attio::AttioObject;

#[attio::attio_object(slug = "people")]
struct Person {
    name: Option<attio::PersonalName>,
    #[attio(read_only)]
    last_email_interaction: Option<attio::Interaction>,
    #[attio(read_only)]
    first_calendar_interaction: Option<attio::WithMeta<attio::Interaction>>,
}

fn main() {
    assert_eq!(Person::FIELDS[1].attribute_type, attio::AttributeType::Interaction);
    assert!(Person::FIELDS[1].read_only);
    let person = Person { name: None, last_email_interaction: None, first_calendar_interaction: None };
    person.validate().unwrap();
    let body = serde_json::to_value(attio::wire::ValuesBody(&person)).unwrap();
    assert_eq!(body, serde_json::json!({"data": {"values": {}}}));
}
