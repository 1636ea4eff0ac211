#[attio::attio_object(slug = "")]
struct User {
    user_id: String,
}

fn main() {}
