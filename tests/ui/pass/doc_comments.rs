// Doc comments and other attributes on the struct and its fields are kept, and generated items are
// documented: this compiles under `deny(missing_docs)` as a public library item would.
#![deny(missing_docs)]
//! A crate documenting its objects.

/// A user of the product.
#[attio::attio_object(slug = "users")]
#[derive(Debug, Default)]
pub struct User {
    /// The product's own id for the user.
    pub user_id: String,
    /// Where to reach them.
    #[attio(rename = "primary_email_address")]
    #[allow(unused)]
    pub email: Option<String>,
}

fn main() {
    let user = User::default();
    assert_eq!(format!("{user:?}"), "User { user_id: \"\", email: None }");
}
