//! Records: create, assert by a unique attribute, get, update (appends), overwrite, delete,
//! query, and an attribute's values with their history (`/v2/objects/{object}/records…`); and
//! the records of activities through the same handlers (`/v2/activities/{activity}/records…`:
//! create, upsert, query, get, update, overwrite, delete; no value history and no merge, as in
//! Attio). The write semantics themselves are the store's (`store/write.rs`), shared with list
//! entries.
//!
//! The activity records' routes declare Attio's required scopes, which the router enforces:
//! `activity_record:read` (or `:read-write` to write), `activity_configuration:read`,
//! `object_configuration:read` and `record_permission:read`.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route, data, paged};
use crate::query;
use crate::store::{Mode, Store, Target};
use crate::values::{normalise, value_key};

const ACTIVITY_READ: &[&str] = &[
    "activity_record:read",
    "activity_configuration:read",
    "object_configuration:read",
    "record_permission:read",
];
const ACTIVITY_WRITE: &[&str] = &[
    "activity_record:read-write",
    "activity_configuration:read",
    "object_configuration:read",
    "record_permission:read",
];

/// The routes of records and activity records.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Post, "/v2/objects/{object}/records/query", query),
    Route::write(Method::Post, "/v2/objects/{object}/records", create),
    Route::write(Method::Put, "/v2/objects/{object}/records", assert_record),
    Route::read(Method::Get, "/v2/objects/{object}/records/{record_id}", get),
    Route::write(
        Method::Patch,
        "/v2/objects/{object}/records/{record_id}",
        update,
    ),
    Route::write(
        Method::Put,
        "/v2/objects/{object}/records/{record_id}",
        overwrite,
    ),
    Route::write(
        Method::Delete,
        "/v2/objects/{object}/records/{record_id}",
        delete,
    ),
    Route::read(
        Method::Get,
        "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
        value_history,
    ),
    Route::write(
        Method::Put,
        "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
        write_history,
    ),
    Route::write(Method::Post, "/v2/objects/{object}/records/merge", merge),
    Route::read(
        Method::Post,
        "/v2/activities/{activity}/records/query",
        query,
    )
    .scopes(ACTIVITY_READ),
    Route::write(Method::Post, "/v2/activities/{activity}/records", create).scopes(ACTIVITY_WRITE),
    Route::write(
        Method::Put,
        "/v2/activities/{activity}/records",
        assert_record,
    )
    .scopes(ACTIVITY_WRITE),
    Route::read(
        Method::Get,
        "/v2/activities/{activity}/records/{record_id}",
        get,
    )
    .scopes(ACTIVITY_READ),
    Route::write(
        Method::Patch,
        "/v2/activities/{activity}/records/{record_id}",
        update,
    )
    .scopes(ACTIVITY_WRITE),
    Route::write(
        Method::Put,
        "/v2/activities/{activity}/records/{record_id}",
        overwrite,
    )
    .scopes(ACTIVITY_WRITE),
    Route::write(
        Method::Delete,
        "/v2/activities/{activity}/records/{record_id}",
        delete,
    )
    .scopes(ACTIVITY_WRITE),
];

/// The object of the path's `{object}`, or the activity of its `{activity}`: the one the
/// records belong to.
fn target(store: &Store, req: &Request<'_>) -> Result<Target, ApiError> {
    if req.has_path("activity") {
        return store.target("activities", req.path("activity"));
    }
    store.target("objects", req.path("object"))
}

/// `POST /v2/objects/{object}/records/query`, `POST /v2/activities/{activity}/records/query`.
fn query(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    let found = query::run(store, t, &req.body)?;
    Ok(data(
        found.into_iter().map(|r| store.render_row(t, r)).collect(),
    ))
}

/// `POST /v2/objects/{object}/records`, `POST /v2/activities/{activity}/records`.
fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    let id = store.rng.uuid();
    store.write_row(t, &id, true, req.values()?, Mode::Create)?;
    render(store, t, &id)
}

/// `GET …/records/{record_id}` (of an object or an activity).
fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    store.check_merged(req.path("record_id"))?;
    render(store, t, req.path("record_id"))
}

/// `POST /v2/objects/{object}/records/merge`: `{data: {primary_record_id,
/// secondary_record_id}}`, answered `{data: {new_record_id}}` (`202` while a test defers merges).
fn merge(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let body = req.data()?;
    let id = |key: &str| {
        body.get(key).and_then(Value::as_str).ok_or_else(|| {
            ApiError::validation(format!(
                "Body payload validation error: data.{key} must be a string, the id of a record."
            ))
        })
    };
    let new_id = store.merge(oi, id("primary_record_id")?, id("secondary_record_id")?)?;
    Ok(data(json!({ "new_record_id": new_id })))
}

/// `PATCH …/records/{record_id}`: multiselect values are appended.
fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    write(store, req, Mode::Append)
}

/// `PUT …/records/{record_id}`: every attribute sent is overwritten.
fn overwrite(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    write(store, req, Mode::Overwrite)
}

fn write(store: &mut Store, req: &Request<'_>, mode: Mode) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    let id = req.path("record_id");
    store.row(t, id)?;
    store.write_row(t, id, false, req.values()?, mode)?;
    render(store, t, id)
}

/// `DELETE …/records/{record_id}` (of an object or an activity).
fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    store.delete_row(t, req.path("record_id"))?;
    Ok(json!({}))
}

/// `GET …/records/{record_id}/attributes/{attribute}/values`: the active values, or with
/// `show_historic=true` every value oldest first; `limit`/`offset` page them.
fn value_history(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    store.check_merged(req.path("record_id"))?;
    let values = store.value_history(
        Target::Object(oi),
        req.path("record_id"),
        req.path("attribute"),
        req.bool_param("show_historic")?,
    )?;
    paged(values, req)
}

/// `PUT …/records/{record_id}/attributes/{attribute}/values`: the attribute's whole value
/// history replaced (see `store/history.rs`).
fn write_history(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let values = store.replace_history(
        Target::Object(oi),
        req.path("record_id"),
        req.path("attribute"),
        req.data()?,
    )?;
    Ok(data(Value::Array(values)))
}

fn render(store: &Store, t: Target, id: &str) -> Result<Value, ApiError> {
    let record = store.row(t, id)?;
    Ok(data(store.render_row(t, record)))
}

/// `PUT /v2/objects/{object}/records?matching_attribute=…` (and `PUT
/// /v2/activities/{activity}/records?matching_attribute=…`, the upsert): creates the record, or
/// updates the one whose unique attribute matches (multiselect values of that attribute are
/// appended).
fn assert_record(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    let matching = req.param("matching_attribute").ok_or_else(|| {
        ApiError::validation("The matching_attribute query parameter is required.")
    })?;
    let obj = store.schema(t);
    let ai = obj.attribute_index(matching).ok_or_else(|| {
        ApiError::value_not_found(format!(
            "No attribute was found for matching_attribute slug/ID \"{matching}\"."
        ))
    })?;
    let attr = &obj.attributes[ai];
    if !attr.is_unique {
        return Err(ApiError::validation(format!(
            "Matching attribute \"{matching}\" must be unique."
        )));
    }
    let values = req.values()?;
    let raw = values
        .as_object()
        .and_then(|m| m.get(&attr.api_slug).or_else(|| m.get(&attr.id)))
        .ok_or_else(|| {
            ApiError::validation(format!(
                "The payload must contain a value for the matching attribute \"{matching}\"."
            ))
        })?;
    let items: Vec<&Value> = match raw {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut found: Vec<String> = Vec::new();
    for item in items {
        let body = normalise(store, attr, item)?;
        for r in store.find_by_value(t, attr, &value_key(attr.ty, &body)) {
            if !found.contains(&r.id) {
                found.push(r.id.clone());
            }
        }
    }
    match found.as_slice() {
        [] => {
            let id = store.rng.uuid();
            store.write_row(t, &id, true, values, Mode::Create)?;
            render(store, t, &id)
        }
        [id] => {
            let id = id.clone();
            store.write_row(t, &id, false, values, Mode::Assert(ai))?;
            render(store, t, &id)
        }
        _ => Err(ApiError::multiple_matches(
            "Multiple records match the given matching attribute values.",
        )),
    }
}
