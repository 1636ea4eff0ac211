//! `PATCH /v2/{target}/{identifier}/attributes/{attribute}`: what Attio lets change about an
//! attribute (title, description, api_slug, is_required, is_unique, is_archived).
//!
//! As Attio: `type` and `is_multiselect` cannot change (400 `immutable_value`), system
//! attributes cannot be edited (400 `system_edit_unauthorized`), and a slug must be snake_case
//! and unused. Semantics chosen where Attio's documentation is silent: archiving is recorded and
//! reported (`is_archived`); the sandbox keeps an archived attribute's values readable and
//! writable. An update of an activity's attribute announces `activity-attribute.updated`; the
//! updates of objects' and lists' attributes announce nothing (their `*-attribute.updated`
//! events can be subscribed to, but the sandbox does not send them).

use serde_json::Value;

use super::attributes::attribute;
use crate::error::ApiError;
use crate::http::{Request, data};
use crate::store::{Event, Store, Target};

const CHANGEABLE: [&str; 6] = [
    "title",
    "description",
    "api_slug",
    "is_required",
    "is_unique",
    "is_archived",
];

fn flag(d: &serde_json::Map<String, Value>, key: &str) -> Result<Option<bool>, ApiError> {
    d.get(key)
        .map(|v| {
            v.as_bool()
                .ok_or_else(|| ApiError::validation(format!("data.{key} must be a boolean.")))
        })
        .transpose()
}

/// Applies the PATCH to the path's attribute.
pub(super) fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    let d = req.data()?;
    for key in d.keys() {
        if key == "type" || key == "is_multiselect" {
            return Err(ApiError::immutable(format!(
                "data.{key} cannot be changed once an attribute exists."
            )));
        }
        if !CHANGEABLE.contains(&key.as_str()) && key != "config" {
            return Err(ApiError::validation(format!(
                "data.{key} is not an attribute field."
            )));
        }
    }
    let schema = store.schema(t);
    let attr = &schema.attributes[ai];
    if attr.is_system {
        return Err(ApiError::system_edit(format!(
            "Attribute \"{}\" is a system attribute and cannot be edited.",
            attr.api_slug
        )));
    }
    let slug = match d.get("api_slug") {
        None => None,
        Some(Value::String(s)) => {
            let snake = !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && !s.starts_with(|c: char| c.is_ascii_digit());
            if !snake {
                return Err(ApiError::validation("data.api_slug must be snake_case."));
            }
            if schema
                .attributes
                .iter()
                .enumerate()
                .any(|(i, a)| i != ai && a.api_slug == *s)
            {
                return Err(ApiError::slug_conflict(format!(
                    "An attribute with slug \"{s}\" already exists."
                )));
            }
            Some(s.clone())
        }
        Some(_) => return Err(ApiError::validation("data.api_slug must be a string.")),
    };
    let title = match d.get("title") {
        None => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(_) => {
            return Err(ApiError::validation(
                "data.title must be a non-empty string.",
            ));
        }
    };
    let description = match d.get("description") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone())),
        Some(_) => {
            return Err(ApiError::validation(
                "data.description must be a string or null.",
            ));
        }
    };
    let (required, unique, archived) = (
        flag(d, "is_required")?,
        flag(d, "is_unique")?,
        flag(d, "is_archived")?,
    );
    let attr = &mut store.schema_mut(t).attributes[ai];
    if let Some(slug) = slug {
        attr.api_slug = slug;
    }
    if let Some(title) = title {
        attr.title = title;
    }
    if let Some(description) = description {
        attr.description = description;
    }
    if let Some(required) = required {
        attr.is_required = required;
    }
    if let Some(unique) = unique {
        attr.is_unique = unique;
    }
    if let Some(archived) = archived {
        attr.is_archived = archived;
    }
    if let Target::Activity(_) = t {
        let schema = store.schema(t);
        let event = Event::new("activity-attribute.updated")
            .id("activity_id", &schema.id)
            .id("attribute_id", &schema.attributes[ai].id);
        store.emit(event);
    }
    Ok(data(
        store.attribute_json(t, &store.schema(t).attributes[ai]),
    ))
}
