// A list's change set is sent to an entry (`SalesEntry::changes()...apply(&client, &entry_id)`), not to a record.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    attio::ChangeSet::<SalesEntry>::new().apply(&client, &id).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
