// An object's nouns come in pairs: `ensure_schema` creates the object with both.
#[attio::attio_object(slug = "projects", singular = "Project")]
struct Project {
    name: String,
}

fn main() {}
