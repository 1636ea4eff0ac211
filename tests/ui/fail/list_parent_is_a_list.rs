// An entry's parent is a record, never another list's entry.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

#[attio::attio_list(slug = "renewals", parent = SalesEntry)]
struct Renewal {
    due: Option<attio::Date>,
}

fn main() {}
