// `#[attio(unique)]` marks an attribute Attio keeps unique. On a single-value field, a create in
// doubt is resolved by it; on any field (a multiselect such as people's email addresses, a
// read-only system attribute), it is recorded for schema checks and `ensure_schema`.
use attio::AttioObject;

#[attio::attio_object(slug = "users")]
struct User {
    #[attio(unique)]
    user_id: String,
    #[attio(rename = "primary_email_address", unique)]
    email: Option<attio::EmailAddress>,
    workspace: Option<attio::RecordReference>,
}

#[attio::attio_object(slug = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<attio::EmailAddress>,
    #[attio(unique, read_only)]
    record_id: Option<String>,
}

fn main() {
    assert!(User::FIELDS[0].unique);
    assert!(User::FIELDS[1].unique);
    assert_eq!(User::FIELDS[1].slug, "primary_email_address");
    assert!(!User::FIELDS[2].unique);
    assert!(Person::FIELDS.iter().all(|f| f.unique));
}
