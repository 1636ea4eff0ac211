//! Objects, attributes, select options and statuses, and their JSON forms.

use serde_json::{Value, json};

use crate::util::Rng;

/// An attribute's type, as Attio names it on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// `text`
    Text,
    /// `number`
    Number,
    /// `checkbox`
    Checkbox,
    /// `currency`
    Currency,
    /// `date`
    Date,
    /// `timestamp`
    Timestamp,
    /// `rating`
    Rating,
    /// `status`
    Status,
    /// `select`
    Select,
    /// `record-reference`
    RecordReference,
    /// `actor-reference`
    ActorReference,
    /// `location`
    Location,
    /// `domain`
    Domain,
    /// `email-address`
    EmailAddress,
    /// `phone-number`
    PhoneNumber,
    /// `interaction`
    Interaction,
    /// `personal-name`
    PersonalName,
}

impl AttrType {
    pub(crate) const ALL: [AttrType; 17] = [
        Self::Text,
        Self::Number,
        Self::Checkbox,
        Self::Currency,
        Self::Date,
        Self::Timestamp,
        Self::Rating,
        Self::Status,
        Self::Select,
        Self::RecordReference,
        Self::ActorReference,
        Self::Location,
        Self::Domain,
        Self::EmailAddress,
        Self::PhoneNumber,
        Self::Interaction,
        Self::PersonalName,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Number => "number",
            Self::Checkbox => "checkbox",
            Self::Currency => "currency",
            Self::Date => "date",
            Self::Timestamp => "timestamp",
            Self::Rating => "rating",
            Self::Status => "status",
            Self::Select => "select",
            Self::RecordReference => "record-reference",
            Self::ActorReference => "actor-reference",
            Self::Location => "location",
            Self::Domain => "domain",
            Self::EmailAddress => "email-address",
            Self::PhoneNumber => "phone-number",
            Self::Interaction => "interaction",
            Self::PersonalName => "personal-name",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A select option.
#[derive(Debug, Clone)]
pub struct SelectOption {
    /// The option id.
    pub id: String,
    /// The title.
    pub title: String,
    /// Whether archived.
    pub is_archived: bool,
}

/// A status of a status attribute.
#[derive(Debug, Clone)]
pub struct Status {
    /// The status id.
    pub id: String,
    /// The title.
    pub title: String,
    /// Whether archived.
    pub is_archived: bool,
    /// Whether celebrations are enabled.
    pub celebration_enabled: bool,
    /// Target time in status (ISO-8601 duration).
    pub target_time_in_status: Option<String>,
}

/// An attribute of an object.
#[derive(Debug, Clone)]
pub struct Attribute {
    /// Attribute id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// API slug.
    pub api_slug: String,
    /// Type.
    pub ty: AttrType,
    /// System attribute (record_id, created_at, created_by, standard attributes).
    pub is_system: bool,
    /// Writable through the API.
    pub is_writable: bool,
    /// Required on create.
    pub is_required: bool,
    /// Unique across the object's records.
    pub is_unique: bool,
    /// Holds several values.
    pub is_multiselect: bool,
    /// Archived (hidden in Attio's UI; kept, never deleted).
    pub is_archived: bool,
    /// Creation time.
    pub created_at: String,
    /// Currency attributes: the currency code every value inherits.
    pub currency_code: Option<String>,
    /// Record-reference attributes: the allowed target object ids (`None`: any object).
    pub allowed_object_ids: Option<Vec<String>>,
    /// Select options.
    pub options: Vec<SelectOption>,
    /// Statuses.
    pub statuses: Vec<Status>,
    /// Two-way relationship: (object slug, attribute slug) on the other side.
    pub relationship: Option<(String, String)>,
}

/// An object (standard or custom).
#[derive(Debug, Clone)]
pub struct Object {
    /// Object id.
    pub id: String,
    /// API slug.
    pub api_slug: String,
    /// Singular noun.
    pub singular_noun: String,
    /// Plural noun.
    pub plural_noun: String,
    /// Creation time.
    pub created_at: String,
    /// Attributes in display order.
    pub attributes: Vec<Attribute>,
    /// A system object (people, companies, …), which cannot be deleted; a custom object, or a
    /// list's schema, is not one.
    pub system: bool,
}

impl Object {
    /// Finds an attribute by slug or id.
    pub fn attribute(&self, key: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|a| a.api_slug == key || a.id == key)
    }

    /// Finds an attribute's index by slug or id.
    pub fn attribute_index(&self, key: &str) -> Option<usize> {
        self.attributes
            .iter()
            .position(|a| a.api_slug == key || a.id == key)
    }

    /// The object's JSON form.
    pub fn to_json(&self, workspace_id: &str) -> Value {
        json!({
            "id": {"workspace_id": workspace_id, "object_id": self.id},
            "api_slug": self.api_slug,
            "singular_noun": self.singular_noun,
            "plural_noun": self.plural_noun,
            "created_at": self.created_at,
        })
    }
}

impl Attribute {
    /// A new attribute with defaults: writable, optional, not unique, single-select.
    pub fn new(rng: &mut Rng, now: &str, slug: &str, title: &str, ty: AttrType) -> Self {
        Self {
            id: rng.uuid(),
            title: title.to_owned(),
            description: None,
            api_slug: slug.to_owned(),
            ty,
            is_system: false,
            is_writable: ty != AttrType::Interaction,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_archived: false,
            created_at: now.to_owned(),
            currency_code: None,
            allowed_object_ids: None,
            options: Vec::new(),
            statuses: Vec::new(),
            relationship: None,
        }
    }

    /// The attribute's JSON form.
    pub fn to_json(&self, workspace_id: &str, object_id: &str, objects: &[Object]) -> Value {
        let relationship = self.relationship.as_ref().and_then(|(obj, attr)| {
            let o = objects.iter().find(|o| &o.api_slug == obj)?;
            let a = o.attribute(attr)?;
            Some(json!({
                "id": {"workspace_id": workspace_id, "object_id": o.id, "attribute_id": a.id},
                "object_slug": o.api_slug,
                "title": a.title,
                "api_slug": a.api_slug,
                "is_multiselect": a.is_multiselect,
            }))
        });
        let is_currency = self.ty == AttrType::Currency;
        json!({
            "id": {"workspace_id": workspace_id, "object_id": object_id, "attribute_id": self.id},
            "title": self.title,
            "description": self.description,
            "api_slug": self.api_slug,
            "type": self.ty.as_str(),
            "is_system_attribute": self.is_system,
            "is_writable": self.is_writable,
            "is_required": self.is_required,
            "is_unique": self.is_unique,
            "is_multiselect": self.is_multiselect,
            "is_default_value_enabled": false,
            "is_archived": self.is_archived,
            "default_value": null,
            "relationship": relationship,
            "created_at": self.created_at,
            "config": {
                "currency": {
                    "default_currency_code": if is_currency { json!(self.currency_code) } else { Value::Null },
                    "display_type": if is_currency { json!("symbol") } else { Value::Null },
                },
                "record_reference": {
                    "allowed_object_ids": self.allowed_object_ids,
                },
            },
        })
    }

    /// A select option's JSON form.
    pub fn option_json(&self, ws: &str, object_id: &str, o: &SelectOption) -> Value {
        json!({
            "id": {"workspace_id": ws, "object_id": object_id, "attribute_id": self.id, "option_id": o.id},
            "title": o.title,
            "is_archived": o.is_archived,
        })
    }

    /// A status's JSON form.
    pub fn status_json(&self, ws: &str, object_id: &str, s: &Status) -> Value {
        json!({
            "id": {"workspace_id": ws, "object_id": object_id, "attribute_id": self.id, "status_id": s.id},
            "title": s.title,
            "is_archived": s.is_archived,
            "celebration_enabled": s.celebration_enabled,
            "target_time_in_status": s.target_time_in_status,
        })
    }
}
