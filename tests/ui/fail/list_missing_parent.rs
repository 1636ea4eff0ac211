// A list's entries belong to records of one object: `parent` names its struct.
#[attio::attio_list(slug = "sales_pipeline")]
struct SalesEntry {
    stage: attio::Status,
}

fn main() {}
