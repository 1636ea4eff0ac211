// `crate = "..."`: the attio crate reached through a re-exporting module, as a wrapper crate would.
mod reexport {
    pub use ::attio;
}

#[attio::attio_object(slug = "users", crate = "crate::reexport::attio")]
struct User {
    user_id: String,
}

fn main() {
    use crate::reexport::attio::AttioObject;
    assert_eq!(<User as AttioObject>::SLUG, "users");
    let _ = User { user_id: String::new() }.user_id;
}
