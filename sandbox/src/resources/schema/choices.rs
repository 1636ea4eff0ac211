//! Select options and statuses of object, list and activity attributes: list, create and update
//! (`…/attributes/{attribute}/options[/{option}]` and `…/statuses[/{status}]`). An option or
//! status of an activity's attribute names the activity `object_id` in its id, as the select
//! option and status of the activity records' values do in Attio's package (its `SelectOption`
//! model is shared by objects, lists and activities).

use serde_json::{Map, Value};

use super::attributes::attribute;
use crate::error::ApiError;
use crate::http::{Request, data, only_fields, str_field};
use crate::schema::{AttrType, Attribute, SelectOption, Status};
use crate::store::{Store, Target};

/// `GET …/attributes/{attribute}/options`.
pub(super) fn list_options(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    list(store, req, t, ai, false)
}

/// `GET …/attributes/{attribute}/statuses`.
pub(super) fn list_statuses(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    list(store, req, t, ai, true)
}

/// `POST …/attributes/{attribute}/options`.
pub(super) fn create_option(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    create(store, req, t, ai, false)
}

/// `POST …/attributes/{attribute}/statuses`.
pub(super) fn create_status(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    create(store, req, t, ai, true)
}

/// `PATCH …/attributes/{attribute}/options/{option}`.
pub(super) fn update_option(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    update(store, req, t, ai, req.path("option"), false)
}

/// `PATCH …/attributes/{attribute}/statuses/{status}`.
pub(super) fn update_status(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    update(store, req, t, ai, req.path("status"), true)
}

/// `GET …/options` or `…/statuses`: archived ones only with `show_archived=true`.
fn list(
    store: &Store,
    req: &Request<'_>,
    t: Target,
    ai: usize,
    status: bool,
) -> Result<Value, ApiError> {
    let obj = store.schema(t);
    let attr = &obj.attributes[ai];
    let archived = req.bool_param("show_archived")?;
    let ws = &store.workspace_id;
    let items: Vec<Value> = if status {
        attr.statuses
            .iter()
            .filter(|x| archived || !x.is_archived)
            .map(|x| attr.status_json(ws, &obj.id, x))
            .collect()
    } else {
        attr.options
            .iter()
            .filter(|x| archived || !x.is_archived)
            .map(|x| attr.option_json(ws, &obj.id, x))
            .collect()
    };
    Ok(data(Value::Array(items)))
}

fn check_kind(attr: &Attribute, status: bool) -> Result<(), ApiError> {
    match (status, attr.ty) {
        (true, AttrType::Status) | (false, AttrType::Select) => Ok(()),
        (true, _) => Err(ApiError::validation(
            "This attribute is not a status attribute.",
        )),
        (false, _) => Err(ApiError::validation(
            "This attribute is not a select attribute.",
        )),
    }
}

fn title_conflict(status: bool, title: &str) -> ApiError {
    let what = if status { "status" } else { "select option" };
    ApiError::slug_conflict(format!(
        "There is already another {what} with the title \"{title}\"."
    ))
}

fn target_time(v: &Value) -> Result<Option<String>, ApiError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.starts_with('P') => Ok(Some(s.clone())),
        _ => Err(ApiError::validation(
            "target_time_in_status must be an ISO 8601 duration or null.",
        )),
    }
}

fn flag(d: &Map<String, Value>, key: &str) -> Result<Option<bool>, ApiError> {
    match d.get(key) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(ApiError::validation(format!(
            "{key} must be true or false."
        ))),
    }
}

/// `POST …/options` or `…/statuses`.
fn create(
    store: &mut Store,
    req: &Request<'_>,
    t: Target,
    ai: usize,
    status: bool,
) -> Result<Value, ApiError> {
    let d = req.data()?;
    let title = str_field(d, "title")?.to_owned();
    if title.is_empty() {
        return Err(ApiError::validation("title must not be empty."));
    }
    let id = store.rng.uuid();
    let ws = store.workspace_id.clone();
    let obj = store.schema_mut(t);
    let object_id = obj.id.clone();
    let attr = &mut obj.attributes[ai];
    check_kind(attr, status)?;
    let taken = if status {
        attr.statuses.iter().any(|s| s.title == title)
    } else {
        attr.options.iter().any(|s| s.title == title)
    };
    if taken {
        return Err(title_conflict(status, &title));
    }
    let json = if status {
        let target = target_time(d.get("target_time_in_status").unwrap_or(&Value::Null))?;
        let celebration = flag(d, "celebration_enabled")?.unwrap_or(false);
        attr.statuses.push(Status {
            id,
            title,
            is_archived: false,
            celebration_enabled: celebration,
            target_time_in_status: target,
        });
        attr.statuses
            .last()
            .map(|s| attr.status_json(&ws, &object_id, s))
    } else {
        attr.options.push(SelectOption {
            id,
            title,
            is_archived: false,
        });
        attr.options
            .last()
            .map(|s| attr.option_json(&ws, &object_id, s))
    };
    Ok(data(json.unwrap_or(Value::Null)))
}

/// `PATCH …/options/{option}` or `…/statuses/{status}` (`key` = id or title): title and
/// `is_archived`, and for statuses `celebration_enabled` and `target_time_in_status`. Values
/// already written show the new title.
fn update(
    store: &mut Store,
    req: &Request<'_>,
    t: Target,
    ai: usize,
    key: &str,
    status: bool,
) -> Result<Value, ApiError> {
    let d = req.data()?;
    let allowed: &[&str] = if status {
        &[
            "title",
            "is_archived",
            "celebration_enabled",
            "target_time_in_status",
        ]
    } else {
        &["title", "is_archived"]
    };
    only_fields(d, allowed)?;
    let title = match d.get("title") {
        None => None,
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(_) => return Err(ApiError::validation("title must be a non-empty string.")),
    };
    let archived = flag(d, "is_archived")?;
    let ws = store.workspace_id.clone();
    let obj = store.schema_mut(t);
    let object_id = obj.id.clone();
    let attr = &mut obj.attributes[ai];
    check_kind(attr, status)?;
    let what = if status { "Status" } else { "Select option" };
    let not_found =
        || ApiError::value_not_found(format!("{what} with title or ID \"{key}\" not found."));
    let (attr_id, field, json) = if status {
        let i = attr
            .statuses
            .iter()
            .position(|s| s.id == key || s.title == key)
            .ok_or_else(not_found)?;
        if let Some(title) = &title
            && attr
                .statuses
                .iter()
                .enumerate()
                .any(|(j, s)| j != i && &s.title == title)
        {
            return Err(title_conflict(true, title));
        }
        let mut s = attr.statuses[i].clone();
        s.title = title.unwrap_or(s.title);
        s.is_archived = archived.unwrap_or(s.is_archived);
        s.celebration_enabled = flag(d, "celebration_enabled")?.unwrap_or(s.celebration_enabled);
        if let Some(v) = d.get("target_time_in_status") {
            s.target_time_in_status = target_time(v)?;
        }
        let json = attr.status_json(&ws, &object_id, &s);
        attr.statuses[i] = s;
        (attr.id.clone(), "status", json)
    } else {
        let i = attr
            .options
            .iter()
            .position(|o| o.id == key || o.title == key)
            .ok_or_else(not_found)?;
        if let Some(title) = &title
            && attr
                .options
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && &o.title == title)
        {
            return Err(title_conflict(false, title));
        }
        let mut o = attr.options[i].clone();
        o.title = title.unwrap_or(o.title);
        o.is_archived = archived.unwrap_or(o.is_archived);
        let json = attr.option_json(&ws, &object_id, &o);
        attr.options[i] = o;
        (attr.id.clone(), "option", json)
    };
    store.refresh_choice(t, &attr_id, field, &json);
    Ok(data(json))
}
