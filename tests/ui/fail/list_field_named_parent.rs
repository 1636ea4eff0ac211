// `fields().parent()` is the handle of the parent record: no field may be called `parent`.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    parent: Option<String>,
}

fn main() {}
