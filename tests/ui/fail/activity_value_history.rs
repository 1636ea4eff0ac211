// Attio has no value history for activity records.
#[attio::attio_activity(slug = "site_visits", extends = "interactions")]
struct SiteVisit {
    occurred_at: attio::Timestamp,
}

async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    client.value_history(&id, SiteVisit::fields().occurred_at()).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
