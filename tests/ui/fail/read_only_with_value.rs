#[attio::attio_object(slug = "users")]
struct User {
    #[attio(read_only = true)]
    avatar_url: Option<String>,
}

fn main() {}
