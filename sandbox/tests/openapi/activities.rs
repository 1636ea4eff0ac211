//! Activities, their attributes and options, and their records: the answers hold to their
//! fragments (reconstructed, or as Attio's document of 2026-09-08 has them where
//! `tests/fixtures/openapi/SOURCES.md` says so).

use serde_json::{Value, json};

use crate::common::openapi::Checker;
use crate::common::{Env, id};

const ACTIVITY: &str = "/v2/activities/{activity}";
const ATTRIBUTES: &str = "/v2/activities/{activity}/attributes";
const ATTRIBUTE: &str = "/v2/activities/{activity}/attributes/{attribute}";
const RECORDS: &str = "/v2/activities/{activity}/records";
const RECORD: &str = "/v2/activities/{activity}/records/{record_id}";

/// Every activity operation, answered and refused.
pub(crate) async fn activities(env: &Env, c: &mut Checker) {
    let body = |slug: &str, extends: &str| {
        Some(
            json!({"data": {"api_slug": slug, "singular_noun": "Visit", "plural_noun": "Visits",
            "extends": extends}}),
        )
    };
    for (slug, extends) in [
        ("visits", "interactions"),
        ("visits", "calls"),
        ("x", "nope"),
    ] {
        c.call(
            env,
            "POST",
            "/v2/activities",
            "/v2/activities",
            body(slug, extends),
        )
        .await;
    }
    c.call(env, "GET", "/v2/activities?limit=1", "/v2/activities", None)
        .await;
    for key in ["visits", "nope"] {
        c.call(env, "GET", &format!("/v2/activities/{key}"), ACTIVITY, None)
            .await;
    }
    for data in [
        json!({"singular_noun": "Site visit"}),
        json!({"extends": "calls"}),
        json!({"api_slug": "people"}),
    ] {
        c.call(
            env,
            "PATCH",
            "/v2/activities/visits",
            ACTIVITY,
            Some(json!({ "data": data })),
        )
        .await;
    }
    // An empty payload, and the system activity: both `400 validation_type`, the only 400 Attio
    // documents for this operation.
    for (key, data) in [
        ("visits", json!({})),
        ("phone_calls", json!({"singular_noun": "Call"})),
    ] {
        let refused: Value = c
            .call(
                env,
                "PATCH",
                &format!("/v2/activities/{key}"),
                ACTIVITY,
                Some(json!({ "data": data })),
            )
            .await;
        assert_eq!(refused["code"], "validation_type", "{refused}");
    }

    // Attributes, options and statuses.
    c.call(
        env,
        "GET",
        "/v2/activities/visits/attributes",
        ATTRIBUTES,
        None,
    )
    .await;
    for (slug, ty, extra) in [
        ("page", "text", json!({})),
        ("tags", "select", json!({"is_multiselect": true})),
        ("external_id", "text", json!({"is_unique": true})),
        ("page", "text", json!({})),
    ] {
        let mut data = json!({"title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}});
        data.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        c.call(
            env,
            "POST",
            "/v2/activities/visits/attributes",
            ATTRIBUTES,
            Some(json!({ "data": data })),
        )
        .await;
    }
    c.call(
        env,
        "GET",
        "/v2/activities/visits/attributes/page",
        ATTRIBUTE,
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/activities/visits/attributes/nope",
        ATTRIBUTE,
        None,
    )
    .await;
    for (attribute, data) in [
        ("page", json!({"title": "Page"})),
        ("occurred_at", json!({"title": "When"})),
    ] {
        c.call(
            env,
            "PATCH",
            &format!("/v2/activities/visits/attributes/{attribute}"),
            ATTRIBUTE,
            Some(json!({ "data": data })),
        )
        .await;
    }
    let options = "/v2/activities/visits/attributes/tags/options";
    let template = &format!("{ATTRIBUTE}/options");
    for title in ["docs", "docs"] {
        c.call(
            env,
            "POST",
            options,
            template,
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    c.call(env, "GET", options, template, None).await;
    c.call(
        env,
        "PATCH",
        &format!("{options}/docs"),
        &format!("{template}/{{option}}"),
        Some(json!({"data": {"title": "Docs"}})),
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/activities/visits/attributes/tags/statuses",
        &format!("{ATTRIBUTE}/statuses"),
        None,
    )
    .await;

    // Records.
    let created = c
        .call(
            env,
            "POST",
            "/v2/activities/visits/records",
            RECORDS,
            Some(json!({"data": {"values": {"page": "/a", "tags": ["Docs"],
                "occurred_at": "2026-01-01T00:00:00Z", "direction": "Inbound",
                "external_id": "v-1"}}})),
        )
        .await;
    let rid = id(&created["data"]);
    c.call(
        env,
        "POST",
        "/v2/activities/visits/records",
        RECORDS,
        Some(json!({"data": {"values": {"nope": 1}}})),
    )
    .await;
    for matching in ["external_id", "nope"] {
        c.call(
            env,
            "PUT",
            &format!("/v2/activities/visits/records?matching_attribute={matching}"),
            RECORDS,
            Some(json!({"data": {"values": {"external_id": "v-1", "page": "/c"}}})),
        )
        .await;
    }
    let path = format!("/v2/activities/visits/records/{rid}");
    c.call(env, "GET", &path, RECORD, None).await;
    for method in ["PATCH", "PUT"] {
        c.call(
            env,
            method,
            &path,
            RECORD,
            Some(json!({"data": {"values": {"page": "/b"}}})),
        )
        .await;
    }
    for filter in [json!({"page": "/b"}), json!({"nope": 1})] {
        c.call(
            env,
            "POST",
            "/v2/activities/visits/records/query",
            &format!("{RECORDS}/query"),
            Some(json!({ "filter": filter })),
        )
        .await;
    }
    for _ in 0..2 {
        c.call(env, "DELETE", &path, RECORD, None).await;
    }
    c.call(
        env,
        "POST",
        "/v2/activities/nope/records/query",
        &format!("{RECORDS}/query"),
        Some(json!({})),
    )
    .await;

    // Deletion: the system activity refused, a custom one gone, then not found.
    for key in ["phone_calls", "visits", "visits"] {
        c.call(
            env,
            "DELETE",
            &format!("/v2/activities/{key}"),
            ACTIVITY,
            None,
        )
        .await;
    }

    // A token without the activities' scopes is refused as the fragments say.
    env.sb.set_scopes(["record_permission:read-write"]);
    let refused: Value = c
        .call(env, "DELETE", "/v2/activities/phone_calls", ACTIVITY, None)
        .await;
    assert_eq!(refused["status_code"], 403, "{refused}");
}
