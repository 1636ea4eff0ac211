// An entry's parent is typed: a bare record id does not say which object its record belongs to.
#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

async fn run(client: attio::Client, entry: SalesEntry, id: attio::RecordId) -> attio::Result<()> {
    client.add_entry(&entry, &id).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
