//! [`AttributeType`]: the 17 attribute types Attio knows.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Key;

/// The 17 attribute types Attio knows, plus any type a newer API version may add.
///
/// ```
/// use attio::AttributeType;
/// assert_eq!(AttributeType::EmailAddress.as_str(), "email-address");
/// assert_eq!("record-reference".parse::<AttributeType>().unwrap(), AttributeType::RecordReference);
/// assert_eq!("hologram".parse::<AttributeType>().unwrap().as_str(), "hologram");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AttributeType {
    /// `text`
    Text,
    /// `number`
    Number,
    /// `checkbox`
    Checkbox,
    /// `currency`
    Currency,
    /// `date`
    Date,
    /// `timestamp`
    Timestamp,
    /// `rating`
    Rating,
    /// `status`
    Status,
    /// `select`
    Select,
    /// `record-reference`
    RecordReference,
    /// `actor-reference`
    ActorReference,
    /// `location`
    Location,
    /// `domain`
    Domain,
    /// `email-address`
    EmailAddress,
    /// `phone-number`
    PhoneNumber,
    /// `interaction`
    Interaction,
    /// `personal-name`
    PersonalName,
    /// A type this version of the SDK does not know.
    Other(Cow<'static, str>),
}

impl AttributeType {
    /// Every attribute type this SDK knows, in Attio's documentation order.
    ///
    /// ```
    /// assert_eq!(attio::AttributeType::ALL.len(), 17);
    /// assert!(attio::AttributeType::ALL.contains(&attio::AttributeType::Status));
    /// ```
    pub const ALL: [AttributeType; 17] = [
        AttributeType::Text,
        AttributeType::Number,
        AttributeType::Checkbox,
        AttributeType::Currency,
        AttributeType::Date,
        AttributeType::Timestamp,
        AttributeType::Rating,
        AttributeType::Status,
        AttributeType::Select,
        AttributeType::RecordReference,
        AttributeType::ActorReference,
        AttributeType::Location,
        AttributeType::Domain,
        AttributeType::EmailAddress,
        AttributeType::PhoneNumber,
        AttributeType::Interaction,
        AttributeType::PersonalName,
    ];

    /// The wire name, e.g. `"email-address"`.
    ///
    /// ```
    /// assert_eq!(attio::AttributeType::PersonalName.as_str(), "personal-name");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            AttributeType::Text => "text",
            AttributeType::Number => "number",
            AttributeType::Checkbox => "checkbox",
            AttributeType::Currency => "currency",
            AttributeType::Date => "date",
            AttributeType::Timestamp => "timestamp",
            AttributeType::Rating => "rating",
            AttributeType::Status => "status",
            AttributeType::Select => "select",
            AttributeType::RecordReference => "record-reference",
            AttributeType::ActorReference => "actor-reference",
            AttributeType::Location => "location",
            AttributeType::Domain => "domain",
            AttributeType::EmailAddress => "email-address",
            AttributeType::PhoneNumber => "phone-number",
            AttributeType::Interaction => "interaction",
            AttributeType::PersonalName => "personal-name",
            AttributeType::Other(s) => s,
        }
    }

    /// The Rust type this SDK reads and writes the type's values as, spelled as a field would
    /// declare it; `None` for a type this version does not know.
    ///
    /// ```
    /// assert_eq!(attio::AttributeType::Currency.rust_type(), Some("attio::Currency"));
    /// assert_eq!(attio::AttributeType::Text.rust_type(), Some("String"));
    /// ```
    pub fn rust_type(&self) -> Option<&'static str> {
        Some(match self {
            AttributeType::Text => "String",
            AttributeType::Number => "f64",
            AttributeType::Checkbox => "bool",
            AttributeType::Currency => "attio::Currency",
            AttributeType::Date => "attio::Date",
            AttributeType::Timestamp => "attio::Timestamp",
            AttributeType::Rating => "attio::Rating",
            AttributeType::Status => "attio::Status",
            AttributeType::Select => "attio::SelectOption",
            AttributeType::RecordReference => "attio::RecordReference",
            AttributeType::ActorReference => "attio::ActorReference",
            AttributeType::Location => "attio::Location",
            AttributeType::Domain => "attio::Domain",
            AttributeType::EmailAddress => "attio::EmailAddress",
            AttributeType::PhoneNumber => "attio::PhoneNumber",
            AttributeType::Interaction => "attio::Interaction",
            AttributeType::PersonalName => "attio::PersonalName",
            AttributeType::Other(_) => return None,
        })
    }

    /// Whether Attio accepts writes of this type through the API.
    ///
    /// ```
    /// assert!(!attio::AttributeType::Interaction.is_writable());
    /// assert!(attio::AttributeType::Text.is_writable());
    /// ```
    pub fn is_writable(&self) -> bool {
        !matches!(self, AttributeType::Interaction | AttributeType::Other(_))
    }
}

impl std::str::FromStr for AttributeType {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(AttributeType::ALL
            .iter()
            .find(|t| t.as_str() == s)
            .cloned()
            .unwrap_or_else(|| AttributeType::Other(Cow::Owned(s.to_owned()))))
    }
}

impl fmt::Display for AttributeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AttributeType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AttributeType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}
