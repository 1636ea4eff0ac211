//! Records as Attio returns them: ids, [`Record<T>`], and the metadata every value carries.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::object::AttioObject;
use crate::values::{AttributeType, Key, Timestamp};

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

/// The three ids that identify a record: its workspace, its object, and the record itself.
///
/// ```
/// let json = r#"{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}"#;
/// let id: attio::RecordIdentifier = serde_json::from_str(json).unwrap();
/// assert_eq!(id.record_id.as_str(), "bf071e1f-6035-429d-b874-d83ea64ea13b");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordIdentifier {
    /// The workspace the record belongs to.
    pub workspace_id: String,
    /// The object the record belongs to.
    pub object_id: String,
    /// The record.
    pub record_id: RecordId,
}

/// A record of an object described by `T`, as Attio returns it.
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     user_id: String,
/// }
///
/// fn show(record: &attio::Record<User>) {
///     println!("{} created {} has user_id {}", record.id.record_id, record.created_at, record.values.user_id);
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Record<T> {
    /// The record's ids.
    pub id: RecordIdentifier,
    /// When the record was created.
    pub created_at: Timestamp,
    /// The record's page in Attio's web app, when the response includes it.
    pub web_url: Option<String>,
    /// The record's attribute values, as the struct declares them.
    pub values: T,
}

impl<'de, T: AttioObject> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RecordVisitor<T>(PhantomData<T>);

        impl<'de, T: AttioObject> Visitor<'de> for RecordVisitor<T> {
            type Value = Record<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an Attio `{}` record", T::SLUG)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut id = None;
                let mut created_at = None;
                let mut web_url = None;
                let mut values = None;
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "id" => id = Some(map.next_value()?),
                        "created_at" => created_at = Some(map.next_value()?),
                        "web_url" => web_url = map.next_value()?,
                        "values" => {
                            values = Some(map.next_value_seed(ValuesSeed::<T>(PhantomData))?)
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Record {
                    id: id.ok_or_else(|| de::Error::missing_field("id"))?,
                    created_at: created_at.ok_or_else(|| de::Error::missing_field("created_at"))?,
                    web_url,
                    values: values.ok_or_else(|| de::Error::missing_field("values"))?,
                })
            }
        }

        d.deserialize_map(RecordVisitor(PhantomData))
    }
}

/// Decodes a record's `values` object as `T`.
struct ValuesSeed<T>(PhantomData<T>);

impl<'de, T: AttioObject> DeserializeSeed<'de> for ValuesSeed<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: AttioObject> Visitor<'de> for ValuesSeed<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the values of a `{}` record", T::SLUG)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::decode_values(map)
    }
}

/// When a value became active, until when it was active, and who wrote it.
///
/// Attio never deletes a value: a replaced value gets `active_until` set and is still returned by
/// the value-history endpoint. Reach it through [`WithMeta`](crate::WithMeta).
///
/// ```
/// let meta = attio::ValueMeta::default();
/// assert!(meta.is_active());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ValueMeta {
    /// When the value became active (roughly, when it was written).
    pub active_from: Option<Timestamp>,
    /// When the value stopped being active; `None` for a current value.
    pub active_until: Option<Timestamp>,
    /// Who wrote the value.
    pub created_by_actor: Option<Actor>,
    /// The attribute type Attio reported for the value.
    pub attribute_type: Option<AttributeType>,
}

impl ValueMeta {
    /// `true` for a current value (`active_until` is not set).
    ///
    /// ```
    /// let meta = attio::ValueMeta::default();
    /// assert!(meta.is_active());
    /// ```
    pub fn is_active(&self) -> bool {
        self.active_until.is_none()
    }
}

/// Who did something in Attio: a workspace member, an API token, an app, or the system.
///
/// ```
/// let actor: attio::Actor = serde_json::from_str(r#"{"type":"system","id":null}"#).unwrap();
/// assert_eq!(actor.actor_type, Some(attio::ActorType::System));
/// assert_eq!(actor.id, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Actor {
    /// The kind of actor; Attio sometimes leaves it null.
    #[serde(rename = "type", default)]
    pub actor_type: Option<ActorType>,
    /// The actor's id; null for the system.
    #[serde(default)]
    pub id: Option<String>,
}

impl Actor {
    /// An actor of `actor_type` with `id`.
    ///
    /// ```
    /// let a = attio::Actor::new(attio::ActorType::WorkspaceMember, Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b".into()));
    /// assert_eq!(a.id.as_deref(), Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b"));
    /// ```
    pub fn new(actor_type: ActorType, id: Option<String>) -> Self {
        Actor {
            actor_type: Some(actor_type),
            id,
        }
    }
}

/// The kinds of actor Attio names, plus any kind a newer API version may add.
///
/// ```
/// assert_eq!("api-token".parse::<attio::ActorType>().unwrap(), attio::ActorType::ApiToken);
/// assert_eq!(attio::ActorType::WorkspaceMember.as_str(), "workspace-member");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ActorType {
    /// `api-token`
    ApiToken,
    /// `workspace-member`
    WorkspaceMember,
    /// `system`
    System,
    /// `app`
    App,
    /// A kind this version of the SDK does not know.
    Other(String),
}

impl ActorType {
    /// The wire name.
    ///
    /// ```
    /// assert_eq!(attio::ActorType::System.as_str(), "system");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            ActorType::ApiToken => "api-token",
            ActorType::WorkspaceMember => "workspace-member",
            ActorType::System => "system",
            ActorType::App => "app",
            ActorType::Other(s) => s,
        }
    }
}

impl FromStr for ActorType {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "api-token" => ActorType::ApiToken,
            "workspace-member" => ActorType::WorkspaceMember,
            "system" => ActorType::System,
            "app" => ActorType::App,
            other => ActorType::Other(other.to_owned()),
        })
    }
}

impl fmt::Display for ActorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ActorType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}
