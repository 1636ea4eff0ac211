#[attio::attio_object(slug = "users")]
fn user() {}

fn main() {}
