//! [`ActivitySchema`]: the schema an activity extends.

use std::fmt;
use std::str::FromStr;

/// The schema an activity extends, which supplies the attributes it inherits. Chosen when the
/// activity is created and fixed from then on: Attio refuses to change it (`PATCH` with `extends`
/// is a `400`), and so does [`Client::ensure_schema`](crate::Client::ensure_schema).
///
/// ```
/// use attio::ActivitySchema;
///
/// assert_eq!(ActivitySchema::Interactions.as_str(), "interactions");
/// assert_eq!("calls".parse::<ActivitySchema>(), Ok(ActivitySchema::Calls));
/// let wrong = "meetings".parse::<ActivitySchema>().unwrap_err();
/// assert!(wrong.to_string().contains("`activities`, `interactions`, `calls` or `emails`"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivitySchema {
    /// `activities`: the base schema every activity extends.
    Activities,
    /// `interactions`: an exchange with people (a site visit, a webinar attended).
    Interactions,
    /// `calls`: phone and video calls.
    Calls,
    /// `emails`: emails.
    Emails,
}

impl ActivitySchema {
    /// Every schema, in Attio's order.
    pub const ALL: [ActivitySchema; 4] = [
        ActivitySchema::Activities,
        ActivitySchema::Interactions,
        ActivitySchema::Calls,
        ActivitySchema::Emails,
    ];

    /// The schema's slug, as Attio writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            ActivitySchema::Activities => "activities",
            ActivitySchema::Interactions => "interactions",
            ActivitySchema::Calls => "calls",
            ActivitySchema::Emails => "emails",
        }
    }
}

impl fmt::Display for ActivitySchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A slug that names none of the four schemas an activity can extend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownActivitySchema(pub String);

impl fmt::Display for UnknownActivitySchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a schema an activity can extend: write `activities`, `interactions`, `calls` or `emails`",
            self.0
        )
    }
}

impl std::error::Error for UnknownActivitySchema {}

impl FromStr for ActivitySchema {
    type Err = UnknownActivitySchema;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActivitySchema::ALL
            .into_iter()
            .find(|schema| schema.as_str() == s)
            .ok_or_else(|| UnknownActivitySchema(s.to_owned()))
    }
}

impl serde::Serialize for ActivitySchema {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
