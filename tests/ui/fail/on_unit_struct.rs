#[attio::attio_object(slug = "users")]
struct User;

fn main() {}
