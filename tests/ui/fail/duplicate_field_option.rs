#[attio::attio_object(slug = "users")]
struct User {
    #[attio(read_only)]
    #[attio(read_only)]
    avatar_url: Option<String>,
}

fn main() {}
