#[attio::attio_object(slug = "users")]
struct User(String, String);

fn main() {}
