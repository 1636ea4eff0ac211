//! Entries: `POST|PUT /v2/lists/{list}/entries` (create; assert by parent), `GET|PATCH|PUT|DELETE
//! /v2/lists/{list}/entries/{entry_id}`, `POST …/entries/query`, an entry attribute's values, and
//! a record's entries in every list (`GET /v2/objects/{object}/records/{record_id}/entries`). The
//! entry mutations themselves, with their events, are the store's (`store/entries.rs`).

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Request, data, only_fields, page, paged, str_field};
use crate::query;
use crate::store::{Mode, Parent, Store, Target};
use crate::util::format_ns;

/// `POST /v2/lists/{list}/entries/query`.
pub(super) fn query(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    let found = query::run(store, Target::List(li), &req.body)?;
    Ok(data(
        found
            .into_iter()
            .map(|r| store.render_entry(li, r))
            .collect(),
    ))
}

/// `POST /v2/lists/{list}/entries`.
pub(super) fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let l = req.path("list");
    // Attio words this route's 404 differently from the others' (OpenAPI example).
    let li = store
        .list_index(l)
        .map_err(|_| ApiError::not_found(format!("Could not find list with slug/ID \"{l}\".")))?;
    let (parent, values) = parent_and_values(store, li, req)?;
    let id = store.create_entry(li, parent, values)?;
    render_entry(store, li, &id)
}

/// `GET /v2/lists/{list}/entries/{entry_id}`.
pub(super) fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    render_entry(store, li, req.path("entry_id"))
}

/// `PATCH /v2/lists/{list}/entries/{entry_id}`: multiselect values are appended.
pub(super) fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    write(store, req, Mode::Append)
}

/// `PUT /v2/lists/{list}/entries/{entry_id}`: every attribute sent is overwritten.
pub(super) fn overwrite(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    write(store, req, Mode::Overwrite)
}

fn write(store: &mut Store, req: &Request<'_>, mode: Mode) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    let e = req.path("entry_id");
    store.row(Target::List(li), e)?;
    store.write_entry(li, e, update_values(req)?, mode)?;
    render_entry(store, li, e)
}

/// `DELETE /v2/lists/{list}/entries/{entry_id}`.
pub(super) fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    store.delete_entry(li, req.path("entry_id"))?;
    Ok(json!({}))
}

/// `GET …/entries/{entry_id}/attributes/{attribute}/values`: the active values, or with
/// `show_historic=true` every value oldest first; `limit`/`offset` page them.
pub(super) fn value_history(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    let values = store.value_history(
        Target::List(li),
        req.path("entry_id"),
        req.path("attribute"),
        req.bool_param("show_historic")?,
    )?;
    paged(values, req)
}

/// `PUT …/entries/{entry_id}/attributes/{attribute}/values`: the attribute's whole value
/// history replaced (see the store's `history.rs`).
pub(super) fn write_history(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    let values = store.replace_history(
        Target::List(li),
        req.path("entry_id"),
        req.path("attribute"),
        req.data()?,
    )?;
    Ok(data(Value::Array(values)))
}

fn render_entry(store: &Store, li: usize, id: &str) -> Result<Value, ApiError> {
    let row = store.row(Target::List(li), id)?;
    Ok(data(store.render_entry(li, row)))
}

/// The parent and `entry_values` of a create or assert body
/// `{"data": {"parent_record_id", "parent_object", "entry_values"}}`.
fn parent_and_values<'r>(
    store: &Store,
    li: usize,
    req: &'r Request<'_>,
) -> Result<(Parent, &'r Value), ApiError> {
    let d = req.data()?;
    only_fields(d, &["parent_record_id", "parent_object", "entry_values"])?;
    let object = str_field(d, "parent_object")?;
    let record = str_field(d, "parent_record_id")?;
    let values = d
        .get("entry_values")
        .ok_or_else(|| ApiError::validation("The request body must contain data.entry_values."))?;
    Ok((store.parent_of(li, object, record)?, values))
}

/// The `entry_values` of a PATCH or PUT body `{"data": {"entry_values": {…}}}`; the parent
/// cannot be changed (400 `immutable_value`).
fn update_values<'r>(req: &'r Request<'_>) -> Result<&'r Value, ApiError> {
    let d = req.data()?;
    if d.contains_key("parent_record_id") || d.contains_key("parent_object") {
        return Err(ApiError::immutable(
            "The parent record for a list entry cannot be updated once created.",
        ));
    }
    only_fields(d, &["entry_values"])?;
    d.get("entry_values")
        .ok_or_else(|| ApiError::validation("The request body must contain data.entry_values."))
}

/// `PUT /v2/lists/{list}/entries`: creates an entry for the parent, or overwrites the parent's
/// only entry; 400 `multiple_match_results` when the parent has several.
pub(super) fn assert_by_parent(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let li = store.list_index(req.path("list"))?;
    let (parent, values) = parent_and_values(store, li, req)?;
    let found: Vec<String> = store
        .entries_with_parent(li, &parent)
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let id = match found.as_slice() {
        [] => store.create_entry(li, parent, values)?,
        [id] => {
            store.write_entry(li, id, values, Mode::Upsert)?;
            id.clone()
        }
        _ => {
            return Err(ApiError::multiple_matches(
                "Multiple entries were found for the given parent record. Please remove duplicates or use the update or create entry endpoints instead.",
            ));
        }
    };
    render_entry(store, li, &id)
}

/// `GET /v2/objects/{object}/records/{record_id}/entries`: the record's entries in every list,
/// in the short form `{list_id, list_api_slug, entry_id, created_at}`, oldest first
/// (`limit` default 100, at most 1000).
pub(super) fn record_entries(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let oi = store.object_index(req.path("object"))?;
    let id = req.path("record_id");
    store.record(oi, id)?;
    let limit = req.usize_param("limit")?.unwrap_or(100);
    if limit > 1000 {
        return Err(ApiError::validation(
            "Query parameter limit must be at most 1000.",
        ));
    }
    let items: Vec<Value> = store
        .entries_of_record(&store.objects[oi].id, id)
        .into_iter()
        .filter_map(|(li, entry_id)| {
            let list = &store.lists[li];
            let row = store.row(Target::List(li), &entry_id).ok()?;
            Some(json!({
                "list_id": list.schema.id,
                "list_api_slug": list.schema.api_slug,
                "entry_id": row.id,
                "created_at": format_ns(row.created_at),
            }))
        })
        .collect();
    Ok(data(Value::Array(page(
        items,
        Some(limit),
        req.usize_param("offset")?,
    ))))
}
