//! What several tests start from: companies with a custom attribute of each documented example's
//! type and the records those examples point at; and the shape of a timestamp Attio sends.

use serde_json::{Value, json};

use crate::common::Env;

pub(crate) fn is_ts(s: &Value) -> bool {
    let s = s.as_str().unwrap_or("");
    s.len() == 30 && s.ends_with('Z') && s.as_bytes()[19] == b'.'
}

pub(crate) async fn env_with_customs() -> Env {
    let env = Env::new().await;
    for (slug, ty, extra) in [
        ("a_custom_checkbox_attribute", "checkbox", json!({})),
        (
            "amount_owed",
            "currency",
            json!({"config": {"currency": {"default_currency_code": "GBP", "display_type": "symbol"}}}),
        ),
        ("performance", "rating", json!({})),
        ("my_timestamp_attribute", "timestamp", json!({})),
        ("a_custom_number_attribute", "number", json!({})),
        (
            "user",
            "record-reference",
            json!({"config": {"record_reference": {"allowed_objects": ["users"]}}}),
        ),
        (
            "workspace",
            "record-reference",
            json!({"config": {"record_reference": {"allowed_objects": ["workspaces"]}}}),
        ),
    ] {
        env.custom_attr("companies", slug, ty, extra).await;
    }
    env.create("people", json!({"email_addresses": ["alice@website.com"]}))
        .await;
    env.create("people", json!({"email_addresses": ["person@company.com"]}))
        .await;
    env.create(
        "companies",
        json!({"domains": ["company.com"], "name": "Company"}),
    )
    .await;
    // The record id the documented record-reference example points at.
    env.sb
        .insert_record(
            "companies",
            "99a03ff3-0435-47da-95cc-76b2caeb4dab",
            json!({"domains": ["documented.com"]}),
        )
        .expect("company");
    env.create(
        "users",
        json!({"user_id": "123", "primary_email_address": "u@x.com"}),
    )
    .await;
    env.create("workspaces", json!({"workspace_id": "123"}))
        .await;
    env
}
