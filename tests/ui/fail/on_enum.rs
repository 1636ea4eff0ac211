#[attio::attio_object(slug = "users")]
enum User {
    Active { user_id: String },
    Deleted,
}

fn main() {}
