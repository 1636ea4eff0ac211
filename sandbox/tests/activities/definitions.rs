//! Activity definitions: the system activity, create (and its refusals), rename, the listing's
//! pages, delete with the records, and the attributes of an activity.

use serde_json::{Value, json};

use crate::common::Env;
use crate::{create_activity, create_attribute, create_record};

fn slugs(attributes: &Value) -> Vec<&str> {
    attributes
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["api_slug"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn every_workspace_has_the_system_phone_calls_which_cannot_change() {
    let env = Env::new().await;
    let (status, listed) = env.call("GET", "/v2/activities", None).await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["pagination"]["next_cursor"], Value::Null);
    let all = listed["data"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{listed}");
    let calls = &all[0];
    assert_eq!(calls["api_slug"], "phone_calls");
    assert_eq!(calls["singular_noun"], "Phone call");
    assert_eq!(calls["plural_noun"], "Phone calls");
    assert_eq!(calls["is_system_activity"], true);
    assert_eq!(calls["id"]["workspace_id"], env.sb.workspace_id());
    assert_eq!(calls["extends"][0]["schema_slug"], "calls");
    assert_eq!(calls["extends"][0]["schema_id"].as_str().unwrap().len(), 36);
    let id = calls["id"]["activity_id"].as_str().unwrap();
    assert_eq!(
        &env.ok("GET", &format!("/v2/activities/{id}"), None).await,
        calls
    );

    let attributes = env
        .ok("GET", "/v2/activities/phone_calls/attributes", None)
        .await;
    assert_eq!(
        slugs(&attributes),
        [
            "record_id",
            "created_at",
            "created_by",
            "occurred_at",
            "direction",
            "duration_seconds"
        ]
    );
    let direction = &attributes[4];
    assert_eq!(direction["id"]["activity_id"], id);
    assert!(direction["id"].get("object_id").is_none(), "{direction}");
    assert_eq!(direction["type"], "select");
    assert_eq!(direction["is_writable"], true);
    let options = env
        .ok(
            "GET",
            "/v2/activities/phone_calls/attributes/direction/options",
            None,
        )
        .await;
    let titles: Vec<&str> = options
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Inbound", "Outbound"]);

    let refused = env
        .expect_error(
            "DELETE",
            "/v2/activities/phone_calls",
            None,
            400,
            "system_edit_unauthorized",
        )
        .await;
    assert!(refused["message"].as_str().unwrap().contains("phone_calls"));
    // Attio's document lists no `system_edit_unauthorized` for an activity's PATCH: the refusal
    // is its documented `validation_type`.
    let refused = env
        .expect_error(
            "PATCH",
            "/v2/activities/phone_calls",
            Some(json!({"data": {"singular_noun": "Call"}})),
            400,
            "validation_type",
        )
        .await;
    assert!(refused["message"].as_str().unwrap().contains("phone_calls"));
    assert_eq!(
        env.ok("GET", "/v2/activities/phone_calls", None).await["singular_noun"],
        "Phone call"
    );
}

#[tokio::test]
async fn create_then_refuse_a_taken_slug_and_an_unknown_schema() {
    let env = Env::new().await;
    let visits = create_activity(&env, "site_visits", "interactions").await;
    assert_eq!(visits["api_slug"], "site_visits");
    assert_eq!(visits["singular_noun"], "Site visit");
    assert_eq!(visits["is_system_activity"], false);
    assert_eq!(visits["extends"][0]["schema_slug"], "interactions");
    assert!(visits["created_at"].is_string());
    let id = visits["id"]["activity_id"].as_str().unwrap();
    assert_eq!(
        env.ok("GET", &format!("/v2/activities/{id}"), None).await,
        visits
    );
    // Inherited from `interactions`.
    let attributes = env
        .ok("GET", "/v2/activities/site_visits/attributes", None)
        .await;
    assert_eq!(
        slugs(&attributes)[3..],
        ["occurred_at", "direction"],
        "{attributes}"
    );

    // A slug an activity or an object has is taken, both ways.
    for slug in ["site_visits", "phone_calls", "people"] {
        let body = json!({"data": {"api_slug": slug, "singular_noun": "X", "plural_noun": "Xs",
            "extends": "activities"}});
        let err = env
            .expect_error("POST", "/v2/activities", Some(body), 409, "slug_conflict")
            .await;
        assert_eq!(err["type"], "invalid_request_error");
    }
    env.expect_error(
        "POST",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "site_visits", "singular_noun": "X", "plural_noun": "Xs"}}),
        ),
        409,
        "slug_conflict",
    )
    .await;

    let err = env
        .expect_error(
            "POST",
            "/v2/activities",
            Some(
                json!({"data": {"api_slug": "chats", "singular_noun": "Chat",
                "plural_noun": "Chats", "extends": "meetings"}}),
            ),
            400,
            "validation_type",
        )
        .await;
    let message = err["message"].as_str().unwrap();
    for schema in ["activities", "interactions", "calls", "emails"] {
        assert!(message.contains(schema), "{message}");
    }
    let (status, missing) = env.call("GET", "/v2/activities/chats", None).await;
    assert_eq!(status, 404);
    assert_eq!(
        missing,
        json!({"status_code": 404, "type": "invalid_request_error", "code": "not_found",
            "message": "Activity with slug/ID \"chats\" not found."})
    );
}

#[tokio::test]
async fn patch_renames_but_never_changes_what_it_extends() {
    let env = Env::new().await;
    create_activity(&env, "site_visits", "activities").await;
    let err = env
        .expect_error(
            "PATCH",
            "/v2/activities/site_visits",
            Some(json!({"data": {"extends": "calls", "singular_noun": "Visit"}})),
            400,
            "validation_type",
        )
        .await;
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("cannot be changed after creation"),
        "{err}"
    );
    let patched = env
        .ok(
            "PATCH",
            "/v2/activities/site_visits",
            Some(json!({"data": {"singular_noun": "Web visit", "plural_noun": "Web visits"}})),
        )
        .await;
    assert_eq!(patched["singular_noun"], "Web visit");
    assert_eq!(patched["plural_noun"], "Web visits");
    assert_eq!(patched["extends"][0]["schema_slug"], "activities");
    assert_eq!(
        env.ok("GET", "/v2/activities/site_visits", None).await,
        patched
    );

    env.expect_error(
        "PATCH",
        "/v2/activities/site_visits",
        Some(json!({"data": {"api_slug": "companies"}})),
        409,
        "slug_conflict",
    )
    .await;
    let renamed = env
        .ok(
            "PATCH",
            "/v2/activities/site_visits",
            Some(json!({"data": {"api_slug": "web_visits"}})),
        )
        .await;
    assert_eq!(renamed["id"], patched["id"]);
    env.expect_error("GET", "/v2/activities/site_visits", None, 404, "not_found")
        .await;
    env.ok("GET", "/v2/activities/web_visits", None).await;
    env.expect_error(
        "PATCH",
        "/v2/activities/web_visits",
        Some(json!({"data": {}})),
        400,
        "validation_type",
    )
    .await;
}

#[tokio::test]
async fn the_listing_pages_with_a_cursor() {
    let env = Env::new().await;
    for slug in ["a_visits", "b_visits"] {
        create_activity(&env, slug, "emails").await;
    }
    let mut seen = Vec::new();
    let mut path = "/v2/activities?limit=2".to_owned();
    loop {
        let (status, page) = env.call("GET", &path, None).await;
        assert_eq!(status, 200, "{page}");
        for a in page["data"].as_array().unwrap() {
            seen.push(a["api_slug"].as_str().unwrap().to_owned());
        }
        match page["pagination"]["next_cursor"].as_str() {
            Some(c) => path = format!("/v2/activities?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ["phone_calls", "a_visits", "b_visits"]);
    env.expect_error(
        "GET",
        "/v2/activities?limit=0",
        None,
        400,
        "validation_type",
    )
    .await;
}

#[tokio::test]
async fn deleting_an_activity_deletes_its_records() {
    let env = Env::new().await;
    create_activity(&env, "site_visits", "activities").await;
    let record = create_record(
        &env,
        "site_visits",
        json!({"occurred_at": "2026-01-02T03:04:05Z"}),
    )
    .await;
    create_record(&env, "site_visits", json!({})).await;
    let rid = record["id"]["record_id"].as_str().unwrap();

    let (status, body) = env.call("DELETE", "/v2/activities/site_visits", None).await;
    assert_eq!((status, &body), (200, &json!({})));
    env.expect_error("GET", "/v2/activities/site_visits", None, 404, "not_found")
        .await;
    env.expect_error(
        "GET",
        &format!("/v2/activities/site_visits/records/{rid}"),
        None,
        404,
        "not_found",
    )
    .await;
    // A new activity of the same slug starts empty.
    create_activity(&env, "site_visits", "activities").await;
    let found = env
        .ok(
            "POST",
            "/v2/activities/site_visits/records/query",
            Some(json!({})),
        )
        .await;
    assert_eq!(found, json!([]));
}

#[tokio::test]
async fn attributes_of_an_activity_are_created_read_and_updated_as_objects_are() {
    let env = Env::new().await;
    let visits = create_activity(&env, "site_visits", "activities").await;
    let activity_id = visits["id"]["activity_id"].clone();
    let page = create_attribute(&env, "site_visits", "page", "text", json!({})).await;
    assert_eq!(
        page["id"]["activity_id"], activity_id,
        "the attribute's id names its activity: {page}"
    );
    assert_eq!(page["id"]["workspace_id"], env.sb.workspace_id());
    assert!(page["id"]["attribute_id"].is_string());
    assert_eq!(page["type"], "text");
    assert_eq!(page["is_system_attribute"], false);
    let company = create_attribute(
        &env,
        "site_visits",
        "company",
        "record-reference",
        json!({"config": {"record_reference": {"allowed_objects": ["companies"]}}}),
    )
    .await;
    assert_eq!(
        company["config"]["record_reference"]["allowed_object_ids"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let got = env
        .ok("GET", "/v2/activities/site_visits/attributes/page", None)
        .await;
    assert_eq!(got, page);
    let patched = env
        .ok(
            "PATCH",
            "/v2/activities/site_visits/attributes/page",
            Some(json!({"data": {"title": "Page URL"}})),
        )
        .await;
    assert_eq!(patched["title"], "Page URL");
    assert_eq!(patched["id"], page["id"]);

    // As on objects: a taken slug, a status attribute, an inherited attribute's definition.
    let mut dup = json!({"title": "x", "api_slug": "page", "type": "text"});
    env.expect_error(
        "POST",
        "/v2/activities/site_visits/attributes",
        Some(json!({ "data": dup })),
        409,
        "slug_conflict",
    )
    .await;
    dup["api_slug"] = json!("stage");
    dup["type"] = json!("status");
    env.expect_error(
        "POST",
        "/v2/activities/site_visits/attributes",
        Some(json!({ "data": dup })),
        400,
        "validation_type",
    )
    .await;
    env.expect_error(
        "PATCH",
        "/v2/activities/site_visits/attributes/occurred_at",
        Some(json!({"data": {"title": "When"}})),
        400,
        "system_edit_unauthorized",
    )
    .await;
    env.expect_error(
        "GET",
        "/v2/activities/site_visits/attributes/nope",
        None,
        404,
        "not_found",
    )
    .await;

    // Select options through the options routes.
    create_attribute(
        &env,
        "site_visits",
        "tags",
        "select",
        json!({"is_multiselect": true}),
    )
    .await;
    for title in ["pricing", "docs"] {
        let option = env
            .ok(
                "POST",
                "/v2/activities/site_visits/attributes/tags/options",
                Some(json!({"data": {"title": title}})),
            )
            .await;
        assert_eq!(option["title"], title);
        assert_eq!(option["id"]["object_id"], activity_id);
    }
    let renamed = env
        .ok(
            "PATCH",
            "/v2/activities/site_visits/attributes/tags/options/docs",
            Some(json!({"data": {"title": "documentation"}})),
        )
        .await;
    assert_eq!(renamed["title"], "documentation");
}
