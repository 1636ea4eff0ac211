//! [`Event`]: one event of a delivery, by type, with an open variant for types this version
//! does not know.

use serde_json::Value;

use super::events::{
    ActivityAttributeEvent, ActivityEvent, ActivityRecordEvent, CallRecordingEvent, CommentEvent,
    EntryEvent, ListAttributeEvent, ListEvent, NoteEvent, ObjectAttributeEvent, RecordEvent,
    RecordMergedEvent, TaskEvent, WorkspaceMemberEvent,
};
use super::payload::{Bad, Payload, kind};
use crate::values::{Actor, WorkspaceId};
use crate::wire::webhook::EventType;

macro_rules! events {
    ($($variant:ident($family:ident) = $wire:literal,)*) => {
        /// One event of a webhook delivery: a variant for every [`EventType`] this version knows
        /// (each holding the ids its payload carries, and the actor), and
        /// [`Other`](Event::Other) for the rest, kept whole.
        ///
        /// Events carry ids only, no values: re-read what changed, for a record with
        /// [`fetch`](Event::fetch).
        ///
        /// ```
        /// use attio::webhooks::{Delivery, Event};
        ///
        /// fn handle(delivery: &Delivery) {
        ///     for event in &delivery.events {
        ///         match event {
        ///             Event::RecordUpdated(e) => println!("{} changed {:?}", e.record_id, e.attribute_id),
        ///             Event::RecordCreated(e) | Event::RecordDeleted(e) => println!("{}", e.record_id),
        ///             Event::Other { event_type, .. } => println!("not handled yet: {event_type}"),
        ///             other => println!("{}", other.event_type()),
        ///         }
        ///     }
        /// }
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant($family),
            )*
            /// An event of a type this version of the SDK does not know.
            Other {
                /// Its `event_type`.
                event_type: String,
                /// The whole event object, as delivered.
                raw: Value,
            },
        }

        impl Event {
            /// The event's type.
            ///
            /// ```
            /// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"task.deleted","id":{"workspace_id":"w","task_id":"t"},"actor":{"type":"system","id":null}}]}"#;
            /// let delivery = attio::webhooks::Delivery::decode_unverified(body)?;
            /// assert_eq!(delivery.events()[0].event_type(), attio::webhooks::EventType::TaskDeleted);
            /// # Ok::<(), attio::webhooks::WebhookError>(())
            /// ```
            pub fn event_type(&self) -> EventType {
                match self {
                    $(Event::$variant(_) => EventType::$variant,)*
                    Event::Other { event_type, .. } => EventType::Other(event_type.clone()),
                }
            }

            /// Who caused the event; `None` for an [`Other`](Event::Other) event.
            ///
            /// ```
            /// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"task.deleted","id":{"workspace_id":"w","task_id":"t"},"actor":{"type":"system","id":null}}]}"#;
            /// let delivery = attio::webhooks::Delivery::decode_unverified(body)?;
            /// let actor = delivery.events()[0].actor().unwrap();
            /// assert_eq!(actor.actor_type, Some(attio::ActorType::System));
            /// # Ok::<(), attio::webhooks::WebhookError>(())
            /// ```
            pub fn actor(&self) -> Option<&Actor> {
                match self {
                    $(Event::$variant(e) => Some(&e.actor),)*
                    Event::Other { .. } => None,
                }
            }

            /// The workspace the event happened in; `None` for an [`Other`](Event::Other) event.
            ///
            /// ```
            /// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"task.deleted","id":{"workspace_id":"w","task_id":"t"},"actor":{"type":"system","id":null}}]}"#;
            /// let delivery = attio::webhooks::Delivery::decode_unverified(body)?;
            /// assert_eq!(delivery.events()[0].workspace_id().unwrap().as_str(), "w");
            /// # Ok::<(), attio::webhooks::WebhookError>(())
            /// ```
            pub fn workspace_id(&self) -> Option<&WorkspaceId> {
                match self {
                    $(Event::$variant(e) => Some(&e.workspace_id),)*
                    Event::Other { .. } => None,
                }
            }

            /// Decodes the event of type `event_type` from its payload.
            fn of_type(event_type: EventType, raw: &Value, p: &Payload<'_>) -> Result<Event, Bad> {
                match event_type {
                    $(EventType::$variant => $family::from_payload(p).map(Event::$variant),)*
                    EventType::Other(event_type) => Ok(Event::Other { event_type, raw: raw.clone() }),
                }
            }
        }
    };
}

events! {
    CallRecordingCreated(CallRecordingEvent) = "call-recording.created",
    CommentCreated(CommentEvent) = "comment.created",
    CommentResolved(CommentEvent) = "comment.resolved",
    CommentUnresolved(CommentEvent) = "comment.unresolved",
    CommentDeleted(CommentEvent) = "comment.deleted",
    ListCreated(ListEvent) = "list.created",
    ListUpdated(ListEvent) = "list.updated",
    ListDeleted(ListEvent) = "list.deleted",
    ListAttributeCreated(ListAttributeEvent) = "list-attribute.created",
    ListAttributeUpdated(ListAttributeEvent) = "list-attribute.updated",
    ListEntryCreated(EntryEvent) = "list-entry.created",
    ListEntryUpdated(EntryEvent) = "list-entry.updated",
    ListEntryDeleted(EntryEvent) = "list-entry.deleted",
    ObjectAttributeCreated(ObjectAttributeEvent) = "object-attribute.created",
    ObjectAttributeUpdated(ObjectAttributeEvent) = "object-attribute.updated",
    NoteCreated(NoteEvent) = "note.created",
    NoteContentUpdated(NoteEvent) = "note-content.updated",
    NoteUpdated(NoteEvent) = "note.updated",
    NoteDeleted(NoteEvent) = "note.deleted",
    RecordCreated(RecordEvent) = "record.created",
    RecordMerged(RecordMergedEvent) = "record.merged",
    RecordUpdated(RecordEvent) = "record.updated",
    RecordDeleted(RecordEvent) = "record.deleted",
    TaskCreated(TaskEvent) = "task.created",
    TaskUpdated(TaskEvent) = "task.updated",
    TaskDeleted(TaskEvent) = "task.deleted",
    WorkspaceMemberCreated(WorkspaceMemberEvent) = "workspace-member.created",
    ActivityRecordCreated(ActivityRecordEvent) = "activity-record.created",
    ActivityAttributeCreated(ActivityAttributeEvent) = "activity-attribute.created",
    ActivityAttributeUpdated(ActivityAttributeEvent) = "activity-attribute.updated",
    ActivityRecordDeleted(ActivityRecordEvent) = "activity-record.deleted",
    ActivityCreated(ActivityEvent) = "activity.created",
    ActivityUpdated(ActivityEvent) = "activity.updated",
    ActivityDeleted(ActivityEvent) = "activity.deleted",
}

impl Event {
    /// Decodes one event object; a failure's path is relative to the event (`.id.record_id`).
    pub(crate) fn from_json(raw: Value) -> Result<Event, Bad> {
        let Value::Object(map) = &raw else {
            return Err(Bad {
                path: String::new(),
                reason: format!("expected an event object, found {}", kind(&raw)),
            });
        };
        let event_type: EventType = match map.get("event_type") {
            Some(Value::String(t)) => t.parse().unwrap_or_else(|never| match never {}),
            Some(other) => {
                return Err(Bad {
                    path: ".event_type".into(),
                    reason: format!("expected a string, found {}", kind(other)),
                });
            }
            None => {
                return Err(Bad {
                    path: ".event_type".into(),
                    reason: "missing: every event has a type".into(),
                });
            }
        };
        if let EventType::Other(event_type) = event_type {
            return Ok(Event::Other { event_type, raw });
        }
        let payload = Payload::new(map)?;
        Event::of_type(event_type, &raw, &payload)
    }

    /// The record event (`record.created`, `record.updated`, `record.deleted`), if it is one.
    ///
    /// ```
    /// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{"workspace_id":"w","object_id":"o","record_id":"r"},"actor":{"type":"system","id":null}}]}"#;
    /// let delivery = attio::webhooks::Delivery::decode_unverified(body)?;
    /// assert_eq!(delivery.events()[0].as_record().unwrap().record_id.as_str(), "r");
    /// # Ok::<(), attio::webhooks::WebhookError>(())
    /// ```
    pub fn as_record(&self) -> Option<&RecordEvent> {
        match self {
            Event::RecordCreated(e) | Event::RecordUpdated(e) | Event::RecordDeleted(e) => Some(e),
            _ => None,
        }
    }

    /// The list-entry event (`list-entry.created`, `.updated`, `.deleted`), if it is one.
    ///
    /// ```
    /// # let body = br#"{"webhook_id":"23e42eaf-323a-41da-b5bb-fd67eebda553","events":[{"event_type":"record.created","id":{"workspace_id":"w","object_id":"o","record_id":"r"},"actor":{"type":"system","id":null}}]}"#;
    /// let delivery = attio::webhooks::Delivery::decode_unverified(body)?;
    /// assert!(delivery.events()[0].as_entry().is_none());
    /// # Ok::<(), attio::webhooks::WebhookError>(())
    /// ```
    pub fn as_entry(&self) -> Option<&EntryEvent> {
        match self {
            Event::ListEntryCreated(e)
            | Event::ListEntryUpdated(e)
            | Event::ListEntryDeleted(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_type_has_a_variant_of_the_same_name() {
        for t in EventType::KNOWN {
            let raw = serde_json::json!({"event_type": t.as_str(), "id": {}});
            let err = Event::from_json(raw).unwrap_err();
            // Each known type reads its ids: none is taken for an unknown type.
            assert!(err.path.starts_with(".id."), "{t}: {err:?}");
        }
    }

    #[test]
    fn failures_name_the_path() {
        let bad = |v: Value| Event::from_json(v).unwrap_err();
        assert_eq!(
            bad(serde_json::json!([])).reason,
            "expected an event object, found an array"
        );
        assert_eq!(bad(serde_json::json!({})).path, ".event_type");
        assert_eq!(
            bad(serde_json::json!({"event_type": 3})).path,
            ".event_type"
        );
        let e = bad(serde_json::json!({"event_type": "task.created", "id": []}));
        assert_eq!(e.path, ".id");
        let e = bad(
            serde_json::json!({"event_type": "task.created", "id": {"workspace_id": "w", "task_id": 7}}),
        );
        assert_eq!(
            (e.path.as_str(), e.reason.as_str()),
            (".id.task_id", "expected an id (a string), found a number")
        );
        let e = bad(
            serde_json::json!({"event_type": "task.created", "id": {"workspace_id": "w", "task_id": "a/b"}}),
        );
        assert!(e.reason.contains("invalid task id"), "{e:?}");
        let e = bad(
            serde_json::json!({"event_type": "task.created", "id": {"workspace_id": "w", "task_id": "t"}}),
        );
        assert_eq!(e.path, ".actor");
        let e = bad(
            serde_json::json!({"event_type": "task.created", "id": {"workspace_id": "w", "task_id": "t"}, "actor": {"type": 1}}),
        );
        assert_eq!(e.path, ".actor");
    }

    #[test]
    fn an_unknown_type_is_kept_whole() {
        let raw = serde_json::json!({"event_type": "deal.won", "anything": [1, 2]});
        match Event::from_json(raw.clone()).unwrap() {
            Event::Other {
                event_type,
                raw: kept,
            } => {
                assert_eq!(event_type, "deal.won");
                assert_eq!(kept, raw);
            }
            other => panic!("{other:?}"),
        }
    }
}
