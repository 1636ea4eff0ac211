#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
    categories: Option<Vec<String>>,
}

fn main() {}
