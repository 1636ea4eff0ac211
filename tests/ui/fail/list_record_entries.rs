// A record's entries are asked of its object, not of a list (a list's entries have no entries).
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    client.record_entries::<SalesEntry>(&id).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
