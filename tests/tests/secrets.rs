//! The key never leaves the client, even when a server hands it back: a server (a broken proxy,
//! a compromised network) echoes the `Authorization` header into every place it could, and the
//! key appears in no error's `Display`, `Debug` or source chain, and in no line of TRACE output.
//! The span of a request carries its path without the query string. Alone in its test binary,
//! because tracing caches callsite interest process-wide.

use std::time::Duration;

use attio::{Client, RetryPolicy};
use attio_tests::{Canned, Captured, Stub};

const KEY: &str = "sk-live-hostile-echo-5f2a9c0d";
const OTHER_TOKEN: &str = "oauth-access-7d1e4b2f9a";
const WEBHOOK_SECRET: &str = "whsec-4c9e2a7b1d0f3e5a";

/// Every text an error shows: `Display`, `Debug`, and each source's `Display`.
fn shown(err: &attio::Error) -> String {
    let mut text = format!("{err}\n{err:?}\n");
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(&format!("{s}\n{s:?}\n"));
        source = s.source();
    }
    text
}

fn assert_clean(what: &str, text: &str) {
    for secret in [
        KEY,
        OTHER_TOKEN,
        WEBHOOK_SECRET,
        "sk-live-hostile",
        "hostile-echo",
    ] {
        assert!(!text.contains(secret), "{what} shows `{secret}`:\n{text}");
    }
}

/// One test: a second one setting its own subscriber would race with this one over tracing's
/// process-wide callsite cache.
#[tokio::test]
async fn a_key_echoed_by_the_server_appears_in_no_error_and_no_log_line() {
    let (captured, _guard) = Captured::traces();

    let long_prefix = "x".repeat(190);
    let api = |status: u16, message: &str| {
        Canned::json(
            status,
            serde_json::json!({
                "status_code": status,
                "type": "auth_error",
                "code": "unauthorized",
                "message": message,
            })
            .to_string(),
        )
    };
    let cases: Vec<(&str, Canned)> = vec![
        (
            "a plain-text 401 quoting the header",
            Canned::with_type(401, "text/plain", format!("denied: you sent Bearer {KEY}")),
        ),
        (
            "Attio's JSON quoting the header",
            api(401, &format!("The token Bearer {KEY} is invalid")),
        ),
        (
            "Attio's JSON quoting the bare key",
            api(403, &format!("key {KEY} lacks a scope")),
        ),
        (
            "another bearer token",
            api(401, &format!("expected Bearer {OTHER_TOKEN}")),
        ),
        (
            "the key across the snippet's cut",
            Canned::with_type(
                502,
                "text/html",
                format!("{long_prefix} Bearer {KEY} and more"),
            ),
        ),
        (
            "the key in the content type",
            Canned::with_type(500, &format!("text/plain; token={KEY}"), "oops"),
        ),
        (
            "the key in a success body that does not decode",
            Canned::json(200, format!(r#"{{"data": "Bearer {KEY}"}}"#)),
        ),
        (
            "the key as an unknown error code and type",
            Canned::json(
                400,
                format!(r#"{{"status_code":400,"type":"{KEY}","code":"bad_{KEY}","message":"m"}}"#),
            ),
        ),
    ];

    for (what, canned) in cases {
        let stub = Stub::start(vec![canned]).await;
        let client = Client::builder()
            .api_key(KEY)
            .base_url(stub.url())
            .retry_policy(
                RetryPolicy::default()
                    .max_attempts(2)
                    .initial_backoff(Duration::from_millis(1)),
            )
            .build()
            .unwrap();
        let err = client.get_object("people").await.unwrap_err();
        let text = shown(&err);
        assert_clean(what, &text);
        // (Where the snippet's cut falls inside the marker, its start is what remains.)
        assert!(
            text.contains("[redacted]") || text.contains("[r…"),
            "{what}: the error says something was removed:\n{text}"
        );
        // The request did carry the key: it is the echo that is gone.
        assert_eq!(
            stub.received()[0].header("authorization"),
            Some(format!("Bearer {KEY}").as_str())
        );
    }

    // A webhook's secret, once the client has seen it, is kept out as the key is.
    let created = format!(
        r#"{{"data":{{"target_url":"https://example.com/hook","subscriptions":[],"id":{{"workspace_id":"w","webhook_id":"h"}},"status":"active","created_at":"2023-04-27T13:22:49.061281000Z","secret":"{WEBHOOK_SECRET}"}}}}"#
    );
    let echo = api(400, &format!("secret {WEBHOOK_SECRET} is not allowed here"));
    let stub = Stub::start(vec![Canned::json(200, created), echo]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(stub.url())
        .build()
        .unwrap();
    let webhook = client.create_webhook("https://example.com/hook", &[]).await;
    assert!(webhook.is_err(), "no subscriptions: refused before sending");
    let subscription =
        attio::webhooks::Subscription::new(attio::webhooks::EventType::RecordCreated);
    let webhook = client
        .create_webhook("https://example.com/hook", &[subscription])
        .await
        .unwrap();
    assert_eq!(webhook.secret.expose_secret(), WEBHOOK_SECRET);
    let err = client.get_object("people").await.unwrap_err();
    assert_clean("an error echoing the webhook secret", &shown(&err));

    // A cursor carrying the key: in the next request's path, shown by its error, and in the
    // error of a listing that repeats it.
    let echoing_cursor = format!(r#"{{"data": [], "pagination": {{"next_cursor": "c-{KEY}"}}}}"#);
    let meeting: attio::values::MeetingId = "m-1".parse().unwrap();
    for then in [
        api(400, "bad cursor"),
        Canned::json(200, echoing_cursor.clone()),
    ] {
        let stub = Stub::start(vec![Canned::json(200, echoing_cursor.clone()), then]).await;
        let client = Client::builder()
            .api_key(KEY)
            .base_url(stub.url())
            .build()
            .unwrap();
        let err = client
            .call_recordings(&meeting)
            .collect_all()
            .await
            .unwrap_err();
        assert_clean("an error after a cursor carrying the key", &shown(&err));
    }

    let log = captured.text();
    assert!(log.contains("attio request failed"), "{log}");
    assert!(log.contains("retrying attio request"), "{log}");
    assert_clean("the TRACE output", &log);

    // The span carries the path without the query string (a cursor, here), and the names of
    // the query's parameters without their values.
    captured.clear();
    let first = r#"{"data": [], "pagination": {"next_cursor": "cursor-value-confidential"}}"#;
    let last = r#"{"data": [], "pagination": {"next_cursor": null}}"#;
    let stub = Stub::start(vec![Canned::json(200, first), Canned::json(200, last)]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(stub.url())
        .build()
        .unwrap();
    let meeting: attio::values::MeetingId = "m-1".parse().unwrap();
    let recordings = client
        .call_recordings(&meeting)
        .collect_all()
        .await
        .unwrap();
    assert!(recordings.is_empty());
    let second = stub.received()[1].uri.to_string();
    assert!(
        second.contains("cursor=cursor-value-confidential"),
        "{second}"
    );

    let log = captured.text();
    assert!(log.contains("attio.request"), "{log}");
    assert!(
        log.contains("path=/v2/meetings/m-1/call_recordings") && log.contains("query=limit,cursor"),
        "{log}"
    );
    assert!(!log.contains("cursor-value-confidential"), "{log}");
}
