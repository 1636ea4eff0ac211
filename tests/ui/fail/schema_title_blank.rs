// A title is shown in Attio's web app: it must not be blank.
#[attio::attio_object(slug = "projects")]
struct Project {
    #[attio(title = "  ")]
    name: String,
}

fn main() {}
