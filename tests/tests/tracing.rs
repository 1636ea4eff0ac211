//! What the tracing spans show: the request, never the token, never record values. Alone in its
//! test binary, because tracing caches callsite interest process-wide.

use attio::prelude::*;
use std::time::Duration;

use attio::{Client, RecordId, RetryPolicy, attio_object};
use attio_tests::{Canned, Captured, Stub, seed};

#[tokio::test]
async fn traces_name_the_request_but_never_the_token_or_values() {
    let (captured, _guard) = Captured::traces();

    let unavailable = Canned::json(
        503,
        r#"{"status_code":503,"type":"api_error","code":"unavailable","message":"later"}"#,
    );
    let stub = Stub::start(vec![unavailable, Canned::json(200, seed().1)]).await;
    let client = Client::builder()
        .api_key("trace-secret-token-93c1")
        .base_url(stub.url())
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
        .build()
        .unwrap();
    let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    #[attio_object(slug = "users")]
    struct Secretive {
        user_id: String,
    }
    Secretive {
        user_id: "value-that-must-not-be-logged".into(),
    }
    .update(&client, &id)
    .await
    .unwrap();

    let text = captured.text();
    assert!(text.contains("attio.request"), "{text}");
    assert!(text.contains("PATCH"), "{text}");
    assert!(text.contains("/v2/objects/users/records/"), "{text}");
    assert!(text.contains("retrying attio request"), "{text}");
    assert!(text.contains("server_error"), "the retry reason: {text}");
    assert!(!text.contains("trace-secret-token-93c1"), "{text}");
    assert!(!text.contains("value-that-must-not-be-logged"), "{text}");
}
