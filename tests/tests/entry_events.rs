//! List entries seen from outside: an entry's creation, each changed attribute and its deletion
//! reach a webhook as typed `list-entry.*` events, and comments hang off an entry.

use attio::prelude::*;
use std::time::Duration;

use attio::comments::NewComment;
use attio::webhooks::{Delivery, Event, EventType, Subscription};
use attio::{attio_list, attio_object};
use attio_sandbox::Sandbox;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    Won,
}

#[attio_list(slug = "pipeline", parent = Company)]
#[derive(Debug, Clone)]
struct Deal {
    stage: Stage,
}

/// A sandbox with the `pipeline` list (its stage and choices) and a webhook for entry events;
/// the stage attribute's id.
async fn pipeline() -> (Sandbox, attio::Client, String) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    Deal::create_list(&client, "Pipeline").await.unwrap();
    client
        .create_list_attribute(Deal::fields().stage(), "Stage")
        .await
        .unwrap();
    let stage = client
        .get_attribute(&attio::schema::Target::list("pipeline"), "stage")
        .await
        .unwrap();
    let stage_id = stage.id.attribute_id.as_str().to_owned();
    for title in ["Lead", "Won"] {
        client
            .create_list_choice(Deal::fields().stage(), title)
            .await
            .unwrap();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/hook", listener.local_addr().unwrap());
    let router = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    client
        .create_webhook(
            &target,
            &[
                Subscription::new(EventType::ListEntryCreated),
                Subscription::new(EventType::ListEntryUpdated),
                Subscription::new(EventType::ListEntryDeleted),
            ],
        )
        .await
        .unwrap();
    (sandbox, client, stage_id)
}

#[tokio::test]
async fn entries_deliver_their_events_and_take_comments() {
    let (sandbox, client, stage_id) = pipeline().await;
    let acme = Company {
        name: "Acme".into(),
    }
    .create(&client)
    .await
    .unwrap();
    let entry = Deal { stage: Stage::Lead }
        .add(&client, &acme)
        .await
        .unwrap();
    Deal::changes()
        .set_stage(Stage::Won)
        .apply(&client, &entry.id.entry_id)
        .await
        .unwrap();

    // A comment on the entry starts a thread on it, whose record is the entry's parent.
    let alice = "50cf242c-7fa3-4cad-87d0-75b1af71c57b".parse().unwrap();
    let comment = client
        .create_comment(NewComment::on_entry(
            "pipeline",
            &entry.id.entry_id,
            &alice,
            "Won it!",
        ))
        .await
        .unwrap();
    let on = comment.entry.expect("a comment on an entry names it");
    assert_eq!(on.entry_id, entry.id.entry_id);
    assert_eq!(on.list_id, entry.id.list_id);
    assert_eq!(comment.record.record_id, acme.id.record_id);
    let threads = client
        .threads()
        .on_entry("pipeline", &entry.id.entry_id)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(threads.len(), 1);

    Deal::delete(&client, &entry.id.entry_id).await.unwrap();

    let delivered = sandbox
        .wait_for_delivered(3, Duration::from_secs(20))
        .await
        .unwrap();
    let events: Vec<Event> = delivered
        .iter()
        .flat_map(|a| {
            Delivery::decode_unverified(a.body.as_bytes())
                .unwrap()
                .into_events()
        })
        .collect();
    let [
        Event::ListEntryCreated(created),
        Event::ListEntryUpdated(updated),
        Event::ListEntryDeleted(deleted),
    ] = &events[..]
    else {
        panic!("expected created, updated, deleted; got {events:?}")
    };
    for e in [created, updated, deleted] {
        assert_eq!(e.entry_id, entry.id.entry_id);
        assert_eq!(e.list_id, entry.id.list_id);
        assert_eq!(e.parent_record_id, acme.id.record_id);
        assert_eq!(e.parent_object_id.as_str(), acme.id.object_id);
    }
    assert_eq!(
        updated.attribute_id.as_ref().map(|a| a.as_str()),
        Some(stage_id.as_str()),
        "the update names the stage attribute"
    );
}

/// Another list over companies, to fetch an entry event's entry as the wrong list's struct.
#[attio_list(slug = "hiring", parent = Company)]
#[derive(Debug, Clone)]
struct Opening {
    stage: Option<attio::Status>,
}

#[tokio::test]
async fn an_entry_event_fetches_its_entry_typed_and_checks_the_list() {
    let (sandbox, client, _) = pipeline().await;
    Opening::create_list(&client, "Hiring").await.unwrap();
    let acme = Company {
        name: "Acme".into(),
    }
    .create(&client)
    .await
    .unwrap();
    let entry = Deal { stage: Stage::Won }
        .add(&client, &acme)
        .await
        .unwrap();
    let delivered = sandbox
        .wait_for_delivered(1, Duration::from_secs(20))
        .await
        .unwrap();
    let body = &delivered[0].body;
    let events = Delivery::decode_unverified(body.as_bytes())
        .unwrap()
        .into_events();
    let Event::ListEntryCreated(created) = &events[0] else {
        panic!("expected list-entry.created, got {events:?}")
    };

    // Typed, through the event and through the enum.
    let fetched = created.fetch::<Deal>(&client).await.unwrap();
    assert_eq!(fetched.id.entry_id, entry.id.entry_id);
    assert_eq!(fetched.values.stage, Stage::Won);
    assert_eq!(fetched.parent_record_id, acme.id.record_id);
    let again = events[0].fetch_entry::<Deal>(&client).await.unwrap();
    assert_eq!(again.id.entry_id, entry.id.entry_id);

    // The struct of another list: the entry is not found there.
    let err = created.fetch::<Opening>(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");

    // An event that names another list than the entry's: refused, naming both.
    let other_list = "11111111-2222-4333-8444-555555555555";
    let forged = body.replace(entry.id.list_id.as_str(), other_list);
    let forged = Delivery::decode_unverified(forged.as_bytes())
        .unwrap()
        .into_events();
    let Event::ListEntryCreated(forged) = &forged[0] else {
        panic!("the forged body decodes as list-entry.created")
    };
    let err = forged.fetch::<Deal>(&client).await.unwrap_err().to_string();
    assert!(
        err.contains("data.id.list_id") && err.contains(other_list) && err.contains("pipeline"),
        "{err}"
    );

    // A record event is not an entry: refused before anything is sent.
    let record_event = Delivery::decode_unverified(
        br#"{"webhook_id":"w","events":[{"event_type":"record.created","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},"actor":{"type":"system","id":null}}]}"#,
    )
    .unwrap()
    .into_events();
    let err = record_event[0]
        .fetch_entry::<Deal>(&client)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("event.fetch::<YourObject>"), "{err}");
}
