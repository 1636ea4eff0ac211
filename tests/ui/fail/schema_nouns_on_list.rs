// A list has a name, not nouns.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales", parent = Company, singular = "Sale", plural = "Sales")]
struct SalesEntry {
    rank: Option<f64>,
}

fn main() {}
