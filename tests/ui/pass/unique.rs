// `#[attio(unique)]` marks the attribute a create in doubt is resolved by.
use attio::AttioObject;

#[attio::attio_object(slug = "users")]
struct User {
    #[attio(unique)]
    user_id: String,
    #[attio(rename = "primary_email_address", unique)]
    email: Option<attio::EmailAddress>,
    workspace: Option<attio::RecordReference>,
}

fn main() {
    assert!(User::FIELDS[0].unique);
    assert!(User::FIELDS[1].unique);
    assert_eq!(User::FIELDS[1].slug, "primary_email_address");
    assert!(!User::FIELDS[2].unique);
}
