//! Attributes of objects, lists and activities: `GET|POST /v2/{target}/{identifier}/attributes`
//! and `GET /v2/{target}/{identifier}/attributes/{attribute}`, and the same under
//! `/v2/activities/{activity}` (updates are in `attribute_update.rs`). An activity's attribute
//! names its owner `activity_id` in its id; otherwise the bodies and answers are the objects'.

use serde_json::Value;

use crate::error::ApiError;
use crate::http::{Request, data, paged, str_field};
use crate::schema::{AttrType, Attribute};
use crate::store::{Event, Store, Target, attribute_not_found};
use crate::util::{format_ns, is_snake_case};

/// The object or list of the path's `{target}/{identifier}`, or the activity of its
/// `activities/{activity}`.
pub(super) fn target(store: &Store, req: &Request<'_>) -> Result<Target, ApiError> {
    if req.has_path("activity") {
        return store.target("activities", req.path("activity"));
    }
    store.target(req.path("target"), req.path("identifier"))
}

/// The path's attribute (slug or id) of its object or list.
pub(super) fn attribute(store: &Store, req: &Request<'_>) -> Result<(Target, usize), ApiError> {
    let t = target(store, req)?;
    let a = req.path("attribute");
    let ai = store
        .schema(t)
        .attribute_index(a)
        .ok_or_else(|| attribute_not_found(a))?;
    Ok((t, ai))
}

/// `GET /v2/{target}/{identifier}/attributes`: archived attributes only with
/// `show_archived=true`, as Attio does.
pub(super) fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
    let archived = req.bool_param("show_archived")?;
    let all: Vec<Value> = store
        .schema(t)
        .attributes
        .iter()
        .filter(|a| archived || !a.is_archived)
        .map(|a| store.attribute_json(t, a))
        .collect();
    paged(all, req)
}

/// `GET /v2/{target}/{identifier}/attributes/{attribute}`.
pub(super) fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let (t, ai) = attribute(store, req)?;
    Ok(data(
        store.attribute_json(t, &store.schema(t).attributes[ai]),
    ))
}

/// `POST /v2/{target}/{identifier}/attributes`.
pub(super) fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let t = target(store, req)?;
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
    ) || (ty == AttrType::Status && !matches!(t, Target::List(_)))
    {
        return Err(ApiError::validation(format!(
            "Attributes of type {ty_name} cannot be created on {} through the API.",
            t.plural()
        )));
    }
    let flag = |k: &str| d.get(k).and_then(Value::as_bool).unwrap_or(false);
    if !is_snake_case(slug) {
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
    let now = format_ns(store.tick());
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
        Target::Activity(_) => Event::new("activity-attribute.created").id("activity_id", &owner),
    }
    .id("attribute_id", &attr.id);
    store.schema_mut(t).attributes.push(attr);
    store.emit(event);
    let attr = store
        .schema(t)
        .attributes
        .last()
        .map(|a| store.attribute_json(t, a));
    Ok(data(attr.unwrap_or(Value::Null)))
}
