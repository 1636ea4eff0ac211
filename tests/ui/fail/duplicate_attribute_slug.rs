#[attio::attio_object(slug = "users")]
struct User {
    primary_email_address: String,
    #[attio(rename = "primary_email_address")]
    email: String,
}

fn main() {}
