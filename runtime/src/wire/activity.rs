//! Activities as Attio returns them ([`Activity`]) and as they are created and changed
//! ([`NewActivity`], [`ActivityUpdate`]).

use serde::{Deserialize, Serialize};

use crate::values::{ActivityId, ActivitySchema, Timestamp, WorkspaceId};

/// The two ids that identify an activity: its workspace and the activity itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The activity.
    pub activity_id: ActivityId,
}

/// A schema an activity extends, as Attio names it in an [`Activity`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtendedSchema {
    /// The schema's id.
    pub schema_id: String,
    /// Its slug: `activities`, `interactions`, `calls` or `emails`.
    pub schema_slug: String,
}

/// An activity (a kind of event logged against records: "Site visits", "Phone calls"), as
/// `GET /v2/activities` returns it.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","activity_id":"b3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
///   "api_slug":"site_visits","singular_noun":"Site visit","plural_noun":"Site visits",
///   "extends":[{"schema_id":"0f0e7c4a-8d1b-4e55-9a2f-3c6d5b4a7e10","schema_slug":"interactions"}],
///   "is_system_activity":false,"created_at":"2026-11-21T13:22:49.061281000Z"}"#;
/// let activity: attio::activities::Activity = serde_json::from_str(json).unwrap();
/// assert_eq!(activity.api_slug, "site_visits");
/// assert_eq!(activity.schema(), Some(attio::ActivitySchema::Interactions));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Activity {
    /// The activity's ids.
    pub id: ActivityIdentifier,
    /// Its api slug, as record paths name it.
    pub api_slug: String,
    /// "Site visit".
    pub singular_noun: String,
    /// "Site visits".
    pub plural_noun: String,
    /// The schemas it directly extends, which supply its inherited attributes.
    #[serde(default)]
    pub extends: Vec<ExtendedSchema>,
    /// Whether Attio defines it (phone calls) rather than the workspace.
    #[serde(default)]
    pub is_system_activity: bool,
    /// When it was created.
    pub created_at: Timestamp,
}

impl Activity {
    /// The schema it extends, when it is one of the four an activity can be created with.
    pub fn schema(&self) -> Option<ActivitySchema> {
        self.extends
            .iter()
            .find_map(|schema| schema.schema_slug.parse().ok())
    }
}

/// A custom activity to create (`POST /v2/activities`): Attio requires every key, and the schema
/// it extends cannot change afterwards.
///
/// ```
/// use attio::{ActivitySchema, activities::NewActivity};
///
/// let new = NewActivity::new("site_visits", "Site visit", "Site visits", ActivitySchema::Interactions);
/// assert_eq!(
///     serde_json::to_string(&new).unwrap(),
///     r#"{"api_slug":"site_visits","singular_noun":"Site visit","plural_noun":"Site visits","extends":"interactions"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NewActivity {
    /// The api slug (lowercase letters, digits and underscores); Attio suggests a prefix of your
    /// app's name (`acme_site_visits`).
    pub api_slug: String,
    /// "Site visit".
    pub singular_noun: String,
    /// "Site visits".
    pub plural_noun: String,
    /// The schema it extends.
    pub extends: ActivitySchema,
}

impl NewActivity {
    /// An activity with this slug, these nouns, extending `extends`.
    pub fn new(
        api_slug: impl Into<String>,
        singular_noun: impl Into<String>,
        plural_noun: impl Into<String>,
        extends: ActivitySchema,
    ) -> Self {
        NewActivity {
            api_slug: api_slug.into(),
            singular_noun: singular_noun.into(),
            plural_noun: plural_noun.into(),
            extends,
        }
    }
}

/// Changes to an activity (`PATCH /v2/activities/{activity}`): its slug and nouns. Only what is
/// set is sent, and an empty update is refused before sending. There is no way to change the
/// schema it extends: Attio refuses it.
///
/// ```
/// let update = attio::activities::ActivityUpdate::new().plural_noun("Visits");
/// assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"plural_noun":"Visits"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ActivityUpdate {
    /// A new api slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_slug: Option<String>,
    /// A new singular noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub singular_noun: Option<String>,
    /// A new plural noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plural_noun: Option<String>,
}

impl ActivityUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        ActivityUpdate::default()
    }

    /// Sets the api slug.
    pub fn api_slug(mut self, slug: impl Into<String>) -> Self {
        self.api_slug = Some(slug.into());
        self
    }

    /// Sets the singular noun.
    pub fn singular_noun(mut self, noun: impl Into<String>) -> Self {
        self.singular_noun = Some(noun.into());
        self
    }

    /// Sets the plural noun.
    pub fn plural_noun(mut self, noun: impl Into<String>) -> Self {
        self.plural_noun = Some(noun.into());
        self
    }

    /// Whether it sets nothing.
    pub fn is_empty(&self) -> bool {
        self == &ActivityUpdate::default()
    }
}
