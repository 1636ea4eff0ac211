#[attio::attio_object(slug = "Sales Leads")]
struct Lead {
    name: String,
}

fn main() {}
