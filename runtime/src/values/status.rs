//! `status`: a stage of a status attribute (e.g. `deals.stage`).

use std::fmt;

use serde::de::MapAccess;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};

use super::ValueMeta;
use super::choice::{Core, Extra, Kind, choice_value};
use super::{AttributeType, ValueError};

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
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Status(Core<StatusKind>);

/// The names of the `status` kind of [`Core`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusKind;

impl Kind for StatusKind {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Status;
    const KEY: &'static str = "status";
    const ID_KEY: &'static str = "status_id";
    const NOUN: &'static str = "status";
    const TYPE_NAME: &'static str = "Status";
    const SERDE_KEYS: &'static [&'static str] = &[
        "status_id",
        "title",
        "is_archived",
        "celebration_enabled",
        "target_time_in_status",
        "id",
    ];
    type Ids = StatusId;
    type Extra = StatusExtra;

    fn id_of(ids: &StatusId) -> &str {
        &ids.status_id
    }
}

/// The keys only a status has.
#[doc(hidden)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StatusExtra {
    celebration_enabled: Option<bool>,
    target_time_in_status: Option<String>,
}

impl Extra for StatusExtra {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "celebration_enabled" => self.celebration_enabled = map.next_value()?,
            "target_time_in_status" => self.target_time_in_status = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn count(&self) -> usize {
        usize::from(self.celebration_enabled.is_some())
            + usize::from(self.target_time_in_status.is_some())
    }

    fn serialize_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        if let Some(c) = &self.celebration_enabled {
            st.serialize_field("celebration_enabled", c)?;
        }
        if let Some(t) = &self.target_time_in_status {
            st.serialize_field("target_time_in_status", t)?;
        }
        Ok(())
    }

    fn debug_fields(&self, d: &mut fmt::DebugStruct<'_, '_>) {
        d.field("celebration_enabled", &self.celebration_enabled)
            .field("target_time_in_status", &self.target_time_in_status);
    }
}

impl Status {
    /// The status titled `title`; fails for an empty or blank title.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.to_string(), "Lead");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn by_title(title: impl Into<String>) -> Result<Self, ValueError> {
        Core::by_title(title.into()).map(Status)
    }

    /// The status with id `status_id`; fails for an empty id.
    ///
    /// ```
    /// let s = attio::Status::by_id("11f07f01-c10f-4e05-a522-33e050bc52ee")?;
    /// assert_eq!(s.status_id(), Some("11f07f01-c10f-4e05-a522-33e050bc52ee"));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn by_id(status_id: impl Into<String>) -> Result<Self, ValueError> {
        Core::by_id(status_id.into()).map(Status)
    }

    /// The status's id, when known.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.status_id(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn status_id(&self) -> Option<&str> {
        self.0.id()
    }

    /// The status's title, when known.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_id("x")?.title(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.0.title()
    }

    /// All the status's ids, for a status read from Attio in full.
    ///
    /// ```
    /// assert!(attio::Status::by_title("Lead")?.id().is_none());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn id(&self) -> Option<&StatusId> {
        self.0.ids()
    }

    /// Whether the status is archived, for a status read from Attio in full.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.is_archived(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn is_archived(&self) -> Option<bool> {
        self.0.is_archived()
    }

    /// Whether reaching this status is celebrated in Attio's web app, for a status read in full.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Won")?.celebration_enabled(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn celebration_enabled(&self) -> Option<bool> {
        self.0.extra().celebration_enabled
    }

    /// The target time in this status, an ISO 8601 duration such as `"P0Y0M1DT0H0M0S"`, when Attio
    /// returned one.
    ///
    /// ```
    /// assert_eq!(attio::Status::by_title("Lead")?.target_time_in_status(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn target_time_in_status(&self) -> Option<&str> {
        self.0.extra().target_time_in_status.as_deref()
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
        self.0.matches(&other.0)
    }
}

choice_value!(Status, StatusKind);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::WritableValue;
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
