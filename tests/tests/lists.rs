//! Typed lists and entries, end to end against the in-process sandbox: the issue's sales
//! pipeline (add, move through stages with a change set, query by stage and by the parent
//! company's name, history), assert by parent and its typed error, update vs overwrite, the
//! record -> entries short form, typed entries of one record, and the lists themselves.
//!
//! Run: `cargo test -p attio-tests --test lists`.

use attio::prelude::*;
use attio::{
    ActorReference, Currency, Entry, Error, ErrorCode, ListUpdate, Record, RecordId, Ref,
    SelectOption, attio_list, attio_object,
};
use attio_sandbox::Sandbox;
use futures::TryStreamExt as _;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
    domains: Vec<attio::Domain>,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(rename = "In Progress")]
    InProgress,
    #[attio(rename = "Won 🎉")]
    Won,
    Lost,
}

/// The issue's list.
#[attio_list(slug = "sales_pipeline", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
struct SalesEntry {
    stage: Stage,
    owner: Option<ActorReference>,
    deal_value: Option<Currency>,
}

/// The standard `deals` object: a list over deals takes no company as a parent.
#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct Deal {
    name: String,
    stage: attio::Status,
    owner: ActorReference,
}

/// A list whose entries have deals as parents.
#[attio_list(slug = "deal_pipeline", parent = Deal)]
#[derive(Debug, Clone, PartialEq)]
struct DealEntry {
    note: Option<String>,
}

/// The same list, with a multiselect attribute, for update (PATCH) vs overwrite (PUT).
#[attio_list(slug = "sales_pipeline", parent = Company)]
#[derive(Debug, Clone, PartialEq)]
struct TaggedEntry {
    tags: Vec<SelectOption>,
}

async fn setup() -> (Sandbox, attio::Client) {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = attio_tests::sandbox_client(&sandbox)
        .build()
        .expect("a client");
    SalesEntry::create_list(&client, "Sales pipeline")
        .await
        .expect("the list is created");
    client
        .create_list_attribute(SalesEntry::fields().stage(), "Stage")
        .await
        .expect("stage is created");
    for title in <Stage as attio::SelectEnum>::TITLES {
        client
            .create_list_choice(SalesEntry::fields().stage(), title)
            .await
            .expect("a status is created");
    }
    client
        .create_list_attribute(SalesEntry::fields().owner(), "Owner")
        .await
        .expect("owner is created");
    client
        .create_list_attribute(SalesEntry::fields().deal_value(), "Deal value")
        .await
        .expect("deal_value is created");
    client
        .create_list_attribute(TaggedEntry::fields().tags(), "Tags")
        .await
        .expect("tags is created");
    for title in ["hot", "cold", "enterprise"] {
        client
            .create_list_choice(TaggedEntry::fields().tags(), title)
            .await
            .expect("an option is created");
    }
    (sandbox, client)
}

/// A new company: the `Record<Company>` is what entries of `SalesEntry` are added for.
async fn company(client: &attio::Client, name: &str) -> Record<Company> {
    Company {
        name: name.into(),
        domains: vec![],
    }
    .create(client)
    .await
    .expect("the company is created")
}

fn lead() -> SalesEntry {
    SalesEntry {
        stage: Stage::Lead,
        owner: None,
        deal_value: None,
    }
}

#[tokio::test]
async fn the_issue_pipeline_end_to_end() {
    let (sandbox, client) = setup().await;
    let acme = company(&client, "Acme Corp").await;
    let globex = company(&client, "Globex").await;

    // What a user gets (issue 10).
    let entry = lead().add(&client, &acme).await.expect("added");
    assert_eq!(entry.parent_record_id, acme.id.record_id);
    assert_eq!(entry.parent_object, "companies");
    assert_eq!(entry.values.stage, Stage::Lead);
    let moved = SalesEntry::changes()
        .set_stage(Stage::Won)
        .set_deal_value(Currency::from_f64(12_500.0).expect("a currency"))
        .apply(&client, &entry.id.entry_id)
        .await
        .expect("the change set applies");
    assert_eq!(moved.values.stage, Stage::Won);
    assert_eq!(moved.id, entry.id);

    let other = SalesEntry {
        stage: Stage::InProgress,
        ..lead()
    }
    .add(&client, &globex)
    .await
    .expect("added");

    let open: Vec<Entry<SalesEntry>> = SalesEntry::query()
        .filter(|f| f.stage().is_in([Stage::Lead, Stage::InProgress]))
        .stream(&client)
        .try_collect()
        .await
        .expect("the query runs");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, other.id);

    // The issue's filter: list attribute and parent attribute together.
    let acme_open = SalesEntry::query()
        .filter(|f| {
            f.stage().is_in([Stage::Lead, Stage::InProgress]) & f.parent().name().contains("Acme")
        })
        .collect_all(&client)
        .await
        .expect("the query runs");
    assert!(acme_open.is_empty(), "Acme's entry is won");
    let acme_any = SalesEntry::query()
        .filter(|f| f.parent().name().contains("acme"))
        .collect_all(&client)
        .await
        .expect("the parent filter runs");
    assert_eq!(acme_any.len(), 1);
    assert_eq!(acme_any[0].parent_record_id, acme.id.record_id);

    // Sorted by the parent's name, paged one at a time.
    let by_name: Vec<RecordId> = SalesEntry::query()
        .sort(|f| f.parent().name().desc())
        .page_size(1)
        .stream(&client)
        .map_ok(|e| e.parent_record_id)
        .try_collect()
        .await
        .expect("the sorted query runs");
    assert_eq!(by_name, [globex.id.record_id, acme.id.record_id.clone()]);

    // History: Lead then Won.
    let stages = SalesEntry::history(&client, &entry.id.entry_id, |f| f.stage())
        .await
        .expect("the history");
    let titles: Vec<Stage> = stages.iter().map(|s| s.value).collect();
    assert_eq!(titles, [Stage::Lead, Stage::Won]);
    assert!(stages[1].meta.is_active() && !stages[0].meta.is_active());

    // Get and delete.
    let read = SalesEntry::get(&client, &entry.id.entry_id)
        .await
        .expect("get");
    assert_eq!(read.values, moved.values);
    SalesEntry::delete(&client, &entry.id.entry_id)
        .await
        .expect("delete");
    let err = SalesEntry::get(&client, &entry.id.entry_id)
        .await
        .expect_err("gone");
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn assert_by_parent_creates_overwrites_and_refuses_two_entries() {
    let (sandbox, client) = setup().await;
    let acme = company(&client, "Acme").await;
    let first = lead()
        .assert_by_parent(&client, &acme)
        .await
        .expect("created");
    let again = SalesEntry {
        stage: Stage::Lost,
        ..lead()
    }
    .assert_by_parent(&client, &acme)
    .await
    .expect("overwritten");
    assert_eq!(again.id, first.id, "the same entry");
    assert_eq!(again.values.stage, Stage::Lost);

    lead().add(&client, &acme).await.expect("a second entry");
    let err = lead()
        .assert_by_parent(&client, &acme)
        .await
        .expect_err("two entries");
    match &err {
        Error::MultipleEntries {
            list,
            parent_record_id,
            ..
        } => {
            assert_eq!(*list, "sales_pipeline");
            assert_eq!(parent_record_id, &acme.id.record_id);
        }
        other => panic!("expected MultipleEntries, got {other:?}"),
    }
    assert_eq!(err.code(), Some(&ErrorCode::MultipleMatchResults));
    assert_eq!(err.outcome(), attio::Outcome::NotApplied);
    let text = err.to_string();
    assert!(
        text.contains("several entries") && text.contains("entry id"),
        "{text}"
    );

    // The typed entries of Acme in this list, and the short form in every list.
    let typed = SalesEntry::entries_of(&client, &acme)
        .await
        .expect("entries_of");
    assert_eq!(typed.len(), 2);
    assert!(
        typed
            .iter()
            .all(|e| e.parent_record_id == acme.id.record_id)
    );
    let short = Company::entries(&client, &acme.id.record_id)
        .await
        .expect("entries");
    assert_eq!(short.len(), 2);
    assert!(short.iter().all(|e| e.list_api_slug == "sales_pipeline"));
    assert!(short.iter().any(|e| e.entry_id == first.id.entry_id));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn update_appends_and_overwrite_replaces_multiselects() {
    let (sandbox, client) = setup().await;
    let acme = company(&client, "Acme").await;
    let tag = |t: &str| SelectOption::by_title(t).expect("a title");
    let entry = TaggedEntry {
        tags: vec![tag("hot")],
    }
    .add(&client, &acme)
    .await
    .expect("added");
    let id = entry.id.entry_id;
    let appended = TaggedEntry {
        tags: vec![tag("enterprise")],
    }
    .update(&client, &id)
    .await
    .expect("PATCH");
    let mut titles: Vec<String> = appended.values.tags.iter().map(|t| t.to_string()).collect();
    titles.sort();
    assert_eq!(titles, ["enterprise", "hot"]);
    let replaced = TaggedEntry {
        tags: vec![tag("cold")],
    }
    .overwrite(&client, &id)
    .await
    .expect("PUT");
    let titles: Vec<String> = replaced.values.tags.iter().map(|t| t.to_string()).collect();
    assert_eq!(titles, ["cold"]);
    let changed = TaggedEntry::changes()
        .append_tags([tag("hot")])
        .apply(&client, &id)
        .await
        .expect("change set");
    assert_eq!(changed.values.tags.len(), 2);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_entry_change_set_resumes_from_the_patch_in_doubt() {
    use attio_sandbox::Fault;
    let (sandbox, client) = setup().await;
    let acme = company(&client, "Acme").await;
    let tag = |t: &str| SelectOption::by_title(t).expect("a title");
    let id = TaggedEntry {
        tags: vec![tag("hot")],
    }
    .add(&client, &acme)
    .await
    .expect("added")
    .id
    .entry_id;
    // The PATCH that appends is applied, then its answer is lost: the entry is read back,
    // the tag is there, and nothing is sent again.
    sandbox.inject_fault(Fault::DropAfterApply, 1);
    let changed = TaggedEntry::changes()
        .append_tags([tag("enterprise")])
        .apply(&client, &id)
        .await
        .expect("the PATCH in doubt is resolved by reading the entry back");
    let mut titles: Vec<String> = changed.values.tags.iter().map(|t| t.to_string()).collect();
    titles.sort();
    assert_eq!(titles, ["enterprise", "hot"], "appended once");
    let methods: Vec<String> = sandbox
        .recent_requests()
        .into_iter()
        .map(|r| r.method)
        .collect();
    assert_eq!(methods[methods.len() - 2..], ["PATCH", "GET"]);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn lists_themselves() {
    let (sandbox, client) = setup().await;
    let list = SalesEntry::list_info(&client).await.expect("the list");
    assert_eq!(list.api_slug, "sales_pipeline");
    assert_eq!(list.name, "Sales pipeline");
    assert_eq!(list.parent_object, ["companies"]);
    let all = client.lists().await.expect("lists");
    assert!(all.iter().any(|l| l.id == list.id));
    let renamed = client
        .update_list("sales_pipeline", &ListUpdate::new().name("Pipeline"))
        .await
        .expect("renamed");
    assert_eq!(renamed.name, "Pipeline");
    let by_id = client
        .get_list(list.id.list_id.as_str())
        .await
        .expect("by id");
    assert_eq!(by_id.name, "Pipeline");
    let err = SalesEntry::create_list(&client, "Again")
        .await
        .expect_err("the slug is taken");
    assert_eq!(err.code(), Some(&ErrorCode::SlugConflict));
    let err = client
        .update_list("sales_pipeline", &ListUpdate::new())
        .await
        .expect_err("an empty update is refused before sending");
    assert_eq!(err.outcome(), attio::Outcome::NotSent);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn deleting_the_parent_deletes_its_entries_and_a_missing_parent_is_refused() {
    let (sandbox, client) = setup().await;
    let acme = company(&client, "Acme").await;
    let entry = lead().add(&client, &acme).await.expect("added");
    Company::delete(&client, &acme.id.record_id)
        .await
        .expect("deleted");
    let err = SalesEntry::get(&client, &entry.id.entry_id)
        .await
        .expect_err("the entry went with its parent");
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    let err = lead()
        .add(&client, &acme)
        .await
        .expect_err("no such parent");
    assert_eq!(err.code(), Some(&ErrorCode::ValueNotFound));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_parent_is_a_typed_record_and_another_objects_record_is_refused_saying_so() {
    let (sandbox, client) = setup().await;
    let acme = company(&client, "Acme").await;
    // The record itself, a reference to it, and an id named as a company's.
    let by_record = lead().add(&client, &acme).await.expect("by its Record");
    let by_ref = lead()
        .add(&client, &Ref::from(&acme))
        .await
        .expect("by a Ref");
    let by_id = Ref::<Company>::new(acme.id.record_id.clone());
    let err = lead()
        .assert_by_parent(&client, &by_id)
        .await
        .expect_err("two entries by now");
    assert!(matches!(err, Error::MultipleEntries { .. }), "{err:?}");
    for entry in [&by_record, &by_ref] {
        assert_eq!(entry.parent_record_id, acme.id.record_id);
    }

    // A reference by a unique attribute has no id: refused before anything is sent.
    let err = lead()
        .add(&client, &Ref::by(Company::fields().name(), "Acme"))
        .await
        .expect_err("no id to add");
    assert_eq!(err.outcome(), attio::Outcome::NotSent);
    let text = err.to_string();
    assert!(
        text.contains("Ref::by") && text.contains("attio::Record<Company>"),
        "{text}"
    );

    // A company's id passed as a deal's (`Ref::new` does not check it): Attio looks among the
    // deals, finds nothing, and the error says where it looked and what to check.
    DealEntry::create_list(&client, "Deal pipeline")
        .await
        .expect("the list is created");
    client
        .create_list_attribute(DealEntry::fields().note(), "Note")
        .await
        .expect("note is created");
    let not_a_deal = Ref::<Deal>::new(acme.id.record_id.clone());
    let entry = DealEntry { note: None };
    for err in [
        entry.add(&client, &not_a_deal).await.map(drop),
        entry.assert_by_parent(&client, &not_a_deal).await.map(drop),
    ] {
        let err = err.expect_err("a company is not a deal");
        assert_eq!(err.code(), Some(&ErrorCode::ValueNotFound));
        let text = err.to_string();
        assert!(
            text.contains("Parent record with slug/ID")
                && text.contains("`deal_pipeline` (`DealEntry`)")
                && text.contains("`deals` records (`Deal`)")
                && text.contains("it is another object's")
                && text.contains("Deal::get(&client, &id)"),
            "{text}"
        );
    }
    // A deal is one.
    let members = client.workspace_members().await.expect("members");
    let deal = Deal {
        name: "Big one".into(),
        stage: attio::Status::by_title("Lead").expect("a title"),
        owner: members[0].to_actor_reference(),
    }
    .create(&client)
    .await
    .expect("a deal");
    let added = entry.add(&client, &deal).await.expect("a deal's entry");
    assert_eq!(added.parent_object, "deals");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn bulk_adds_and_updates_entries() {
    let (sandbox, client) = setup().await;
    let mut parents = Vec::new();
    for name in ["A", "B", "C"] {
        parents.push(company(&client, name).await);
    }
    let report = client
        .bulk()
        .add_entries_all(parents.iter().cloned().map(|p| (p, lead())), |_| {})
        .await;
    let added = report.into_records().expect("every add succeeds");
    assert_eq!(added.len(), 3);
    for (entry, parent) in added.iter().zip(&parents) {
        assert_eq!(
            entry.parent_record_id, parent.id.record_id,
            "results come in input order"
        );
    }
    let won = added.iter().map(|e| {
        (
            e.id.entry_id.clone(),
            SalesEntry {
                stage: Stage::Won,
                ..lead()
            },
        )
    });
    let report = client.bulk().update_entries_all(won, |_| {}).await;
    assert_eq!(report.progress.succeeded, 3);
    let won = SalesEntry::query()
        .filter(|f| f.stage().eq(Stage::Won))
        .collect_all(&client)
        .await
        .expect("query");
    assert_eq!(won.len(), 3);
    sandbox.shutdown().await;
}

#[test]
fn parent_and_entry_conditions_combine_in_either_order() {
    let parent_first = SalesEntry::query()
        .filter(|f| f.parent().name().eq("Acme") | f.stage().eq(Stage::Lost))
        .sort(|f| f.parent().name().asc())
        .to_json();
    assert_eq!(
        parent_first["filter"],
        serde_json::json!({"$or": [
            {"path": [["sales_pipeline", "parent_record"], ["companies", "name"]],
             "constraints": {"value": {"$eq": "Acme"}}},
            {"stage": {"$eq": "Lost"}},
        ]})
    );
    assert_eq!(
        parent_first["sorts"][0],
        serde_json::json!({"direction": "asc",
            "path": [["sales_pipeline", "parent_record"], ["companies", "name"]]})
    );
    let entry_first = SalesEntry::query()
        .filter(|f| !f.stage().eq(Stage::Lost) & f.parent().domains().root_domain().eq("acme.com"))
        .to_json();
    assert_eq!(
        entry_first["filter"]["$and"][1],
        serde_json::json!({"path": [["sales_pipeline", "parent_record"], ["companies", "domains"]],
            "constraints": {"root_domain": {"$eq": "acme.com"}}})
    );
}

#[test]
fn the_blocking_client_adds_asserts_gets_updates_overwrites_and_deletes_entries() {
    // The sandbox (and the setup) need a runtime of their own; the test thread itself has none.
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    let (sandbox, async_client) = rt.block_on(setup());
    let acme = rt.block_on(company(&async_client, "Acme"));
    let globex = rt.block_on(company(&async_client, "Globex"));
    let client = attio::blocking::Client::new(async_client).expect("a blocking client");
    let entry = client.add_entry(&lead(), &acme).expect("added");
    let won = SalesEntry {
        stage: Stage::Won,
        ..lead()
    };
    let updated = client
        .update_entry(&won, &entry.id.entry_id)
        .expect("updated");
    assert_eq!(updated.values.stage, Stage::Won);
    let read = client
        .get_entry::<SalesEntry>(&entry.id.entry_id)
        .expect("read");
    assert_eq!(read.values, updated.values);

    // Overwrite (PUT): multiselects become exactly the `Vec`.
    let tagged = TaggedEntry {
        tags: vec![SelectOption::by_title("hot").unwrap()],
    };
    let overwritten = client
        .overwrite_entry(&tagged, &entry.id.entry_id)
        .expect("overwritten");
    assert_eq!(overwritten.id.entry_id, entry.id.entry_id);
    assert_eq!(overwritten.values.tags.len(), 1);
    let cleared = client
        .overwrite_entry(&TaggedEntry { tags: vec![] }, &entry.id.entry_id)
        .expect("cleared");
    assert!(cleared.values.tags.is_empty());

    // Assert by parent: Acme's only entry is overwritten, not duplicated ...
    let lost = SalesEntry {
        stage: Stage::Lost,
        ..lead()
    };
    let asserted = client.assert_entry(&lost, &acme).expect("asserted");
    assert_eq!(asserted.id.entry_id, entry.id.entry_id);
    assert_eq!(asserted.values.stage, Stage::Lost);
    // ... a record without an entry gets one ...
    let created = client.assert_entry(&lead(), &globex).expect("created");
    assert_eq!(created.parent_record_id, globex.id.record_id);
    assert_ne!(created.id.entry_id, entry.id.entry_id);
    // ... and a record with two entries is the typed error, with nothing changed.
    client.add_entry(&lead(), &acme).expect("a second entry");
    match client.assert_entry(&lead(), &acme) {
        Err(Error::MultipleEntries {
            list,
            parent_record_id,
            ..
        }) => {
            assert_eq!(list, "sales_pipeline");
            assert_eq!(parent_record_id, acme.id.record_id);
        }
        other => panic!("expected MultipleEntries, got {other:?}"),
    }

    // Delete: the entry is gone, the company stays.
    client
        .delete_entry::<SalesEntry>(&entry.id.entry_id)
        .expect("deleted");
    match client.get_entry::<SalesEntry>(&entry.id.entry_id) {
        Err(Error::Api(e)) => assert_eq!(e.status, 404, "{e}"),
        other => panic!("expected a 404, got {other:?}"),
    }
    // Through the blocking client's own runtime: its connections are not the test runtime's.
    let left = client
        .run(|c| c.entries_of::<SalesEntry, _>(&acme))
        .expect("Acme's entries");
    assert_eq!(left.len(), 1, "only the second entry is left");
    rt.block_on(sandbox.shutdown());
}
