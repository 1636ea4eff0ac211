//! Activities over HTTP: custom activity types and their records (`/v2/activities…`).
//!
//! One test binary; a module a subject: `definitions` (the system activity, creating, renaming
//! and deleting activities, their attributes), `records` (create, get, update, overwrite,
//! delete, upsert, query of activity records) and `boundaries` (objects' and activities' routes
//! kept apart, scopes, webhook events, injected write conflicts).

#[path = "../common/mod.rs"]
mod common;

mod boundaries;
mod definitions;
mod records;

use serde_json::{Value, json};

use common::Env;

/// Creates a custom activity; returns its JSON.
pub(crate) async fn create_activity(env: &Env, slug: &str, extends: &str) -> Value {
    env.ok(
        "POST",
        "/v2/activities",
        Some(
            json!({"data": {"api_slug": slug, "singular_noun": "Site visit",
            "plural_noun": "Site visits", "extends": extends}}),
        ),
    )
    .await
}

/// Creates an attribute on an activity, with the objects' attribute body; returns its JSON.
pub(crate) async fn create_attribute(
    env: &Env,
    activity: &str,
    slug: &str,
    ty: &str,
    extra: Value,
) -> Value {
    let mut data = json!({"title": slug, "description": null, "api_slug": slug, "type": ty,
        "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
    if let (Some(d), Some(e)) = (data.as_object_mut(), extra.as_object()) {
        d.extend(e.clone());
    }
    env.ok(
        "POST",
        &format!("/v2/activities/{activity}/attributes"),
        Some(json!({ "data": data })),
    )
    .await
}

/// Creates an activity record; returns its JSON.
pub(crate) async fn create_record(env: &Env, activity: &str, values: Value) -> Value {
    env.ok(
        "POST",
        &format!("/v2/activities/{activity}/records"),
        Some(json!({"data": {"values": values}})),
    )
    .await
}
