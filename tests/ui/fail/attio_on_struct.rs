#[attio::attio_object(slug = "users")]
#[attio(rename = "people")]
struct User {
    user_id: String,
}

fn main() {}
