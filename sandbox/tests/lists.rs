//! Lists and entries over HTTP: lists, list attributes (statuses, selects), entries (create,
//! assert by parent, get, PATCH appends, PUT overwrites, delete, history) and errors. Queries,
//! the record → entries short form and the deletion cascade are in `list_queries.rs`.

mod common;

use common::id;
use common::lists::{add, company, entry_id, evals, pipeline, titles};
use serde_json::{Value, json};

#[tokio::test]
async fn lists_are_created_read_and_updated() {
    let env = pipeline().await;
    let list = env.ok("GET", "/v2/lists/sales", None).await;
    assert_eq!(list["api_slug"], "sales");
    assert_eq!(list["name"], "Sales");
    assert_eq!(list["parent_object"], json!(["companies"]));
    assert_eq!(list["workspace_access"], "full-access");
    assert_eq!(list["created_by_actor"]["type"], "api-token");
    let list_id = list["id"]["list_id"].as_str().unwrap().to_owned();
    // By id too.
    assert_eq!(
        env.ok("GET", &format!("/v2/lists/{list_id}"), None).await,
        list
    );
    let all = env.ok("GET", "/v2/lists", None).await;
    assert_eq!(all, json!([list]));
    let patched = env
        .ok(
            "PATCH",
            "/v2/lists/sales",
            Some(json!({"data": {"name": "Pipeline", "api_slug": "pipeline"}})),
        )
        .await;
    assert_eq!(patched["name"], "Pipeline");
    assert_eq!(patched["api_slug"], "pipeline");
    assert_eq!(patched["parent_object"], json!(["companies"]));
    let (s, e) = env.call("GET", "/v2/lists/sales", None).await;
    assert_eq!((s, e["code"].as_str()), (404, Some("not_found")));
    let (s, e) = env
        .call(
            "PATCH",
            "/v2/lists/pipeline",
            Some(json!({"data": {"parent_object": "people"}})),
        )
        .await;
    assert_eq!((s, e["code"].as_str()), (400, Some("immutable_value")));
    // List attributes: the system ones and those created; object_id is the list id.
    let attrs = env.ok("GET", "/v2/lists/pipeline/attributes", None).await;
    let slugs: Vec<&str> = attrs
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["api_slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        [
            "created_at",
            "created_by",
            "stage",
            "tags",
            "priority",
            "owner"
        ]
    );
    assert_eq!(attrs[2]["id"]["object_id"], list_id.as_str());
    let statuses = env
        .ok(
            "GET",
            &format!("/v2/lists/{list_id}/attributes/stage/statuses"),
            None,
        )
        .await;
    assert_eq!(statuses.as_array().unwrap().len(), 4);
    assert_eq!(statuses[0]["id"]["object_id"], list_id.as_str());
}

#[tokio::test]
async fn entries_hold_only_list_attributes_and_follow_append_and_overwrite() {
    let env = pipeline().await;
    let acme = company(&env, "Acme", "acme.com").await;
    let e = add(
        &env,
        &acme,
        json!({"stage": "Lead", "tags": ["Hot"], "priority": 2, "owner": "alice@attio.com"}),
    )
    .await;
    let eid = entry_id(&e);
    assert_eq!(e["parent_record_id"], acme.as_str());
    assert_eq!(e["parent_object"], "companies");
    assert!(e["entry_values"].get("name").is_none(), "{e}");
    assert!(e["entry_values"].get("domains").is_none(), "{e}");
    assert_eq!(titles(&e, "stage", "status"), ["Lead"]);
    let list_id = e["id"]["list_id"].as_str().unwrap();
    assert_eq!(
        e["entry_values"]["stage"][0]["status"]["id"]["object_id"],
        list_id
    );
    assert_eq!(evals(&e, "created_by").len(), 1);
    let path = format!("/v2/lists/sales/entries/{eid}");
    assert_eq!(env.ok("GET", &path, None).await, e);

    // PATCH appends to a multiselect, replaces a single value.
    let e = env
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"entry_values": {"tags": ["Cold"], "stage": "In Progress"}}})),
        )
        .await;
    assert_eq!(titles(&e, "tags", "option"), ["Cold", "Hot"]);
    assert_eq!(titles(&e, "stage", "status"), ["In Progress"]);
    // PUT overwrites.
    let e = env
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"entry_values": {"tags": ["Warm"]}}})),
        )
        .await;
    assert_eq!(titles(&e, "tags", "option"), ["Warm"]);
    assert_eq!(titles(&e, "stage", "status"), ["In Progress"]);
    assert_eq!(evals(&e, "priority"), [json!({"value": 2})]);

    // History: the stage went Lead → In Progress.
    let hist = env
        .ok(
            "GET",
            &format!("{path}/attributes/stage/values?show_historic=true"),
            None,
        )
        .await;
    let hist = hist.as_array().unwrap();
    assert_eq!(hist.len(), 2);
    assert_eq!(hist[0]["status"]["title"], "Lead");
    assert!(hist[0]["active_until"].is_string());
    assert_eq!(hist[1]["status"]["title"], "In Progress");
    assert!(hist[1]["active_until"].is_null());
    let active = env
        .ok("GET", &format!("{path}/attributes/tags/values"), None)
        .await;
    assert_eq!(active.as_array().unwrap().len(), 1);

    // Delete.
    assert_eq!(env.call("DELETE", &path, None).await, (200, json!({})));
    env.expect_error("GET", &path, None, 404, "not_found").await;
}

#[tokio::test]
async fn assert_by_parent_creates_overwrites_and_refuses_two_entries() {
    let env = pipeline().await;
    let acme = company(&env, "Acme", "acme.com").await;
    let put = |values: Value| json!({"data": {"parent_record_id": acme, "parent_object": "companies", "entry_values": values}});
    // No entry yet: created.
    let e = env
        .ok(
            "PUT",
            "/v2/lists/sales/entries",
            Some(put(json!({"stage": "Lead", "tags": ["Hot", "Cold"]}))),
        )
        .await;
    let eid = entry_id(&e);
    // One entry: updated in place, multiselects overwritten.
    let e = env
        .ok(
            "PUT",
            "/v2/lists/sales/entries",
            Some(put(json!({"tags": ["Warm"]}))),
        )
        .await;
    assert_eq!(entry_id(&e), eid);
    assert_eq!(titles(&e, "tags", "option"), ["Warm"]);
    assert_eq!(titles(&e, "stage", "status"), ["Lead"]);
    // Several entries per parent are allowed through POST …
    let second = add(&env, &acme, json!({"stage": "Lost"})).await;
    assert_ne!(entry_id(&second), eid);
    // … and then assert by parent is ambiguous.
    let err = env
        .expect_error(
            "PUT",
            "/v2/lists/sales/entries",
            Some(put(json!({"stage": "Won 🎉"}))),
            400,
            "multiple_match_results",
        )
        .await;
    assert_eq!(err["type"], "invalid_request_error");
    // Nothing was written.
    let e = env
        .ok("GET", &format!("/v2/lists/sales/entries/{eid}"), None)
        .await;
    assert_eq!(titles(&e, "stage", "status"), ["Lead"]);
}

#[tokio::test]
async fn errors_use_attio_codes() {
    let env = pipeline().await;
    let acme = company(&env, "Acme", "acme.com").await;
    let person = id(&env
        .create("people", json!({"email_addresses": ["ada@x.com"]}))
        .await);
    let create = |object: &str, record: &str, values: Value| json!({"data": {"parent_record_id": record, "parent_object": object, "entry_values": values}});
    let cases: Vec<(&str, String, Option<Value>, u16, &str)> = vec![
        // Unknown list.
        ("GET", "/v2/lists/nope".into(), None, 404, "not_found"),
        (
            "POST",
            "/v2/lists/nope/entries".into(),
            Some(create("companies", &acme, json!({}))),
            404,
            "not_found",
        ),
        (
            "GET",
            "/v2/lists/nope/attributes".into(),
            None,
            404,
            "not_found",
        ),
        // Parent record missing, parent object unknown or not the list's.
        (
            "POST",
            "/v2/lists/sales/entries".into(),
            Some(create(
                "companies",
                "4a5b6c7d-0000-4000-8000-000000000000",
                json!({}),
            )),
            400,
            "value_not_found",
        ),
        (
            "POST",
            "/v2/lists/sales/entries".into(),
            Some(create("nope", &acme, json!({}))),
            400,
            "value_not_found",
        ),
        (
            "POST",
            "/v2/lists/sales/entries".into(),
            Some(create("people", &person, json!({}))),
            400,
            "validation_type",
        ),
        // A parent attribute is not a list attribute.
        (
            "POST",
            "/v2/lists/sales/entries".into(),
            Some(create("companies", &acme, json!({"name": "Acme"}))),
            400,
            "value_not_found",
        ),
        // Unknown status title, unknown option.
        (
            "POST",
            "/v2/lists/sales/entries".into(),
            Some(create("companies", &acme, json!({"stage": "Nope"}))),
            400,
            "value_not_found",
        ),
        (
            "POST",
            "/v2/lists/sales/entries".into(),
            Some(create("companies", &acme, json!({"tags": ["Nope"]}))),
            400,
            "value_not_found",
        ),
        // Status attributes only on lists.
        (
            "POST",
            "/v2/objects/companies/attributes".into(),
            Some(
                json!({"data": {"title": "Stage", "description": null, "api_slug": "stage", "type": "status",
                "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}}),
            ),
            400,
            "validation_type",
        ),
        // Statuses on a non-status list attribute.
        (
            "POST",
            "/v2/lists/sales/attributes/tags/statuses".into(),
            Some(json!({"data": {"title": "X"}})),
            400,
            "validation_type",
        ),
        (
            "POST",
            "/v2/lists/sales/attributes/stage/statuses".into(),
            Some(json!({"data": {"title": "Lead"}})),
            409,
            "slug_conflict",
        ),
        (
            "POST",
            "/v2/lists/sales/attributes".into(),
            Some(
                json!({"data": {"title": "Stage", "description": null, "api_slug": "stage", "type": "status",
                "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}}),
            ),
            409,
            "slug_conflict",
        ),
        // Lists: duplicate slug, unknown parent, unknown member, no full access.
        (
            "POST",
            "/v2/lists".into(),
            Some(
                json!({"data": {"name": "S", "api_slug": "sales", "parent_object": "people",
                "workspace_access": "full-access", "workspace_member_access": []}}),
            ),
            409,
            "slug_conflict",
        ),
        (
            "POST",
            "/v2/lists".into(),
            Some(
                json!({"data": {"name": "S", "api_slug": "s2", "parent_object": "nope",
                "workspace_access": "full-access", "workspace_member_access": []}}),
            ),
            404,
            "not_found",
        ),
        (
            "POST",
            "/v2/lists".into(),
            Some(
                json!({"data": {"name": "S", "api_slug": "s3", "parent_object": "people",
                "workspace_access": null, "workspace_member_access": [{"workspace_member_id": "4a5b6c7d-0000-4000-8000-000000000000", "level": "full-access"}]}}),
            ),
            400,
            "value_not_found",
        ),
        (
            "POST",
            "/v2/lists".into(),
            Some(
                json!({"data": {"name": "S", "api_slug": "s4", "parent_object": "people",
                "workspace_access": "read-only", "workspace_member_access": []}}),
            ),
            400,
            "validation_type",
        ),
        (
            "POST",
            "/v2/lists".into(),
            Some(json!({"data": {"name": "S", "api_slug": "s5", "parent_object": "people"}})),
            400,
            "validation_type",
        ),
    ];
    for (method, path, body, status, code) in cases {
        env.expect_error(method, &path, body, status, code).await;
    }
    // Entry errors: unknown entry, changing the parent, empty PATCH, unknown attribute history.
    let e = add(&env, &acme, json!({"stage": "Lead"})).await;
    let path = format!("/v2/lists/sales/entries/{}", entry_id(&e));
    for (method, path, body, status, code) in [
        (
            "GET",
            "/v2/lists/sales/entries/4a5b6c7d-0000-4000-8000-000000000000".to_owned(),
            None,
            404,
            "not_found",
        ),
        (
            "PATCH",
            path.clone(),
            Some(json!({"data": {"parent_record_id": acme, "entry_values": {}}})),
            400,
            "immutable_value",
        ),
        (
            "PATCH",
            path.clone(),
            Some(json!({"data": {"entry_values": {}}})),
            400,
            "validation_type",
        ),
        (
            "PUT",
            path.clone(),
            Some(json!({"data": {"entry_values": {"tags": "Hot"}}})),
            400,
            "validation_type",
        ),
        (
            "GET",
            format!("{path}/attributes/nope/values"),
            None,
            404,
            "not_found",
        ),
        (
            "DELETE",
            "/v2/lists/sales/entries/4a5b6c7d-0000-4000-8000-000000000000".to_owned(),
            None,
            404,
            "not_found",
        ),
    ] {
        env.expect_error(method, &path, body, status, code).await;
    }
}

#[tokio::test]
async fn list_attributes_can_be_required_and_unique() {
    let env = pipeline().await;
    env.ok(
        "POST",
        "/v2/lists/sales/attributes",
        Some(json!({"data": {"title": "Code", "description": null, "api_slug": "code", "type": "text",
            "is_required": true, "is_unique": true, "is_multiselect": false, "config": {}}})),
    )
    .await;
    let acme = company(&env, "Acme", "acme.com").await;
    let body = |values: Value| json!({"data": {"parent_record_id": acme, "parent_object": "companies", "entry_values": values}});
    env.expect_error(
        "POST",
        "/v2/lists/sales/entries",
        Some(body(json!({}))),
        400,
        "missing_value",
    )
    .await;
    env.ok(
        "POST",
        "/v2/lists/sales/entries",
        Some(body(json!({"code": "A-1"}))),
    )
    .await;
    let err = env
        .expect_error(
            "POST",
            "/v2/lists/sales/entries",
            Some(body(json!({"code": "A-1"}))),
            400,
            "uniqueness_conflict",
        )
        .await;
    assert!(
        err["message"].as_str().unwrap().starts_with("An entry"),
        "{err}"
    );
}

#[tokio::test]
async fn statuses_and_options_are_renamed_and_archived() {
    let env = pipeline().await;
    let acme = company(&env, "Acme", "acme.com").await;
    let e = add(&env, &acme, json!({"stage": "Lead", "tags": ["Hot"]})).await;
    let path = format!("/v2/lists/sales/entries/{}", entry_id(&e));
    let status_id = e["entry_values"]["stage"][0]["status"]["id"]["status_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Rename a status by id: the entry reads back with the new title; filters use it.
    let s = env
        .ok(
            "PATCH",
            &format!("/v2/lists/sales/attributes/stage/statuses/{status_id}"),
            Some(json!({"data": {"title": "Prospect", "target_time_in_status": "P7D"}})),
        )
        .await;
    assert_eq!(s["title"], "Prospect");
    assert_eq!(s["target_time_in_status"], "P7D");
    let got = env.ok("GET", &path, None).await;
    assert_eq!(titles(&got, "stage", "status"), ["Prospect"]);
    let found = env
        .ok(
            "POST",
            "/v2/lists/sales/entries/query",
            Some(json!({"filter": {"stage": "Prospect"}})),
        )
        .await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    // Archive an option by title: hidden unless show_archived, and no longer writable.
    env.ok(
        "PATCH",
        "/v2/lists/sales/attributes/tags/options/Cold",
        Some(json!({"data": {"is_archived": true}})),
    )
    .await;
    let opts = env
        .ok("GET", "/v2/lists/sales/attributes/tags/options", None)
        .await;
    assert_eq!(opts.as_array().unwrap().len(), 2);
    let opts = env
        .ok(
            "GET",
            "/v2/lists/sales/attributes/tags/options?show_archived=true",
            None,
        )
        .await;
    assert_eq!(opts.as_array().unwrap().len(), 3);
    env.expect_error(
        "PATCH",
        &path,
        Some(json!({"data": {"entry_values": {"tags": ["Cold"]}}})),
        400,
        "value_not_found",
    )
    .await;
    // Errors: a taken title, an unknown option.
    for (path, body, status, code) in [
        (
            "/v2/lists/sales/attributes/stage/statuses/Lost",
            json!({"data": {"title": "Prospect"}}),
            409,
            "slug_conflict",
        ),
        (
            "/v2/lists/sales/attributes/tags/options/Nope",
            json!({"data": {"title": "X"}}),
            400,
            "value_not_found",
        ),
        (
            "/v2/lists/sales/attributes/nope/options/Hot",
            json!({"data": {"title": "X"}}),
            404,
            "not_found",
        ),
    ] {
        env.expect_error("PATCH", path, Some(body), status, code)
            .await;
    }
}
