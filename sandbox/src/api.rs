//! Routing and the endpoint handlers, on JSON. Transport lives in `server.rs`.

mod attribute_update;
mod choices;

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::query;
use crate::schema::{AttrType, Attribute};
use crate::store::{Mode, Store, Target};
use crate::values::{normalise, value_key};
use crate::webhooks::{self, Event};

/// A parsed request, ready for dispatch.
pub struct Request<'a> {
    /// Upper-case HTTP method.
    pub method: &'a str,
    /// Decoded path segments after the leading `/`.
    pub segments: Vec<String>,
    /// Decoded query parameters.
    pub query: Vec<(String, String)>,
    /// The JSON body (`Null` when empty).
    pub body: Value,
}

impl Request<'_> {
    pub(crate) fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn usize_param(&self, key: &str) -> Result<Option<usize>, ApiError> {
        self.param(key)
            .map(|v| {
                v.parse().map_err(|_| {
                    ApiError::validation(format!(
                        "Query parameter {key} must be a non-negative integer."
                    ))
                })
            })
            .transpose()
    }

    pub(crate) fn bool_param(&self, key: &str) -> Result<bool, ApiError> {
        match self.param(key) {
            None | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(ApiError::validation(format!(
                "Query parameter {key} must be true or false."
            ))),
        }
    }

    pub(crate) fn data(&self) -> Result<&serde_json::Map<String, Value>, ApiError> {
        self.body
            .get("data")
            .and_then(Value::as_object)
            .ok_or_else(|| ApiError::validation("The request body must be {\"data\": {...}}."))
    }

    fn values(&self) -> Result<&Value, ApiError> {
        self.data()?
            .get("values")
            .ok_or_else(|| ApiError::validation("The request body must contain data.values."))
    }
}

/// Whether a request counts as a write for rate limiting (queries count as reads).
pub fn is_write(method: &str, segments: &[String]) -> bool {
    !(method == "GET"
        || (method == "POST"
            && segments
                .last()
                .is_some_and(|s| s == "query" || s == "search")))
}

pub(crate) fn data(v: Value) -> Value {
    json!({"data": v})
}

pub(crate) fn page<T>(items: Vec<T>, limit: Option<usize>, offset: Option<usize>) -> Vec<T> {
    items
        .into_iter()
        .skip(offset.unwrap_or(0))
        .take(limit.unwrap_or(usize::MAX))
        .collect()
}

/// Dispatches a request to its handler. An answer of `Value::Null` is sent as 204 No Content.
pub fn dispatch(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let segs: Vec<&str> = req.segments.iter().map(String::as_str).collect();
    match (req.method, segs.as_slice()) {
        ("GET", ["v2", "objects"]) => {
            let ws = store.workspace_id.clone();
            Ok(data(store.objects.iter().map(|o| o.to_json(&ws)).collect()))
        }
        ("POST", ["v2", "objects"]) => create_object(store, req),
        ("GET", ["v2", "objects", o]) => {
            let oi = store.object_index(o)?;
            Ok(data(store.objects[oi].to_json(&store.workspace_id)))
        }
        ("PATCH", ["v2", "objects", o]) => patch_object(store, req, o),
        ("GET", ["v2", kind @ ("objects" | "lists"), o, "attributes"]) => {
            // Archived attributes are listed only with `show_archived=true`, as Attio does.
            let obj = store.schema(store.target(kind, o)?);
            let archived = req.bool_param("show_archived")?;
            let all: Vec<Value> = obj
                .attributes
                .iter()
                .filter(|a| archived || !a.is_archived)
                .map(|a| a.to_json(&store.workspace_id, &obj.id, &store.objects))
                .collect();
            Ok(data(Value::Array(page(
                all,
                req.usize_param("limit")?,
                req.usize_param("offset")?,
            ))))
        }
        ("POST", ["v2", kind @ ("objects" | "lists"), o, "attributes"]) => {
            create_attribute(store, req, store.target(kind, o)?)
        }
        ("PATCH", ["v2", kind @ ("objects" | "lists"), o, "attributes", a]) => {
            let (t, ai) = attribute(store, kind, o, a)?;
            attribute_update::update(store, req, t, ai)
        }
        ("GET", ["v2", kind @ ("objects" | "lists"), o, "attributes", a]) => {
            let (t, ai) = attribute(store, kind, o, a)?;
            let obj = store.schema(t);
            Ok(data(obj.attributes[ai].to_json(
                &store.workspace_id,
                &obj.id,
                &store.objects,
            )))
        }
        (
            "GET",
            [
                "v2",
                target @ ("objects" | "lists"),
                o,
                "attributes",
                a,
                kind @ ("options" | "statuses"),
            ],
        ) => {
            let (t, ai) = attribute(store, target, o, a)?;
            choices::list(store, req, t, ai, *kind == "statuses")
        }
        (
            "POST",
            [
                "v2",
                target @ ("objects" | "lists"),
                o,
                "attributes",
                a,
                kind @ ("options" | "statuses"),
            ],
        ) => {
            let (t, ai) = attribute(store, target, o, a)?;
            choices::create(store, req, t, ai, *kind == "statuses")
        }
        (
            "PATCH",
            [
                "v2",
                target @ ("objects" | "lists"),
                o,
                "attributes",
                a,
                kind @ ("options" | "statuses"),
                key,
            ],
        ) => {
            let (t, ai) = attribute(store, target, o, a)?;
            choices::update(store, req, t, ai, key, *kind == "statuses")
        }
        ("POST", ["v2", "objects", "records", "search"]) => crate::search::search(store, req),
        ("POST", ["v2", "objects", o, "records", "query"]) => {
            let oi = store.object_index(o)?;
            let found = query::run(store, Target::Object(oi), &req.body)?;
            Ok(data(
                found
                    .into_iter()
                    .map(|r| store.render_record(oi, r))
                    .collect(),
            ))
        }
        ("POST", ["v2", "objects", o, "records"]) => {
            let oi = store.object_index(o)?;
            let id = store.rng.uuid();
            store.write(oi, &id, true, req.values()?, Mode::Create)?;
            render(store, oi, &id)
        }
        ("PUT", ["v2", "objects", o, "records"]) => assert_record(store, req, o),
        ("GET", ["v2", "objects", o, "records", id]) => {
            let oi = store.object_index(o)?;
            render(store, oi, id)
        }
        ("PATCH" | "PUT", ["v2", "objects", o, "records", id]) => {
            let oi = store.object_index(o)?;
            store.record(oi, id)?;
            let mode = if req.method == "PATCH" {
                Mode::Append
            } else {
                Mode::Overwrite
            };
            store.write(oi, id, false, req.values()?, mode)?;
            render(store, oi, id)
        }
        ("DELETE", ["v2", "objects", o, "records", id]) => {
            let oi = store.object_index(o)?;
            store.delete(oi, id)?;
            Ok(json!({}))
        }
        ("GET", ["v2", "objects", o, "records", id, "attributes", a, "values"]) => {
            let oi = store.object_index(o)?;
            value_history(store, req, Target::Object(oi), id, a)
        }
        ("GET", ["v2", "notes"]) => crate::notes::list(store, req),
        ("POST", ["v2", "notes"]) => crate::notes::create(store, req),
        ("GET", ["v2", "notes", id]) => crate::notes::get(store, id),
        ("DELETE", ["v2", "notes", id]) => crate::notes::delete(store, id),
        ("POST", ["v2", "comments"]) => crate::comments::create(store, req),
        ("GET", ["v2", "comments", id]) => crate::comments::get(store, id),
        ("DELETE", ["v2", "comments", id]) => crate::comments::delete(store, id),
        ("GET", ["v2", "threads"]) => crate::comments::list_threads(store, req),
        ("GET", ["v2", "threads", id]) => crate::comments::get_thread(store, id),
        ("GET", ["v2", "meetings"]) => crate::meetings::list(store, req),
        ("POST", ["v2", "meetings"]) => crate::meetings::create(store, req),
        ("GET", ["v2", "meetings", id]) => crate::meetings::get(store, id),
        ("GET", ["v2", "meetings", m, "call_recordings"]) => {
            crate::recordings::list_recordings(store, req, m)
        }
        ("POST", ["v2", "meetings", m, "call_recordings"]) => {
            crate::recordings::create_recording(store, req, m)
        }
        ("GET", ["v2", "meetings", m, "call_recordings", r]) => {
            crate::recordings::get_recording(store, m, r)
        }
        ("DELETE", ["v2", "meetings", m, "call_recordings", r]) => {
            crate::recordings::delete_recording(store, m, r)
        }
        ("GET", ["v2", "meetings", m, "call_recordings", r, "transcript"]) => {
            crate::recordings::transcript(store, req, m, r)
        }
        ("GET", ["v2", "tasks"]) => crate::tasks::list(store, req),
        ("POST", ["v2", "tasks"]) => crate::tasks::create(store, req),
        ("GET", ["v2", "tasks", id]) => crate::tasks::get(store, id),
        ("PATCH", ["v2", "tasks", id]) => crate::tasks::update(store, req, id),
        ("DELETE", ["v2", "tasks", id]) => crate::tasks::delete(store, id),
        ("GET", ["v2", "objects", o, "records", id, "entries"]) => {
            crate::lists::api::record_entries(store, req, o, id)
        }
        (_, ["v2", "lists", ..]) => crate::lists::api::dispatch(store, req, &segs),
        ("GET", ["v2", "workspace_members"]) => Ok(data(
            store
                .members
                .iter()
                .map(|m| member_json(store, m))
                .collect(),
        )),
        ("GET", ["v2", "workspace_members", id]) => store
            .members
            .iter()
            .find(|m| m.id == *id)
            .map(|m| data(member_json(store, m)))
            .ok_or_else(|| {
                ApiError::not_found(format!("Workspace member with ID \"{id}\" not found."))
            }),
        (_, ["v2", "webhooks", ..]) => webhooks::route(store, req),
        _ => Err(ApiError::not_found(format!(
            "No route for {} /{}.",
            req.method,
            req.segments.join("/")
        ))),
    }
}

fn member_json(store: &Store, m: &crate::store::Member) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "workspace_member_id": m.id},
        "first_name": m.first_name,
        "last_name": m.last_name,
        "avatar_url": null,
        "email_address": m.email,
        "created_at": "2023-01-01T00:00:00.000000000Z",
        "access_level": "admin",
    })
}

fn render(store: &Store, oi: usize, id: &str) -> Result<Value, ApiError> {
    let record = store.record(oi, id)?;
    Ok(data(store.render_record(oi, record)))
}

/// An attribute of an object (`kind` = `"objects"`) or a list (`"lists"`), by slug or id.
fn attribute(store: &Store, kind: &str, o: &str, a: &str) -> Result<(Target, usize), ApiError> {
    let t = store.target(kind, o)?;
    let ai = store
        .schema(t)
        .attribute_index(a)
        .ok_or_else(|| attribute_not_found(a))?;
    Ok((t, ai))
}

fn attribute_not_found(a: &str) -> ApiError {
    ApiError::not_found(format!("Attribute with slug/ID \"{a}\" not found."))
}

/// `GET …/{records|entries}/{id}/attributes/{attribute}/values`: the active values, or with
/// `show_historic=true` every value oldest first; `limit`/`offset` page them.
pub(crate) fn value_history(
    store: &Store,
    req: &Request<'_>,
    t: Target,
    row_id: &str,
    a: &str,
) -> Result<Value, ApiError> {
    let row = store.row(t, row_id)?;
    let attr = store
        .schema(t)
        .attribute(a)
        .ok_or_else(|| attribute_not_found(a))?;
    let historic = req.bool_param("show_historic")?;
    if historic && attr.ty == AttrType::Interaction {
        return Err(ApiError::validation(
            "Cannot set show_historic param to true when querying a COMINT attribute.",
        ));
    }
    let mut values: Vec<_> = row.active(&attr.id).to_vec();
    if historic {
        if let Some(slot) = row.values.get(&attr.id) {
            values.extend(slot.historic.iter().cloned());
        }
        values.sort_by_key(|v| v.active_from);
    }
    let rendered = values
        .iter()
        .map(|v| Store::render_value(attr.ty, v))
        .collect();
    Ok(data(Value::Array(page(
        rendered,
        req.usize_param("limit")?,
        req.usize_param("offset")?,
    ))))
}

/// 400 `validation_type` if `d` has a key not in `allowed`.
pub(crate) fn only_fields(
    d: &serde_json::Map<String, Value>,
    allowed: &[&str],
) -> Result<(), ApiError> {
    match d.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(ApiError::validation(format!("Unknown field data.{k}."))),
        None => Ok(()),
    }
}

pub(crate) fn str_field<'a>(
    d: &'a serde_json::Map<String, Value>,
    key: &str,
) -> Result<&'a str, ApiError> {
    d.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::validation(format!("data.{key} must be a string.")))
}

fn create_object(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
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

fn patch_object(store: &mut Store, req: &Request<'_>, o: &str) -> Result<Value, ApiError> {
    let oi = store.object_index(o)?;
    let d = req.data()?;
    if d.is_empty() {
        return Err(ApiError::empty_payload());
    }
    if let Some(slug) = d.get("api_slug").and_then(Value::as_str)
        && store
            .objects
            .iter()
            .enumerate()
            .any(|(i, x)| i != oi && x.api_slug == slug)
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
        if let Some(v) = d.get(key) {
            *field = v
                .as_str()
                .ok_or_else(|| ApiError::validation(format!("data.{key} must be a string.")))?
                .to_owned();
        }
    }
    Ok(data(store.objects[oi].to_json(&store.workspace_id)))
}

fn create_attribute(store: &mut Store, req: &Request<'_>, t: Target) -> Result<Value, ApiError> {
    let d = req.data()?;
    let title = str_field(d, "title")?;
    let slug = str_field(d, "api_slug")?;
    let ty_name = str_field(d, "type")?;
    let ty = AttrType::parse(ty_name)
        .ok_or_else(|| ApiError::validation(format!("Unknown attribute type \"{ty_name}\".")))?;
    // Status attributes can be created only on lists.
    if matches!(
        ty,
        AttrType::EmailAddress | AttrType::Domain | AttrType::PersonalName | AttrType::Interaction
    ) || (ty == AttrType::Status && matches!(t, Target::Object(_)))
    {
        return Err(ApiError::validation(format!(
            "Attributes of type {ty_name} cannot be created on {}s through the API.",
            t.noun()
        )));
    }
    let flag = |k: &str| d.get(k).and_then(Value::as_bool).unwrap_or(false);
    if !crate::util::is_snake_case(slug) {
        return Err(ApiError::validation("api_slug must be snake_case ASCII."));
    }
    if store.schema(t).attribute(slug).is_some() {
        return Err(ApiError::slug_conflict(format!(
            "An attribute with the same API slug already exists on this {}. Please choose a different API slug.",
            t.noun()
        )));
    }
    let multiselect_ok = matches!(
        ty,
        AttrType::Select
            | AttrType::RecordReference
            | AttrType::ActorReference
            | AttrType::PhoneNumber
    );
    if flag("is_multiselect") && !multiselect_ok {
        return Err(ApiError::validation(format!(
            "Attributes of type {ty_name} cannot be multiselect."
        )));
    }
    if flag("is_unique")
        && matches!(
            ty,
            AttrType::Select | AttrType::Checkbox | AttrType::Rating | AttrType::Location
        )
    {
        return Err(ApiError::validation(format!(
            "Attributes of type {ty_name} cannot be unique."
        )));
    }
    let config = d.get("config").cloned().unwrap_or(Value::Null);
    let mut allowed = None;
    if ty == AttrType::RecordReference {
        let list = config
            .pointer("/record_reference/allowed_objects")
            .and_then(Value::as_array)
            .filter(|l| !l.is_empty())
            .ok_or_else(|| {
                ApiError::validation(
                    "Record-reference attributes need config.record_reference.allowed_objects.",
                )
            })?;
        let mut ids = Vec::new();
        for item in list {
            let key = item.as_str().unwrap_or_default();
            let i = store.object_index(key).map_err(|_| {
                ApiError::validation(format!("Could not find an object with slug \"{key}\"."))
            })?;
            ids.push(store.objects[i].id.clone());
        }
        allowed = Some(ids);
    }
    let currency = config
        .pointer("/currency/default_currency_code")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let now = crate::util::format_ns(store.tick());
    let mut attr = Attribute::new(&mut store.rng, &now, slug, title, ty);
    attr.description = d
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned);
    attr.is_required = flag("is_required");
    attr.is_unique = flag("is_unique");
    attr.is_multiselect = flag("is_multiselect");
    attr.allowed_object_ids = allowed;
    attr.currency_code = if ty == AttrType::Currency {
        currency.or_else(|| Some("USD".into()))
    } else {
        None
    };
    let owner = store.schema(t).id.clone();
    let event = match t {
        Target::Object(_) => Event::new("object-attribute.created").id("object_id", &owner),
        Target::List(_) => Event::new("list-attribute.created").id("list_id", &owner),
    }
    .id("attribute_id", &attr.id);
    store.schema_mut(t).attributes.push(attr);
    store.emit(event);
    let obj = store.schema(t);
    let attr = obj
        .attributes
        .last()
        .map(|a| a.to_json(&store.workspace_id, &obj.id, &store.objects));
    Ok(data(attr.unwrap_or(Value::Null)))
}

fn assert_record(store: &mut Store, req: &Request<'_>, o: &str) -> Result<Value, ApiError> {
    let oi = store.object_index(o)?;
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
