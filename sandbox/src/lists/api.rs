//! HTTP handlers for `/v2/lists…` and `GET /v2/objects/{object}/records/{record_id}/entries`.
//! List attributes, options and statuses are served by the shared handlers in `crate::api`.

use serde_json::{Value, json};

use crate::api::{Request, data, only_fields, page, str_field, value_history};
use crate::error::ApiError;
use crate::query;
use crate::store::{Mode, Parent, Store, Target};
use crate::util::format_ns;

/// Dispatches a request whose path starts with `/v2/lists`.
pub fn dispatch(store: &mut Store, req: &Request<'_>, segs: &[&str]) -> Result<Value, ApiError> {
    match (req.method, segs) {
        ("GET", ["v2", "lists"]) => Ok(data(
            store
                .lists
                .iter()
                .map(|l| l.to_json(&store.workspace_id, &store.objects))
                .collect(),
        )),
        ("POST", ["v2", "lists"]) => {
            let li = store.create_list(req.data()?)?;
            Ok(render_list(store, li))
        }
        ("GET", ["v2", "lists", l]) => Ok(render_list(store, store.list_index(l)?)),
        ("PATCH", ["v2", "lists", l]) => {
            let li = store.list_index(l)?;
            store.update_list(li, req.data()?)?;
            Ok(render_list(store, li))
        }
        ("POST", ["v2", "lists", l, "entries", "query"]) => {
            let li = store.list_index(l)?;
            let found = query::run(store, Target::List(li), &req.body)?;
            Ok(data(
                found
                    .into_iter()
                    .map(|r| store.render_entry(li, r))
                    .collect(),
            ))
        }
        ("POST", ["v2", "lists", l, "entries"]) => {
            // Attio words this route's 404 differently from the others' (OpenAPI example).
            let li = store.list_index(l).map_err(|_| {
                ApiError::not_found(format!("Could not find list with slug/ID \"{l}\"."))
            })?;
            let (parent, values) = parent_and_values(store, li, req)?;
            let id = store.create_entry(li, parent, values)?;
            render_entry(store, li, &id)
        }
        ("PUT", ["v2", "lists", l, "entries"]) => assert_by_parent(store, req, l),
        ("GET", ["v2", "lists", l, "entries", e]) => {
            let li = store.list_index(l)?;
            render_entry(store, li, e)
        }
        ("PATCH" | "PUT", ["v2", "lists", l, "entries", e]) => {
            let li = store.list_index(l)?;
            store.row(Target::List(li), e)?;
            let mode = if req.method == "PATCH" {
                Mode::Append
            } else {
                Mode::Overwrite
            };
            store.write_entry(li, e, update_values(req)?, mode)?;
            render_entry(store, li, e)
        }
        ("DELETE", ["v2", "lists", l, "entries", e]) => {
            let li = store.list_index(l)?;
            store.delete_entry(li, e)?;
            Ok(json!({}))
        }
        ("GET", ["v2", "lists", l, "entries", e, "attributes", a, "values"]) => {
            let li = store.list_index(l)?;
            value_history(store, req, Target::List(li), e, a)
        }
        _ => Err(ApiError::not_found(format!(
            "No route for {} /{}.",
            req.method,
            req.segments.join("/")
        ))),
    }
}

fn render_list(store: &Store, li: usize) -> Value {
    data(store.lists[li].to_json(&store.workspace_id, &store.objects))
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
fn assert_by_parent(store: &mut Store, req: &Request<'_>, l: &str) -> Result<Value, ApiError> {
    let li = store.list_index(l)?;
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
pub fn record_entries(
    store: &Store,
    req: &Request<'_>,
    o: &str,
    id: &str,
) -> Result<Value, ApiError> {
    let oi = store.object_index(o)?;
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
