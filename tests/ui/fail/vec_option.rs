#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
    categories: Vec<Option<String>>,
}

fn main() {}
