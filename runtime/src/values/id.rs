//! [`RecordId`]: the id of a record, and the other ids Attio issues ([`ObjectId`], [`ListId`],
//! [`EntryId`], [`WebhookId`], …), each checked to be safe in a URL path.

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
#[error("invalid {kind} {id:?}: {reason}")]
pub struct InvalidId {
    kind: &'static str,
    id: String,
    reason: String,
}

impl InvalidId {
    /// Checks `id` as an id of `kind` ("record id", "webhook id", …).
    fn check(kind: &'static str, id: &str) -> Result<(), InvalidId> {
        check_path_segment(id).map_err(|reason| InvalidId {
            kind,
            id: id.chars().take(64).collect(),
            reason,
        })
    }
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
        InvalidId::check("record id", &id)?;
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

/// Defines an id newtype with the same rules as [`RecordId`]: non-empty, at most 256 bytes, safe
/// in a URL path segment as it is. Attio issues UUIDs; the form is not insisted on.
macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident = $kind:literal, $example:literal;)*) => {$(
        $(#[$doc])*
        ///
        /// Checked like [`RecordId`]: non-empty, at most 256 bytes, and safe to place in a URL
        /// path segment as it is (Attio issues UUIDs; the form is not insisted on).
        ///
        /// ```
        #[doc = concat!("use attio::values::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id: ", stringify!($name), " = \"", $example, "\".parse()?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(\"a/b\".parse::<", stringify!($name), ">().is_err());")]
        /// # Ok::<(), attio::InvalidId>(())
        /// ```
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Checks `id` and wraps it.
            ///
            /// ```
            #[doc = concat!("assert!(attio::values::", stringify!($name), "::new(\"", $example, "\").is_ok());")]
            #[doc = concat!("assert!(attio::values::", stringify!($name), "::new(\"\").is_err());")]
            /// ```
            pub fn new(id: impl Into<String>) -> Result<Self, InvalidId> {
                let id = id.into();
                InvalidId::check($kind, &id)?;
                Ok($name(id))
            }

            /// The id as a string.
            ///
            /// ```
            #[doc = concat!("let id = attio::values::", stringify!($name), "::new(\"", $example, "\").unwrap();")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            /// ```
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, InvalidId> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(s: String) -> Result<Self, InvalidId> {
                $name::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = InvalidId;
            fn try_from(s: &str) -> Result<Self, InvalidId> {
                $name::new(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({:?})"), self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = Key::deserialize(d)?;
                $name::new(key.as_str()).map_err(de::Error::custom)
            }
        }
    )*};
}

ids! {
    /// The id of a workspace.
    WorkspaceId = "workspace id", "14beef7a-99f7-4534-a87e-70b564330a4c";
    /// The id of an object (`people`, `companies`, a custom object): what
    /// `/v2/objects/{object}` accepts besides the slug.
    ObjectId = "object id", "97052eb9-e65e-443f-a297-f2d9a4a7f795";
    /// The id of a list.
    ListId = "list id", "33ebdbe9-e529-47c9-b894-0ba25e9c15c0";
    /// The id of an entry in a list.
    EntryId = "entry id", "2e6e29ea-c4e0-4f44-842d-78a891f8c156";
    /// The id of an attribute of an object or a list.
    AttributeId = "attribute id", "41252299-f8c7-4b5e-99c9-4ff8321d2f96";
    /// The id of a note.
    NoteId = "note id", "ff3f3bd4-40f4-4f80-8187-cd02385af424";
    /// The id of a task.
    TaskId = "task id", "649e34f4-c39a-4f4d-99ef-48a36bef8f04";
    /// The id of a comment.
    CommentId = "comment id", "aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2";
    /// The id of a comment thread.
    ThreadId = "thread id", "a649e4d9-435c-43fb-83ba-847b4876f27a";
    /// The id of a webhook.
    WebhookId = "webhook id", "23e42eaf-323a-41da-b5bb-fd67eebda553";
    /// The id of a workspace member.
    WorkspaceMemberId = "workspace member id", "50cf242c-7fa3-4cad-87d0-75b1af71c57b";
    /// The id of a meeting (of a call recording).
    MeetingId = "meeting id", "7c8a5c3e-3f0e-4a4b-9f0e-1b2c3d4e5f60";
    /// The id of a file or folder on a record.
    FileId = "file id", "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    /// The id of a call recording.
    CallRecordingId = "call recording id", "d0c5b1f2-8e3a-4b6c-9d7e-0f1a2b3c4d5e";
    /// The id of a saved view of an object or a list.
    ViewId = "view id", "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";
    /// The id of an activity (of the `activity-*` webhook events).
    ActivityId = "activity id", "b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
}
