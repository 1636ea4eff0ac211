// The seed document's `User`.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub user_id: String,
    pub primary_email_address: attio::EmailAddress,
    pub person: Option<attio::RecordReference>,
    pub workspace: Option<attio::RecordReference>,
}
