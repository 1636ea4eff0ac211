//! The webhook secret never reaches a trace: not when a webhook is created (its answer holds the
//! secret), not when the axum extractor refuses a delivery. Alone in its test binary, because
//! tracing caches callsite interest process-wide (see tracing.rs).

use attio::webhooks::{
    Condition, EventType, Filter, Subscription, VerifiedDelivery, WebhookSecret,
};
use attio::{Client, RetryPolicy};
use attio_tests::{Canned, Captured, Stub};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::post;
use tower::ServiceExt as _;

const SECRET: &str = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";

async fn handler(VerifiedDelivery(_): VerifiedDelivery) -> StatusCode {
    StatusCode::OK
}

#[tokio::test]
async fn the_secret_never_reaches_a_trace() {
    let (captured, _guard) = Captured::traces();

    let _ = rustls::crypto::ring::default_provider().install_default();
    let created = format!(
        r#"{{"data":{{"target_url":"https://example.com/webhook","subscriptions":[],"id":{{"workspace_id":"w","webhook_id":"h"}},"status":"active","created_at":"2023-04-27T13:22:49.061281000Z","secret":"{SECRET}"}}}}"#
    );
    let stub = Stub::start(vec![Canned::json(200, created)]).await;
    let client = Client::builder()
        .api_key("t")
        .base_url(stub.url())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let subscription = Subscription::new(EventType::NoteCreated)
        .filter(Filter::all([Condition::equals("parent_object_id", "o")]));
    let created = client
        .create_webhook("https://example.com/webhook", &[subscription])
        .await
        .unwrap();

    let app = axum::Router::new()
        .route("/attio", post(handler))
        .with_state(WebhookSecret::new(created.secret.expose_secret()));
    let request = Request::post("/attio")
        .header("attio-signature", "00")
        .body(Body::from(r#"{"webhook_id":"h","events":[]}"#))
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    let text = captured.text();
    assert!(
        text.contains("POST") && text.contains("/v2/webhooks"),
        "{text}"
    );
    assert!(text.contains("refused an Attio webhook delivery"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
}
