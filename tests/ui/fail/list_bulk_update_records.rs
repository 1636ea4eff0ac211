// Bulk record writes take objects' structs; entries have `add_entries` / `update_entries`.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, items: Vec<(attio::RecordId, SalesEntry)>) {
    let _ = client.bulk().update_all(items, |_| {}).await;
}

fn main() {
    let _ = run;
}
