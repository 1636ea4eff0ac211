//! [`EventType`]: the kinds of webhook event, as an open enum.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::values::Key;

macro_rules! event_types {
    ($($(#[$doc:meta])* $variant:ident = $wire:literal,)*) => {
        /// The type of a webhook event: what a [`Subscription`](super::Subscription) subscribes to
        /// and what every delivered event says it is.
        ///
        /// Every type of Attio's OpenAPI document (27), and the newer `activity.*` and
        /// `activity-*` types of its event reference. A type this version does not know is
        /// [`EventType::Other`], so a subscription to it can still be made, and a delivery of it
        /// still decodes. The deprecated V1 names (`entry.created`, …) are `Other` too: subscribe
        /// to the `list-entry.*` types instead.
        ///
        /// ```
        /// use attio::webhooks::EventType;
        ///
        /// assert_eq!("record.updated".parse::<EventType>().unwrap(), EventType::RecordUpdated);
        /// assert_eq!(EventType::ListEntryCreated.as_str(), "list-entry.created");
        /// assert_eq!("record.archived".parse::<EventType>().unwrap(), EventType::Other("record.archived".into()));
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum EventType {
            $($(#[$doc])* $variant,)*
            /// A type this version of the SDK does not know, by its wire name.
            Other(String),
        }

        impl EventType {
            /// Every type this version knows, in the OpenAPI document's order, then the newer ones.
            ///
            /// ```
            /// use attio::webhooks::EventType;
            ///
            /// assert!(EventType::KNOWN.contains(&EventType::RecordMerged));
            /// assert!(EventType::KNOWN.iter().all(|t| !matches!(t, EventType::Other(_))));
            /// ```
            pub const KNOWN: &'static [EventType] = &[$(EventType::$variant,)*];

            /// The wire name, e.g. `record.updated`.
            ///
            /// ```
            /// assert_eq!(attio::webhooks::EventType::NoteContentUpdated.as_str(), "note-content.updated");
            /// ```
            pub fn as_str(&self) -> &str {
                match self {
                    $(EventType::$variant => $wire,)*
                    EventType::Other(s) => s,
                }
            }
        }

        impl FromStr for EventType {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(match s {
                    $($wire => EventType::$variant,)*
                    other => EventType::Other(other.to_owned()),
                })
            }
        }
    };
}

event_types! {
    /// `call-recording.created`: a call recording's media finished uploading.
    CallRecordingCreated = "call-recording.created",
    /// `comment.created`
    CommentCreated = "comment.created",
    /// `comment.resolved`
    CommentResolved = "comment.resolved",
    /// `comment.unresolved`
    CommentUnresolved = "comment.unresolved",
    /// `comment.deleted`
    CommentDeleted = "comment.deleted",
    /// `list.created`
    ListCreated = "list.created",
    /// `list.updated`
    ListUpdated = "list.updated",
    /// `list.deleted`
    ListDeleted = "list.deleted",
    /// `list-attribute.created`
    ListAttributeCreated = "list-attribute.created",
    /// `list-attribute.updated`
    ListAttributeUpdated = "list-attribute.updated",
    /// `list-entry.created`
    ListEntryCreated = "list-entry.created",
    /// `list-entry.updated`: one event per changed attribute.
    ListEntryUpdated = "list-entry.updated",
    /// `list-entry.deleted`
    ListEntryDeleted = "list-entry.deleted",
    /// `object-attribute.created`
    ObjectAttributeCreated = "object-attribute.created",
    /// `object-attribute.updated`
    ObjectAttributeUpdated = "object-attribute.updated",
    /// `note.created`
    NoteCreated = "note.created",
    /// `note-content.updated`: the note's body changed.
    NoteContentUpdated = "note-content.updated",
    /// `note.updated`: the note's title or other properties changed.
    NoteUpdated = "note.updated",
    /// `note.deleted`
    NoteDeleted = "note.deleted",
    /// `record.created`
    RecordCreated = "record.created",
    /// `record.merged`
    RecordMerged = "record.merged",
    /// `record.updated`: one event per changed attribute.
    RecordUpdated = "record.updated",
    /// `record.deleted`
    RecordDeleted = "record.deleted",
    /// `task.created`
    TaskCreated = "task.created",
    /// `task.updated`
    TaskUpdated = "task.updated",
    /// `task.deleted`
    TaskDeleted = "task.deleted",
    /// `workspace-member.created`
    WorkspaceMemberCreated = "workspace-member.created",
    /// `activity-record.created` (newer than the OpenAPI document).
    ActivityRecordCreated = "activity-record.created",
    /// `activity-attribute.created` (newer than the OpenAPI document).
    ActivityAttributeCreated = "activity-attribute.created",
    /// `activity-attribute.updated` (newer than the OpenAPI document).
    ActivityAttributeUpdated = "activity-attribute.updated",
    /// `activity-record.deleted` (newer than the OpenAPI document).
    ActivityRecordDeleted = "activity-record.deleted",
    /// `activity.created` (newer than the OpenAPI document).
    ActivityCreated = "activity.created",
    /// `activity.updated` (newer than the OpenAPI document).
    ActivityUpdated = "activity.updated",
    /// `activity.deleted` (newer than the OpenAPI document).
    ActivityDeleted = "activity.deleted",
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_type_round_trips_and_is_distinct() {
        let mut seen = std::collections::HashSet::new();
        for t in EventType::KNOWN {
            assert_eq!(&t.as_str().parse::<EventType>().unwrap(), t);
            assert!(seen.insert(t.as_str()), "{t} twice");
        }
        assert_eq!(EventType::KNOWN.len(), 34);
        let json = serde_json::to_string(&EventType::RecordUpdated).unwrap();
        assert_eq!(json, r#""record.updated""#);
        let other: EventType = serde_json::from_str(r#""entry.created""#).unwrap();
        assert_eq!(other, EventType::Other("entry.created".into()));
    }
}
