//! Webhooks end to end on the sandbox, which delivers them: a change made through the SDK reaches
//! an axum receiver (the `VerifiedDelivery` extractor) as a verified, typed event, exactly the
//! documented one; filters exclude the rest; a failed delivery is retried with the same
//! `Idempotency-Key` and handled once (`SeenKeys`); a wrong secret is refused; and the webhook
//! management methods work against the sandbox (whose answers `sandbox/tests/openapi.rs` checks
//! against the OpenAPI document).
//!
//! Waiting is on the sandbox's record of deliveries, with timeouts only as guards.

use attio::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use attio::webhooks::{
    Condition, Event, EventType, Filter, SeenKeys, Subscription, VerifiedDelivery, WebhookSecret,
    WebhookStatus, WebhookUpdate,
};
use attio::{ActorType, Client, EmailAddress, ErrorCode, WithMeta, attio_object};
use attio_sandbox::{AttemptResult, Sandbox, WebhookRetry};
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;
use serde_json::{Value, json};

/// A guard against hanging, never an assertion about time.
const WAIT: Duration = Duration::from_secs(20);

#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
struct Person {
    email_addresses: Vec<EmailAddress>,
    job_title: Option<String>,
}

/// The same person, with who wrote each value.
#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
struct PersonMeta {
    job_title: Option<WithMeta<String>>,
}

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: Option<String>,
}

/// What the receiver handled: the delivery's key, the event, and the job title re-read with the
/// event's `fetch` (for record events that name an existing person).
#[derive(Debug, Clone)]
struct Handled {
    key: Option<String>,
    event: Event,
    job_title: Option<Option<String>>,
}

#[derive(Clone)]
struct App {
    secret: WebhookSecret,
    client: Client,
    seen: SeenKeys,
    handled: Arc<Mutex<Vec<Handled>>>,
    repeats: Arc<AtomicUsize>,
    /// How many deliveries to handle and then answer 500, as if the answer were lost.
    fail_after_handling: Arc<AtomicUsize>,
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
    if !app.seen.first_time(&delivery) {
        app.repeats.fetch_add(1, Ordering::SeqCst);
        return StatusCode::OK; // delivered again: already handled
    }
    for event in &delivery.events {
        let job_title = match event {
            Event::RecordCreated(e) | Event::RecordUpdated(e) => {
                match event.fetch::<Person>(&app.client).await {
                    Ok(person) => Some(person.values.job_title),
                    Err(err) if err.code() == Some(&ErrorCode::NotFound) => None,
                    Err(err) => panic!("fetching {}: {err}", e.record_id),
                }
            }
            _ => None,
        };
        app.handled.lock().unwrap().push(Handled {
            key: delivery.idempotency_key.clone(),
            event: event.clone(),
            job_title,
        });
    }
    let fail = app
        .fail_after_handling
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    if fail {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::OK
    }
}

struct Setup {
    sandbox: Sandbox,
    client: Client,
    app: App,
    webhook: attio::webhooks::Webhook,
}

/// A sandbox with fast retries, a client, and a receiver on loopback subscribed with
/// `subscriptions`; the receiver checks signatures with `secret`, or the webhook's own.
async fn setup(subscriptions: &[Subscription], secret: Option<&str>) -> Setup {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sandbox = Sandbox::builder()
        .webhook_retry(
            WebhookRetry::default()
                .first_delay(Duration::from_millis(20))
                .attempts(3),
        )
        .start()
        .await
        .unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/attio", listener.local_addr().unwrap());
    let created = client.create_webhook(&target, subscriptions).await.unwrap();
    let app = App {
        secret: secret.map_or(created.secret, WebhookSecret::new),
        client: client.clone(),
        seen: SeenKeys::new(1000),
        handled: Arc::default(),
        repeats: Arc::default(),
        fail_after_handling: Arc::default(),
    };
    let router = axum::Router::new()
        .route("/attio", post(receive))
        .with_state(app.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    Setup {
        sandbox,
        client,
        app,
        webhook: created.webhook,
    }
}

impl Setup {
    fn handled(&self) -> Vec<Handled> {
        self.app.handled.lock().unwrap().clone()
    }

    /// An attribute's id, read from the sandbox's API.
    async fn attribute_id(&self, object: &str, slug: &str) -> String {
        let body: Value = reqwest::Client::new()
            .get(format!(
                "{}/v2/objects/{object}/attributes/{slug}",
                self.sandbox.base_url()
            ))
            .bearer_auth(self.sandbox.api_key())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["data"]["id"]["attribute_id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

fn ada(job_title: &str) -> Person {
    Person {
        email_addresses: vec!["ada@example.com".parse().unwrap()],
        job_title: Some(job_title.into()),
    }
}

#[tokio::test]
async fn a_change_through_the_sdk_arrives_as_the_documented_typed_event() {
    let s = setup(
        &[
            Subscription::new(EventType::RecordCreated),
            Subscription::new(EventType::RecordUpdated),
        ],
        None,
    )
    .await;
    let created = s.client.create_record(&ada("Countess")).await.unwrap();
    let id = created.id.record_id.clone();
    // The email is written again unchanged (no event); the job title changes (one event).
    ada("Analyst").update(&s.client, &id).await.unwrap();
    let delivered = s.sandbox.wait_for_delivered(2, WAIT).await.unwrap();

    let handled = s.handled();
    assert_eq!(handled.len(), 2, "{handled:?}");
    let job_title = s.attribute_id("people", "job_title").await;
    // The actor is the one Attio records as the writer of the values: the API token.
    let writer = s.client.get_record::<PersonMeta>(&id).await.unwrap();
    let writer = writer
        .values
        .job_title
        .unwrap()
        .meta
        .created_by_actor
        .unwrap();
    assert_eq!(writer.actor_type, Some(ActorType::ApiToken));

    for (h, (kind, attribute)) in handled.iter().zip([
        (EventType::RecordCreated, None),
        (EventType::RecordUpdated, Some(&job_title)),
    ]) {
        assert_eq!(h.event.event_type(), kind);
        let e = h.event.as_record().unwrap();
        assert_eq!(e.workspace_id.as_str(), s.sandbox.workspace_id());
        assert_eq!(e.object_id.as_str(), created.id.object_id.as_str());
        assert_eq!(e.record_id, id);
        assert_eq!(
            e.attribute_id.as_ref().map(|a| a.as_str()),
            attribute.map(String::as_str)
        );
        assert_eq!(e.actor, writer);
        // Re-read when the event was handled: by then the update had happened, or not.
        assert!(h.job_title.is_some());
    }
    assert_eq!(handled[1].job_title, Some(Some("Analyst".into())));
    assert_ne!(handled[0].key, handled[1].key);

    // Exactly the documented body: the envelope, one event, ids only, the actor.
    let ws = s.sandbox.workspace_id();
    for (d, h) in delivered.iter().zip(&handled) {
        assert_eq!(h.key.as_deref(), Some(d.idempotency_key.as_str()));
        let mut id_json = json!({"workspace_id": ws, "object_id": created.id.object_id.as_str(), "record_id": id.as_str()});
        if let Some(a) = h.event.as_record().unwrap().attribute_id.as_ref() {
            id_json["attribute_id"] = json!(a.as_str());
        }
        let body: Value = serde_json::from_str(&d.body).unwrap();
        assert_eq!(
            body,
            json!({"webhook_id": s.webhook.id.webhook_id.as_str(), "events": [{
                "event_type": h.event.event_type().as_str(),
                "id": id_json,
                "actor": {"type": "api-token", "id": writer.id},
            }]})
        );
    }
}

#[tokio::test]
async fn a_subscription_filter_excludes_the_events_that_do_not_match() {
    let s = setup(&[Subscription::new(EventType::TaskCreated)], None)
        .await
        .with_subscriptions()
        .await;
    let people = s.client.create_record(&ada("Countess")).await.unwrap(); // record.created on people: excluded
    let company = s
        .client
        .create_record(&Company {
            name: Some("Analytical Engines".into()),
        })
        .await
        .unwrap(); // record.created on companies: delivered
    let mut more = ada("Analyst");
    more.email_addresses
        .push("ada@engines.com".parse().unwrap());
    // Two attributes change: job_title is delivered, email_addresses excluded.
    more.update(&s.client, &people.id.record_id).await.unwrap();
    s.sandbox.wait_for_delivered(2, WAIT).await.unwrap();

    let job_title = s.attribute_id("people", "job_title").await;
    let handled: Vec<(EventType, String, Option<String>)> = s
        .handled()
        .iter()
        .map(|h| {
            let e = h.event.as_record().unwrap();
            (
                h.event.event_type(),
                e.record_id.as_str().to_owned(),
                e.attribute_id.as_ref().map(|a| a.as_str().to_owned()),
            )
        })
        .collect();
    assert_eq!(
        handled,
        [
            (
                EventType::RecordCreated,
                company.id.record_id.as_str().to_owned(),
                None
            ),
            (
                EventType::RecordUpdated,
                people.id.record_id.as_str().to_owned(),
                Some(job_title)
            ),
        ]
    );
    // Excluded events were never sent: every attempt is one of the two above.
    assert_eq!(s.sandbox.webhook_deliveries().len(), 2);
}

impl Setup {
    /// Replaces the subscriptions, through the SDK, with: companies' `record.created`, and
    /// `record.updated` of `job_title` only.
    async fn with_subscriptions(self) -> Setup {
        let companies = s_object_id(&self, "companies").await;
        let job_title = self.attribute_id("people", "job_title").await;
        let update = WebhookUpdate::new().subscriptions([
            Subscription::new(EventType::RecordCreated)
                .filter(Filter::all([Condition::equals("id.object_id", &companies)])),
            Subscription::new(EventType::RecordUpdated).filter(Filter::any([Condition::equals(
                "id.attribute_id",
                &job_title,
            )])),
        ]);
        self.client
            .update_webhook(&self.webhook.id.webhook_id, &update)
            .await
            .unwrap();
        self
    }
}

async fn s_object_id(s: &Setup, object: &str) -> String {
    let body: Value = reqwest::Client::new()
        .get(format!("{}/v2/objects/{object}", s.sandbox.base_url()))
        .bearer_auth(s.sandbox.api_key())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["data"]["id"]["object_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_failed_delivery_comes_again_with_the_same_key_and_is_handled_once() {
    let s = setup(&[Subscription::new(EventType::RecordCreated)], None).await;
    // The receiver handles the first delivery, then answers 500, as if its answer were lost.
    s.app.fail_after_handling.store(1, Ordering::SeqCst);
    let created = s.client.create_record(&ada("Countess")).await.unwrap();
    let delivered = s.sandbox.wait_for_delivered(1, WAIT).await.unwrap();

    let attempts = s.sandbox.webhook_deliveries();
    let seen: Vec<(u32, &AttemptResult, &str)> = attempts
        .iter()
        .map(|a| (a.attempt, &a.result, a.idempotency_key.as_str()))
        .collect();
    let key = delivered[0].idempotency_key.as_str();
    assert_eq!(
        seen,
        [
            (1, &AttemptResult::Status(500), key),
            (2, &AttemptResult::Status(200), key),
        ]
    );
    assert_eq!(attempts[0].body, attempts[1].body);
    // Handled once; the second delivery was recognised as a repeat.
    let handled = s.handled();
    assert_eq!(handled.len(), 1, "{handled:?}");
    assert_eq!(handled[0].key.as_deref(), Some(key));
    assert_eq!(
        handled[0].event.as_record().unwrap().record_id,
        created.id.record_id
    );
    assert_eq!(s.app.repeats.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_wrong_secret_is_refused_by_the_extractor() {
    let s = setup(
        &[Subscription::new(EventType::RecordCreated)],
        Some("not-the-webhook-secret"),
    )
    .await;
    s.client.create_record(&ada("Countess")).await.unwrap();
    // Every attempt (3 with this sandbox's retries) is refused with 401.
    let attempts = s
        .sandbox
        .wait_for_deliveries(WAIT, |a| a.len() >= 3)
        .await
        .unwrap();
    assert!(
        attempts
            .iter()
            .all(|a| a.result == AttemptResult::Status(401)),
        "{attempts:?}"
    );
    assert!(s.handled().is_empty());
    // After the last attempt the webhook is degraded, as Attio marks it.
    let webhook = s
        .client
        .get_webhook(&s.webhook.id.webhook_id)
        .await
        .unwrap();
    assert_eq!(webhook.status, WebhookStatus::Degraded);
}

#[tokio::test]
async fn webhook_management_through_the_sdk() {
    let s = setup(&[Subscription::new(EventType::RecordDeleted)], None).await;
    let created = s
        .client
        .create_webhook(
            "https://example.com/attio",
            &[
                Subscription::new(EventType::NoteCreated).filter(Filter::all([
                    Condition::equals("parent_object_id", "97052eb9-e65e-443f-a297-f2d9a4a7f795"),
                    Condition::not_equals("actor.type", "system"),
                ])),
            ],
        )
        .await
        .unwrap();
    assert_eq!(created.secret.expose_secret().len(), 64);
    assert!(!format!("{created:?}").contains(created.secret.expose_secret()));
    let id = created.webhook.id.webhook_id.clone();
    assert_eq!(created.webhook.status, WebhookStatus::Active);
    assert_eq!(
        created.webhook.id.workspace_id.as_str(),
        s.sandbox.workspace_id()
    );

    let listed = s.client.list_webhooks().await.unwrap();
    assert_eq!(listed, [s.webhook.clone(), created.webhook.clone()]);
    assert_eq!(s.client.get_webhook(&id).await.unwrap(), created.webhook);

    let updated = s
        .client
        .update_webhook(
            &id,
            &WebhookUpdate::new()
                .target_url("https://example.org/attio")
                .subscriptions([Subscription::new(EventType::TaskCreated)]),
        )
        .await
        .unwrap();
    assert_eq!(updated.target_url, "https://example.org/attio");
    assert_eq!(
        updated.subscriptions,
        [Subscription::new(EventType::TaskCreated)]
    );
    assert_eq!(updated.created_at, created.webhook.created_at);

    s.client.delete_webhook(&id).await.unwrap();
    let err = s.client.get_webhook(&id).await.unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::NotFound), "{err}");
    assert_eq!(
        s.client.list_webhooks().await.unwrap(),
        std::slice::from_ref(&s.webhook)
    );

    // Attio's https:// rule: the SDK lets http:// through for a local sandbox; the sandbox
    // accepts it on loopback only.
    let err = s
        .client
        .create_webhook(
            "http://example.com/attio",
            &[Subscription::new(EventType::TaskCreated)],
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::ValidationType), "{err}");
    assert!(err.to_string().contains("https://"), "{err}");

    // A deleted record arrives as `record.deleted`, which names a record that is gone.
    let person = s.client.create_record(&ada("Countess")).await.unwrap();
    s.client
        .delete_record::<Person>(&person.id.record_id)
        .await
        .unwrap();
    s.sandbox.wait_for_delivered(1, WAIT).await.unwrap();
    let handled = s.handled();
    assert!(
        matches!(&handled[..], [Handled { event: Event::RecordDeleted(e), job_title: None, .. }] if e.record_id == person.id.record_id),
        "{handled:?}"
    );
}
