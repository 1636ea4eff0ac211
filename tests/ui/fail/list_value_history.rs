// An entry's history is `SalesEntry::history`, by entry id; `value_history` reads a record's.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    client.value_history(&id, SalesEntry::fields().stage()).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
