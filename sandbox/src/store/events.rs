//! Events: what a change tells webhook subscribers, the webhooks subscribed, and the outbox
//! through which events leave the store. Subscription filters are in `filter.rs`; the management
//! endpoints are the `webhooks` resource; sending is `crate::delivery`, outside the store, which
//! only reads the outbox.
//!
//! # Emitting an event
//!
//! A module that changes data tells subscribers with **one call**, `Store::emit`:
//!
//! ```ignore
//! store.emit(
//!     Event::new("list-entry.created")
//!         .id("list_id", &list.id)
//!         .id("entry_id", &entry.id)
//!         .field("parent_object_id", &object.id)
//!         .field("parent_record_id", &record.id),
//! );
//! ```
//!
//! `emit` fills in `id.workspace_id` and, unless [`Event::actor`] set one, the API token as the
//! `actor`; then it queues one delivery for each webhook with a subscription to the event's type
//! whose filter the event passes (a webhook gets an event once, however many of its subscriptions
//! match). It does nothing when no webhook exists. The queue (`Store::outbox`) is drained by the
//! server when the request's handler returns, and handed to the delivery task (the store never
//! imports delivery), which makes the
//! first attempts in the order of the events. Build the event with the documented ids of its
//! type (reference §2.3): `id` keys with [`Event::id`], top-level keys beside `id` with
//! [`Event::field`].
//!
//! Records emit `record.created`, `record.updated` (one event per changed attribute, with
//! `id.attribute_id`; the other side of a two-way relationship too), `record.deleted` and
//! `record.merged` (two per merge: the new record's id, each original as `duplicate_record_id`;
//! a history write emits nothing, as Attio documents); list
//! entries `list-entry.created`, `list-entry.updated` (one per changed attribute) and
//! `list-entry.deleted` (also for each entry of a deleted record); creating an attribute emits
//! `object-attribute.created` or `list-attribute.created`; activities emit `activity.created`,
//! `activity.updated` and `activity.deleted` (with `id.activity_id`), their attributes
//! `activity-attribute.created` and `activity-attribute.updated` (with `id.attribute_id` too),
//! and their records `activity-record.created` and `activity-record.deleted` (with
//! `id.record_id`; Attio lists no `activity-record.updated`, so a change to an activity record
//! announces nothing); the resources emit `note.created`,
//! `note.deleted`, `task.created`, `task.updated`, `task.deleted`, `comment.created`,
//! `comment.deleted` and `call-recording.created`. The other types of [`EVENT_TYPES`] can be
//! subscribed to, but nothing emits them.
//!
//! # Delivery
//!
//! Each delivery is one POST of `{"webhook_id", "events": [event]}` (one event per delivery, as
//! Attio sends today), signed with the webhook's secret (hex HMAC-SHA256 of the body, in
//! `Attio-Signature` and `X-Attio-Signature`), with an `Idempotency-Key` that stays the same
//! across its retries. See `crate::delivery` for where the sandbox delivers and how it retries.

use serde_json::{Map, Value, json};

use super::filter;

/// Every event type a subscription may name: the 27 of the OpenAPI document and the newer
/// `activity.*` and `activity-*` ones (reference §2.2).
pub const EVENT_TYPES: [&str; 34] = [
    "call-recording.created",
    "comment.created",
    "comment.resolved",
    "comment.unresolved",
    "comment.deleted",
    "list.created",
    "list.updated",
    "list.deleted",
    "list-attribute.created",
    "list-attribute.updated",
    "list-entry.created",
    "list-entry.updated",
    "list-entry.deleted",
    "object-attribute.created",
    "object-attribute.updated",
    "note.created",
    "note-content.updated",
    "note.updated",
    "note.deleted",
    "record.created",
    "record.merged",
    "record.updated",
    "record.deleted",
    "task.created",
    "task.updated",
    "task.deleted",
    "workspace-member.created",
    "activity.created",
    "activity.updated",
    "activity.deleted",
    "activity-attribute.created",
    "activity-attribute.updated",
    "activity-record.created",
    "activity-record.deleted",
];

/// One event, as it appears in a delivery's `events[]`: its type, its ids, the keys beside `id`,
/// and its actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    event_type: String,
    id: Map<String, Value>,
    fields: Map<String, Value>,
    actor: Option<Value>,
}

impl Event {
    /// An event of `event_type` with no ids yet (`workspace_id` is added by `Store::emit`).
    pub fn new(event_type: &str) -> Self {
        Event {
            event_type: event_type.to_owned(),
            id: Map::new(),
            fields: Map::new(),
            actor: None,
        }
    }

    /// A `record.*` event: `id.object_id` and `id.record_id`.
    pub fn record(event_type: &str, object_id: &str, record_id: &str) -> Self {
        Event::new(event_type)
            .id("object_id", object_id)
            .id("record_id", record_id)
    }

    /// An `activity-record.*` event: `id.activity_id` and `id.record_id`.
    pub fn activity_record(event_type: &str, activity_id: &str, record_id: &str) -> Self {
        Event::new(event_type)
            .id("activity_id", activity_id)
            .id("record_id", record_id)
    }

    /// Adds `id.<key>`.
    pub fn id(mut self, key: &str, value: &str) -> Self {
        self.id.insert(key.to_owned(), json!(value));
        self
    }

    /// Adds a top-level key beside `id` (e.g. `parent_object_id`; `Value::Null` for `list_id:
    /// null` on a comment about a record).
    pub fn field(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.fields.insert(key.to_owned(), value.into());
        self
    }

    /// Sets the actor, `{"type": "workspace-member" | "api-token" | "system" | "app", "id"}`
    /// (default: the sandbox's API token).
    #[allow(
        dead_code,
        reason = "for events caused by the system or a member rather than the API token"
    )]
    pub fn actor(mut self, actor: Value) -> Self {
        self.actor = Some(actor);
        self
    }

    /// The event's JSON payload.
    pub(crate) fn into_json(self, workspace_id: &str, default_actor: Value) -> Value {
        let mut id = Map::new();
        id.insert("workspace_id".into(), json!(workspace_id));
        id.extend(self.id);
        let mut out = Map::new();
        out.insert("event_type".into(), json!(self.event_type));
        out.insert("id".into(), Value::Object(id));
        out.extend(self.fields);
        out.insert("actor".into(), self.actor.unwrap_or(default_actor));
        Value::Object(out)
    }
}

/// A webhook registered through `POST /v2/webhooks`.
#[derive(Debug, Clone)]
pub struct Webhook {
    /// `id.webhook_id`.
    pub id: String,
    /// Where deliveries go.
    pub target_url: String,
    /// `[{event_type, filter}]`, validated.
    pub subscriptions: Vec<Value>,
    /// `active` or `degraded` (the sandbox never makes a webhook `inactive`).
    pub status: &'static str,
    /// `created_at`.
    pub created_at: String,
    /// The secret that keys the signature.
    pub secret: String,
}

impl Webhook {
    /// Whether `event` (a payload) passes one of the subscriptions.
    pub(crate) fn wants(&self, event: &Value) -> bool {
        let ty = event.get("event_type");
        self.subscriptions.iter().any(|s| {
            s.get("event_type") == ty
                && filter::matches(s.get("filter").unwrap_or(&Value::Null), event)
        })
    }
}

/// A delivery waiting to be sent: the exact body, and what signs and names it.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The webhook.
    pub webhook_id: String,
    /// Its target URL when the event happened.
    pub target_url: String,
    /// Its secret.
    pub secret: String,
    /// `Idempotency-Key`, the same for every attempt.
    pub idempotency_key: String,
    /// `{"webhook_id", "events": [event]}`, serialised once: every attempt sends these bytes.
    pub body: String,
}
