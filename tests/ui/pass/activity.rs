// An activity's struct has the record API objects and activities share.
use attio::prelude::*;

#[attio::attio_object(slug = "people")]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
enum Page {
    Home,
    Docs,
}

#[attio::attio_activity(
    slug = "site_visits",
    extends = "interactions",
    singular = "Site visit",
    plural = "Site visits"
)]
struct SiteVisit {
    occurred_at: attio::Timestamp,
    visitor: Option<attio::Ref<Person>>,
    #[attio(unique)]
    visit_id: String,
    pages: Vec<Page>,
}

async fn run(
    client: attio::Client,
    visit: SiteVisit,
    event: attio::webhooks::ActivityRecordEvent,
) -> Result<(), Box<dyn std::error::Error>> {
    let record = visit.create(&client).await?;
    let id = record.id.record_id.clone();
    visit.update(&client, &id).await?;
    visit.overwrite(&client, &id).await?;
    visit.assert_by(&client, |f| f.visit_id()).await?;
    SiteVisit::get(&client, &id).await?;
    let _recent = SiteVisit::query()
        .filter(|f| f.occurred_at().gte("2026-11-01T00:00:00Z".parse::<attio::Timestamp>().unwrap()))
        .sort(|f| f.occurred_at().desc())
        .collect_all(&client)
        .await?;
    SiteVisit::changes().append_pages([Page::Docs]).apply(&client, &id).await?;
    client.ensure_schema::<SiteVisit>().await?;
    let _activity = SiteVisit::activity_info(&client).await?;
    let _same = event.fetch::<SiteVisit>(&client).await?;
    SiteVisit::delete(&client, &id).await?;
    assert_eq!(SiteVisit::SLUG, "site_visits");
    Ok(())
}

fn main() {
    let _ = run;
}
