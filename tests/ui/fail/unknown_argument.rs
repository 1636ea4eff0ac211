#[attio::attio_object(slg = "users")]
struct User {
    user_id: String,
}

fn main() {}
