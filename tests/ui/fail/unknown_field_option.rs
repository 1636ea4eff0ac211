#[attio::attio_object(slug = "users")]
struct User {
    #[attio(renam = "user_id")]
    id: String,
}

fn main() {}
