//! Activities: `GET|POST /v2/activities`, `GET|PATCH|DELETE /v2/activities/{activity}` (slug or
//! id). Their attributes, options and statuses are served by `attributes.rs`,
//! `attribute_update.rs` and `choices.rs` under `/v2/activities/{activity}/attributes…`; their
//! records by the records resource.
//!
//! As Attio: an activity extends one of `activities`, `interactions`, `calls` or `emails`, fixed
//! at creation (a PATCH naming `extends` is 400 `validation_type`); objects and activities share
//! one namespace of slugs (409 `slug_conflict`); a system activity (`phone_calls`, in every
//! workspace) cannot be changed or deleted (400 `system_edit_unauthorized`); deleting an
//! activity deletes its records; the listing pages with `limit` (default 100) and `cursor`.
//! Chosen where Attio's documentation is silent: unknown fields in a body answer 400
//! `validation_type`, and `limit=0` too (it would never advance).

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::http::{Request, cursor, cursor_offset, data, only_fields, str_field};
use crate::schema::Extends;
use crate::store::{Event, Store};
use crate::util::is_snake_case;

const FIELDS: [&str; 3] = ["api_slug", "singular_noun", "plural_noun"];

/// `GET /v2/activities?limit=&cursor=`: `{data, pagination: {next_cursor}}`.
pub(super) fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let limit = req.usize_param("limit")?.unwrap_or(100);
    if limit == 0 {
        return Err(ApiError::validation(
            "Query parameter limit must be at least 1.",
        ));
    }
    let offset = cursor_offset(req, "activities")?;
    let total = store.activities.len();
    let page: Vec<Value> = (offset.min(total)..total)
        .take(limit)
        .map(|ai| store.activity_json(ai))
        .collect();
    let next = (offset.saturating_add(limit) < total).then(|| cursor("activities", offset + limit));
    Ok(json!({"data": page, "pagination": {"next_cursor": next}}))
}

/// `GET /v2/activities/{activity}`.
pub(super) fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let ai = store.activity_index(req.path("activity"))?;
    Ok(data(store.activity_json(ai)))
}

/// A noun field: a non-empty string.
fn noun<'a>(d: &'a Map<String, Value>, key: &str) -> Result<&'a str, ApiError> {
    let s = str_field(d, key)?;
    if s.trim().is_empty() {
        return Err(ApiError::validation(format!(
            "data.{key} must not be empty."
        )));
    }
    Ok(s)
}

/// `POST /v2/activities`: `{data: {api_slug, singular_noun, plural_noun, extends}}`.
pub(super) fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    only_fields(d, &["api_slug", "singular_noun", "plural_noun", "extends"])?;
    let slug = str_field(d, "api_slug")?;
    let singular = noun(d, "singular_noun")?;
    let plural = noun(d, "plural_noun")?;
    let extends = d
        .get("extends")
        .and_then(Value::as_str)
        .and_then(Extends::parse)
        .ok_or_else(|| {
            ApiError::validation(
                "data.extends must be one of \"activities\", \"interactions\", \"calls\" or \"emails\": the schema the activity extends.",
            )
        })?;
    let ai = store.create_activity(slug, singular, plural, extends)?;
    Ok(data(store.activity_json(ai)))
}

/// `PATCH /v2/activities/{activity}`: its slug and nouns; never `extends`.
pub(super) fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let ai = store.activity_index(req.path("activity"))?;
    let d = req.data()?;
    if d.contains_key("extends") {
        return Err(ApiError::validation(
            "The schema an activity extends cannot be changed after creation: remove data.extends.",
        ));
    }
    only_fields(d, &FIELDS)?;
    if d.is_empty() {
        return Err(ApiError::empty_payload());
    }
    // Attio documents no `system_edit_unauthorized` here (its 400 is `validation_type` only, in
    // its document of 2026-09-08 as in the 2026-10 package), so a system activity is refused
    // with the documented code.
    let schema = &store.activities[ai].schema;
    if schema.system {
        return Err(ApiError::validation(format!(
            "The system activity \"{}\" cannot be changed: only custom activities can.",
            schema.api_slug
        )));
    }
    if d.contains_key("api_slug") {
        let slug = str_field(d, "api_slug")?;
        if !is_snake_case(slug) {
            return Err(ApiError::validation("api_slug must be snake_case ASCII."));
        }
        if slug != store.activities[ai].schema.api_slug && store.slug_taken(slug) {
            return Err(ApiError::slug_conflict(format!(
                "Failed to update activity: the api_slug \"{slug}\" is already used by an object or an activity."
            )));
        }
    }
    let mut changes = Vec::new();
    for key in FIELDS {
        if d.contains_key(key) {
            let value = if key == "api_slug" {
                str_field(d, key)?
            } else {
                noun(d, key)?
            };
            changes.push((key, value.to_owned()));
        }
    }
    let schema = &mut store.activities[ai].schema;
    for (key, value) in changes {
        match key {
            "api_slug" => schema.api_slug = value,
            "singular_noun" => schema.singular_noun = value,
            _ => schema.plural_noun = value,
        }
    }
    let id = schema.id.clone();
    store.emit(Event::new("activity.updated").id("activity_id", &id));
    Ok(data(store.activity_json(ai)))
}

/// `DELETE /v2/activities/{activity}`: a custom activity and all its records, answered `{}`.
pub(super) fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let ai = store.activity_index(req.path("activity"))?;
    store.delete_activity(ai)?;
    Ok(json!({}))
}
