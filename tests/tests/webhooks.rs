//! Webhooks from the SDK's side: verification against vectors computed outside this crate, every
//! event type of the OpenAPI document, the management operations against a recording stub
//! (method, path, body), fetching the record an event names, and the axum extractor, alone and
//! end to end (create → deliver to a loopback receiver → verify → fetch).
//!
//! Here a test plays Attio's part with signatures precomputed by Python; `webhooks_e2e.rs` has the
//! sandbox deliver them.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use attio::webhooks::{
    Condition, Delivery, Event, EventType, Filter, Subscription, VerifiedDelivery, WebhookError,
    WebhookSecret, WebhookStatus, WebhookUpdate, verify,
};
use attio::{Client, Error, ErrorCode, RetryPolicy, attio_object};
use attio_tests::{Canned, Stub};
use axum::body::Body;
use axum::extract::{FromRef, State};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};
use tower::ServiceExt as _;

/// The secret of Attio's documentation example.
const SECRET: &str = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";

/// A delivery with two events (two attributes of one record changed), with newlines and
/// indentation: the signature covers these exact bytes.
const BODY: &[u8] = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[
  {"event_type":"record.updated","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},"actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}},
  {"event_type":"record.updated","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","attribute_id":"8f3d5e0a-1c2b-4d6e-9f70-a1b2c3d4e5f6"},"actor":{"type":"system","id":null}}
]}"#;

/// HMAC-SHA256 of `BODY` keyed by `SECRET`, computed independently of this crate with Python's
/// standard library:
/// `python3 -c 'import hmac,hashlib; print(hmac.new(SECRET, BODY, hashlib.sha256).hexdigest())'`
/// (SECRET and BODY as bytes, exactly as above).
const SIGNATURE: &str = "4bfe3743199f0fb58594d2268995c75b550c9d75f300c773469ea85f582dd512";

/// The same body keyed by `"another-webhooks-secret"` (Python, as above).
const SIGNATURE_OTHER_SECRET: &str =
    "90f0a20cf57d1ec2652666d1d49518070e160802a2187c927d5a1a4531e334c4";

/// A body that is validly signed (Python, keyed by `SECRET`) but is not a delivery.
const MALFORMED_BODY: &[u8] = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{}}]}"#;
const MALFORMED_SIGNATURE: &str =
    "be3f55399d407dfcc9e554739df5db7acf6e5acc69b9580d682a00839d1696af";

const RECORD_ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";
const OBJECT_ID: &str = "97052eb9-e65e-443f-a297-f2d9a4a7f795";

#[attio_object(slug = "deals")]
#[derive(Debug, Clone, PartialEq)]
struct Deal {
    name: String,
}

fn signed(header: &'static str, signature: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(header, HeaderValue::from_str(signature).unwrap());
    h
}

fn secret() -> WebhookSecret {
    WebhookSecret::new(SECRET)
}

// ---------------------------------------------------------------------------------------------
// Verification

#[test]
fn the_independent_vector_verifies_under_each_header_name() {
    for header in ["Attio-Signature", "X-Attio-Signature"] {
        let delivery = verify(&signed(header, SIGNATURE), BODY, &secret()).unwrap();
        assert_eq!(
            delivery.webhook_id.as_str(),
            "23e42eaf-323a-41da-b5bb-fd67eebda553"
        );
        // Every event, in order, each with the attribute it names.
        let attributes: Vec<&str> = delivery
            .events
            .iter()
            .map(|e| match e {
                Event::RecordUpdated(e) => e.attribute_id.as_ref().unwrap().as_str(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            attributes,
            [
                "41252299-f8c7-4b5e-99c9-4ff8321d2f96",
                "8f3d5e0a-1c2b-4d6e-9f70-a1b2c3d4e5f6"
            ]
        );
        assert_eq!(
            delivery.events[1].actor().unwrap().actor_type,
            Some(attio::ActorType::System)
        );
    }
}

#[test]
fn a_tampered_body_fails() {
    let tampered = String::from_utf8(BODY.to_vec())
        .unwrap()
        .replace("8f3d5e0a", "8f3d5e0b");
    let err = verify(
        &signed("Attio-Signature", SIGNATURE),
        tampered.as_bytes(),
        &secret(),
    )
    .unwrap_err();
    assert!(
        matches!(err, WebhookError::SignatureMismatch { .. }),
        "{err:?}"
    );
    assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn a_re_serialised_body_fails_though_it_is_the_same_json() {
    let value: Value = serde_json::from_slice(BODY).unwrap();
    for again in [
        serde_json::to_vec(&value).unwrap(),
        serde_json::to_vec_pretty(&value).unwrap(),
    ] {
        assert_ne!(again, BODY);
        assert_eq!(serde_json::from_slice::<Value>(&again).unwrap(), value);
        let err = verify(&signed("Attio-Signature", SIGNATURE), &again, &secret()).unwrap_err();
        assert!(
            matches!(err, WebhookError::SignatureMismatch { .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("exactly as received"),
            "the error says what to check: {err}"
        );
    }
}

#[test]
fn a_wrong_secret_fails_and_the_right_one_for_it_verifies() {
    let other = WebhookSecret::new("another-webhooks-secret");
    let err = verify(&signed("Attio-Signature", SIGNATURE), BODY, &other).unwrap_err();
    assert!(
        matches!(err, WebhookError::SignatureMismatch { .. }),
        "{err:?}"
    );
    assert!(!err.to_string().contains("another-webhooks-secret"));
    verify(
        &signed("X-Attio-Signature", SIGNATURE_OTHER_SECRET),
        BODY,
        &other,
    )
    .unwrap();
    // The key is the secret string's bytes, not the bytes its hex encodes: a signature keyed by
    // those (Python: `hmac.new(bytes.fromhex(SECRET), BODY, hashlib.sha256)`) does not verify.
    let keyed_by_decoded_hex = "661754e6be3b2b025f6ac072a1bd94e3a207267357467e14baf82b8dd84ccc45";
    assert!(
        verify(
            &signed("Attio-Signature", keyed_by_decoded_hex),
            BODY,
            &secret()
        )
        .is_err()
    );
}

#[test]
fn missing_and_malformed_signatures_are_told_apart() {
    assert_eq!(
        verify(&HeaderMap::new(), BODY, &secret()).unwrap_err(),
        WebhookError::MissingSignature
    );
    // A header Attio does not send is not read.
    let err = verify(&signed("Signature", SIGNATURE), BODY, &secret()).unwrap_err();
    assert_eq!(err, WebhookError::MissingSignature);
    assert!(err.to_string().contains("Attio-Signature"), "{err}");

    for (bad, says) in [
        ("zz", "not a hex digit"),
        (&SIGNATURE[..40], "40 hex digits, not 64"),
        (&format!("sha256={SIGNATURE}"), "sha256="),
        ("", "empty"),
    ] {
        let err = verify(&signed("X-Attio-Signature", bad), BODY, &secret()).unwrap_err();
        match &err {
            WebhookError::MalformedSignature { header, reason } => {
                assert_eq!(*header, "X-Attio-Signature");
                assert!(reason.contains(says), "{bad:?}: {reason}");
            }
            other => panic!("{bad:?}: {other:?}"),
        }
        assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
    }
}

#[test]
fn a_signed_body_that_is_not_a_delivery_is_a_400_that_names_the_path() {
    let err = verify(
        &signed("Attio-Signature", MALFORMED_SIGNATURE),
        MALFORMED_BODY,
        &secret(),
    )
    .unwrap_err();
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
    assert!(
        err.to_string().contains("`events[0].id.workspace_id`"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Every event type

/// Every `event_type` enum in the OpenAPI document (one per place it appears), checked equal.
fn openapi_event_types() -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(map) => {
                if let Some(list) = map
                    .get("properties")
                    .and_then(|p| p.get("event_type"))
                    .and_then(|t| t.get("enum"))
                    .and_then(Value::as_array)
                {
                    out.push(
                        list.iter()
                            .map(|s| s.as_str().unwrap().to_owned())
                            .collect(),
                    );
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let doc: Value = serde_json::from_str(include_str!("../fixtures/openapi.json")).unwrap();
    let mut found = Vec::new();
    walk(&doc, &mut found);
    assert!(found.len() >= 5, "the enum is in every webhook schema");
    assert!(found.windows(2).all(|w| w[0] == w[1]), "{found:?}");
    found.swap_remove(0)
}

/// The payload of `event_type` as Attio's reference documents it (ids in `id`, the other
/// top-level keys beside it), and nothing more.
fn documented_event(event_type: &str) -> Value {
    let (ids, top): (&[&str], &[&str]) = match event_type {
        "record.merged" => (
            &["object_id", "record_id"],
            &["duplicate_object_id", "duplicate_record_id"],
        ),
        "record.updated" => (&["object_id", "record_id", "attribute_id"], &[]),
        t if t.starts_with("record.") => (&["object_id", "record_id"], &[]),
        "list-entry.updated" => (
            &["list_id", "entry_id", "attribute_id"],
            &["parent_object_id", "parent_record_id"],
        ),
        t if t.starts_with("list-entry.") => (
            &["list_id", "entry_id"],
            &["parent_object_id", "parent_record_id"],
        ),
        t if t.starts_with("list-attribute.") => (&["list_id", "attribute_id"], &[]),
        t if t.starts_with("list.") => (&["list_id"], &[]),
        t if t.starts_with("object-attribute.") => (&["object_id", "attribute_id"], &[]),
        t if t.starts_with("note.") || t == "note-content.updated" => {
            (&["note_id"], &["parent_object_id", "parent_record_id"])
        }
        t if t.starts_with("task.") => (&["task_id"], &[]),
        t if t.starts_with("comment.") => (
            &["comment_id"],
            &["thread_id", "object_id", "record_id", "list_id", "entry_id"],
        ),
        "workspace-member.created" => (&["workspace_member_id"], &[]),
        "call-recording.created" => (&["meeting_id", "call_recording_id"], &[]),
        "activity-record.created" => (&["activity_id", "record_id"], &[]),
        t if t.starts_with("activity-attribute.") => (&["activity_id", "attribute_id"], &[]),
        other => panic!("no documented shape for {other}"),
    };
    let mut id = serde_json::Map::new();
    id.insert("workspace_id".into(), json!("ws-0001"));
    for key in ids {
        id.insert((*key).into(), json!(format!("{key}-0001")));
    }
    let mut event = serde_json::Map::new();
    event.insert("event_type".into(), json!(event_type));
    event.insert("id".into(), Value::Object(id));
    event.insert(
        "actor".into(),
        json!({"type": "workspace-member", "id": "member-0001"}),
    );
    for key in top {
        event.insert((*key).into(), json!(format!("{key}-0001")));
    }
    Value::Object(event)
}

#[test]
fn every_event_type_of_the_openapi_document_decodes_with_every_id() {
    let types = openapi_event_types();
    assert_eq!(types.len(), 27, "{types:?}");
    // The newer ones Attio's event reference lists, beyond the document.
    let all = types.iter().map(String::as_str).chain([
        "activity-record.created",
        "activity-attribute.created",
        "activity-attribute.updated",
    ]);
    let mut decoded = Vec::new();
    for t in all {
        let event = documented_event(t);
        let body =
            serde_json::to_vec(&json!({"webhook_id": "hook-0001", "events": [event]})).unwrap();
        let delivery = Delivery::decode(&body).unwrap_or_else(|e| panic!("{t}: {e}"));
        let event = &delivery.events[0];
        assert!(!matches!(event, Event::Other { .. }), "{t} is known");
        assert_eq!(event.event_type().as_str(), t);
        assert_eq!(event.event_type(), t.parse::<EventType>().unwrap());
        assert!(EventType::KNOWN.contains(&event.event_type()), "{t}");
        assert_eq!(event.workspace_id().unwrap().as_str(), "ws-0001");
        // No id the payload carries is dropped (attribute_id among them).
        let debug = format!("{event:?}");
        let payload = documented_event(t);
        for (key, value) in payload["id"].as_object().unwrap().iter().chain(
            payload
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| !["id", "actor", "event_type"].contains(&k.as_str())),
        ) {
            assert!(
                debug.contains(value.as_str().unwrap()),
                "{t}: {key} is kept: {debug}"
            );
        }
        decoded.push(event.event_type());
    }
    assert_eq!(decoded.len(), EventType::KNOWN.len());
}

#[test]
fn a_comment_on_an_entry_and_on_a_record() {
    let mut on_record = documented_event("comment.resolved");
    on_record["list_id"] = Value::Null;
    on_record["entry_id"] = Value::Null;
    let body =
        json!({"webhook_id": "h", "events": [documented_event("comment.created"), on_record]});
    let delivery = Delivery::decode(&serde_json::to_vec(&body).unwrap()).unwrap();
    let Event::CommentCreated(on_entry) = &delivery.events[0] else {
        panic!()
    };
    assert_eq!(
        on_entry.entry_id.as_ref().unwrap().as_str(),
        "entry_id-0001"
    );
    let Event::CommentResolved(on_record) = &delivery.events[1] else {
        panic!()
    };
    assert_eq!(
        (on_record.list_id.as_ref(), on_record.entry_id.as_ref()),
        (None, None)
    );
}

#[test]
fn an_unknown_type_arrives_whole_as_the_open_variant() {
    let unknown =
        json!({"event_type": "entry.created", "id": {"collection_id": "c"}, "whatever": [1]});
    let body = json!({"webhook_id": "h", "events": [documented_event("task.created"), unknown]});
    let delivery = Delivery::decode(&serde_json::to_vec(&body).unwrap()).unwrap();
    assert!(matches!(delivery.events[0], Event::TaskCreated(_)));
    match &delivery.events[1] {
        Event::Other { event_type, raw } => {
            assert_eq!(event_type, "entry.created");
            assert_eq!(raw, &unknown);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        delivery.events[1].event_type(),
        EventType::Other("entry.created".into())
    );
}

// ---------------------------------------------------------------------------------------------
// Management, against a recording stub

const WEBHOOK: &str = r#"{"target_url":"https://example.com/webhook","subscriptions":[{"event_type":"note.created","filter":{"$and":[{"field":"parent_object_id","operator":"equals","value":"97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}}],"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553"},"status":"active","created_at":"2023-04-27T13:22:49.061281000Z"}"#;

fn created_answer() -> Canned {
    let mut webhook: Value = serde_json::from_str(WEBHOOK).unwrap();
    webhook["secret"] = json!(SECRET);
    Canned::json(
        200,
        serde_json::to_vec(&json!({ "data": webhook })).unwrap(),
    )
}

fn client(stub: &Stub) -> Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client::builder()
        .api_key("t")
        .base_url(stub.url())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap()
}

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

// ---------------------------------------------------------------------------------------------
// Fetching what an event names

fn deal_answer(object_id: &str) -> Canned {
    Canned::json(
        200,
        format!(
            r#"{{"data":{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"{object_id}","record_id":"{RECORD_ID}"}},"created_at":"2023-01-01T00:00:00.000000000Z","values":{{"name":[{{"active_from":"2023-01-01T00:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"system","id":null}},"attribute_type":"text","value":"Big one"}}]}}}}}}"#
        ),
    )
}

#[tokio::test]
async fn a_record_event_fetches_its_typed_record_checked_against_its_object() {
    let delivery = verify(&signed("Attio-Signature", SIGNATURE), BODY, &secret()).unwrap();

    let stub = Stub::start(vec![deal_answer(OBJECT_ID)]).await;
    let deal = delivery.events[0]
        .fetch::<Deal>(&client(&stub))
        .await
        .unwrap();
    assert_eq!(deal.values.name, "Big one");
    let sent = &stub.received()[0];
    assert_eq!(
        (sent.method.as_str(), sent.uri.to_string()),
        ("GET", format!("/v2/objects/deals/records/{RECORD_ID}"))
    );

    // Attio found the id under `deals`, but the record is of another object than the event's.
    let stub = Stub::start(vec![deal_answer("00000000-0000-0000-0000-000000000000")]).await;
    let err = delivery.events[0]
        .fetch::<Deal>(&client(&stub))
        .await
        .unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.path(), "data.id.object_id");
    assert!(
        err.to_string().contains("not about a `deals` record"),
        "{err}"
    );
}

#[tokio::test]
async fn events_that_name_no_fetchable_record_are_refused_before_sending() {
    let stub = Stub::start(vec![deal_answer(OBJECT_ID)]).await;
    let client = client(&stub);
    let body = json!({"webhook_id": "h", "events": [
        documented_event("record.deleted"),
        documented_event("list-entry.created"),
        documented_event("task.created"),
    ]});
    let delivery = Delivery::decode(&serde_json::to_vec(&body).unwrap()).unwrap();
    let messages = [
        "no longer exists",
        "cannot fetch yet",
        "does not name a record",
    ];
    for (event, says) in delivery.events.iter().zip(messages) {
        let err = event.fetch::<Deal>(&client).await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
        assert!(err.to_string().contains(says), "{err}");
    }
    assert!(stub.received().is_empty());
}

// ---------------------------------------------------------------------------------------------
// The axum extractor

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

// ---------------------------------------------------------------------------------------------
// End to end on loopback: create a webhook, receive a delivery, verify it, fetch the record,
// and skip the delivery Attio sends again.

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
