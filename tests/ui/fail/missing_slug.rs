#[attio::attio_object]
struct User {
    user_id: String,
}

fn main() {}
