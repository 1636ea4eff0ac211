//! Helpers for the list and entry tests: a `sales` pipeline over companies.

use serde_json::{Value, json};

use super::{Env, id, stripped};

/// The active values of an entry attribute with the common fields removed.
pub fn evals(entry: &Value, slug: &str) -> Vec<Value> {
    stripped(&entry["entry_values"][slug], slug)
}

pub fn entry_id(entry: &Value) -> String {
    entry["id"]["entry_id"]
        .as_str()
        .expect("entry id")
        .to_owned()
}

pub fn titles(entry: &Value, slug: &str, key: &str) -> Vec<String> {
    evals(entry, slug)
        .iter()
        .map(|v| v[key]["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A `sales` list over companies with a `stage` status (Lead, In Progress, Won 🎉, Lost), a
/// multiselect `tags` select (Hot, Cold, Warm), a `priority` number and an `owner` actor.
pub async fn pipeline() -> Env {
    let env = Env::new().await;
    env.ok(
        "POST",
        "/v2/lists",
        Some(
            json!({"data": {"name": "Sales", "api_slug": "sales", "parent_object": "companies",
            "workspace_access": "full-access", "workspace_member_access": []}}),
        ),
    )
    .await;
    for (slug, ty, multi) in [
        ("stage", "status", false),
        ("tags", "select", true),
        ("priority", "number", false),
        ("owner", "actor-reference", false),
    ] {
        env.ok(
            "POST",
            "/v2/lists/sales/attributes",
            Some(
                json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": ty,
                "is_required": false, "is_unique": false, "is_multiselect": multi, "config": {}}}),
            ),
        )
        .await;
    }
    for title in ["Lead", "In Progress", "Won 🎉", "Lost"] {
        env.ok(
            "POST",
            "/v2/lists/sales/attributes/stage/statuses",
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    for title in ["Hot", "Cold", "Warm"] {
        env.ok(
            "POST",
            "/v2/lists/sales/attributes/tags/options",
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    env
}

pub async fn company(env: &Env, name: &str, domain: &str) -> String {
    id(&env
        .create("companies", json!({"name": name, "domains": [domain]}))
        .await)
}

pub async fn add(env: &Env, parent: &str, values: Value) -> Value {
    env.ok(
        "POST",
        "/v2/lists/sales/entries",
        Some(json!({"data": {"parent_record_id": parent, "parent_object": "companies", "entry_values": values}})),
    )
    .await
}
