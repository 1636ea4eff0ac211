#[attio::attio_object(slug = "people")]
struct Person {
    name: String,
    last_email_interaction: Option<attio::Interaction>,
}

fn main() {}
