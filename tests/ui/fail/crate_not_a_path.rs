#[attio::attio_object(slug = "users", crate = "not a path")]
struct User {
    user_id: String,
}

fn main() {}
