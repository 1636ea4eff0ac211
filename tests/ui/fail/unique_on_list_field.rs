// An entry is found by its parent record, not by a unique attribute.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    #[attio(unique)]
    reference: Option<String>,
}

fn main() {}
