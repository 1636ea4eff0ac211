//! The options of select attributes and the statuses of status attributes: as read
//! ([`AttributeOption`], [`AttributeStatus`]), created ([`NewStatus`]) and changed
//! ([`ChoiceUpdate`]).

use serde::{Deserialize, Serialize};

use crate::values::{SelectOptionId, StatusId};

/// An option of a select attribute, as `GET …/options` returns it.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96","option_id":"08c2c59a-c18e-40c6-8dc4-95415313b2ea"},"title":"Medium","is_archived":false}"#;
/// let option: attio::schema::AttributeOption = serde_json::from_str(json).unwrap();
/// assert_eq!(option.title, "Medium");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AttributeOption {
    /// The option's ids.
    pub id: SelectOptionId,
    /// Its title: what a `SelectEnum` variant names.
    pub title: String,
    /// Archived options are refused on write.
    #[serde(default)]
    pub is_archived: bool,
}

/// A status of a status attribute, as `GET …/statuses` returns it.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96","status_id":"11f07f01-c10f-4e05-a522-33e050bc52ee"},"title":"In Progress","is_archived":false,"celebration_enabled":false,"target_time_in_status":null}"#;
/// let status: attio::schema::AttributeStatus = serde_json::from_str(json).unwrap();
/// assert_eq!(status.title, "In Progress");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AttributeStatus {
    /// The status's ids.
    pub id: StatusId,
    /// Its title: what a `SelectEnum` variant names.
    pub title: String,
    /// Archived statuses are refused on write.
    #[serde(default)]
    pub is_archived: bool,
    /// Whether reaching it shows a celebration in Attio's web app.
    #[serde(default)]
    pub celebration_enabled: bool,
    /// The target time in the status, an ISO 8601 duration.
    #[serde(default)]
    pub target_time_in_status: Option<String>,
}

/// A status to create (`POST …/statuses`).
///
/// ```
/// let new = attio::schema::NewStatus::new("Won 🎉").celebration(true);
/// assert_eq!(
///     serde_json::to_string(&new).unwrap(),
///     r#"{"title":"Won 🎉","celebration_enabled":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NewStatus {
    /// The title.
    pub title: String,
    /// A celebration on reaching it (Attio's default: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub celebration_enabled: Option<bool>,
    /// The target time in the status, an ISO 8601 duration such as `"P0Y0M1DT0H0M0S"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_time_in_status: Option<String>,
}

impl NewStatus {
    /// A status titled `title`.
    pub fn new(title: impl Into<String>) -> Self {
        NewStatus {
            title: title.into(),
            celebration_enabled: None,
            target_time_in_status: None,
        }
    }

    /// A celebration on reaching it.
    pub fn celebration(mut self, enabled: bool) -> Self {
        self.celebration_enabled = Some(enabled);
        self
    }

    /// The target time in the status, an ISO 8601 duration.
    pub fn target_time(mut self, duration: impl Into<String>) -> Self {
        self.target_time_in_status = Some(duration.into());
        self
    }
}

/// Changes to an option or a status (`PATCH …/options/{option}`, `…/statuses/{status}`): a new
/// title, archiving or restoring, and (statuses only) the celebration and target time.
///
/// ```
/// let update = attio::schema::ChoiceUpdate::new().archived(true);
/// assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"is_archived":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ChoiceUpdate {
    /// A new title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Archive (`true`) or restore (`false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_archived: Option<bool>,
    /// Statuses only: a celebration on reaching it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub celebration_enabled: Option<bool>,
    /// Statuses only: the target time in the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_time_in_status: Option<String>,
}

impl ChoiceUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        ChoiceUpdate::default()
    }

    /// Renames it.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Archives (`true`) or restores (`false`) it.
    pub fn archived(mut self, archived: bool) -> Self {
        self.is_archived = Some(archived);
        self
    }

    /// Statuses only: a celebration on reaching it.
    pub fn celebration(mut self, enabled: bool) -> Self {
        self.celebration_enabled = Some(enabled);
        self
    }

    /// Statuses only: the target time in the status, an ISO 8601 duration.
    pub fn target_time(mut self, duration: impl Into<String>) -> Self {
        self.target_time_in_status = Some(duration.into());
        self
    }

    /// Whether it sets nothing.
    pub fn is_empty(&self) -> bool {
        self == &ChoiceUpdate::default()
    }

    /// Whether it sets something only a status has.
    pub(crate) fn is_status_only(&self) -> bool {
        self.celebration_enabled.is_some() || self.target_time_in_status.is_some()
    }
}
