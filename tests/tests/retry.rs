//! The retry policy against a loopback stub: what is retried, what is not, and how long it waits;
//! and a `409 concurrent_write_conflict` from the sandbox, which creates and appends survive once.

use attio::prelude::*;
use std::time::{Duration, Instant, SystemTime};

use attio::{Client, Error, RecordId, RetryPolicy, attio_object};
use attio_tests::{Canned, Stub, seed};

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    user_id: String,
}

/// An object with a multiselect field: a PATCH of it appends, so it is not idempotent.
#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct Tagged {
    user_id: String,
    tags: Vec<String>,
}

fn ok() -> Canned {
    Canned::json(200, seed().1)
}

fn unavailable() -> Canned {
    Canned::json(
        503,
        r#"{"status_code":503,"type":"api_error","code":"unavailable","message":"try later"}"#,
    )
}

fn client_for(stub: &Stub, policy: RetryPolicy) -> Client {
    Client::builder()
        .api_key("t")
        .base_url(stub.url())
        .retry_policy(policy.initial_backoff(Duration::from_millis(5)))
        .build()
        .unwrap()
}

fn id() -> RecordId {
    "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap()
}

#[tokio::test]
async fn an_idempotent_update_is_retried_through_server_errors() {
    let stub = Stub::start(vec![unavailable(), unavailable(), ok()]).await;
    let client = client_for(&stub, RetryPolicy::default());
    let user = User {
        user_id: "123".into(),
    };
    let record = user.update(&client, &id()).await.unwrap();
    assert_eq!(record.values.user_id, "123");
    assert_eq!(stub.received().len(), 3);
    let stats = client.stats();
    assert_eq!((stats.attempts, stats.retries, stats.failures), (3, 2, 0));
    // Every attempt sends the same bytes.
    let bodies: Vec<_> = stub.received().into_iter().map(|r| r.body).collect();
    assert!(bodies.windows(2).all(|w| w[0] == w[1]));
}

/// The seed's user record, with `tags` holding `tags`.
fn tagged_record(tags: &[&str]) -> Canned {
    let mut body: serde_json::Value = serde_json::from_str(&seed().1).unwrap();
    body["data"]["values"]["tags"] = tags
        .iter()
        .map(|t| serde_json::json!({"value": t, "attribute_type": "text", "active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": {"type": "system", "id": null}}))
        .collect();
    Canned::json(200, body.to_string())
}

#[tokio::test]
async fn a_multiselect_append_in_doubt_is_read_back_not_repeated_blindly() {
    // The PATCH meets a 503 (applied or not?); the record read back lacks the tag; only the
    // missing tag is sent again (user_id already has the value sent).
    let stub = Stub::start(vec![unavailable(), tagged_record(&[]), ok()]).await;
    let client = client_for(&stub, RetryPolicy::default());
    let tagged = Tagged {
        user_id: "123".into(),
        tags: vec!["a".into()],
    };
    tagged.update(&client, &id()).await.unwrap();
    let received = stub.received();
    let lines: Vec<_> = received.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(lines, ["PATCH", "GET", "PATCH"]);
    assert_eq!(
        received[0].body,
        r#"{"data":{"values":{"user_id":"123","tags":["a"]}}}"#
    );
    assert_eq!(received[2].body, r#"{"data":{"values":{"tags":["a"]}}}"#);

    // This time the record shows the tag: the PATCH had landed, nothing is sent again.
    let stub = Stub::start(vec![unavailable(), tagged_record(&["a", "b"])]).await;
    let client = client_for(&stub, RetryPolicy::default());
    let record = tagged.update(&client, &id()).await.unwrap();
    assert_eq!(record.values.tags, ["a", "b"]);
    let lines: Vec<_> = stub
        .received()
        .iter()
        .map(|r| r.method.as_str().to_owned())
        .collect();
    assert_eq!(lines, ["PATCH", "GET"]);

    // With retries disabled nothing is resolved: the 503 reaches the caller, sent once.
    let stub = Stub::start(vec![unavailable(), ok()]).await;
    let client = client_for(&stub, RetryPolicy::disabled());
    let err = tagged.update(&client, &id()).await.unwrap_err();
    assert!(
        matches!(err, Error::Http { status: 503, .. } | Error::Api(_)),
        "{err:?}"
    );
    assert_eq!(err.outcome(), attio::Outcome::Unknown);
    assert_eq!(stub.received().len(), 1, "sent once only");
    assert_eq!(client.stats().failures, 1);
}

#[tokio::test]
async fn a_multiselect_append_is_retried_when_the_user_opts_in() {
    let stub = Stub::start(vec![unavailable(), tagged_record(&[])]).await;
    let client = client_for(&stub, RetryPolicy::default().retry_non_idempotent(true));
    let tagged = Tagged {
        user_id: "123".into(),
        tags: vec![],
    };
    tagged.update(&client, &id()).await.unwrap();
    assert_eq!(stub.received().len(), 2);
}

#[tokio::test]
async fn rate_limits_and_write_conflicts_are_retried_even_for_appends() {
    let retry_at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    let stub = Stub::start(vec![
        Canned::json(
            429,
            r#"{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later"}"#,
        )
        .header("retry-after", &retry_at),
        Canned::json(
            409,
            r#"{"status_code":409,"type":"invalid_request_error","code":"concurrent_write_conflict","message":"conflict"}"#,
        ),
        tagged_record(&[]),
    ])
    .await;
    let client = client_for(&stub, RetryPolicy::default());
    let started = Instant::now();
    let tagged = Tagged {
        user_id: "123".into(),
        tags: vec!["x".into()],
    };
    tagged.update(&client, &id()).await.unwrap();
    // Retry-After is an HTTP date two seconds ahead, at one-second resolution: at least one second.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(stub.received().len(), 3);
    assert_eq!(client.stats().rate_limited, 1);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let stub = Stub::start(vec![Canned::json(
        400,
        r#"{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"bad"}"#,
    )])
    .await;
    let client = client_for(&stub, RetryPolicy::default());
    let err = User {
        user_id: "1".into(),
    }
    .update(&client, &id())
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Api(_)));
    assert_eq!(stub.received().len(), 1);
}

#[tokio::test]
async fn attempts_are_bounded() {
    let stub = Stub::start(vec![unavailable()]).await;
    let client = client_for(&stub, RetryPolicy::default().max_attempts(4));
    User {
        user_id: "1".into(),
    }
    .update(&client, &id())
    .await
    .unwrap_err();
    assert_eq!(stub.received().len(), 4);
    let stub = Stub::start(vec![unavailable()]).await;
    let client = client_for(&stub, RetryPolicy::disabled());
    User {
        user_id: "1".into(),
    }
    .update(&client, &id())
    .await
    .unwrap_err();
    assert_eq!(stub.received().len(), 1);
}

#[tokio::test]
async fn the_token_never_follows_a_redirect() {
    let elsewhere = Stub::start(vec![ok()]).await;
    let target = format!("{}/v2/objects/users/records/{}", elsewhere.url(), id());
    let redirecting = Stub::start(vec![Canned::json(307, "{}").header("location", &target)]).await;
    let client = Client::builder()
        .api_key("secret-redirect-token")
        .base_url(redirecting.url())
        .build()
        .unwrap();
    let err = User {
        user_id: "1".into(),
    }
    .update(&client, &id())
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Http { status: 307, .. }), "{err:?}");
    assert_eq!(redirecting.received().len(), 1);
    assert!(
        elsewhere.received().is_empty(),
        "the redirect was not followed"
    );
}

/// A person with no unique field: a create of it cannot be resolved by reading back, so only a
/// failure that says nothing was applied may send it again.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Person {
    email_addresses: Vec<attio::EmailAddress>,
    job_title: Option<String>,
}

/// A PATCH of it appends an address: not idempotent.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct MoreAddresses {
    email_addresses: Vec<attio::EmailAddress>,
}

#[tokio::test]
async fn a_concurrent_write_conflict_is_not_applied_and_creates_and_appends_are_sent_again() {
    use attio_sandbox::{Fault, Sandbox};
    let sb = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sb)
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
        .build()
        .unwrap();
    let records = "/v2/objects/people/records";
    let address = |a: &str| a.parse::<attio::EmailAddress>().unwrap();

    // A create (no unique field, so no reading back could resolve it) met by a 409.
    sb.inject_fault(Fault::ConcurrentWriteConflict, 1);
    let created = Person {
        email_addresses: vec![address("ada@conflict.example")],
        job_title: Some("engineer".into()),
    }
    .create(&client)
    .await
    .unwrap();
    assert_eq!(
        sb.request_count("POST", records),
        2,
        "the 409, then the create"
    );
    let everyone = Person::query().collect_all(&client).await.unwrap();
    assert_eq!(everyone.len(), 1, "created exactly once: {everyone:?}");

    // An append met by a 409: sent again, the address added once.
    let id = created.id.record_id;
    let path = format!("{records}/{id}");
    sb.inject_fault(Fault::ConcurrentWriteConflict, 1);
    MoreAddresses {
        email_addresses: vec![address("ada@home.example")],
    }
    .update(&client, &id)
    .await
    .unwrap();
    assert_eq!(
        sb.request_count("PATCH", &path),
        2,
        "the 409, then the append"
    );
    let mut addresses = Person::get(&client, &id)
        .await
        .unwrap()
        .values
        .email_addresses;
    addresses.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    assert_eq!(
        addresses,
        [address("ada@conflict.example"), address("ada@home.example")]
    );
    assert_eq!(client.stats().retries, 2);

    // Without retries the 409 reaches the caller: Attio's words, and not applied.
    let once = attio_tests::sandbox_client(&sb)
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    sb.inject_fault(Fault::ConcurrentWriteConflict, 1);
    let err = Person {
        email_addresses: vec![address("bob@conflict.example")],
        job_title: None,
    }
    .create(&once)
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some(&attio::ErrorCode::ConcurrentWriteConflict));
    assert_eq!(err.outcome(), attio::Outcome::NotApplied, "{err}");
    assert!(err.to_string().contains("Please try again"), "{err}");
    assert_eq!(Person::query().collect_all(&client).await.unwrap().len(), 1);
}
