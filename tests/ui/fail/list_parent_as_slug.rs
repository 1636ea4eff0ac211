// `parent` names the parent object's struct, not its slug.
#[attio::attio_list(slug = "sales_pipeline", parent = "companies")]
struct SalesEntry {
    stage: attio::Status,
}

fn main() {}
