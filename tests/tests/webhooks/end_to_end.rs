//! End to end on loopback: create a webhook, receive a delivery, verify it, fetch the record, and
//! skip the delivery Attio sends again.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use attio::Client;
use attio::webhooks::{EventType, Subscription, VerifiedDelivery, WebhookSecret};
use attio_tests::Stub;
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;
use serde_json::json;

use crate::answers::{client, created_answer, deal_answer};
use crate::vectors::{BODY, Deal, OBJECT_ID, RECORD_ID, SIGNATURE};

#[derive(Clone)]
struct App {
    secret: WebhookSecret,
    client: Client,
    seen: Arc<Mutex<HashSet<String>>>,
    names: Arc<Mutex<Vec<String>>>,
}

impl FromRef<App> for WebhookSecret {
    fn from_ref(app: &App) -> WebhookSecret {
        app.secret.clone()
    }
}

async fn receive(
    State(app): State<App>,
    VerifiedDelivery(delivery): VerifiedDelivery,
) -> StatusCode {
    if let Some(key) = &delivery.idempotency_key
        && !app.seen.lock().unwrap().insert(key.clone())
    {
        return StatusCode::OK; // delivered again: already handled
    }
    for event in &delivery.events {
        match event.fetch::<Deal>(&app.client).await {
            Ok(deal) => app.names.lock().unwrap().push(deal.values.name),
            Err(_) => return StatusCode::SERVICE_UNAVAILABLE, // Attio will retry
        }
    }
    StatusCode::OK
}

#[tokio::test]
async fn end_to_end_create_receive_verify_fetch_and_deduplicate() {
    let attio = Stub::start(vec![created_answer(), deal_answer(OBJECT_ID)]).await;
    let client = client(&attio);

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/attio", listener.local_addr().unwrap());
    let created = client
        .create_webhook(&target, &[Subscription::new(EventType::RecordUpdated)])
        .await
        .unwrap();
    assert_eq!(
        attio.received()[0].json()["data"]["target_url"],
        json!(target)
    );

    let app = App {
        secret: created.secret,
        client: client.clone(),
        seen: Arc::default(),
        names: Arc::default(),
    };
    let names = app.names.clone();
    let router = axum::Router::new()
        .route("/attio", post(receive))
        .with_state(app);
    let server = tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    // Attio's part: the same delivery twice (a retry), signed as Python computed it.
    let http = reqwest::Client::new();
    for _ in 0..2 {
        let response = http
            .post(&target)
            .header("content-type", "application/json")
            .header("attio-signature", SIGNATURE)
            .header("x-attio-signature", SIGNATURE)
            .header("idempotency-key", "5d0b7b87-1b0c-4f5d-9d4e-0d1e2f3a4b5c")
            .body(BODY)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    // A forged one is refused.
    let forged = http
        .post(&target)
        .header("attio-signature", SIGNATURE)
        .body(&BODY[..BODY.len() - 1])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401);

    // Both events of the one delivery were handled, once.
    assert_eq!(*names.lock().unwrap(), ["Big one", "Big one"]);
    let fetches = attio
        .received()
        .iter()
        .filter(|r| r.uri == *format!("/v2/objects/deals/records/{RECORD_ID}"))
        .count();
    assert_eq!(fetches, 2);
    server.abort();
}
