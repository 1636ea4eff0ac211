//! Webhooks: verify and decode what Attio delivers, re-read what it names, and manage the
//! subscriptions.
//!
//! **Receiving.** Attio POSTs a [`Delivery`] (`webhook_id`, `events[]`, ids only) signed with the
//! webhook's secret: the hex HMAC-SHA256 of the raw body in `Attio-Signature` (and, identical,
//! `X-Attio-Signature`). [`verify`] checks the signature on the bytes as received, in constant
//! time, and decodes every event into an [`Event`]: one variant per [`EventType`], with typed ids
//! ([`RecordId`](crate::RecordId), [`ObjectId`], [`AttributeId`], …) and the [`Actor`](crate::Actor),
//! and [`Event::Other`] for types this version does not know. With the `axum` feature,
//! `VerifiedDelivery` is an extractor that does the same and refuses bad requests with `401` or
//! `400`. `verify` takes the `http` crate's `HeaderMap`, which this module re-exports
//! ([`http`]): write `attio::webhooks::http::HeaderMap` without adding `http` to your own
//! dependencies (axum, hyper and other frameworks on `http` 1 hand you this type already).
//! `verify` and the extractor alone make a [`Delivery`]; a body decoded without its signature
//! ([`Delivery::decode_unverified`], for tests and stored deliveries) is an
//! [`UnverifiedDelivery`], which code that takes a `Delivery` does not accept.
//!
//! Attio delivers **at least once** and does not document an order: deduplicate on
//! [`Delivery::idempotency_key`] ([`SeenKeys`] remembers the recent ones in memory; [`Dedup`] over
//! a shared [`DedupStore`] such as `RedisStore` does it for several receivers, and says
//! [`Freshness::Unknown`] when the store is down), handle every event of `events` (a delivery holds one today),
//! and re-read the current state ([`Event::fetch`] for a record) rather than trusting the order
//! of events. `record.updated` names the changed attribute (`attribute_id`): one event per
//! attribute.
//!
//! ```
//! use attio::webhooks::{http, verify, Event, WebhookSecret};
//!
//! # #[attio::attio_object(slug = "deals")] struct Deal { name: String }
//! async fn receive(
//!     client: &attio::Client,
//!     headers: &http::HeaderMap,
//!     body: &[u8],
//!     secret: &WebhookSecret,
//! ) -> Result<(), Box<dyn std::error::Error>> {
//!     let delivery = verify(headers, body, secret)?; // 401 or 400 on Err: see WebhookError::status
//!     for event in &delivery.events {
//!         match event {
//!             Event::RecordCreated(e) | Event::RecordUpdated(e) => {
//!                 let deal = e.fetch::<Deal>(client).await?;
//!                 println!("{} ({:?} changed)", deal.values.name, e.attribute_id);
//!             }
//!             Event::RecordDeleted(e) => println!("{} deleted", e.record_id),
//!             other => println!("ignored {}", other.event_type()),
//!         }
//!     }
//!     Ok(())
//! }
//! ```
//!
//! **Managing.** [`Client::create_webhook`](crate::Client::create_webhook) subscribes a target URL
//! to event types, each with an optional [`Filter`]; its answer, a [`CreatedWebhook`], holds the
//! [`WebhookSecret`] (only there: store it). `list_webhooks`, `get_webhook`, `update_webhook` and
//! `delete_webhook` do the rest. A secret never appears in `Debug` output, an error or a log.

mod dedup;
mod delivery;
mod error;
mod event;
mod events;
#[cfg(feature = "axum")]
mod extract;
mod fetch;
mod manage;
mod payload;
mod shared_dedup;
mod signature;

pub use dedup::SeenKeys;
pub use delivery::{Delivery, UnverifiedDelivery, verify};
pub use error::WebhookError;
pub use event::Event;
pub use events::{
    ActivityAttributeEvent, ActivityEvent, ActivityRecordEvent, CallRecordingEvent, CommentEvent,
    EntryEvent, ListAttributeEvent, ListEvent, NoteEvent, ObjectAttributeEvent, RecordEvent,
    RecordMergedEvent, TaskEvent, WorkspaceMemberEvent,
};
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use extract::{VerifiedDelivery, WebhookRejection};
pub use shared_dedup::{DEFAULT_DEDUP_TTL, Dedup, Freshness};
pub use signature::verify_signature;

/// Where [`Dedup`] keeps the keys it has seen: [`SeenKeys`] in memory, `RedisStore` (feature
/// `redis`) for several receivers, or a store of your own. Defined in [`crate::shared`].
///
/// ```
/// fn takes_a_store(_: std::sync::Arc<dyn attio::webhooks::DedupStore>) {}
/// takes_a_store(std::sync::Arc::new(attio::webhooks::SeenKeys::new(100)));
/// ```
pub use crate::shared::DedupStore;

/// The `http` crate (version 1), re-exported: [`verify`] takes its `HeaderMap` and
/// [`WebhookError::status`] answers its `StatusCode`, so a receiver names them as
/// `attio::webhooks::http::HeaderMap` and `attio::webhooks::http::StatusCode` without depending
/// on `http` itself.
///
/// ```
/// use attio::webhooks::{http, verify, WebhookSecret};
///
/// let err = verify(&http::HeaderMap::new(), b"{}", &WebhookSecret::new("s")).unwrap_err();
/// assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
/// ```
pub use http;

pub use crate::values::{
    ActivityId, AttributeId, CallRecordingId, CommentId, EntryId, ListId, MeetingId, NoteId,
    ObjectId, TaskId, ThreadId, WebhookId, WorkspaceId, WorkspaceMemberId,
};
pub use crate::wire::webhook::{
    Condition, CreatedWebhook, EventType, Filter, FilterOperator, Subscription, Webhook,
    WebhookIdentifier, WebhookSecret, WebhookStatus, WebhookUpdate,
};
