#[attio::attio_object(slug = "users")]
#[allow(non_snake_case)]
struct User {
    userId: String,
}

fn main() {}
