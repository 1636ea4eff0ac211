#[attio::attio_object(slug = "users")]
struct User {
    user_id: String,
    nickname: Option<Option<String>>,
}

fn main() {}
