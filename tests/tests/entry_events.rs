//! List entries seen from outside: an entry's creation, each changed attribute and its deletion
//! reach a webhook as typed `list-entry.*` events, and comments hang off an entry.

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

#[tokio::test]
async fn entries_deliver_their_events_and_take_comments() {
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
