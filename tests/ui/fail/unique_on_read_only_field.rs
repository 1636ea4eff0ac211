// A create is resolved by the unique value it sends; a read_only field is never sent.
#[attio::attio_object(slug = "users")]
struct User {
    #[attio(read_only, unique)]
    user_id: String,
}

fn main() {}
