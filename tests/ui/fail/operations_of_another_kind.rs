// With the prelude imported, an operation of another kind of struct is still refused: an
// activity has no value history, and a list's struct is not created as a record.
use attio::prelude::*;

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: attio::Status,
}

#[attio::attio_activity(slug = "site_visits", extends = "interactions")]
struct SiteVisit {
    occurred_at: attio::Timestamp,
}

async fn run(client: attio::Client, id: attio::RecordId, entry: SalesEntry) -> attio::Result<()> {
    SiteVisit::history(&client, &id, |f| f.occurred_at()).await?;
    entry.create(&client).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
