// An entry is removed from its list with `SalesEntry::delete`, not deleted as a record.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    client.delete_record::<SalesEntry>(&id).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
