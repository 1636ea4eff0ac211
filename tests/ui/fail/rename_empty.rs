#[attio::attio_object(slug = "users")]
struct User {
    #[attio(rename = "")]
    user_id: String,
}

fn main() {}
