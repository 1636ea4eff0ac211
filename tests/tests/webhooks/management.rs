//! The management operations against a recording stub: method, path and body of create, list,
//! get, update and delete, refusals before sending, a typed 404.

use attio::ErrorCode;
use attio::webhooks::{Condition, EventType, Filter, Subscription, WebhookStatus, WebhookUpdate};
use attio_tests::{Canned, Stub};
use serde_json::{Value, json};

use crate::answers::{WEBHOOK, client, created_answer};
use crate::vectors::{OBJECT_ID, SECRET};

fn note_subscription() -> Subscription {
    Subscription::new(EventType::NoteCreated).filter(Filter::all([Condition::equals(
        "parent_object_id",
        OBJECT_ID,
    )]))
}

#[tokio::test]
async fn create_sends_the_documented_body_and_keeps_the_secret_secret() {
    let stub = Stub::start(vec![created_answer()]).await;
    let created = client(&stub)
        .create_webhook("https://example.com/webhook", &[note_subscription()])
        .await
        .unwrap();
    let sent = &stub.received()[0];
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.uri, "/v2/webhooks");
    // Attio's documentation example, byte for byte.
    assert_eq!(
        sent.body,
        r#"{"data":{"target_url":"https://example.com/webhook","subscriptions":[{"event_type":"note.created","filter":{"$and":[{"field":"parent_object_id","operator":"equals","value":"97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}}]}}"#
    );
    assert_eq!(created.secret.expose_secret(), SECRET);
    assert_eq!(created.webhook.status, WebhookStatus::Active);
    assert_eq!(created.webhook.subscriptions, [note_subscription()]);
    assert!(!format!("{created:?}").contains(SECRET));
}

#[tokio::test]
async fn create_refuses_before_sending() {
    let stub = Stub::start(vec![created_answer()]).await;
    let client = client(&stub);
    let err = client
        .create_webhook("https://example.com/webhook", &[])
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("at least one subscription"),
        "{err}"
    );
    let err = client
        .create_webhook("not a url", &[note_subscription()])
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), attio::Outcome::NotSent);
    assert!(stub.received().is_empty());
}

#[tokio::test]
async fn list_reads_every_page() {
    let page = |n: usize, from: usize| {
        let webhooks: Vec<Value> = (from..from + n)
            .map(|i| {
                let mut w: Value = serde_json::from_str(WEBHOOK).unwrap();
                w["id"]["webhook_id"] = json!(format!("hook-{i:04}"));
                w
            })
            .collect();
        Canned::json(
            200,
            serde_json::to_vec(&json!({ "data": webhooks })).unwrap(),
        )
    };
    let stub = Stub::start(vec![page(100, 0), page(3, 100)]).await;
    let all = client(&stub).list_webhooks().await.unwrap();
    assert_eq!(all.len(), 103);
    let uris: Vec<String> = stub.received().iter().map(|r| r.uri.to_string()).collect();
    assert_eq!(
        uris,
        [
            "/v2/webhooks?limit=100&offset=0",
            "/v2/webhooks?limit=100&offset=100"
        ]
    );
    assert!(stub.received().iter().all(|r| r.method == "GET"));
}

#[tokio::test]
async fn get_update_delete() {
    let one = Canned::json(200, format!(r#"{{"data":{WEBHOOK}}}"#));
    let stub = Stub::start(vec![one.clone(), one, Canned::json(200, "{}")]).await;
    let client = client(&stub);
    let id: attio::webhooks::WebhookId = "23e42eaf-323a-41da-b5bb-fd67eebda553".parse().unwrap();

    let got = client.get_webhook(&id).await.unwrap();
    assert_eq!(got.id.webhook_id, id);
    assert_eq!(got.target_url, "https://example.com/webhook");

    let update = WebhookUpdate::new()
        .target_url("https://example.com/v2")
        .subscriptions([
            Subscription::new(EventType::RecordUpdated).filter(Filter::any([
                Condition::equals("id.attribute_id", "41252299-f8c7-4b5e-99c9-4ff8321d2f96"),
                Condition::not_equals("actor.type", "system"),
            ])),
        ]);
    client.update_webhook(&id, &update).await.unwrap();
    client.delete_webhook(&id).await.unwrap();
    // Nothing to change: refused before sending.
    assert!(
        client
            .update_webhook(&id, &WebhookUpdate::new())
            .await
            .is_err()
    );

    let received = stub.received();
    let lines: Vec<(String, String)> = received
        .iter()
        .map(|r| (r.method.to_string(), r.uri.to_string()))
        .collect();
    let path = "/v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553".to_owned();
    assert_eq!(
        lines,
        [
            ("GET".into(), path.clone()),
            ("PATCH".into(), path.clone()),
            ("DELETE".into(), path)
        ]
    );
    assert_eq!(
        received[1].json(),
        json!({"data": {"target_url": "https://example.com/v2", "subscriptions": [{
            "event_type": "record.updated",
            "filter": {"$or": [
                {"field": "id.attribute_id", "operator": "equals", "value": "41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
                {"field": "actor.type", "operator": "not_equals", "value": "system"}
            ]}
        }]}})
    );
    assert!(received[0].body.is_empty() && received[2].body.is_empty());
}

#[tokio::test]
async fn a_missing_webhook_is_a_typed_404_naming_the_request() {
    let stub = Stub::start(vec![Canned::json(
        404,
        r#"{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Webhook with ID \"23e42eaf-323a-41da-b5bb-fd67eebda553\" was not found."}"#,
    )])
    .await;
    let id = "23e42eaf-323a-41da-b5bb-fd67eebda553".parse().unwrap();
    let err = client(&stub).get_webhook(&id).await.unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert!(
        err.to_string()
            .contains("GET /v2/webhooks/23e42eaf-323a-41da-b5bb-fd67eebda553"),
        "{err}"
    );
}
