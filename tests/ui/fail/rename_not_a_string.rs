#[attio::attio_object(slug = "users")]
struct User {
    #[attio(rename = 42)]
    user_id: String,
}

fn main() {}
