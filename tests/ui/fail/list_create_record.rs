// An entry is added to a list for a parent record, not created as a record.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, entry: SalesEntry) -> attio::Result<()> {
    client.create_record(&entry).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
