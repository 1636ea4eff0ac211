//! [`Subscription`]: an event type and the [`Filter`] an event must pass to be delivered.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::EventType;
use crate::values::Key;

/// One subscription of a webhook: the events of `event_type` that pass `filter`.
///
/// With no filter every event of the type is delivered (sent as `"filter": null`).
///
/// ```
/// use attio::webhooks::{Condition, EventType, Filter, Subscription};
///
/// let every_note = Subscription::new(EventType::NoteCreated);
/// let deal_stages = Subscription::new(EventType::RecordUpdated).filter(Filter::all([
///     Condition::equals("id.object_id", "97052eb9-e65e-443f-a297-f2d9a4a7f795"),
///     Condition::equals("id.attribute_id", "41252299-f8c7-4b5e-99c9-4ff8321d2f96"),
/// ]));
/// assert_eq!(
///     serde_json::to_string(&every_note)?,
///     r#"{"event_type":"note.created","filter":null}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The type of event subscribed to.
    pub event_type: EventType,
    /// What an event must match to be delivered; `None` delivers every event of the type.
    #[serde(default)]
    pub filter: Option<Filter>,
}

impl Subscription {
    /// Every event of `event_type`.
    ///
    /// ```
    /// let s = attio::webhooks::Subscription::new(attio::webhooks::EventType::TaskCreated);
    /// assert!(s.filter.is_none());
    /// ```
    pub fn new(event_type: EventType) -> Self {
        Subscription {
            event_type,
            filter: None,
        }
    }

    /// Only the events that pass `filter`.
    ///
    /// ```
    /// use attio::webhooks::{Condition, EventType, Filter, Subscription};
    ///
    /// let by_people = Subscription::new(EventType::RecordCreated)
    ///     .filter(Filter::any([Condition::not_equals("actor.type", "system")]));
    /// assert!(by_people.filter.is_some());
    /// ```
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = Some(filter);
        self
    }
}

/// A subscription's filter: `{"$and": [...]}` (every condition holds) or `{"$or": [...]}` (one
/// does). Attio applies filters to the event's payload; the UI's test events ignore them.
///
/// ```
/// use attio::webhooks::{Condition, Filter};
///
/// let f = Filter::all([Condition::equals("parent_object_id", "97052eb9-e65e-443f-a297-f2d9a4a7f795")]);
/// assert_eq!(
///     serde_json::to_string(&f)?,
///     r#"{"$and":[{"field":"parent_object_id","operator":"equals","value":"97052eb9-e65e-443f-a297-f2d9a4a7f795"}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `$and`: every condition holds.
    All(Vec<Condition>),
    /// `$or`: at least one condition holds.
    Any(Vec<Condition>),
}

impl Filter {
    /// `$and` of `conditions`.
    ///
    /// ```
    /// use attio::webhooks::{Condition, Filter};
    /// let f = Filter::all([Condition::equals("actor.type", "workspace-member")]);
    /// assert_eq!(f.conditions().len(), 1);
    /// ```
    pub fn all(conditions: impl IntoIterator<Item = Condition>) -> Self {
        Filter::All(conditions.into_iter().collect())
    }

    /// `$or` of `conditions`.
    ///
    /// ```
    /// use attio::webhooks::{Condition, Filter};
    /// let f = Filter::any([Condition::equals("actor.type", "app"), Condition::equals("actor.type", "api-token")]);
    /// assert_eq!(f.conditions().len(), 2);
    /// ```
    pub fn any(conditions: impl IntoIterator<Item = Condition>) -> Self {
        Filter::Any(conditions.into_iter().collect())
    }

    /// The conditions, whichever way they combine.
    ///
    /// ```
    /// let f = attio::webhooks::Filter::all([]);
    /// assert!(f.conditions().is_empty());
    /// ```
    pub fn conditions(&self) -> &[Condition] {
        match self {
            Filter::All(c) | Filter::Any(c) => c,
        }
    }
}

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        match self {
            Filter::All(c) => map.serialize_entry("$and", c)?,
            Filter::Any(c) => map.serialize_entry("$or", c)?,
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(rename = "$and")]
            and: Option<Vec<Condition>>,
            #[serde(rename = "$or")]
            or: Option<Vec<Condition>>,
        }
        match Raw::deserialize(d)? {
            Raw {
                and: Some(c),
                or: None,
            } => Ok(Filter::All(c)),
            Raw {
                and: None,
                or: Some(c),
            } => Ok(Filter::Any(c)),
            _ => Err(de::Error::custom(
                "a webhook filter has exactly one of `$and` and `$or`",
            )),
        }
    }
}

/// One condition of a [`Filter`]: the event payload's `field` (a dotted path such as
/// `id.object_id`, `id.attribute_id`, `id.list_id`, `parent_object_id` or `actor.type`) equals, or
/// does not equal, `value`.
///
/// ```
/// use attio::webhooks::{Condition, FilterOperator};
/// use attio::values::ObjectId;
///
/// let deals: ObjectId = "97052eb9-e65e-443f-a297-f2d9a4a7f795".parse()?;
/// let c = Condition::equals("id.object_id", &deals);
/// assert_eq!(c.operator, FilterOperator::Equals);
/// assert_eq!(c.value, "97052eb9-e65e-443f-a297-f2d9a4a7f795");
/// # Ok::<(), attio::InvalidId>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Condition {
    /// A dotted path into the event's payload.
    pub field: String,
    /// How the field is compared.
    pub operator: FilterOperator,
    /// The value compared with, as text.
    pub value: String,
}

impl Condition {
    /// `field` equals `value`.
    ///
    /// ```
    /// let c = attio::webhooks::Condition::equals("actor.type", "workspace-member");
    /// assert_eq!(c.field, "actor.type");
    /// ```
    pub fn equals(field: impl Into<String>, value: impl fmt::Display) -> Self {
        Condition {
            field: field.into(),
            operator: FilterOperator::Equals,
            value: value.to_string(),
        }
    }

    /// `field` does not equal `value`.
    ///
    /// ```
    /// let c = attio::webhooks::Condition::not_equals("actor.type", "system");
    /// assert_eq!(c.operator, attio::webhooks::FilterOperator::NotEquals);
    /// ```
    pub fn not_equals(field: impl Into<String>, value: impl fmt::Display) -> Self {
        Condition {
            field: field.into(),
            operator: FilterOperator::NotEquals,
            value: value.to_string(),
        }
    }
}

/// How a [`Condition`] compares: `equals` or `not_equals`, or an operator this version does not
/// know (decoded from a webhook made elsewhere).
///
/// ```
/// assert_eq!(attio::webhooks::FilterOperator::NotEquals.as_str(), "not_equals");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FilterOperator {
    /// `equals`
    Equals,
    /// `not_equals`
    NotEquals,
    /// An operator this version of the SDK does not know.
    Other(String),
}

impl FilterOperator {
    /// The wire name.
    ///
    /// ```
    /// assert_eq!(attio::webhooks::FilterOperator::Equals.as_str(), "equals");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            FilterOperator::Equals => "equals",
            FilterOperator::NotEquals => "not_equals",
            FilterOperator::Other(s) => s,
        }
    }
}

impl Serialize for FilterOperator {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FilterOperator {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(match key.as_str() {
            "equals" => FilterOperator::Equals,
            "not_equals" => FilterOperator::NotEquals,
            other => FilterOperator::Other(other.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip() {
        let s = Subscription::new(EventType::RecordUpdated).filter(Filter::any([
            Condition::equals("id.object_id", "o"),
            Condition::not_equals("actor.type", "system"),
        ]));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"event_type":"record.updated","filter":{"$or":[{"field":"id.object_id","operator":"equals","value":"o"},{"field":"actor.type","operator":"not_equals","value":"system"}]}}"#
        );
        assert_eq!(serde_json::from_str::<Subscription>(&json).unwrap(), s);
        let none: Subscription =
            serde_json::from_str(r#"{"event_type":"x.y","filter":null}"#).unwrap();
        assert_eq!(none, Subscription::new(EventType::Other("x.y".into())));
        let err = serde_json::from_str::<Filter>(r#"{"$and":[],"$or":[]}"#).unwrap_err();
        assert!(err.to_string().contains("exactly one"), "{err}");
    }
}
