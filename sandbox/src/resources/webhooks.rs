//! Webhook management: `POST|GET /v2/webhooks` and `GET|PATCH|DELETE /v2/webhooks/{webhook_id}`
//! (reference §2.1). Events and their delivery are not here: see `store::events` and `delivery`.
//!
//! Semantics chosen where the documentation is silent:
//! - `target_url` must start with `https://`; the one relaxation is a loopback target
//!   (`127.0.0.0/8`, `::1`, `localhost`), which may be `http://`, so a test's receiver can listen
//!   without TLS;
//! - `subscriptions` must hold at least one subscription (the spec: "one or more events"); a
//!   webhook is delivered an event once however many of its subscriptions match;
//! - `limit` on the list is clamped to Attio's documented 10..=100 (default 10);
//! - the `(target_url, event_type, filter)` uniqueness rule the reference marks unverified is not
//!   enforced.

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route};
use crate::store::{EVENT_TYPES, Store, Webhook, validate_filter};
use crate::util::format_ns;
use crate::webhook_url::parse_target;

/// The routes of webhook management.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/webhooks", list).workspace_only(),
    Route::write(Method::Post, "/v2/webhooks", create).workspace_only(),
    Route::read(Method::Get, "/v2/webhooks/{webhook_id}", get).workspace_only(),
    Route::write(Method::Patch, "/v2/webhooks/{webhook_id}", update).workspace_only(),
    Route::write(Method::Delete, "/v2/webhooks/{webhook_id}", delete).workspace_only(),
];

/// `GET /v2/webhooks/{webhook_id}`.
fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let i = find(store, req.path("webhook_id"))?;
    Ok(json!({"data": render(store, &store.webhooks[i])}))
}

/// `DELETE /v2/webhooks/{webhook_id}`.
fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let i = find(store, req.path("webhook_id"))?;
    store.webhooks.remove(i);
    Ok(json!({}))
}

fn find(store: &Store, id: &str) -> Result<usize, ApiError> {
    store
        .webhooks
        .iter()
        .position(|w| w.id == id)
        .ok_or_else(|| ApiError::not_found(format!("Webhook with ID \"{id}\" was not found.")))
}

/// A webhook as GET answers it: without its secret.
fn render(store: &Store, w: &Webhook) -> Value {
    json!({
        "target_url": w.target_url,
        "subscriptions": w.subscriptions,
        "id": {"workspace_id": store.workspace_id, "webhook_id": w.id},
        "status": w.status,
        "created_at": w.created_at,
    })
}

fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let number = |key: &str, default: usize| -> Result<usize, ApiError> {
        match req.query.iter().find(|(k, _)| k == key) {
            None => Ok(default),
            Some((_, v)) => v.parse().map_err(|_| {
                ApiError::validation(format!(
                    "Query parameter {key} must be a non-negative integer."
                ))
            }),
        }
    };
    let limit = number("limit", 10)?.clamp(10, 100);
    let offset = number("offset", 0)?;
    let page: Vec<Value> = store
        .webhooks
        .iter()
        .skip(offset)
        .take(limit)
        .map(|w| render(store, w))
        .collect();
    Ok(json!({"data": page}))
}

fn target_url(d: &Map<String, Value>) -> Result<String, ApiError> {
    let url = d
        .get("target_url")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::validation("data.target_url must be a string."))?;
    match parse_target(url) {
        Ok(t) if t.https || t.loopback => Ok(url.to_owned()),
        _ => Err(ApiError::validation(format!(
            "data.target_url \"{url}\" is invalid: it must be a URL that starts with \"https://\" \
             (the sandbox also accepts \"http://\" on loopback: 127.0.0.1, ::1 or localhost)."
        ))),
    }
}

fn subscriptions(d: &Map<String, Value>) -> Result<Vec<Value>, ApiError> {
    let items = d
        .get("subscriptions")
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::validation("data.subscriptions must be an array."))?;
    if items.is_empty() {
        return Err(ApiError::validation(
            "data.subscriptions must hold at least one subscription.",
        ));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, s) in items.iter().enumerate() {
        let at = format!("data.subscriptions[{i}]");
        let s = s.as_object().ok_or_else(|| {
            ApiError::validation(format!(
                "{at} must be an object {{\"event_type\", \"filter\"}}."
            ))
        })?;
        let event_type = s
            .get("event_type")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::validation(format!("{at}.event_type must be a string.")))?;
        if !EVENT_TYPES.contains(&event_type) {
            return Err(ApiError::validation(format!(
                "{at}.event_type \"{event_type}\" is not an event type; expected one of {}.",
                EVENT_TYPES.join(", ")
            )));
        }
        let filter = s.get("filter").ok_or_else(|| {
            ApiError::validation(format!(
                "{at}.filter is required (null to receive every event of the type)."
            ))
        })?;
        let filter = validate_filter(filter, &format!("{at}.filter"))?;
        out.push(json!({"event_type": event_type, "filter": filter}));
    }
    Ok(out)
}

fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    let target_url = target_url(d)?;
    let subscriptions = subscriptions(d)?;
    let id = store.rng.uuid();
    let secret: String = (0..4)
        .map(|_| format!("{:016x}", store.rng.next_u64()))
        .collect();
    let created_at = format_ns(store.tick());
    let webhook = Webhook {
        id,
        target_url,
        subscriptions,
        status: "active",
        created_at,
        secret,
    };
    let mut out = render(store, &webhook);
    out["secret"] = json!(webhook.secret);
    store.webhooks.push(webhook);
    Ok(json!({"data": out}))
}

fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let i = find(store, req.path("webhook_id"))?;
    let d = req.data()?;
    if !d.contains_key("target_url") && !d.contains_key("subscriptions") {
        return Err(ApiError::validation(
            "You passed an empty payload. Please ensure you are updating at least one property in your request.",
        ));
    }
    let url = d
        .contains_key("target_url")
        .then(|| target_url(d))
        .transpose()?;
    let subs = d
        .contains_key("subscriptions")
        .then(|| subscriptions(d))
        .transpose()?;
    let w = &mut store.webhooks[i];
    if let Some(url) = url {
        w.target_url = url;
    }
    if let Some(subs) = subs {
        w.subscriptions = subs;
    }
    Ok(json!({"data": render(store, &store.webhooks[i])}))
}
