//! A workspace's schema as Attio returns it and as it is changed: objects ([`Object`],
//! [`NewObject`], [`ObjectUpdate`]), the attributes of an object or a list ([`Attribute`],
//! [`NewAttribute`], [`AttributeUpdate`]), and the options and statuses of select and status
//! attributes ([`AttributeOption`], [`AttributeStatus`], [`NewStatus`], [`ChoiceUpdate`]).
//!
//! Read forms accept what the OpenAPI document and the docs disagree on: a missing flag reads as
//! `false`, a missing `config` as empty. Write forms always carry every key Attio requires.

mod attribute;
mod choice;

use serde::{Deserialize, Serialize};

use crate::values::{ObjectId, Timestamp, WorkspaceId};

pub use attribute::{
    Attribute, AttributeConfig, AttributeIdentifier, AttributeUpdate, CurrencyConfig, NewAttribute,
    RecordReferenceConfig, Relationship,
};
pub use choice::{AttributeOption, AttributeStatus, ChoiceUpdate, NewStatus};

/// The two ids that identify an object: its workspace and the object itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObjectIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The object.
    pub object_id: ObjectId,
}

/// An object (`people`, `companies`, `deals`, a custom object), as `GET /v2/objects` returns it.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},
///   "api_slug":"people","singular_noun":"Person","plural_noun":"People","created_at":"2022-11-21T13:22:49.061281000Z"}"#;
/// let object: attio::schema::Object = serde_json::from_str(json).unwrap();
/// assert_eq!(object.api_slug.as_deref(), Some("people"));
/// assert_eq!(object.singular_noun.as_deref(), Some("Person"));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Object {
    /// The object's ids.
    pub id: ObjectIdentifier,
    /// Its api slug, as record paths name it (`None` for objects still being set up).
    #[serde(default)]
    pub api_slug: Option<String>,
    /// "Person".
    #[serde(default)]
    pub singular_noun: Option<String>,
    /// "People".
    #[serde(default)]
    pub plural_noun: Option<String>,
    /// When it was created.
    pub created_at: Timestamp,
}

/// A custom object to create (`POST /v2/objects`): Attio requires all three keys.
///
/// ```
/// let new = attio::schema::NewObject::new("projects", "Project", "Projects");
/// assert_eq!(
///     serde_json::to_string(&new).unwrap(),
///     r#"{"api_slug":"projects","singular_noun":"Project","plural_noun":"Projects"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NewObject {
    /// The api slug (lowercase letters, digits and underscores).
    pub api_slug: String,
    /// "Project".
    pub singular_noun: String,
    /// "Projects".
    pub plural_noun: String,
}

impl NewObject {
    /// An object with this slug and these nouns.
    pub fn new(
        api_slug: impl Into<String>,
        singular_noun: impl Into<String>,
        plural_noun: impl Into<String>,
    ) -> Self {
        NewObject {
            api_slug: api_slug.into(),
            singular_noun: singular_noun.into(),
            plural_noun: plural_noun.into(),
        }
    }
}

/// Changes to an object (`PATCH /v2/objects/{object}`); only what is set is sent, and Attio
/// refuses an empty update.
///
/// ```
/// let update = attio::schema::ObjectUpdate::new().plural_noun("Projects");
/// assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"plural_noun":"Projects"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ObjectUpdate {
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

impl ObjectUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        ObjectUpdate::default()
    }

    /// Renames the slug (paths that use the old slug stop working).
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
        self == &ObjectUpdate::default()
    }
}

/// Where attributes live: an object, a list or an activity, named by slug or id
/// (`/v2/objects/{object}/attributes`, `/v2/lists/{list}/attributes` or
/// `/v2/activities/{activity}/attributes`).
///
/// ```
/// use attio::schema::Target;
///
/// assert_eq!(Target::object("people").to_string(), "the object `people`");
/// assert_eq!(Target::list("sales_pipeline").to_string(), "the list `sales_pipeline`");
/// assert_eq!(Target::activity("site_visits").to_string(), "the activity `site_visits`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An object, by slug or id.
    Object(String),
    /// A list, by slug or id.
    List(String),
    /// An activity, by slug or id.
    Activity(String),
}

impl Target {
    /// An object, by slug or id.
    pub fn object(object: impl Into<String>) -> Self {
        Target::Object(object.into())
    }

    /// A list, by slug or id.
    pub fn list(list: impl Into<String>) -> Self {
        Target::List(list.into())
    }

    /// An activity, by slug or id.
    pub fn activity(activity: impl Into<String>) -> Self {
        Target::Activity(activity.into())
    }

    /// Where the attributes of a struct of kind `kind` whose slug is `slug` live.
    pub(crate) fn of_kind(kind: crate::values::ObjectKind, slug: &str) -> Self {
        use crate::values::ObjectKind;
        match kind {
            ObjectKind::Object { .. } => Target::object(slug),
            ObjectKind::List { .. } => Target::list(slug),
            ObjectKind::Activity { .. } => Target::activity(slug),
        }
    }

    /// The slug or id it names.
    pub fn identifier(&self) -> &str {
        match self {
            Target::Object(s) | Target::List(s) | Target::Activity(s) => s,
        }
    }

    /// `objects`, `lists` or `activities`, as paths write it.
    pub fn segment(&self) -> &'static str {
        match self {
            Target::Object(_) => "objects",
            Target::List(_) => "lists",
            Target::Activity(_) => "activities",
        }
    }

    /// `object`, `list` or `activity`, as messages write it.
    pub fn noun(&self) -> &'static str {
        match self {
            Target::Object(_) => "object",
            Target::List(_) => "list",
            Target::Activity(_) => "activity",
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} `{}`", self.noun(), self.identifier())
    }
}
