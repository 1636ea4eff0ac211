//! [`RecordId`]: the id of a record, checked to be safe in a URL path.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::Key;

/// The id of a record, as it appears in a URL path (`/v2/objects/users/records/{record_id}`).
///
/// Record ids are the server's business: Attio issues UUIDs, but this type accepts any id that is
/// non-empty, at most 256 bytes, and safe to place in a URL path segment as it is (ASCII letters,
/// digits, `-`, `_`, `.` and `~`, and not `.` or `..`). It does not insist on the UUID form, so an
/// id copied from a response or a document is used verbatim.
///
/// ```
/// use attio::RecordId;
///
/// let id: RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
/// assert_eq!(id.to_string(), "5e3fb280-007b-495a-a530-9354bde01de1");
///
/// assert!("".parse::<RecordId>().is_err());
/// assert!("../objects".parse::<RecordId>().is_err());
/// # Ok::<(), attio::InvalidId>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RecordId(String);

/// An id that is empty or not safe to place in a URL path.
///
/// ```
/// let err = "a/b".parse::<attio::RecordId>().unwrap_err();
/// assert!(err.to_string().contains("`/`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid record id {id:?}: {reason}")]
pub struct InvalidId {
    id: String,
    reason: String,
}

impl RecordId {
    /// The id as a string.
    ///
    /// ```
    /// let id: attio::RecordId = "abc".parse().unwrap();
    /// assert_eq!(id.as_str(), "abc");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Checks `id` and wraps it.
    ///
    /// ```
    /// assert!(attio::RecordId::new("bf071e1f-6035-429d-b874-d83ea64ea13b").is_ok());
    /// assert!(attio::RecordId::new("a b").is_err());
    /// ```
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidId> {
        let id = id.into();
        check_path_segment(&id).map_err(|reason| InvalidId {
            id: id.chars().take(64).collect(),
            reason,
        })?;
        Ok(RecordId(id))
    }
}

/// Checks that `s` can stand as one URL path segment without escaping.
pub(crate) fn check_path_segment(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("an id must not be empty".into());
    }
    if s.len() > 256 {
        return Err(format!(
            "an id is at most 256 bytes, this one is {}",
            s.len()
        ));
    }
    if s == "." || s == ".." {
        return Err("`.` and `..` are not ids".into());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~')))
    {
        return Err(format!(
            "`{}` cannot appear in an id; ids are made of ASCII letters, digits, `-`, `_`, `.` and `~`",
            c.escape_debug()
        ));
    }
    Ok(())
}

impl FromStr for RecordId {
    type Err = InvalidId;
    fn from_str(s: &str) -> Result<Self, InvalidId> {
        RecordId::new(s)
    }
}

impl TryFrom<String> for RecordId {
    type Error = InvalidId;
    fn try_from(s: String) -> Result<Self, InvalidId> {
        RecordId::new(s)
    }
}

impl TryFrom<&str> for RecordId {
    type Error = InvalidId;
    fn try_from(s: &str) -> Result<Self, InvalidId> {
        RecordId::new(s)
    }
}

impl AsRef<str> for RecordId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordId({:?})", self.0)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        RecordId::new(key.as_str()).map_err(de::Error::custom)
    }
}
