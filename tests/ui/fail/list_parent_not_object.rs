// The parent must be an #[attio_object] struct.
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

fn main() {}
