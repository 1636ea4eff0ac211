//! `interaction`: when someone last (or first, or next) interacted with a record. Read-only.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Actor, ValueMeta};
use super::{AttioValue, AttributeType, Key, Timestamp};

/// The kind of an interaction, plus any kind a newer API version may add.
///
/// Attio's 2025 document listed `calendar-event`, `call`, `chat-thread`, `email`,
/// `in-person-meeting` and `meeting`; its 2026-10 models list `activity`, `email`, `meeting` and
/// `calendar-event`. Every one of them reads as its own variant.
///
/// ```
/// use attio::InteractionType;
/// assert_eq!("calendar-event".parse::<InteractionType>().unwrap(), InteractionType::CalendarEvent);
/// assert_eq!("activity".parse::<InteractionType>().unwrap(), InteractionType::Activity);
/// assert_eq!(InteractionType::InPersonMeeting.as_str(), "in-person-meeting");
/// assert_eq!("carrier-pigeon".parse::<InteractionType>().unwrap().as_str(), "carrier-pigeon");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InteractionType {
    /// `activity`: listed by Attio's 2026-10 models ("the type of interaction e.g. calendar or
    /// email"), which say no more of it.
    Activity,
    /// `calendar-event`
    CalendarEvent,
    /// `call`
    Call,
    /// `chat-thread`
    ChatThread,
    /// `email`
    Email,
    /// `in-person-meeting`
    InPersonMeeting,
    /// `meeting`
    Meeting,
    /// A kind this version of the SDK does not know.
    Other(String),
}

impl InteractionType {
    /// The wire name, e.g. `"calendar-event"`.
    ///
    /// ```
    /// assert_eq!(attio::InteractionType::Email.as_str(), "email");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            InteractionType::Activity => "activity",
            InteractionType::CalendarEvent => "calendar-event",
            InteractionType::Call => "call",
            InteractionType::ChatThread => "chat-thread",
            InteractionType::Email => "email",
            InteractionType::InPersonMeeting => "in-person-meeting",
            InteractionType::Meeting => "meeting",
            InteractionType::Other(s) => s,
        }
    }
}

impl FromStr for InteractionType {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "activity" => InteractionType::Activity,
            "calendar-event" => InteractionType::CalendarEvent,
            "call" => InteractionType::Call,
            "chat-thread" => InteractionType::ChatThread,
            "email" => InteractionType::Email,
            "in-person-meeting" => InteractionType::InPersonMeeting,
            "meeting" => InteractionType::Meeting,
            other => InteractionType::Other(other.to_owned()),
        })
    }
}

impl fmt::Display for InteractionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for InteractionType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for InteractionType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}

/// An interaction: Attio's read-only `interaction` attribute type (`first_email_interaction`,
/// `last_calendar_interaction`, …), computed by Attio from emails and calendars.
///
/// It implements [`AttioValue`] but not [`WritableValue`](super::WritableValue): a field of this
/// type must be `#[attio(read_only)]`.
///
/// **Read:** `interaction_type`, `interacted_at` and `owner_actor` (a missing or null owner reads
/// as an actor with no type and no id). **Serde:** `{"interaction_type", "interacted_at",
/// "owner_actor"}`. Equality compares all three.
///
/// ```
/// use attio::{Interaction, InteractionType};
///
/// fn describe(i: &Interaction) -> String {
///     format!("{} at {}", i.interaction_type(), i.interacted_at())
/// }
/// let i: Interaction = serde_json::from_str(r#"{"interaction_type":"email","interacted_at":"2023-11-25T15:21:06.447000000Z","owner_actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}"#)?;
/// assert_eq!(i.interaction_type(), &InteractionType::Email);
/// assert_eq!(describe(&i), "email at 2023-11-25T15:21:06.447000000Z");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interaction {
    interaction_type: InteractionType,
    interacted_at: Timestamp,
    #[serde(default = "no_actor", deserialize_with = "actor_or_none")]
    owner_actor: Actor,
}

fn no_actor() -> Actor {
    Actor {
        actor_type: None,
        id: None,
    }
}

fn actor_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Actor, D::Error> {
    Ok(Option::<Actor>::deserialize(d)?.unwrap_or_else(no_actor))
}

impl Interaction {
    /// The kind of interaction.
    ///
    /// ```
    /// # let i: attio::Interaction = serde_json::from_str(r#"{"interaction_type":"call","interacted_at":"2023-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(i.interaction_type(), &attio::InteractionType::Call);
    /// ```
    pub fn interaction_type(&self) -> &InteractionType {
        &self.interaction_type
    }

    /// When it happened.
    ///
    /// ```
    /// # let i: attio::Interaction = serde_json::from_str(r#"{"interaction_type":"call","interacted_at":"2023-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(i.interacted_at().to_string(), "2023-01-01T00:00:00.000000000Z");
    /// ```
    pub fn interacted_at(&self) -> Timestamp {
        self.interacted_at
    }

    /// Who in the workspace took part (the interaction's owner).
    ///
    /// ```
    /// # let i: attio::Interaction = serde_json::from_str(r#"{"interaction_type":"call","interacted_at":"2023-01-01T00:00:00Z"}"#).unwrap();
    /// assert_eq!(i.owner_actor().id, None);
    /// ```
    pub fn owner_actor(&self) -> &Actor {
        &self.owner_actor
    }
}

/// `<type> at <timestamp>`.
impl fmt::Display for Interaction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.interaction_type, self.interacted_at)
    }
}

super::read_shape! {
    /// The keys of an `interaction` value object.
    pub struct InteractionShape {
        interaction_type: InteractionType,
        interacted_at: Timestamp,
        owner_actor: Actor,
    }
}

impl AttioValue for Interaction {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Interaction;
    type Shape = InteractionShape;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        Ok(Interaction {
            interaction_type: shape
                .interaction_type
                .ok_or("an interaction value object needs a non-null `interaction_type` key")?,
            interacted_at: shape
                .interacted_at
                .ok_or("an interaction value object needs a non-null `interacted_at` key")?,
            owner_actor: shape.owner_actor.unwrap_or_else(no_actor),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::ActorType;
    use crate::values::test_util::decode;

    #[test]
    fn decodes() {
        let i: Interaction = decode(r#"{"active_from":"2023-11-25T15:21:06.447000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"attribute_type":"interaction","interaction_type":"email","interacted_at":"2023-11-25T15:21:06.447000000Z","owner_actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}"#).unwrap();
        assert_eq!(i.interaction_type(), &InteractionType::Email);
        assert_eq!(i.owner_actor().actor_type, Some(ActorType::WorkspaceMember));
        assert_eq!(i.to_string(), "email at 2023-11-25T15:21:06.447000000Z");
        for kind in [
            "activity",
            "calendar-event",
            "call",
            "chat-thread",
            "email",
            "in-person-meeting",
            "meeting",
            "fax",
        ] {
            let json = format!(
                r#"{{"interaction_type":"{kind}","interacted_at":"2023-01-01T00:00:00Z","owner_actor":null}}"#
            );
            let i: Interaction = decode(&json).unwrap();
            assert_eq!(i.interaction_type().as_str(), kind);
            assert_eq!(i.owner_actor().id, None);
        }
        assert!(decode::<Interaction>(r#"{"interaction_type":"email"}"#).is_err());
        assert!(decode::<Interaction>(r#"{"interacted_at":"2023-01-01T00:00:00Z"}"#).is_err());
        assert!(
            decode::<Interaction>(r#"{"interaction_type":"email","interacted_at":"yesterday"}"#)
                .is_err()
        );
        let json = serde_json::to_value(&i).unwrap();
        assert_eq!(serde_json::from_value::<Interaction>(json).unwrap(), i);
    }

    /// The 2026-10 model's value: `activity` is a kind of its own, and the kinds only the 2025
    /// document listed still read as theirs.
    #[test]
    fn decodes_the_2026_10_kinds() {
        let i: Interaction = decode(r#"{"active_from":"2026-10-01T09:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"attribute_type":"interaction","interaction_type":"activity","interacted_at":"2026-10-01T09:00:00.000000000Z","owner_actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}"#).unwrap();
        assert_eq!(i.interaction_type(), &InteractionType::Activity);
        assert_eq!(i.to_string(), "activity at 2026-10-01T09:00:00.000000000Z");
        for (kind, variant) in [
            ("activity", InteractionType::Activity),
            ("email", InteractionType::Email),
            ("meeting", InteractionType::Meeting),
            ("calendar-event", InteractionType::CalendarEvent),
            ("call", InteractionType::Call),
            ("chat-thread", InteractionType::ChatThread),
            ("in-person-meeting", InteractionType::InPersonMeeting),
        ] {
            assert_eq!(kind.parse::<InteractionType>().unwrap(), variant);
            assert_eq!(variant.as_str(), kind);
        }
    }
}
