// A list's struct describes entries, not records: `get_record` cannot read one.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    client.get_record::<SalesEntry>(&id).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
