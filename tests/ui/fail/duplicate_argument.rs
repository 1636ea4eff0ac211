#[attio::attio_object(slug = "users", slug = "people")]
struct User {
    user_id: String,
}

fn main() {}
