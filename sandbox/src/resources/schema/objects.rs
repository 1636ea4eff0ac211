//! Objects: `GET|POST /v2/objects`, `GET|PATCH|DELETE /v2/objects/{object}`.
//!
//! As Attio: only a custom object can be deleted, with all its records (a system object such as
//! people or companies is `400 system_edit_unauthorized`); the answer is `{}`. Chosen where
//! Attio's documentation is silent: a list whose parent it was loses that parent, and one left
//! without any is deleted with it.

use serde_json::Value;

use crate::error::ApiError;
use crate::http::{Request, data, str_field};
use crate::store::Store;

/// `GET /v2/objects`.
pub(super) fn list(store: &Store, _: &Request<'_>) -> Result<Value, ApiError> {
    let ws = &store.workspace_id;
    Ok(data(store.objects.iter().map(|o| o.to_json(ws)).collect()))
}

/// `GET /v2/objects/{object}`.
pub(super) fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    Ok(data(store.objects[oi].to_json(&store.workspace_id)))
}

/// `POST /v2/objects`.
pub(super) fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    let slug = str_field(d, "api_slug")?;
    let singular = str_field(d, "singular_noun")?;
    let plural = str_field(d, "plural_noun")?;
    if singular.is_empty() || plural.is_empty() {
        return Err(ApiError::validation(
            "singular_noun and plural_noun must not be empty.",
        ));
    }
    let oi = store.create_object(slug, singular, plural)?;
    Ok(data(store.objects[oi].to_json(&store.workspace_id)))
}

/// `DELETE /v2/objects/{object}`: a custom object and all its records.
pub(super) fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    store.delete_object(oi)?;
    Ok(serde_json::json!({}))
}

/// `PATCH /v2/objects/{object}`: its slug and nouns.
pub(super) fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let d = req.data()?;
    if d.is_empty() {
        return Err(ApiError::empty_payload());
    }
    // Objects and activities share one namespace of slugs.
    if let Some(slug) = d.get("api_slug").and_then(Value::as_str)
        && slug != store.objects[oi].api_slug
        && store.slug_taken(slug)
    {
        return Err(ApiError::slug_conflict(
            "Failed to update object. Please ensure api_slug is unique.",
        ));
    }
    let obj = &mut store.objects[oi];
    for (key, field) in [
        ("api_slug", &mut obj.api_slug),
        ("singular_noun", &mut obj.singular_noun),
        ("plural_noun", &mut obj.plural_noun),
    ] {
        if d.contains_key(key) {
            *field = str_field(d, key)?.to_owned();
        }
    }
    Ok(data(store.objects[oi].to_json(&store.workspace_id)))
}
