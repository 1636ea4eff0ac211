//! Webhooks, received: the sandbox delivers Attio's events to an axum receiver on loopback,
//! which verifies each delivery, handles it once, and re-reads the record it names.
//!
//! ```sh
//! cargo run --example webhooks
//! ```
//!
//! It needs no account and no network: the sandbox (an Attio-compatible server in this process)
//! plays Attio's part, signing each delivery with the webhook's secret as Attio does. Against
//! Attio itself the receiver is the same; only the target URL must then be public `https://`.

use attio::prelude::*;
use std::time::Duration;

use attio::webhooks::{Event, EventType, SeenKeys, Subscription, VerifiedDelivery, WebhookSecret};
use attio::{Client, EmailAddress, ErrorCode, PersonalName, attio_object};
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;

/// A person: the standard `people` object, the attributes this program uses.
#[attio_object(slug = "people")]
#[derive(Debug, Clone)]
pub struct Person {
    /// First, last and full name.
    pub name: Option<PersonalName>,
    /// Email addresses (multiselect).
    pub email_addresses: Vec<EmailAddress>,
    /// Job title.
    pub job_title: Option<String>,
}

/// The receiver's state: the secret that verifies deliveries, a client to re-read records, and
/// the deliveries already handled.
#[derive(Clone)]
struct Receiver {
    secret: WebhookSecret,
    client: Client,
    seen: SeenKeys,
}

impl FromRef<Receiver> for WebhookSecret {
    fn from_ref(r: &Receiver) -> WebhookSecret {
        r.secret.clone()
    }
}

/// `POST /attio`: the extractor has checked the signature on the raw body (or answered 401).
async fn attio_webhook(
    State(r): State<Receiver>,
    VerifiedDelivery(delivery): VerifiedDelivery,
) -> StatusCode {
    if !r.seen.first_time(&delivery) {
        return StatusCode::OK; // Attio delivered it again: already handled
    }
    for event in &delivery.events {
        let actor = event
            .actor()
            .and_then(|a| a.actor_type.as_ref())
            .map_or("?", |t| t.as_str());
        match event {
            Event::RecordCreated(e) | Event::RecordUpdated(e) => {
                let changed = e
                    .attribute_id
                    .as_ref()
                    .map_or_else(String::new, |a| format!(", attribute {a}"));
                println!(
                    "  <- {} record {}{changed} by {}",
                    event.event_type().as_str(),
                    e.record_id,
                    actor
                );
                // Events carry ids only: re-read the record to see what it is now.
                match event.fetch::<Person>(&r.client).await {
                    Ok(person) => println!(
                        "     re-read: {} <{}>, job title {:?}",
                        person.values.name.as_ref().map_or("?", |n| n.full_name()),
                        person
                            .values
                            .email_addresses
                            .first()
                            .map_or_else(String::new, ToString::to_string),
                        person.values.job_title
                    ),
                    // Deleted since the event: nothing to re-read.
                    Err(e) if e.code() == Some(&ErrorCode::NotFound) => {
                        println!("     re-read: gone since")
                    }
                    Err(e) => {
                        eprintln!("     could not re-read: {e}");
                        r.seen.forget(&delivery); // answer 503 so that it comes again
                        return StatusCode::SERVICE_UNAVAILABLE;
                    }
                }
            }
            Event::RecordDeleted(e) => {
                println!("  <- record.deleted record {} by {}", e.record_id, actor)
            }
            other => println!("  <- {} (not handled here)", other.event_type().as_str()),
        }
    }
    StatusCode::OK
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = attio_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()?;
    println!("sandbox at {}", sandbox.base_url());

    // The receiver listens on loopback; the sandbox accepts an http:// target there.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let target = format!("http://{}/attio", listener.local_addr()?);
    let created = client
        .create_webhook(
            &target,
            &[
                Subscription::new(EventType::RecordCreated),
                Subscription::new(EventType::RecordUpdated),
                Subscription::new(EventType::RecordDeleted),
            ],
        )
        .await?;
    println!(
        "webhook {} -> {target} (secret returned once, kept in a WebhookSecret)",
        created.webhook.id.webhook_id
    );
    let receiver = Receiver {
        secret: created.secret,
        client: client.clone(),
        seen: SeenKeys::new(10_000),
    };
    let app = axum::Router::new()
        .route("/attio", post(attio_webhook))
        .with_state(receiver);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    // Changes through the typed SDK; each one becomes an event. After each, the program waits
    // until the sandbox has delivered it (the timeout is a guard), so the output reads in order.
    let wait = Duration::from_secs(30);
    let mut ada = Person {
        name: Some(PersonalName::new("Ada", "Lovelace")?),
        email_addresses: vec!["ada@example.com".parse()?],
        job_title: None,
    };
    println!("-> create a person");
    let record = client.create_record(&ada).await?;
    let id = record.id.record_id.clone();
    sandbox.wait_for_delivered(1, wait).await?;

    println!("-> update the job title (one record.updated: only that attribute changes)");
    ada.job_title = Some("Analyst".into());
    ada.update(&client, &id).await?;
    sandbox.wait_for_delivered(2, wait).await?;

    println!("-> delete the person");
    client.delete_record::<Person>(&id).await?;
    let delivered = sandbox.wait_for_delivered(3, wait).await?;
    println!(
        "{} deliveries in {} attempts",
        delivered.len(),
        sandbox.webhook_deliveries().len()
    );

    let _ = stop.send(());
    server.await??;
    sandbox.shutdown().await;
    Ok(())
}
