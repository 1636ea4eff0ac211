// Every mistake is reported, not just the first.
#[attio::attio_object(slug = "Users", crate_path = "attio")]
struct User {
    #[attio(rename = "")]
    user_id: String,
    #[attio(readonly)]
    avatar_url: Option<String>,
}

fn main() {}
