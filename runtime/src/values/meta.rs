//! What Attio keeps with every value: [`ValueMeta`] (when it was active, who wrote it), the
//! [`Actor`] who wrote it, and [`WithMeta`], a value together with its metadata.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AttioValue, AttributeType, Key, Timestamp, ValueError, WritableValue};

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

/// A value together with the metadata Attio keeps for it.
///
/// Use it as a field's value type when you want to know when a value became active, until when it
/// was active (for historic values), and who wrote it. It dereferences to the value, and writes
/// exactly as the value does (the metadata is the server's and is never sent).
///
/// ```
/// use attio::{WithMeta, EmailAddress};
///
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     user_id: String,
///     primary_email_address: WithMeta<EmailAddress>,
/// }
///
/// fn who_set_the_email(user: &User) -> Option<&attio::Actor> {
///     user.primary_email_address.meta.created_by_actor.as_ref()
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WithMeta<T> {
    /// The value.
    pub value: T,
    /// When it became active, until when, and who wrote it.
    pub meta: ValueMeta,
}

impl<T> WithMeta<T> {
    /// A value with empty metadata, for writing.
    ///
    /// ```
    /// let v = attio::WithMeta::new(String::from("hello"));
    /// assert_eq!(*v, "hello");
    /// ```
    pub fn new(value: T) -> Self {
        WithMeta {
            value,
            meta: ValueMeta::default(),
        }
    }

    /// With the time the value became active: what a history write
    /// ([`Client::write_value_history`](crate::Client::write_value_history)) needs of each value.
    ///
    /// ```
    /// let at: attio::Timestamp = "2020-01-01T00:00:00Z".parse()?;
    /// let v = attio::WithMeta::new(String::from("Acme")).active_from(at);
    /// assert_eq!(v.meta.active_from, Some(at));
    /// assert!(v.meta.is_active());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn active_from(mut self, at: Timestamp) -> Self {
        self.meta.active_from = Some(at);
        self
    }

    /// With the time the value stopped being active (a past value of a history write).
    ///
    /// ```
    /// let from: attio::Timestamp = "2020-01-01T00:00:00Z".parse()?;
    /// let until: attio::Timestamp = "2021-06-15T09:30:00Z".parse()?;
    /// let v = attio::WithMeta::new(String::from("Acme (old name)")).active_from(from).active_until(until);
    /// assert!(!v.meta.is_active());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn active_until(mut self, at: Timestamp) -> Self {
        self.meta.active_until = Some(at);
        self
    }

    /// The value, without its metadata.
    ///
    /// ```
    /// let v = attio::WithMeta::new(3_i64);
    /// assert_eq!(v.into_inner(), 3);
    /// ```
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> From<T> for WithMeta<T> {
    fn from(value: T) -> Self {
        WithMeta::new(value)
    }
}

impl<T> std::ops::Deref for WithMeta<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> std::ops::DerefMut for WithMeta<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T: fmt::Display> fmt::Display for WithMeta<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: AttioValue> AttioValue for WithMeta<T> {
    const ATTRIBUTE_TYPE: AttributeType = T::ATTRIBUTE_TYPE;
    const CONTRACT: super::ValueContract = T::CONTRACT;
    type Shape = T::Shape;

    fn from_shape(shape: Self::Shape, meta: ValueMeta) -> Result<Self, String> {
        Ok(WithMeta {
            value: T::from_shape(shape, ValueMeta::default())?,
            meta,
        })
    }
}

impl<T: WritableValue> WritableValue for WithMeta<T> {
    fn validate(&self) -> Result<(), ValueError> {
        self.value.validate()
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.encode(s)
    }
}
