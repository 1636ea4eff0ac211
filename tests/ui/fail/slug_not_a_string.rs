#[attio::attio_object(slug = users)]
struct User {
    user_id: String,
}

fn main() {}
