//! Attributes of objects and lists: as read ([`Attribute`]), created ([`NewAttribute`]) and
//! changed ([`AttributeUpdate`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::values::{AttributeId, AttributeType, ObjectId, Timestamp, WorkspaceId};

/// The ids that identify an attribute. `object_id` holds the list's id for a list attribute, and
/// the activity's (Attio's `activity_id`) for an activity's attribute.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttributeIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The object, the list or the activity the attribute belongs to.
    #[serde(alias = "activity_id")]
    pub object_id: ObjectId,
    /// The attribute.
    pub attribute_id: AttributeId,
}

/// An attribute of an object or a list, as `GET …/attributes` returns it: what a struct's field
/// is checked against.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},
///   "title":"Email addresses","description":null,"api_slug":"email_addresses","type":"email-address",
///   "is_system_attribute":true,"is_writable":true,"is_required":false,"is_unique":true,"is_multiselect":true,
///   "is_default_value_enabled":false,"is_archived":false,"default_value":null,"relationship":null,
///   "created_at":"2022-11-21T13:22:49.061281000Z","config":{"currency":{"default_currency_code":null,"display_type":null},"record_reference":{"allowed_object_ids":null}}}"#;
/// let attribute: attio::schema::Attribute = serde_json::from_str(json).unwrap();
/// assert_eq!(attribute.attribute_type, attio::AttributeType::EmailAddress);
/// assert!(attribute.is_multiselect && attribute.is_unique);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Attribute {
    /// The attribute's ids.
    pub id: AttributeIdentifier,
    /// Its title in Attio's web app.
    pub title: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its api slug: what a struct's field (or its `rename`) must be.
    pub api_slug: String,
    /// Its type.
    #[serde(rename = "type")]
    pub attribute_type: AttributeType,
    /// Defined by Attio rather than by a user.
    #[serde(default)]
    pub is_system_attribute: bool,
    /// Whether the API can write it (false only for some system attributes, enriched by Attio).
    #[serde(default = "yes")]
    pub is_writable: bool,
    /// New records (entries) must have a value.
    #[serde(default)]
    pub is_required: bool,
    /// New values must be unique.
    #[serde(default)]
    pub is_unique: bool,
    /// It holds many values (a `Vec` field).
    #[serde(default)]
    pub is_multiselect: bool,
    /// It has a default value.
    #[serde(default)]
    pub is_default_value_enabled: bool,
    /// Archived: hidden, not deleted; un-archive it with
    /// [`AttributeUpdate::archived`]`(false)`.
    #[serde(default)]
    pub is_archived: bool,
    /// The default value, as Attio writes it: `{"type":"static","template":[…values…]}` or
    /// `{"type":"dynamic","template":…}`. Kept as JSON on purpose: the 2025 document's dynamic
    /// template was `"current-user"` or a duration, the 2026-10 models leave it open, and their
    /// static template may name a select option by its id alone, where a record's value carries
    /// the whole option.
    #[serde(default)]
    pub default_value: Option<Value>,
    /// The attribute on the other side of a two-way relationship.
    #[serde(default)]
    pub relationship: Option<Relationship>,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Type-specific settings.
    #[serde(default)]
    pub config: AttributeConfig,
}

fn yes() -> bool {
    true
}

/// The other side of a two-way relationship attribute.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Relationship {
    /// The related attribute's ids.
    pub id: AttributeIdentifier,
    /// The object it belongs to.
    pub object_slug: String,
    /// Its title.
    pub title: String,
    /// Its api slug.
    pub api_slug: String,
    /// Whether it holds many references.
    pub is_multiselect: bool,
}

/// An attribute's type-specific settings, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AttributeConfig {
    /// A currency attribute's default currency and display.
    #[serde(default)]
    pub currency: Option<CurrencyConfig>,
    /// Which objects a record-reference attribute may point at.
    #[serde(default)]
    pub record_reference: Option<RecordReferenceConfig>,
}

/// A currency attribute's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CurrencyConfig {
    /// e.g. `"USD"`. Kept as text, so a code Attio adds reads as any other (its 2026-10 models
    /// add EGP, FJD, GHS, IDR, OMR, QAR and TRY to the 2025 document's list).
    #[serde(default)]
    pub default_currency_code: Option<String>,
    /// `code`, `name`, `narrowSymbol` or `symbol`.
    #[serde(default)]
    pub display_type: Option<String>,
}

/// A record-reference attribute's settings, as read: object ids (never slugs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RecordReferenceConfig {
    /// The ids of the objects it may reference; `None` for any.
    #[serde(default)]
    pub allowed_object_ids: Option<Vec<String>>,
}

/// An attribute to create (`POST …/attributes`). Every key Attio requires is sent; a currency
/// attribute gets USD shown as a symbol unless told otherwise, and a record reference must be
/// told which objects it may point at.
///
/// ```
/// use attio::AttributeType;
/// use attio::schema::NewAttribute;
///
/// let new = NewAttribute::new("deal_value", "Deal value", AttributeType::Currency);
/// assert_eq!(
///     serde_json::to_value(&new).unwrap(),
///     serde_json::json!({
///         "title": "Deal value", "description": null, "api_slug": "deal_value", "type": "currency",
///         "is_required": false, "is_unique": false, "is_multiselect": false,
///         "config": {"currency": {"default_currency_code": "USD", "display_type": "symbol"}}
///     })
/// );
///
/// let owner = NewAttribute::new("account", "Account", AttributeType::RecordReference)
///     .allowed_objects(["companies"]);
/// assert_eq!(
///     serde_json::to_value(&owner).unwrap()["config"],
///     serde_json::json!({"record_reference": {"allowed_objects": ["companies"]}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NewAttribute {
    /// The title.
    pub title: String,
    /// The description.
    pub description: Option<String>,
    /// The api slug.
    pub api_slug: String,
    /// The type (one of the creatable ones: see [`AttributeType::is_writable`]).
    pub attribute_type: AttributeType,
    /// New records must have a value.
    pub is_required: bool,
    /// New values must be unique.
    pub is_unique: bool,
    /// It holds many values.
    pub is_multiselect: bool,
    /// A currency attribute's default currency code (default `USD`).
    pub currency_code: Option<String>,
    /// A currency attribute's display (default `symbol`).
    pub currency_display: Option<String>,
    /// The objects a record reference may point at (slugs or ids).
    pub allowed_objects: Vec<String>,
    /// A default value, in Attio's form (`{"type":"static","template":[…]}` or
    /// `{"type":"dynamic","template":"current-user"}`).
    pub default_value: Option<Value>,
}

impl NewAttribute {
    /// A single-value, optional, non-unique attribute.
    pub fn new(
        api_slug: impl Into<String>,
        title: impl Into<String>,
        attribute_type: AttributeType,
    ) -> Self {
        NewAttribute {
            title: title.into(),
            description: None,
            api_slug: api_slug.into(),
            attribute_type,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            currency_code: None,
            currency_display: None,
            allowed_objects: Vec::new(),
            default_value: None,
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// New records must have a value (Attio then needs a default value too).
    pub fn required(mut self, required: bool) -> Self {
        self.is_required = required;
        self
    }

    /// New values must be unique.
    pub fn unique(mut self, unique: bool) -> Self {
        self.is_unique = unique;
        self
    }

    /// It holds many values (cannot be changed later).
    pub fn multiselect(mut self, multiselect: bool) -> Self {
        self.is_multiselect = multiselect;
        self
    }

    /// A currency attribute's default currency (`"EUR"`) and display (`code`, `name`,
    /// `narrowSymbol` or `symbol`).
    pub fn currency(mut self, code: impl Into<String>, display: impl Into<String>) -> Self {
        self.currency_code = Some(code.into());
        self.currency_display = Some(display.into());
        self
    }

    /// The objects (slugs or ids) a record-reference attribute may point at.
    pub fn allowed_objects<I, S>(mut self, objects: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.allowed_objects = objects.into_iter().map(Into::into).collect();
        self
    }

    /// A default value, in Attio's form.
    pub fn default_value(mut self, value: Value) -> Self {
        self.default_value = Some(value);
        self
    }

    /// What Attio would refuse, said before sending: `None` when it can be sent.
    pub(crate) fn problem(&self) -> Option<String> {
        let slug = &self.api_slug;
        if !self.attribute_type.is_writable() || self.attribute_type == AttributeType::PersonalName
        {
            return Some(format!(
                "attributes of type {} cannot be created through the API: pick one of text, number, checkbox, currency, date, timestamp, rating, status, select, record-reference, actor-reference, location, domain, email-address, phone-number",
                self.attribute_type
            ));
        }
        if self.attribute_type == AttributeType::RecordReference && self.allowed_objects.is_empty()
        {
            return Some(format!(
                "the record-reference attribute `{slug}` needs the objects it may point at: add .allowed_objects([\"companies\"])"
            ));
        }
        if self.attribute_type != AttributeType::RecordReference && !self.allowed_objects.is_empty()
        {
            return Some(format!(
                "only a record-reference attribute has allowed objects, and `{slug}` is of type {}: remove .allowed_objects(..)",
                self.attribute_type
            ));
        }
        if self.attribute_type != AttributeType::Currency && self.currency_code.is_some() {
            return Some(format!(
                "only a currency attribute has a currency, and `{slug}` is of type {}: remove .currency(..)",
                self.attribute_type
            ));
        }
        None
    }
}

impl Serialize for NewAttribute {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let config = match self.attribute_type {
            AttributeType::Currency => serde_json::json!({"currency": {
                "default_currency_code": self.currency_code.as_deref().unwrap_or("USD"),
                "display_type": self.currency_display.as_deref().unwrap_or("symbol"),
            }}),
            AttributeType::RecordReference => {
                serde_json::json!({"record_reference": {"allowed_objects": self.allowed_objects}})
            }
            _ => serde_json::json!({}),
        };
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("title", &self.title)?;
        map.serialize_entry("description", &self.description)?;
        map.serialize_entry("api_slug", &self.api_slug)?;
        map.serialize_entry("type", &self.attribute_type)?;
        map.serialize_entry("is_required", &self.is_required)?;
        map.serialize_entry("is_unique", &self.is_unique)?;
        map.serialize_entry("is_multiselect", &self.is_multiselect)?;
        if let Some(default) = &self.default_value {
            map.serialize_entry("default_value", default)?;
        }
        map.serialize_entry("config", &config)?;
        map.end()
    }
}

/// Changes to an attribute (`PATCH …/attributes/{attribute}`); only what is set is sent. Its
/// type and whether it is multiselect cannot change, and it is never deleted, only archived.
///
/// ```
/// let update = attio::schema::AttributeUpdate::new().archived(false).title("Stage");
/// assert_eq!(
///     serde_json::to_string(&update).unwrap(),
///     r#"{"title":"Stage","is_archived":false}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AttributeUpdate {
    /// A new title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A new description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new api slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_slug: Option<String>,
    /// Whether new records must have a value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_required: Option<bool>,
    /// Whether new values must be unique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_unique: Option<bool>,
    /// Archive (`true`) or restore (`false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_archived: Option<bool>,
}

impl AttributeUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        AttributeUpdate::default()
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Renames the api slug.
    pub fn api_slug(mut self, slug: impl Into<String>) -> Self {
        self.api_slug = Some(slug.into());
        self
    }

    /// Whether new records must have a value.
    pub fn required(mut self, required: bool) -> Self {
        self.is_required = Some(required);
        self
    }

    /// Whether new values must be unique.
    pub fn unique(mut self, unique: bool) -> Self {
        self.is_unique = Some(unique);
        self
    }

    /// Archives (`true`) or restores (`false`) the attribute.
    pub fn archived(mut self, archived: bool) -> Self {
        self.is_archived = Some(archived);
        self
    }

    /// Whether it sets nothing.
    pub fn is_empty(&self) -> bool {
        self == &AttributeUpdate::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: &str = r#""id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"}"#;

    fn attribute(rest: &str) -> Attribute {
        let json = format!(
            r#"{{{IDS},"title":"Value","api_slug":"value","type":"currency","created_at":"2026-10-01T09:00:00.000000000Z"{rest}}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    /// An attribute as Attio's 2026-10 model writes it: a currency code the 2025 document did not
    /// list, a static default whose select value names its option by id, and a dynamic
    /// default whose template the model no longer restricts. The code is kept as text and the
    /// default as Attio wrote it.
    #[test]
    fn decodes_the_2026_10_attribute() {
        let static_default = attribute(
            r#","description":null,"is_system_attribute":false,"is_writable":true,"is_required":false,
            "is_unique":false,"is_multiselect":false,"is_default_value_enabled":true,"is_archived":false,
            "default_value":{"type":"static","template":[{"attribute_type":"select","option":"08c2c59a-c18e-40c6-8dc4-95415313b2ea"}]},
            "relationship":null,
            "config":{"currency":{"default_currency_code":"TRY","display_type":"narrowSymbol"},"record_reference":{"allowed_object_ids":null}}"#,
        );
        let currency = static_default.config.currency.as_ref().unwrap();
        assert_eq!(currency.default_currency_code.as_deref(), Some("TRY"));
        assert_eq!(currency.display_type.as_deref(), Some("narrowSymbol"));
        assert_eq!(
            static_default.default_value.as_ref().unwrap()["template"][0]["option"],
            "08c2c59a-c18e-40c6-8dc4-95415313b2ea"
        );
        let dynamic = attribute(
            r#","default_value":{"type":"dynamic","template":{"anything":["Attio","sends"]}}"#,
        );
        assert_eq!(
            dynamic.default_value.as_ref().unwrap()["template"]["anything"][1],
            "sends"
        );
    }

    /// The same attribute with its nullable keys null, and with them absent.
    #[test]
    fn decodes_it_without_what_may_be_null() {
        let null = attribute(
            r#","description":null,"default_value":null,"relationship":null,
            "config":{"currency":{"default_currency_code":null,"display_type":null},"record_reference":{"allowed_object_ids":null}}"#,
        );
        let currency = null.config.currency.as_ref().unwrap();
        assert_eq!(currency.default_currency_code, None);
        assert_eq!(currency.display_type, None);
        assert_eq!(null.default_value, None);
        let absent = attribute("");
        assert_eq!(absent.description, None);
        assert_eq!(absent.default_value, None);
        assert_eq!(absent.relationship, None);
        assert_eq!(absent.config, AttributeConfig::default());
        assert!(absent.is_writable);
    }
}
