//! One record suite, two runs: an object's records and an activity's go through the same steps
//! (schema, create, get, update, overwrite, assert, query, stream, change sets, bulk, sync,
//! delete, a link to a person) and must give the same answers.

use attio::prelude::*;
use std::fmt::Debug;

use attio::{Client, ErrorCode, Query, Queryable, Record, RecordId, RecordStruct, Ref, Timestamp};
use futures::StreamExt as _;

use crate::{Page, Person, SiteVisit, Visit, setup};
use Page::{Blog, Docs, Home, Pricing};

/// What the suite needs of a struct beyond the record API: building one, and the handles the
/// macro generates for each struct (the same names on both).
trait Visits:
    RecordStruct + Queryable<Item = Record<Self>> + Clone + PartialEq + Debug + Send + Sync + 'static
{
    fn new(id: &str, at: &str, pages: &[Page], note: Option<&str>) -> Self;
    fn visit_id(&self) -> &str;
    fn pages(&self) -> &[Page];
    fn note(&self) -> Option<&str>;
    fn with_visitor(self, person: Ref<Person>) -> Self;
    fn visitor(&self) -> Option<&Ref<Person>>;
    fn by_visit_id(id: &str) -> Query<Self>;
    fn newest_first() -> Query<Self>;
    async fn assert(&self, client: &Client) -> attio::Result<Record<Self>>;
    async fn append_page_and_note(
        client: &Client,
        id: &RecordId,
        page: Page,
        note: &str,
    ) -> attio::Result<Record<Self>>;
    async fn sync(client: &Client, items: Vec<Self>) -> attio::Result<attio::sync::SyncReport>;
}

macro_rules! visits {
    ($ty:ident) => {
        impl Visits for $ty {
            fn new(id: &str, at: &str, pages: &[Page], note: Option<&str>) -> Self {
                $ty {
                    visit_id: id.into(),
                    occurred_at: at.parse::<Timestamp>().unwrap(),
                    pages: pages.to_vec(),
                    note: note.map(Into::into),
                    visitor: None,
                }
            }
            fn visit_id(&self) -> &str {
                &self.visit_id
            }
            fn pages(&self) -> &[Page] {
                &self.pages
            }
            fn note(&self) -> Option<&str> {
                self.note.as_deref()
            }
            fn with_visitor(mut self, person: Ref<Person>) -> Self {
                self.visitor = Some(person);
                self
            }
            fn visitor(&self) -> Option<&Ref<Person>> {
                self.visitor.as_ref()
            }
            fn by_visit_id(id: &str) -> Query<Self> {
                $ty::query().filter(|f| f.visit_id().eq(id))
            }
            fn newest_first() -> Query<Self> {
                $ty::query().sort(|f| f.occurred_at().desc())
            }
            async fn assert(&self, client: &Client) -> attio::Result<Record<Self>> {
                self.assert_by(client, |f| f.visit_id()).await
            }
            async fn append_page_and_note(
                client: &Client,
                id: &RecordId,
                page: Page,
                note: &str,
            ) -> attio::Result<Record<Self>> {
                $ty::changes()
                    .append_pages([page])
                    .set_note(note)
                    .apply(client, id)
                    .await
            }
            async fn sync(
                client: &Client,
                items: Vec<Self>,
            ) -> attio::Result<attio::sync::SyncReport> {
                client
                    .sync(items)
                    .by($ty::fields().visit_id())
                    .run(|_| {})
                    .await
            }
        }
    };
}

visits!(Visit);
visits!(SiteVisit);

/// The pages in declaration order.
fn sorted(pages: &[Page]) -> Vec<Page> {
    let mut pages = pages.to_vec();
    pages.sort_by_key(|p| *p as u8);
    pages
}

/// The steps, with the answers both kinds must give.
async fn suite<T: Visits>(client: &Client) {
    // The schema: created from the struct (the object or the activity, then its attributes),
    // then in agreement with it.
    let plan = client.ensure_schema::<T>().await.unwrap();
    assert!(plan.is_possible(), "{plan}");
    let report = client.check_schema::<T>().await.unwrap();
    assert!(report.is_compatible(), "{report}");

    // Create and get.
    let a = T::new("a", "2026-11-01T09:00:00Z", &[Home], Some("first"));
    let created = client.create_record(&a).await.unwrap();
    let id = created.id.record_id.clone();
    assert_eq!(created.values, a);
    assert_eq!(client.get_record::<T>(&id).await.unwrap().values, a);

    // PATCH appends to a multiselect; PUT replaces it.
    let more = T::new("a", "2026-11-01T09:00:00Z", &[Pricing], None);
    let updated = client.update_record(&more, &id).await.unwrap();
    // Attio adds the values; in which order it lists them is its own.
    assert_eq!(sorted(updated.values.pages()), [Home, Pricing]);
    assert_eq!(updated.values.note(), Some("first"), "a None is not sent");
    let exact = T::new("a", "2026-11-01T09:00:00Z", &[Docs], Some("replaced"));
    let overwritten = client.overwrite_record(&exact, &id).await.unwrap();
    assert_eq!(overwritten.values, exact);

    // An upsert by the unique attribute: the same record, then a new one.
    let again = T::new("a", "2026-11-01T09:00:00Z", &[Docs], Some("asserted"));
    let same = again.assert(client).await.unwrap();
    assert_eq!(same.id.record_id, id);
    assert_eq!(same.values.note(), Some("asserted"));
    let b = T::new("b", "2026-11-02T09:00:00Z", &[], None);
    let new = b.assert(client).await.unwrap();
    assert_ne!(new.id.record_id, id);

    // Queries: a filter, a sort, a stream.
    let found = T::by_visit_id("b").collect_all(client).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].values.visit_id(), "b");
    let newest = T::newest_first().collect_all(client).await.unwrap();
    let order: Vec<&str> = newest.iter().map(|r| r.values.visit_id()).collect();
    assert_eq!(order, ["b", "a"]);
    let streamed: Vec<_> = T::newest_first()
        .page_size(1)
        .stream(client)
        .collect()
        .await;
    assert_eq!(streamed.len(), 2);

    // A change set: an append and a replacement in one call.
    let changed = T::append_page_and_note(client, &id, Blog, "changed")
        .await
        .unwrap();
    assert_eq!(sorted(changed.values.pages()), [Docs, Blog]);
    assert_eq!(changed.values.note(), Some("changed"));

    // Bulk creates, then a sync that creates what is missing and then writes nothing.
    let many = (0..5).map(|i| T::new(&format!("bulk-{i}"), "2026-11-03T09:00:00Z", &[], None));
    let report = client.bulk().create_all(many, |_| {}).await;
    assert_eq!(report.progress.succeeded, 5, "{:?}", report.progress);
    let items: Vec<T> = (0..3)
        .map(|i| T::new(&format!("sync-{i}"), "2026-11-04T09:00:00Z", &[Home], None))
        .collect();
    let first = T::sync(client, items.clone()).await.unwrap();
    assert_eq!((first.created, first.failed.len()), (3, 0), "{first}");
    let second = T::sync(client, items).await.unwrap();
    assert_eq!(
        (second.created, second.updated, second.unchanged),
        (0, 0, 3),
        "{second}"
    );

    // A link to a person.
    let person = client
        .create_record(&Person {
            email_addresses: vec![format!("{}@example.com", T::SLUG).parse().unwrap()],
        })
        .await
        .unwrap();
    let linked =
        T::new("linked", "2026-11-05T09:00:00Z", &[], None).with_visitor(Ref::from(&person));
    let record = client.create_record(&linked).await.unwrap();
    assert_eq!(record.values.visitor(), Some(&Ref::from(&person)));

    // Delete: gone.
    client.delete_record::<T>(&id).await.unwrap();
    let gone = client.get_record::<T>(&id).await.unwrap_err();
    assert_eq!(gone.code(), Some(&ErrorCode::NotFound), "{gone}");
}

#[tokio::test]
async fn an_objects_records_pass_the_suite() {
    let (_sandbox, client) = setup().await;
    suite::<Visit>(&client).await;
}

#[tokio::test]
async fn an_activitys_records_pass_the_same_suite() {
    let (_sandbox, client) = setup().await;
    suite::<SiteVisit>(&client).await;
}

#[tokio::test]
async fn the_two_runs_write_to_their_own_paths() {
    let (_sandbox, client) = setup().await;
    client.ensure_schema::<SiteVisit>().await.unwrap();
    let visit = SiteVisit::new("p", "2026-11-01T09:00:00Z", &[], None);
    let record = visit.create(&client).await.unwrap();
    // Read through the activity's path, and not through the objects' one.
    let raw: serde_json::Value = client
        .request(
            attio::Method::Get,
            format!("/v2/activities/site_visits/records/{}", record.id.record_id),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(raw["data"]["id"]["record_id"], record.id.record_id.as_str());
    let wrong = client
        .request(
            attio::Method::Get,
            format!("/v2/objects/site_visits/records/{}", record.id.record_id),
        )
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert_eq!(wrong.status(), Some(404), "{wrong}");
}
