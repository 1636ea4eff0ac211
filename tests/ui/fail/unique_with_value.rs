#[attio::attio_object(slug = "users")]
struct User {
    #[attio(unique = true)]
    user_id: String,
}

fn main() {}
