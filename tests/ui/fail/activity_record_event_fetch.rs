// A `record.*` event names a record of an object; an activity's records have their own events.
#[attio::attio_activity(slug = "site_visits", extends = "interactions")]
struct SiteVisit {
    occurred_at: attio::Timestamp,
}

async fn run(client: attio::Client, event: attio::webhooks::RecordEvent) -> attio::Result<()> {
    event.fetch::<SiteVisit>(&client).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
