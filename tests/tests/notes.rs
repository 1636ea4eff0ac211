//! Notes end to end against the sandbox: create (plain text and markdown, on a typed `Ref` or a
//! `RecordReference`), get, list page after page, delete; and what is refused before sending.

use attio::notes::{NewNote, Note};
use attio::prelude::*;
use attio::{Client, Error, Outcome, Record, Ref, attio_object};
use attio_sandbox::Sandbox;
use futures::TryStreamExt as _;

#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
struct Company {
    name: String,
}

#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
}

async fn setup() -> (Sandbox, Client, Record<Company>) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let acme = Company {
        name: "Acme".into(),
    }
    .create(&client)
    .await
    .unwrap();
    (sandbox, client, acme)
}

#[tokio::test]
async fn a_note_is_created_read_listed_and_deleted() {
    let (_sandbox, client, acme) = setup().await;
    let parent = Ref::<Company>::new(acme.id.record_id.clone());

    let note = client
        .create_note(
            &parent,
            NewNote::markdown("Call with Acme", "## Next steps\n- send the **quote**"),
        )
        .await
        .unwrap();
    assert_eq!(note.parent_object, "companies");
    assert_eq!(note.parent_record_id, acme.id.record_id);
    assert_eq!(note.content_markdown, "## Next steps\n- send the **quote**");
    assert_eq!(note.content_plaintext, "Next steps\n- send the quote");

    let again = client.get_note(&note.id.note_id).await.unwrap();
    assert_eq!(again, note);

    let backdated = client
        .create_note(
            &parent.to_record_reference().unwrap(),
            NewNote::plaintext("Old", "From the CRM we left.")
                .created_at("2020-05-01T09:00:00Z".parse().unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(
        backdated.created_at.to_string(),
        "2020-05-01T09:00:00.000000000Z"
    );

    client.delete_note(&note.id.note_id).await.unwrap();
    let gone = client.get_note(&note.id.note_id).await.unwrap_err();
    assert_eq!(gone.status(), Some(404));
}

#[tokio::test]
async fn listing_pages_by_itself_and_filters_by_parent() {
    let (_sandbox, client, acme) = setup().await;
    let other = Company {
        name: "Globex".into(),
    }
    .create(&client)
    .await
    .unwrap();
    let acme_ref = Ref::<Company>::new(acme.id.record_id.clone());
    // 120 notes on Acme: three pages of at most 50; 3 on Globex.
    for i in 0..120 {
        client
            .create_note(&acme_ref, NewNote::plaintext(format!("n{i}"), "x"))
            .await
            .unwrap();
    }
    for i in 0..3 {
        client
            .create_note(
                &Ref::<Company>::new(other.id.record_id.clone()),
                NewNote::plaintext(format!("g{i}"), "x"),
            )
            .await
            .unwrap();
    }
    let acme_notes: Vec<Note> = client.notes().on(&acme_ref).collect_all().await.unwrap();
    let titles: Vec<String> = acme_notes.iter().map(|n| n.title.clone()).collect();
    assert_eq!(
        titles,
        (0..120).map(|i| format!("n{i}")).collect::<Vec<_>>()
    );

    let all = client.notes().collect_all().await.unwrap();
    assert_eq!(all.len(), 123);
    let first_five: Vec<Note> = client
        .notes()
        .limit(5)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(first_five.len(), 5);

    // Deleting the record deletes its notes.
    Company::delete(&client, &acme.id.record_id).await.unwrap();
    assert!(
        client
            .notes()
            .on(&acme_ref)
            .collect_all()
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn what_attio_would_refuse_is_refused_before_sending() {
    let (sandbox, client, _acme) = setup().await;
    let before = sandbox.total_requests();

    let by_email = Ref::<Person>::by(
        Person::fields().email_addresses(),
        "ada@example.com".parse::<attio::EmailAddress>().unwrap(),
    );
    let err = client
        .create_note(&by_email, NewNote::plaintext("t", "c"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(
        err.to_string().contains("write `Ref::new(record_id)`"),
        "{err}"
    );

    let future = NewNote::plaintext("t", "c").created_at("2999-01-01T00:00:00Z".parse().unwrap());
    let err = client
        .create_note(&Ref::<Person>::new("p".parse().unwrap()), future)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("between 1970 and now"), "{err}");

    let listed: Result<Vec<Note>, _> = client.notes().on(&by_email).collect_all().await;
    assert!(matches!(listed, Err(Error::InvalidInput(_))));
    assert_eq!(sandbox.total_requests(), before, "nothing was sent");

    // A parent that does not exist is Attio's 404, naming the request.
    let err = client
        .create_note(
            &Ref::<Company>::new("00000000-0000-0000-0000-000000000000".parse().unwrap()),
            NewNote::plaintext("t", "c"),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(err.to_string().contains("POST /v2/notes"), "{err}");
}

#[tokio::test]
async fn creating_and_deleting_a_note_is_delivered_to_webhooks() {
    use attio::webhooks::{Delivery, Event, EventType, Subscription};
    let (sandbox, client, acme) = setup().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/hook", listener.local_addr().unwrap());
    let router = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    client
        .create_webhook(
            &target,
            &[
                Subscription::new(EventType::NoteCreated),
                Subscription::new(EventType::NoteDeleted),
            ],
        )
        .await
        .unwrap();

    let parent = Ref::<Company>::new(acme.id.record_id.clone());
    let note = client
        .create_note(&parent, NewNote::plaintext("t", "c"))
        .await
        .unwrap();
    client.delete_note(&note.id.note_id).await.unwrap();

    let delivered = sandbox
        .wait_for_delivered(2, std::time::Duration::from_secs(20))
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
    let [Event::NoteCreated(created), Event::NoteDeleted(deleted)] = &events[..] else {
        panic!("expected note.created then note.deleted, got {events:?}")
    };
    for e in [created, deleted] {
        assert_eq!(e.note_id, note.id.note_id);
        assert_eq!(e.parent_record_id, acme.id.record_id);
        assert_eq!(e.parent_object_id.as_str(), acme.id.object_id);
    }
}

/// Listing notes is limited to 10 requests a second on its own, beside the workspace's reads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_note_listings_is_paced_at_their_own_limit() {
    use std::time::{Duration, Instant};

    use attio::{RateLimits, RetryPolicy};
    use futures::future::join_all;

    let sandbox = Sandbox::builder().rate_limits(true).start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let started = Instant::now();
    let listings = join_all((0..30).map(|_| client.notes().collect_all())).await;
    let elapsed = started.elapsed();
    assert!(listings.iter().all(Result::is_ok), "{listings:?}");
    // 30 at 10 a second: the first goes at once, the last 29 intervals later.
    assert!(elapsed >= Duration::from_secs(2), "{elapsed:?}");
    assert_eq!(client.stats().rate_limited, 0, "no 429 from the sandbox");
    assert_eq!(sandbox.request_count("GET", "/v2/notes"), 30);

    // Without the client's limiter the same burst meets the sandbox's 429s.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let bare = attio_tests::sandbox_client(&sandbox)
        .rate_limits(RateLimits::unlimited())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let listings = join_all((0..30).map(|_| bare.notes().collect_all())).await;
    let refused = listings
        .iter()
        .filter(|r| r.as_ref().is_err_and(|e| e.status() == Some(429)))
        .count();
    assert!(refused >= 10, "{refused} of 30 refused with 429");
    assert_eq!(bare.stats().rate_limited, refused as u64);
}

#[tokio::test]
async fn a_note_is_retitled_and_rewritten_but_keeps_its_parent() {
    use attio::notes::NoteUpdate;

    let (sandbox, client, acme) = setup().await;
    let parent = Ref::<Company>::new(acme.id.record_id.clone());
    let note = client
        .create_note(&parent, NewNote::markdown("Call", "## First\n- one\n- two"))
        .await
        .unwrap();
    let id = &note.id.note_id;

    let retitled = client
        .update_note(id, NoteUpdate::title("Call with Acme"))
        .await
        .unwrap();
    assert_eq!(retitled.title, "Call with Acme");
    assert_eq!(
        retitled.content_markdown, note.content_markdown,
        "content kept"
    );

    // New content replaces the whole of it, in the format given.
    let rewritten = client
        .update_note(
            id,
            NoteUpdate::plaintext("Signed.\nInvoice in May.").and_title("Signed"),
        )
        .await
        .unwrap();
    assert_eq!(rewritten.title, "Signed");
    assert_eq!(rewritten.content_plaintext, "Signed.\nInvoice in May.");
    assert_eq!(
        (
            rewritten.parent_object.as_str(),
            &rewritten.parent_record_id
        ),
        ("companies", &acme.id.record_id)
    );
    assert_eq!(client.get_note(id).await.unwrap(), rewritten);

    // What the SDK sends: only what changes.
    let bodies: Vec<String> = sandbox
        .recent_requests()
        .into_iter()
        .filter(|r| r.method == "PATCH")
        .map(|r| r.body)
        .collect();
    assert_eq!(bodies[0], r#"{"data":{"title":"Call with Acme"}}"#);

    // Attio refuses to move a note to another parent.
    let err = client
        .request(attio::Method::Patch, format!("/v2/notes/{}", id.as_str()))
        .json(&serde_json::json!({"data": {"parent_object": "people"}}))
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    // A note that is not there.
    let gone: attio::values::NoteId = "7f9c3b8e-3b9a-4a6f-9a35-3f2b8f9d2c11".parse().unwrap();
    let err = client
        .update_note(&gone, NoteUpdate::title("x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
}
