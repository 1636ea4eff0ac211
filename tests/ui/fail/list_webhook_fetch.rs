// A record event names a record of an object, never a list's entry.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, event: attio::webhooks::RecordEvent) -> attio::Result<()> {
    event.fetch::<SalesEntry>(&client).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
