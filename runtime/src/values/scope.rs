//! The scopes of an access token: what it may read and write (`/v2/self`'s `scope`).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a scope grants access to: one of Attio's scope resources.
///
/// Attio names scopes `resource:read` and `resource:read-write`, e.g. `record_permission:read-write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Resource {
    /// `user_management`: workspace members.
    UserManagement,
    /// `record_permission`: records.
    RecordPermission,
    /// `object_configuration`: objects and their attributes, options and statuses.
    ObjectConfiguration,
    /// `list_entry`: list entries.
    ListEntry,
    /// `list_configuration`: lists and their attributes.
    ListConfiguration,
    /// `public_collection`.
    PublicCollection,
    /// `private_collection`.
    PrivateCollection,
    /// `comment`: comments and threads.
    Comment,
    /// `task`: tasks.
    Task,
    /// `note`: notes.
    Note,
    /// `meeting`: meetings.
    Meeting,
    /// `call_recording`: call recordings and transcripts.
    CallRecording,
    /// `webhook`: webhooks.
    Webhook,
    /// `file`: files.
    File,
    /// `scim_management`: SCIM.
    ScimManagement,
    /// `email`: the emails of connected mailboxes (metadata).
    Email,
    /// `sequence_unsubscribe`: the sequence unsubscribe list.
    SequenceUnsubscribe,
    /// `activity_configuration`: activities themselves and their attributes.
    ActivityConfiguration,
    /// `activity_record`: the records of activities.
    ActivityRecord,
}

const RESOURCES: [(Resource, &str); 19] = [
    (Resource::UserManagement, "user_management"),
    (Resource::RecordPermission, "record_permission"),
    (Resource::ObjectConfiguration, "object_configuration"),
    (Resource::ListEntry, "list_entry"),
    (Resource::ListConfiguration, "list_configuration"),
    (Resource::PublicCollection, "public_collection"),
    (Resource::PrivateCollection, "private_collection"),
    (Resource::Comment, "comment"),
    (Resource::Task, "task"),
    (Resource::Note, "note"),
    (Resource::Meeting, "meeting"),
    (Resource::CallRecording, "call_recording"),
    (Resource::Webhook, "webhook"),
    (Resource::File, "file"),
    (Resource::ScimManagement, "scim_management"),
    (Resource::Email, "email"),
    (Resource::SequenceUnsubscribe, "sequence_unsubscribe"),
    (Resource::ActivityConfiguration, "activity_configuration"),
    (Resource::ActivityRecord, "activity_record"),
];

impl Resource {
    /// Attio's name for it, e.g. `record_permission`.
    ///
    /// ```
    /// assert_eq!(attio::Resource::ListEntry.as_str(), "list_entry");
    /// ```
    pub fn as_str(self) -> &'static str {
        RESOURCES
            .iter()
            .find(|(r, _)| *r == self)
            .map(|(_, name)| *name)
            .unwrap_or("unknown")
    }

    fn parse(name: &str) -> Option<Resource> {
        RESOURCES.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
    }
}

/// How much of a [`Resource`] a scope grants. `ReadWrite` includes `Read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// `:read`.
    Read,
    /// `:read-write`.
    ReadWrite,
}

impl Access {
    /// Attio's suffix: `read` or `read-write`.
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::ReadWrite => "read-write",
        }
    }
}

/// One scope, such as `note:read-write`.
///
/// ```
/// use attio::{Access, Resource, Scope};
///
/// let scope: Scope = "note:read-write".parse()?;
/// assert_eq!(scope, Scope::read_write(Resource::Note));
/// assert_eq!(scope.access, Access::ReadWrite);
/// assert_eq!(Scope::read(Resource::RecordPermission).to_string(), "record_permission:read");
/// assert!("notes:write".parse::<Scope>().is_err());
/// # Ok::<(), attio::InvalidScope>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scope {
    /// What it grants access to.
    pub resource: Resource,
    /// Read, or read and write.
    pub access: Access,
}

impl Scope {
    /// `resource:read`.
    pub const fn read(resource: Resource) -> Scope {
        Scope {
            resource,
            access: Access::Read,
        }
    }

    /// `resource:read-write`.
    pub const fn read_write(resource: Resource) -> Scope {
        Scope {
            resource,
            access: Access::ReadWrite,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.resource.as_str(), self.access.as_str())
    }
}

/// A string that is not one of Attio's scopes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not an Attio scope: write `resource:read` or `resource:read-write`, where resource is one of {list}",
    list = RESOURCES.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
)]
pub struct InvalidScope(String);

impl FromStr for Scope {
    type Err = InvalidScope;

    fn from_str(s: &str) -> Result<Scope, InvalidScope> {
        let invalid = || InvalidScope(s.to_owned());
        let (resource, access) = s.split_once(':').ok_or_else(invalid)?;
        let resource = Resource::parse(resource).ok_or_else(invalid)?;
        let access = match access {
            "read" => Access::Read,
            "read-write" => Access::ReadWrite,
            _ => return Err(invalid()),
        };
        Ok(Scope { resource, access })
    }
}

impl Serialize for Scope {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The scopes a token holds, as `/v2/self` reports them (space-separated in `scope`).
///
/// `read-write` on a resource satisfies `read` on it. Scopes this version of the crate does not
/// know are kept, in [`Scopes::unknown`], rather than failing the decode.
///
/// ```
/// use attio::{Resource, Scope, Scopes};
///
/// let scopes: Scopes = "record_permission:read-write note:read future_thing:read".parse().unwrap();
/// assert!(scopes.contains(Scope::read(Resource::RecordPermission)));
/// assert!(!scopes.contains(Scope::read_write(Resource::Note)));
/// assert_eq!(
///     scopes.missing([Scope::read_write(Resource::Note), Scope::read(Resource::Task)]),
///     [Scope::read_write(Resource::Note), Scope::read(Resource::Task)]
/// );
/// assert_eq!(scopes.unknown(), ["future_thing:read"]);
/// assert_eq!(scopes.to_string(), "record_permission:read-write note:read future_thing:read");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes {
    granted: BTreeMap<Resource, Access>,
    unknown: Vec<String>,
}

impl Scopes {
    /// Whether `scope` is granted (`read-write` grants `read`).
    pub fn contains(&self, scope: Scope) -> bool {
        self.granted
            .get(&scope.resource)
            .is_some_and(|held| *held >= scope.access)
    }

    /// The scopes of `needed` that are not granted, in the order given, each once.
    pub fn missing(&self, needed: impl IntoIterator<Item = Scope>) -> Vec<Scope> {
        let mut missing: Vec<Scope> = Vec::new();
        for scope in needed {
            if !self.contains(scope) && !missing.contains(&scope) {
                missing.push(scope);
            }
        }
        missing
    }

    /// Every known scope granted, one per resource (the widest).
    pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
        self.granted.iter().map(|(resource, access)| Scope {
            resource: *resource,
            access: *access,
        })
    }

    /// Scope names Attio reported that this crate does not know, as given.
    pub fn unknown(&self) -> &[String] {
        &self.unknown
    }

    /// Whether no scope at all is granted.
    pub fn is_empty(&self) -> bool {
        self.granted.is_empty() && self.unknown.is_empty()
    }

    /// Adds `scope` (keeping the wider access if the resource is already granted).
    pub fn insert(&mut self, scope: Scope) {
        let held = self.granted.entry(scope.resource).or_insert(scope.access);
        *held = (*held).max(scope.access);
    }
}

impl FromIterator<Scope> for Scopes {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> Scopes {
        let mut scopes = Scopes::default();
        for scope in iter {
            scopes.insert(scope);
        }
        scopes
    }
}

impl FromStr for Scopes {
    type Err = std::convert::Infallible;

    /// Parses a space-separated list; names that are not known scopes go to [`Scopes::unknown`].
    fn from_str(s: &str) -> Result<Scopes, Self::Err> {
        let mut scopes = Scopes::default();
        for name in s.split_whitespace() {
            match name.parse::<Scope>() {
                Ok(scope) => scopes.insert(scope),
                Err(_) => scopes.unknown.push(name.to_owned()),
            }
        }
        Ok(scopes)
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known = self.iter().map(|s| s.to_string());
        let all: Vec<String> = known.chain(self.unknown.iter().cloned()).collect();
        f.write_str(&all.join(" "))
    }
}

impl<'de> Deserialize<'de> for Scopes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scopes, D::Error> {
        let text = Option::<String>::deserialize(d)?.unwrap_or_default();
        Ok(text.parse().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_round_trips_through_its_name() {
        for (resource, name) in RESOURCES {
            assert_eq!(resource.as_str(), name);
            for scope in [Scope::read(resource), Scope::read_write(resource)] {
                assert_eq!(scope.to_string().parse::<Scope>(), Ok(scope));
            }
        }
    }

    #[test]
    fn read_write_satisfies_read_but_not_the_reverse() {
        let scopes: Scopes = "task:read-write note:read".parse().unwrap();
        assert!(scopes.contains(Scope::read(Resource::Task)));
        assert!(scopes.contains(Scope::read_write(Resource::Task)));
        assert!(!scopes.contains(Scope::read_write(Resource::Note)));
        assert!(!scopes.contains(Scope::read(Resource::Webhook)));
    }

    #[test]
    fn the_wider_access_wins_and_missing_lists_each_once() {
        let scopes: Scopes = "note:read note:read-write".parse().unwrap();
        assert_eq!(scopes.to_string(), "note:read-write");
        let webhook = Scope::read(Resource::Webhook);
        assert_eq!(scopes.missing([webhook, webhook]), [webhook]);
    }

    #[test]
    fn an_invalid_scope_says_what_to_write() {
        let err = "records:read".parse::<Scope>().unwrap_err().to_string();
        assert!(
            err.contains("`records:read` is not an Attio scope"),
            "{err}"
        );
        assert!(err.contains("record_permission"), "{err}");
        assert!("note".parse::<Scope>().is_err());
        assert!("note:write".parse::<Scope>().is_err());
    }
}
