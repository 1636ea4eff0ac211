//! Records: create, assert by a unique attribute, get, update (appends), overwrite, delete,
//! query, and an attribute's values with their history (`/v2/objects/{object}/records…`). The
//! write semantics themselves are the store's (`store/write.rs`), shared with list entries.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route, data, paged};
use crate::query;
use crate::store::{Mode, Store, Target};
use crate::values::{normalise, value_key};

/// The routes of records.
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
];

/// `POST /v2/objects/{object}/records/query`.
fn query(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let found = query::run(store, Target::Object(oi), &req.body)?;
    Ok(data(
        found
            .into_iter()
            .map(|r| store.render_record(oi, r))
            .collect(),
    ))
}

/// `POST /v2/objects/{object}/records`.
fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let id = store.rng.uuid();
    store.write(oi, &id, true, req.values()?, Mode::Create)?;
    render(store, oi, &id)
}

/// `GET /v2/objects/{object}/records/{record_id}`.
fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    store.check_merged(req.path("record_id"))?;
    render(store, oi, req.path("record_id"))
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

/// `PATCH /v2/objects/{object}/records/{record_id}`: multiselect values are appended.
fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    write(store, req, Mode::Append)
}

/// `PUT /v2/objects/{object}/records/{record_id}`: every attribute sent is overwritten.
fn overwrite(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    write(store, req, Mode::Overwrite)
}

fn write(store: &mut Store, req: &Request<'_>, mode: Mode) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let id = req.path("record_id");
    store.record(oi, id)?;
    store.write(oi, id, false, req.values()?, mode)?;
    render(store, oi, id)
}

/// `DELETE /v2/objects/{object}/records/{record_id}`.
fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    store.delete(oi, req.path("record_id"))?;
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

fn render(store: &Store, oi: usize, id: &str) -> Result<Value, ApiError> {
    let record = store.record(oi, id)?;
    Ok(data(store.render_record(oi, record)))
}

/// `PUT /v2/objects/{object}/records?matching_attribute=…`: creates the record, or updates the
/// one whose unique attribute matches (multiselect values of that attribute are appended).
fn assert_record(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let matching = req.param("matching_attribute").ok_or_else(|| {
        ApiError::validation("The matching_attribute query parameter is required.")
    })?;
    let obj = &store.objects[oi];
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
        for r in store.find_by_value(Target::Object(oi), attr, &value_key(attr.ty, &body)) {
            if !found.contains(&r.id) {
                found.push(r.id.clone());
            }
        }
    }
    match found.as_slice() {
        [] => {
            let id = store.rng.uuid();
            store.write(oi, &id, true, values, Mode::Create)?;
            render(store, oi, &id)
        }
        [id] => {
            let id = id.clone();
            store.write(oi, &id, false, values, Mode::Assert(ai))?;
            render(store, oi, &id)
        }
        _ => Err(ApiError::multiple_matches(
            "Multiple records match the given matching attribute values.",
        )),
    }
}
