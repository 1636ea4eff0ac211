//! The axum extractor alone: a verified delivery is accepted, the rest refused with the right
//! status and a message that names what is wrong.

use attio::webhooks::{VerifiedDelivery, WebhookSecret};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::post;
use serde_json::Value;
use tower::ServiceExt as _;

use crate::vectors::{BODY, MALFORMED_BODY, MALFORMED_SIGNATURE, SECRET, SIGNATURE};

async fn count(VerifiedDelivery(delivery): VerifiedDelivery) -> String {
    format!(
        "{} events, key {}",
        delivery.events.len(),
        delivery.idempotency_key.as_deref().unwrap_or("-")
    )
}

async fn call(app: axum::Router, headers: &[(&str, &str)], body: &[u8]) -> (StatusCode, String) {
    let mut request = Request::post("/attio");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app
        .oneshot(request.body(Body::from(body.to_vec())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

fn router(secret: &str) -> axum::Router {
    axum::Router::new()
        .route("/attio", post(count))
        .with_state(WebhookSecret::new(secret))
}

#[tokio::test]
async fn the_extractor_accepts_a_verified_delivery_and_refuses_the_rest() {
    let (status, text) = call(
        router(SECRET),
        &[("attio-signature", SIGNATURE), ("idempotency-key", "k-42")],
        BODY,
    )
    .await;
    assert_eq!(
        (status, text.as_str()),
        (StatusCode::OK, "2 events, key k-42")
    );
    let (status, _) = call(router(SECRET), &[("x-attio-signature", SIGNATURE)], BODY).await;
    assert_eq!(status, StatusCode::OK);

    let reserialised = serde_json::to_vec(&serde_json::from_slice::<Value>(BODY).unwrap()).unwrap();
    for (secret, headers, body, expected, says) in [
        (
            SECRET,
            vec![],
            BODY.to_vec(),
            StatusCode::UNAUTHORIZED,
            "no `Attio-Signature`",
        ),
        (
            SECRET,
            vec![("attio-signature", SIGNATURE)],
            reserialised,
            StatusCode::UNAUTHORIZED,
            "does not match",
        ),
        (
            "wrong",
            vec![("attio-signature", SIGNATURE)],
            BODY.to_vec(),
            StatusCode::UNAUTHORIZED,
            "does not match",
        ),
        (
            SECRET,
            vec![("attio-signature", "abc")],
            BODY.to_vec(),
            StatusCode::UNAUTHORIZED,
            "not a signature",
        ),
        (
            SECRET,
            vec![("attio-signature", MALFORMED_SIGNATURE)],
            MALFORMED_BODY.to_vec(),
            StatusCode::BAD_REQUEST,
            "events[0].id.workspace_id",
        ),
        (
            "",
            vec![("attio-signature", SIGNATURE)],
            BODY.to_vec(),
            StatusCode::INTERNAL_SERVER_ERROR,
            "secret is empty",
        ),
    ] {
        let (status, text) = call(router(secret), &headers, &body).await;
        assert_eq!(status, expected, "{text}");
        assert!(text.contains(says), "{text}");
        assert!(!text.contains(SECRET));
    }
}
