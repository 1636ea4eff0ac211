//! `status`: a stage of a status attribute (e.g. `deals.stage`).

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::{AttioValue, AttributeType, ValueError, WritableValue};

/// The ids that identify a status, as Attio returns them.
///
/// ```
/// let json = r#"{"workspace_id":"4f9a01be-3792-4ab9-926f-ca7f9005700c","object_id":"5f1feef5-fe73-4c0e-9d97-5b0a96a7d32b","attribute_id":"a4977b52-d367-4e28-a671-b5c4fa401fc5","status_id":"11f07f01-c10f-4e05-a522-33e050bc52ee"}"#;
/// let id: attio::StatusId = serde_json::from_str(json).unwrap();
/// assert_eq!(id.status_id, "11f07f01-c10f-4e05-a522-33e050bc52ee");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusId {
    /// The workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    /// The object whose attribute this is (for an object attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    /// The list whose attribute this is (for a list attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_id: Option<String>,
    /// The attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_id: Option<String>,
    /// The status.
    pub status_id: String,
}

/// A status: Attio's `status` attribute type (always single-valued, e.g. `deals.stage`).
///
/// Build one by title ([`Status::by_title`]) or by status id ([`Status::by_id`]). Attio never
/// creates statuses on write: an unknown title or id is rejected by the server (`value_not_found`).
/// A status read from Attio carries its ids ([`Status::id`]), title, archived flag, whether it is
/// celebrated, and its target time in status; these are Attio's and only the id or title is ever
/// written.
///
/// **Write form:** `{"status": "<status id>"}` when the status id is known (read values, or
/// [`Status::by_id`]), else `{"status": "<title>"}`.
///
/// **Read:** `status` as the full object `{id: {workspace_id, object_id, attribute_id, status_id},
/// title, is_archived, celebration_enabled, target_time_in_status}`, or as a bare status-id string
/// (the alternative form in Attio's 2025-05 spec).
///
/// **Equality:** `==` compares every field, so a status read from Attio differs from
/// `Status::by_title` with the same title. To ask "is this the same status?", use
/// [`Status::matches`] (same status id when both are known, else same title), or compare with a
/// string (`status == "In Progress"` is true when the title or the status id equals it).
///
/// **Serde:** `{"status_id", "title", "is_archived", "celebration_enabled",
/// "target_time_in_status", "id"}`, the keys that are known.
///
/// ```
/// use attio::Status;
///
/// let s = Status::by_title("In Progress")?;
/// assert_eq!(s.title(), Some("In Progress"));
/// assert!(s == "In Progress");
/// assert!(Status::by_title("").is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Status {
    status_id: Option<String>,
    title: Option<String>,
    id: Option<StatusId>,
    is_archived: Option<bool>,
    celebration_enabled: Option<bool>,
    target_time_in_status: Option<String>,
}

fn status_error(message: &'static str) -> ValueError {
    ValueError::new(AttributeType::Status, message)
}

impl Status {
    fn bare(status_id: Option<String>, title: Option<String>) -> Self {
        Status {
            status_id,
            title,
            id: None,
            is_archived: None,
            celebration_enabled: None,
            target_time_in_status: None,
        }
    }

    /// The status titled `title`; fails for an empty or blank title.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.to_string(), "Lead");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn by_title(title: impl Into<String>) -> Result<Self, ValueError> {
        let title = title.into();
        if title.trim().is_empty() {
            return Err(status_error(
                "a status title must not be empty; expected the status's title as shown in Attio",
            ));
        }
        Ok(Status::bare(None, Some(title)))
    }

    /// The status with id `status_id`; fails for an empty id.
    ///
    /// ```
    /// let s = attio::Status::by_id("11f07f01-c10f-4e05-a522-33e050bc52ee")?;
    /// assert_eq!(s.status_id(), Some("11f07f01-c10f-4e05-a522-33e050bc52ee"));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn by_id(status_id: impl Into<String>) -> Result<Self, ValueError> {
        let status_id = status_id.into();
        if status_id.trim().is_empty() {
            return Err(status_error(
                "a status id must not be empty; expected the status's UUID",
            ));
        }
        Ok(Status::bare(Some(status_id), None))
    }

    /// The status's id, when known.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.status_id(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn status_id(&self) -> Option<&str> {
        self.status_id.as_deref()
    }

    /// The status's title, when known.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_id("x")?.title(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// All the status's ids, for a status read from Attio in full.
    ///
    /// ```
    /// assert!(attio::Status::by_title("Lead")?.id().is_none());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn id(&self) -> Option<&StatusId> {
        self.id.as_ref()
    }

    /// Whether the status is archived, for a status read from Attio in full.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.is_archived(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn is_archived(&self) -> Option<bool> {
        self.is_archived
    }

    /// Whether reaching this status is celebrated in Attio's web app, for a status read in full.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Won")?.celebration_enabled(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn celebration_enabled(&self) -> Option<bool> {
        self.celebration_enabled
    }

    /// The target time in this status, an ISO 8601 duration such as `"P0Y0M1DT0H0M0S"`, when Attio
    /// returned one.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.target_time_in_status(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn target_time_in_status(&self) -> Option<&str> {
        self.target_time_in_status.as_deref()
    }

    /// Whether `self` and `other` name the same status: the same status id when both have one,
    /// otherwise the same title.
    ///
    /// ```
    /// use attio::Status;
    /// let a = Status::by_title("Lead")?;
    /// assert!(a.matches(&Status::by_title("Lead")?));
    /// assert!(!a.matches(&Status::by_id("x")?));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn matches(&self, other: &Status) -> bool {
        match (&self.status_id, &other.status_id) {
            (Some(a), Some(b)) => a == b,
            _ => self.title.is_some() && self.title == other.title,
        }
    }
}

/// True when the status's title or status id equals the string.
impl PartialEq<str> for Status {
    fn eq(&self, other: &str) -> bool {
        self.title.as_deref() == Some(other) || self.status_id.as_deref() == Some(other)
    }
}

/// True when the status's title or status id equals the string.
impl PartialEq<&str> for Status {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// The title, or the status id when the title is not known.
impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            self.title
                .as_deref()
                .or(self.status_id.as_deref())
                .unwrap_or(""),
        )
    }
}

/// Serde's shape.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    is_archived: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    celebration_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target_time_in_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<StatusId>,
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Repr {
            status_id: self.status_id.clone(),
            title: self.title.clone(),
            is_archived: self.is_archived,
            celebration_enabled: self.celebration_enabled,
            target_time_in_status: self.target_time_in_status.clone(),
            id: self.id.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = Repr::deserialize(d)?;
        let status_id = r
            .status_id
            .or_else(|| r.id.as_ref().map(|id| id.status_id.clone()));
        if status_id.is_none() && r.title.is_none() {
            return Err(serde::de::Error::custom(
                "a status needs a `status_id`, an `id` or a `title`",
            ));
        }
        Ok(Status {
            status_id,
            title: r.title,
            id: r.id,
            is_archived: r.is_archived,
            celebration_enabled: r.celebration_enabled,
            target_time_in_status: r.target_time_in_status,
        })
    }
}

/// The `status` key: the full status object, or a bare status id.
#[doc(hidden)]
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum StatusRead {
    /// `{id, title, is_archived, celebration_enabled, target_time_in_status}`.
    Full {
        /// The ids.
        id: StatusId,
        /// The title.
        #[serde(default)]
        title: Option<String>,
        /// Whether it is archived.
        #[serde(default)]
        is_archived: Option<bool>,
        /// Whether it is celebrated.
        #[serde(default)]
        celebration_enabled: Option<bool>,
        /// The target time in status.
        #[serde(default)]
        target_time_in_status: Option<String>,
    },
    /// A bare status id.
    Id(String),
}

super::read_shape! {
    /// The keys of a `status` value object.
    pub struct StatusShape {
        status: StatusRead,
    }
}

impl AttioValue for Status {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Status;
    type Shape = StatusShape;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        match shape.status {
            Some(StatusRead::Full {
                id,
                title,
                is_archived,
                celebration_enabled,
                target_time_in_status,
            }) => Ok(Status {
                status_id: Some(id.status_id.clone()),
                title,
                id: Some(id),
                is_archived,
                celebration_enabled,
                target_time_in_status,
            }),
            Some(StatusRead::Id(status_id)) => Ok(Status::bare(Some(status_id), None)),
            None => Err("a status value object needs a non-null `status` key".into()),
        }
    }
}

impl WritableValue for Status {
    fn validate(&self) -> Result<(), ValueError> {
        let id_ok = self
            .status_id
            .as_ref()
            .is_some_and(|i| !i.trim().is_empty());
        let title_ok = self.title.as_ref().is_some_and(|t| !t.trim().is_empty());
        if id_ok || title_ok {
            Ok(())
        } else {
            Err(status_error(
                "a status needs a non-empty status id or title",
            ))
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("status", &self.status_id.as_ref().or(self.title.as_ref()))?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    // Attio's docs mislabel this example's attribute_type as "select".
    const READ: &str = r#"{"attribute_type":"select","status":{"id":{"workspace_id":"4f9a01be-3792-4ab9-926f-ca7f9005700c","object_id":"5f1feef5-fe73-4c0e-9d97-5b0a96a7d32b","attribute_id":"a4977b52-d367-4e28-a671-b5c4fa401fc5","status_id":"11f07f01-c10f-4e05-a522-33e050bc52ee"},"title":"In Progress","is_archived":false,"target_time_in_status":null,"celebration_enabled":false}}"#;

    #[test]
    fn constructs() {
        assert!(Status::by_title(" ").is_err());
        assert!(Status::by_id("").is_err());
        assert!(Status::by_title("Lead").unwrap().validate().is_ok());
    }

    #[test]
    fn decodes_full_and_bare_forms() {
        let s: Status = decode(READ).unwrap();
        assert_eq!(s.title(), Some("In Progress"));
        assert_eq!(s.status_id(), Some("11f07f01-c10f-4e05-a522-33e050bc52ee"));
        assert_eq!(s.is_archived(), Some(false));
        assert_eq!(s.celebration_enabled(), Some(false));
        assert_eq!(s.target_time_in_status(), None);
        assert_eq!(
            s.id().and_then(|i| i.object_id.as_deref()),
            Some("5f1feef5-fe73-4c0e-9d97-5b0a96a7d32b")
        );
        let bare: Status = decode(
            r#"{"attribute_type":"status","status":"11f07f01-c10f-4e05-a522-33e050bc52ee"}"#,
        )
        .unwrap();
        assert!(bare.matches(&s));
        assert_ne!(bare, s);
        assert!(s == "In Progress" && bare == "11f07f01-c10f-4e05-a522-33e050bc52ee");
        let timed: Status = decode(r#"{"status":{"id":{"status_id":"x"},"title":"T","target_time_in_status":"P0Y0M1DT0H0M0S"}}"#).unwrap();
        assert_eq!(timed.target_time_in_status(), Some("P0Y0M1DT0H0M0S"));
        assert!(decode::<Status>(r#"{"status":null}"#).is_err());
        assert!(decode::<Status>(r#"{"status":7}"#).is_err());
    }

    #[test]
    fn encodes_by_id_when_known() {
        let s: Status = decode(READ).unwrap();
        assert_eq!(
            encode(&s),
            json!({"status": "11f07f01-c10f-4e05-a522-33e050bc52ee"})
        );
        assert_eq!(
            encode(&Status::by_title("Lead").unwrap()),
            json!({"status": "Lead"})
        );
    }

    #[test]
    fn serdes() {
        let s: Status = decode(READ).unwrap();
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(serde_json::from_value::<Status>(v).unwrap(), s);
        assert!(serde_json::from_value::<Status>(json!({"is_archived": true})).is_err());
    }
}
