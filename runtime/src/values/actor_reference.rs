//! `actor-reference`: a workspace member (or, on read, any actor).

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Actor, ActorType, ValueMeta};
use super::{AttioValue, AttributeType, EmailAddress, ValueError, WritableValue};

/// A reference to an actor: Attio's `actor-reference` attribute type (e.g. `deals.owner`).
///
/// Only workspace members can be written, by id ([`ActorReference::workspace_member`]) or by
/// email address ([`ActorReference::workspace_member_by_email`]). On read, Attio returns
/// `referenced_actor_type` (`workspace-member`, `api-token`, `app` or `system`) and
/// `referenced_actor_id` (null for the system); every kind decodes, and
/// [`validate`](WritableValue::validate) refuses to write any kind but a workspace member.
///
/// **Write forms:** `{"referenced_actor_type": "workspace-member", "referenced_actor_id": "…"}` for
/// a member given by id; `{"workspace_member_email_address": "…"}` for one given by email.
/// **Serde:** those same objects (for any actor type). Equality compares the kind and the id or
/// email, so a member by email never equals the same member by id.
///
/// ```
/// use attio::{ActorReference, ActorType, WritableValue};
///
/// let owner = ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b")?;
/// assert_eq!(owner.actor_type(), Some(&ActorType::WorkspaceMember));
/// let by_email = ActorReference::workspace_member_by_email("alice@attio.com".parse()?);
/// assert_eq!(by_email.email().map(|e| e.as_str()), Some("alice@attio.com"));
/// assert!(by_email.validate().is_ok());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActorReference(Repr);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    Actor {
        actor_type: ActorType,
        id: Option<String>,
    },
    MemberEmail(EmailAddress),
}

fn actor_error(message: String) -> ValueError {
    ValueError::new(AttributeType::ActorReference, message)
}

impl ActorReference {
    /// The workspace member with id `id` (a workspace member UUID); fails for an empty id.
    ///
    /// ```
    /// assert!(attio::ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b").is_ok());
    /// assert!(attio::ActorReference::workspace_member("").is_err());
    /// ```
    pub fn workspace_member(id: impl Into<String>) -> Result<Self, ValueError> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(actor_error(
                "a workspace member id must not be empty; expected the member's UUID".into(),
            ));
        }
        Ok(ActorReference(Repr::Actor {
            actor_type: ActorType::WorkspaceMember,
            id: Some(id),
        }))
    }

    /// The workspace member with email address `email`.
    ///
    /// ```
    /// let a = attio::ActorReference::workspace_member_by_email("alice@attio.com".parse()?);
    /// assert_eq!(a.to_string(), "alice@attio.com");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn workspace_member_by_email(email: EmailAddress) -> Self {
        ActorReference(Repr::MemberEmail(email))
    }

    /// The kind of actor; `None` for a member given by email (which is a workspace member).
    ///
    /// ```
    /// let a = attio::ActorReference::workspace_member("x").unwrap();
    /// assert_eq!(a.actor_type(), Some(&attio::ActorType::WorkspaceMember));
    /// ```
    pub fn actor_type(&self) -> Option<&ActorType> {
        match &self.0 {
            Repr::Actor { actor_type, .. } => Some(actor_type),
            Repr::MemberEmail(_) => None,
        }
    }

    /// The actor's id; `None` for the system actor and for a member given by email.
    ///
    /// ```
    /// let a = attio::ActorReference::workspace_member("x").unwrap();
    /// assert_eq!(a.id(), Some("x"));
    /// ```
    pub fn id(&self) -> Option<&str> {
        match &self.0 {
            Repr::Actor { id, .. } => id.as_deref(),
            Repr::MemberEmail(_) => None,
        }
    }

    /// The email address of a member given by email.
    ///
    /// ```
    /// let a = attio::ActorReference::workspace_member("x").unwrap();
    /// assert_eq!(a.email(), None);
    /// ```
    pub fn email(&self) -> Option<&EmailAddress> {
        match &self.0 {
            Repr::MemberEmail(e) => Some(e),
            Repr::Actor { .. } => None,
        }
    }

    /// The referenced actor as an [`Actor`]; `None` for a member given by email.
    ///
    /// ```
    /// let a = attio::ActorReference::workspace_member("x").unwrap();
    /// assert_eq!(a.to_actor().and_then(|a| a.id), Some("x".to_owned()));
    /// ```
    pub fn to_actor(&self) -> Option<Actor> {
        match &self.0 {
            Repr::Actor { actor_type, id } => Some(Actor::new(actor_type.clone(), id.clone())),
            Repr::MemberEmail(_) => None,
        }
    }
}

/// `type:id` (`workspace-member:50cf…`, `system`), or the email address.
impl fmt::Display for ActorReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Actor { actor_type, id } => match id {
                Some(id) => write!(f, "{actor_type}:{id}"),
                None => write!(f, "{actor_type}"),
            },
            Repr::MemberEmail(e) => write!(f, "{e}"),
        }
    }
}

fn write_object<S: Serializer>(a: &ActorReference, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(2))?;
    match &a.0 {
        Repr::Actor { actor_type, id } => {
            map.serialize_entry("referenced_actor_type", actor_type)?;
            map.serialize_entry("referenced_actor_id", id)?;
        }
        Repr::MemberEmail(e) => map.serialize_entry("workspace_member_email_address", e)?,
    }
    map.end()
}

impl Serialize for ActorReference {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

/// Serde's shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SerdeRepr {
    #[serde(default)]
    referenced_actor_type: Option<ActorType>,
    #[serde(default)]
    referenced_actor_id: Option<String>,
    #[serde(default)]
    workspace_member_email_address: Option<EmailAddress>,
}

impl<'de> Deserialize<'de> for ActorReference {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = SerdeRepr::deserialize(d)?;
        from_parts(
            r.referenced_actor_type,
            r.referenced_actor_id,
            r.workspace_member_email_address,
        )
        .map_err(serde::de::Error::custom)
    }
}

fn from_parts(
    actor_type: Option<ActorType>,
    id: Option<String>,
    email: Option<EmailAddress>,
) -> Result<ActorReference, String> {
    match (actor_type, email) {
        (Some(actor_type), None) => Ok(ActorReference(Repr::Actor { actor_type, id })),
        (None, Some(email)) if id.is_none() => Ok(ActorReference(Repr::MemberEmail(email))),
        (None, None) => Err(
            "an actor-reference needs `referenced_actor_type` (with `referenced_actor_id`) or `workspace_member_email_address`"
                .into(),
        ),
        _ => Err(
            "an actor-reference has either `referenced_actor_type`/`referenced_actor_id` or `workspace_member_email_address`, not both"
                .into(),
        ),
    }
}

super::read_shape! {
    /// The keys of an `actor-reference` value object.
    pub struct ActorReferenceShape {
        referenced_actor_type: ActorType,
        referenced_actor_id: String,
        workspace_member_email_address: EmailAddress,
    }
}

impl AttioValue for ActorReference {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::ActorReference;
    type Shape = ActorReferenceShape;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        from_parts(
            shape.referenced_actor_type,
            shape.referenced_actor_id,
            shape.workspace_member_email_address,
        )
    }
}

impl WritableValue for ActorReference {
    fn validate(&self) -> Result<(), ValueError> {
        match &self.0 {
            Repr::Actor {
                actor_type: ActorType::WorkspaceMember,
                id: Some(id),
            } if !id.trim().is_empty() => Ok(()),
            Repr::Actor {
                actor_type: ActorType::WorkspaceMember,
                ..
            } => Err(actor_error(
                "a workspace member reference has no id; give the member's id or email address"
                    .into(),
            )),
            Repr::Actor { actor_type, .. } => Err(actor_error(format!(
                "only workspace members can be written to an actor-reference attribute, this is a `{actor_type}` actor"
            ))),
            Repr::MemberEmail(e) => e.validate(),
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    #[test]
    fn encodes_the_writable_forms() {
        let a = ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b").unwrap();
        assert_eq!(
            encode(&a),
            json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"})
        );
        let e = ActorReference::workspace_member_by_email("alice@attio.com".parse().unwrap());
        assert_eq!(
            encode(&e),
            json!({"workspace_member_email_address": "alice@attio.com"})
        );
        for v in [a, e] {
            assert!(v.validate().is_ok());
            let json = serde_json::to_value(&v).unwrap();
            assert_eq!(serde_json::from_value::<ActorReference>(json).unwrap(), v);
        }
    }

    #[test]
    fn decodes_every_kind_and_refuses_to_write_non_members() {
        let m: ActorReference = decode(r#"{"attribute_type":"actor-reference","referenced_actor_type":"workspace-member","referenced_actor_id":"fbe75eb0-d704-4d12-9e41-aa187e60ed73"}"#).unwrap();
        assert_eq!(m.id(), Some("fbe75eb0-d704-4d12-9e41-aa187e60ed73"));
        assert!(m.validate().is_ok());
        for (kind, id) in [
            ("system", "null"),
            ("api-token", "\"t\""),
            ("app", "\"a\""),
            ("robot", "\"r\""),
        ] {
            let json =
                format!(r#"{{"referenced_actor_type":"{kind}","referenced_actor_id":{id}}}"#);
            let a: ActorReference = decode(&json).unwrap();
            assert_eq!(a.actor_type().map(ActorType::as_str), Some(kind));
            let err = a.validate().unwrap_err();
            assert!(
                err.message()
                    .contains("only workspace members can be written"),
                "{err}"
            );
        }
        let no_id: ActorReference =
            decode(r#"{"referenced_actor_type":"workspace-member","referenced_actor_id":null}"#)
                .unwrap();
        assert!(no_id.validate().is_err());
        assert!(decode::<ActorReference>(r#"{"referenced_actor_id":"x"}"#).is_err());
    }
}
