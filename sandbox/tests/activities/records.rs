//! Activity records: create, get, update (appends), overwrite, delete, upsert by a unique
//! attribute, and queries with filters and sorts, with the records' value semantics.

use serde_json::{Value, json};

use crate::common::{Env, id, vals};
use crate::{create_activity, create_attribute, create_record};

/// `site_visits` (extends `interactions`) with `page` (text), `external_id` (unique text),
/// `tags` (multiselect select: pricing, docs, blog) and `company` (a company reference).
async fn visits(env: &Env) -> Value {
    let visits = create_activity(env, "site_visits", "interactions").await;
    create_attribute(env, "site_visits", "page", "text", json!({})).await;
    create_attribute(
        env,
        "site_visits",
        "external_id",
        "text",
        json!({"is_unique": true}),
    )
    .await;
    create_attribute(
        env,
        "site_visits",
        "tags",
        "select",
        json!({"is_multiselect": true}),
    )
    .await;
    for title in ["pricing", "docs", "blog"] {
        env.ok(
            "POST",
            "/v2/activities/site_visits/attributes/tags/options",
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    create_attribute(
        env,
        "site_visits",
        "company",
        "record-reference",
        json!({"config": {"record_reference": {"allowed_objects": ["companies"]}}}),
    )
    .await;
    visits
}

fn titles(record: &Value, slug: &str) -> Vec<String> {
    record["values"][slug]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["option"]["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn create_get_update_overwrite_delete() {
    let env = Env::new().await;
    let activity = visits(&env).await;
    let acme = env
        .create(
            "companies",
            json!({"name": "Acme", "domains": ["acme.com"]}),
        )
        .await;
    let record = create_record(
        &env,
        "site_visits",
        json!({"occurred_at": "2026-03-01T10:00:00Z", "direction": "Inbound",
            "page": "/pricing", "tags": ["pricing"],
            "company": [{"target_object": "companies", "target_record_id": id(&acme)}]}),
    )
    .await;
    let rid = id(&record);
    assert_eq!(
        record["id"],
        json!({"workspace_id": env.sb.workspace_id(),
            "activity_id": activity["id"]["activity_id"], "record_id": rid})
    );
    assert!(record.get("web_url").is_none(), "{record}");
    assert!(record["created_at"].is_string());
    // Values as records' values: arrays of value objects with the common fields.
    let page = &record["values"]["page"][0];
    assert_eq!(page["attribute_type"], "text");
    assert_eq!(page["active_until"], Value::Null);
    assert_eq!(page["created_by_actor"]["type"], "api-token");
    assert!(page["active_from"].is_string());
    assert_eq!(vals(&record, "page"), [json!({"value": "/pricing"})]);
    assert_eq!(
        vals(&record, "occurred_at"),
        [json!({"value": "2026-03-01T10:00:00.000000000Z"})]
    );
    assert_eq!(titles(&record, "direction"), ["Inbound"]);
    assert_eq!(
        vals(&record, "company"),
        [json!({"target_object": "companies", "target_record_id": id(&acme)})]
    );
    assert_eq!(vals(&record, "record_id"), [json!({"value": rid})]);
    assert_eq!(vals(&record, "external_id"), Vec::<Value>::new());
    let path = format!("/v2/activities/site_visits/records/{rid}");
    assert_eq!(env.ok("GET", &path, None).await, record);

    // PATCH prepends to a multiselect and replaces a single value.
    let patched = env
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"tags": ["docs"], "page": "/docs"}}})),
        )
        .await;
    assert_eq!(titles(&patched, "tags"), ["docs", "pricing"]);
    assert_eq!(vals(&patched, "page"), [json!({"value": "/docs"})]);
    assert_eq!(titles(&patched, "direction"), ["Inbound"]);
    // PUT overwrites.
    let put = env
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"tags": ["blog"]}}})),
        )
        .await;
    assert_eq!(titles(&put, "tags"), ["blog"]);

    // Unknown attributes and options, as records answer them.
    let err = env
        .expect_error(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"nope": "x"}}})),
            400,
            "value_not_found",
        )
        .await;
    assert!(
        err["message"].as_str().unwrap().contains("activity"),
        "{err}"
    );
    env.expect_error(
        "PATCH",
        &path,
        Some(json!({"data": {"values": {"tags": ["nope"]}}})),
        400,
        "value_not_found",
    )
    .await;
    env.expect_error(
        "POST",
        "/v2/activities/site_visits/records",
        Some(json!({"data": {"values": {"record_id": "x"}}})),
        400,
        "system_edit_unauthorized",
    )
    .await;

    let (status, body) = env.call("DELETE", &path, None).await;
    assert_eq!((status, &body), (200, &json!({})));
    let (status, gone) = env.call("GET", &path, None).await;
    assert_eq!(status, 404);
    assert_eq!(gone["code"], "not_found");
    assert_eq!(
        gone["message"],
        format!("Activity record with ID \"{rid}\" not found.")
    );
    env.expect_error("DELETE", &path, None, 404, "not_found")
        .await;
}

#[tokio::test]
async fn upsert_by_a_unique_attribute_creates_then_updates() {
    let env = Env::new().await;
    visits(&env).await;
    let upsert = |values: Value| {
        let env = &env;
        async move {
            env.call(
                "PUT",
                "/v2/activities/site_visits/records?matching_attribute=external_id",
                Some(json!({"data": {"values": values}})),
            )
            .await
        }
    };
    let (status, created) =
        upsert(json!({"external_id": "v-1", "page": "/a", "tags": ["docs"]})).await;
    assert_eq!(status, 200, "{created}");
    let created = &created["data"];
    let (status, updated) =
        upsert(json!({"external_id": "v-1", "page": "/b", "tags": ["blog"]})).await;
    assert_eq!(status, 200, "{updated}");
    let updated = &updated["data"];
    assert_eq!(id(updated), id(created));
    assert_eq!(vals(updated, "page"), [json!({"value": "/b"})]);
    // Not the matching attribute: overwritten.
    assert_eq!(titles(updated, "tags"), ["blog"]);
    let all = env
        .ok(
            "POST",
            "/v2/activities/site_visits/records/query",
            Some(json!({})),
        )
        .await;
    assert_eq!(all.as_array().unwrap().len(), 1);

    let err = env
        .expect_error(
            "PUT",
            "/v2/activities/site_visits/records?matching_attribute=nope",
            Some(json!({"data": {"values": {"page": "/c"}}})),
            400,
            "value_not_found",
        )
        .await;
    assert_eq!(
        err["message"],
        "No attribute was found for matching_attribute slug/ID \"nope\"."
    );
    env.expect_error(
        "PUT",
        "/v2/activities/site_visits/records?matching_attribute=page",
        Some(json!({"data": {"values": {"page": "/c"}}})),
        400,
        "validation_type",
    )
    .await;
    // Uniqueness holds on create.
    env.expect_error(
        "POST",
        "/v2/activities/site_visits/records",
        Some(json!({"data": {"values": {"external_id": "v-1"}}})),
        400,
        "uniqueness_conflict",
    )
    .await;
}

#[tokio::test]
async fn queries_filter_and_sort_as_record_queries_do() {
    let env = Env::new().await;
    for (seconds, direction) in [(30, "Inbound"), (300, "Outbound"), (120, "Inbound")] {
        create_record(
            &env,
            "phone_calls",
            json!({"duration_seconds": seconds, "direction": direction}),
        )
        .await;
    }
    let durations = |found: &Value| -> Vec<f64> {
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["values"]["duration_seconds"][0]["value"]
                    .as_f64()
                    .unwrap()
            })
            .collect()
    };
    let query = |body: Value| {
        let env = &env;
        async move {
            env.ok(
                "POST",
                "/v2/activities/phone_calls/records/query",
                Some(body),
            )
            .await
        }
    };
    let inbound = query(json!({"filter": {"direction": "Inbound"},
        "sorts": [{"attribute": "duration_seconds", "direction": "desc"}]}))
    .await;
    assert_eq!(durations(&inbound), [120.0, 30.0]);
    let long = query(json!({"filter": {"duration_seconds": {"$gte": 100}},
        "sorts": [{"attribute": "duration_seconds", "direction": "asc"}], "limit": 1, "offset": 1}))
    .await;
    assert_eq!(durations(&long), [300.0]);
    env.expect_error(
        "POST",
        "/v2/activities/phone_calls/records/query",
        Some(json!({"filter": {"nope": 1}})),
        400,
        "filter_error",
    )
    .await;
}

#[tokio::test]
async fn a_path_filter_follows_a_reference_to_an_object() {
    let env = Env::new().await;
    visits(&env).await;
    for name in ["Acme", "Globex"] {
        let company = env.create("companies", json!({ "name": name })).await;
        create_record(
            &env,
            "site_visits",
            json!({"page": format!("/{name}"),
                "company": [{"target_object": "companies", "target_record_id": id(&company)}]}),
        )
        .await;
    }
    let found = env
        .ok(
            "POST",
            "/v2/activities/site_visits/records/query",
            Some(
                json!({"filter": {"path": [["site_visits", "company"], ["companies", "name"]],
                "constraints": {"value": "Globex"}}}),
            ),
        )
        .await;
    let pages: Vec<Value> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["values"]["page"][0]["value"].clone())
        .collect();
    assert_eq!(pages, [json!("/Globex")]);
}
