//! Every list and entry answer validates against its operation's response schema in Attio's
//! OpenAPI document (see `common/openapi.rs`).

mod common;

use common::openapi::checker;
use common::{Env, id};
use serde_json::{Value, json};

#[tokio::test]
async fn list_and_entry_responses_match_the_openapi_schemas() {
    let mut c = checker();
    let env = Env::new().await;
    let lists = "/v2/lists";
    let list = "/v2/lists/{list}";
    let attrs = "/v2/{target}/{identifier}/attributes";
    let attr = "/v2/{target}/{identifier}/attributes/{attribute}";
    let statuses = "/v2/{target}/{identifier}/attributes/{attribute}/statuses";
    let options = "/v2/{target}/{identifier}/attributes/{attribute}/options";
    let entries = "/v2/lists/{list}/entries";
    let entry = "/v2/lists/{list}/entries/{entry_id}";
    let query = "/v2/lists/{list}/entries/query";
    let values = "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values";
    let new_list = |slug: &str, parent: &str| {
        json!({"data": {"name": slug, "api_slug": slug, "parent_object": parent,
            "workspace_access": "full-access", "workspace_member_access": [
                {"workspace_member_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b", "level": "read-only"}]}})
    };

    c.call(&env, "GET", lists, lists, None).await;
    c.call(
        &env,
        "POST",
        lists,
        lists,
        Some(new_list("sales", "companies")),
    )
    .await;
    c.call(
        &env,
        "POST",
        lists,
        lists,
        Some(new_list("sales", "people")),
    )
    .await;
    c.call(&env, "POST", lists, lists, Some(new_list("other", "nope")))
        .await;
    c.call(&env, "POST", lists, lists, Some(json!({"data": {"name": "x", "api_slug": "x",
        "parent_object": "people", "workspace_access": "full-access",
        "workspace_member_access": [{"workspace_member_id": "4a5b6c7d-0000-4000-8000-000000000000", "level": "read-only"}]}})))
        .await;
    c.call(
        &env,
        "POST",
        lists,
        lists,
        Some(new_list("hiring", "people")),
    )
    .await;
    c.call(&env, "GET", lists, lists, None).await;
    c.call(&env, "GET", "/v2/lists/sales", list, None).await;
    c.call(&env, "GET", "/v2/lists/nope", list, None).await;
    c.call(&env, "PATCH", "/v2/lists/hiring", list,
        Some(json!({"data": {"name": "Hiring", "workspace_access": null,
            "workspace_member_access": [{"workspace_member_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b", "level": "full-access"}]}})))
        .await;
    c.call(
        &env,
        "PATCH",
        "/v2/lists/nope",
        list,
        Some(json!({"data": {"name": "x"}})),
    )
    .await;
    c.call(&env, "PATCH", "/v2/lists/hiring", list,
        Some(json!({"data": {"workspace_member_access": [{"workspace_member_id": "4a5b6c7d-0000-4000-8000-000000000000", "level": "full-access"}]}})))
        .await;

    // List attributes of every creatable type.
    for (slug, ty, multi, config) in [
        ("stage", "status", false, json!({})),
        ("tags", "select", true, json!({})),
        ("priority", "number", false, json!({})),
        ("owner", "actor-reference", false, json!({})),
        ("note", "text", false, json!({})),
        (
            "deal_value",
            "currency",
            false,
            json!({"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}),
        ),
        ("close_date", "date", false, json!({})),
        ("closed_at", "timestamp", false, json!({})),
        ("score", "rating", false, json!({})),
        ("signed", "checkbox", false, json!({})),
        (
            "champion",
            "record-reference",
            false,
            json!({"record_reference": {"allowed_objects": ["people"]}}),
        ),
        ("office", "location", false, json!({})),
        ("phone", "phone-number", false, json!({})),
    ] {
        c.call(&env, "POST", "/v2/lists/sales/attributes", attrs,
            Some(json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": ty,
                "is_required": false, "is_unique": false, "is_multiselect": multi, "config": config}})))
            .await;
    }
    let dup = json!({"data": {"title": "Stage", "description": null, "api_slug": "stage", "type": "status",
        "is_required": false, "is_unique": false, "is_multiselect": false, "config": {}}});
    c.call(
        &env,
        "POST",
        "/v2/lists/sales/attributes",
        attrs,
        Some(dup.clone()),
    )
    .await;
    c.call(
        &env,
        "POST",
        "/v2/lists/nope/attributes",
        attrs,
        Some(dup.clone()),
    )
    .await;
    c.call(
        &env,
        "POST",
        "/v2/objects/companies/attributes",
        attrs,
        Some(dup),
    )
    .await;
    c.call(&env, "GET", "/v2/lists/sales/attributes", attrs, None)
        .await;
    c.call(&env, "GET", "/v2/lists/sales/attributes/stage", attr, None)
        .await;
    c.call(&env, "GET", "/v2/lists/sales/attributes/nope", attr, None)
        .await;
    for title in ["Lead", "In Progress", "Won 🎉", "Lead"] {
        c.call(&env, "POST", "/v2/lists/sales/attributes/stage/statuses", statuses,
            Some(json!({"data": {"title": title, "celebration_enabled": title.starts_with("Won"), "target_time_in_status": "P14D"}})))
            .await;
    }
    c.call(
        &env,
        "POST",
        "/v2/lists/sales/attributes/tags/statuses",
        statuses,
        Some(json!({"data": {"title": "X"}})),
    )
    .await;
    c.call(
        &env,
        "GET",
        "/v2/lists/sales/attributes/stage/statuses",
        statuses,
        None,
    )
    .await;
    c.call(
        &env,
        "GET",
        "/v2/lists/sales/attributes/nope/statuses",
        statuses,
        None,
    )
    .await;
    for title in ["Hot", "Cold", "Hot"] {
        c.call(
            &env,
            "POST",
            "/v2/lists/sales/attributes/tags/options",
            options,
            Some(json!({"data": {"title": title}})),
        )
        .await;
    }
    c.call(
        &env,
        "GET",
        "/v2/lists/sales/attributes/tags/options",
        options,
        None,
    )
    .await;
    let option = "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}";
    let status = "/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}";
    for (path, body) in [
        (
            "/v2/lists/sales/attributes/tags/options/Cold",
            json!({"data": {"title": "Chilly"}}),
        ),
        (
            "/v2/lists/sales/attributes/tags/options/Chilly",
            json!({"data": {"title": "Hot"}}),
        ),
        (
            "/v2/lists/sales/attributes/tags/options/Nope",
            json!({"data": {"title": "X"}}),
        ),
        (
            "/v2/lists/sales/attributes/nope/options/Hot",
            json!({"data": {"title": "X"}}),
        ),
    ] {
        c.call(&env, "PATCH", path, option, Some(body)).await;
    }
    for (path, body) in [
        (
            "/v2/lists/sales/attributes/stage/statuses/Lead",
            json!({"data": {"celebration_enabled": true, "is_archived": false}}),
        ),
        (
            "/v2/lists/sales/attributes/stage/statuses/Lead",
            json!({"data": {"title": "In Progress"}}),
        ),
        (
            "/v2/lists/sales/attributes/stage/statuses/Nope",
            json!({"data": {"title": "X"}}),
        ),
        (
            "/v2/objects/deals/attributes/stage/statuses/Lost",
            json!({"data": {"target_time_in_status": null}}),
        ),
        (
            "/v2/objects/deals/attributes/nope/statuses/Lost",
            json!({"data": {"title": "X"}}),
        ),
    ] {
        c.call(&env, "PATCH", path, status, Some(body)).await;
    }

    // Entries.
    let acme = id(&env
        .create(
            "companies",
            json!({"name": "Acme", "domains": ["acme.com"]}),
        )
        .await);
    let ada = id(&env
        .create("people", json!({"email_addresses": ["ada@acme.com"]}))
        .await);
    let body = |values: Value| json!({"data": {"parent_record_id": acme, "parent_object": "companies", "entry_values": values}});
    let full = json!({"stage": "Lead", "tags": ["Hot", "Chilly"], "priority": 3, "owner": "alice@attio.com",
        "note": "first", "deal_value": 1200.5, "close_date": "2026-12-01", "closed_at": "2026-12-01T10:00",
        "score": 4, "signed": false, "champion": [{"target_object": "people", "target_record_id": ada}],
        "office": "1 Infinite Loop, Cupertino, CA, 95014, US", "phone": "+447777777777"});
    let e = c
        .call(
            &env,
            "POST",
            "/v2/lists/sales/entries",
            entries,
            Some(body(full)),
        )
        .await;
    let eid = e["data"]["id"]["entry_id"].as_str().unwrap().to_owned();
    c.call(
        &env,
        "POST",
        "/v2/lists/sales/entries",
        entries,
        Some(body(json!({"stage": "Nope"}))),
    )
    .await;
    c.call(&env, "POST", "/v2/lists/sales/entries", entries,
        Some(json!({"data": {"parent_record_id": "4a5b6c7d-0000-4000-8000-000000000000", "parent_object": "companies", "entry_values": {}}})))
        .await;
    c.call(
        &env,
        "POST",
        "/v2/lists/nope/entries",
        entries,
        Some(body(json!({}))),
    )
    .await;
    c.call(
        &env,
        "PUT",
        "/v2/lists/sales/entries",
        entries,
        Some(body(json!({"stage": "In Progress", "tags": ["Chilly"]}))),
    )
    .await;
    c.call(
        &env,
        "POST",
        "/v2/lists/sales/entries",
        entries,
        Some(body(json!({}))),
    )
    .await;
    c.call(
        &env,
        "PUT",
        "/v2/lists/sales/entries",
        entries,
        Some(body(json!({}))),
    )
    .await;
    c.call(
        &env,
        "PUT",
        "/v2/lists/nope/entries",
        entries,
        Some(body(json!({}))),
    )
    .await;
    let one = format!("/v2/lists/sales/entries/{eid}");
    c.call(&env, "GET", &one, entry, None).await;
    c.call(
        &env,
        "GET",
        "/v2/lists/sales/entries/4a5b6c7d-0000-4000-8000-000000000000",
        entry,
        None,
    )
    .await;
    c.call(
        &env,
        "PATCH",
        &one,
        entry,
        Some(json!({"data": {"entry_values": {"tags": ["Hot"], "note": "second", "score": 5}}})),
    )
    .await;
    c.call(
        &env,
        "PATCH",
        &one,
        entry,
        Some(json!({"data": {"parent_record_id": ada, "entry_values": {}}})),
    )
    .await;
    c.call(
        &env,
        "PATCH",
        "/v2/lists/nope/entries/x",
        entry,
        Some(json!({"data": {"entry_values": {"note": "x"}}})),
    )
    .await;
    c.call(
        &env,
        "PUT",
        &one,
        entry,
        Some(json!({"data": {"entry_values": {"tags": ["Hot"], "priority": []}}})),
    )
    .await;
    c.call(
        &env,
        "PUT",
        &one,
        entry,
        Some(json!({"data": {"parent_object": "people", "entry_values": {}}})),
    )
    .await;
    c.call(
        &env,
        "PUT",
        "/v2/lists/sales/entries/4a5b6c7d-0000-4000-8000-000000000000",
        entry,
        Some(json!({"data": {"entry_values": {"note": "x"}}})),
    )
    .await;
    for a in [
        "stage",
        "tags",
        "priority",
        "owner",
        "note",
        "deal_value",
        "close_date",
        "closed_at",
        "score",
        "signed",
        "champion",
        "office",
        "phone",
        "created_at",
        "created_by",
    ] {
        c.call(
            &env,
            "GET",
            &format!("{one}/attributes/{a}/values?show_historic=true"),
            values,
            None,
        )
        .await;
    }
    c.call(
        &env,
        "GET",
        &format!("{one}/attributes/nope/values"),
        values,
        None,
    )
    .await;
    c.call(
        &env,
        "POST",
        "/v2/lists/sales/entries/query",
        query,
        Some(json!({})),
    )
    .await;
    c.call(&env, "POST", "/v2/lists/sales/entries/query", query,
        Some(json!({"filter": {"$and": [{"stage": "In Progress"},
            {"path": [["sales", "parent_record"], ["companies", "name"]], "constraints": {"value": {"$contains": "acme"}}}]},
            "sorts": [{"direction": "asc", "path": [["sales", "parent_record"], ["companies", "name"]]},
                      {"direction": "desc", "attribute": "priority"}], "limit": 10, "offset": 0})))
        .await;
    c.call(
        &env,
        "POST",
        "/v2/lists/nope/entries/query",
        query,
        Some(json!({})),
    )
    .await;
    c.call(
        &env,
        "GET",
        &format!("/v2/objects/companies/records/{acme}/entries"),
        "/v2/objects/{object}/records/{record_id}/entries",
        None,
    )
    .await;
    // An attribute's whole history, written (`200`) and refused (`400`: two open values).
    let values = "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values";
    let signed = format!("{one}/attributes/signed/values");
    let history = |values: Value| json!({"data": {"values": values, "replace_history": true}});
    let written = c.call(&env, "PUT", &signed, values, Some(history(json!([
        {"value": false, "active_from": "2021-01-01T00:00:00Z", "active_until": "2022-01-01T00:00:00Z"},
        {"value": true, "active_from": "2022-01-01T00:00:00Z", "active_until": null}])))).await;
    assert_eq!(
        written["data"].as_array().map(Vec::len),
        Some(2),
        "{written}"
    );
    c.call(
        &env,
        "PUT",
        &signed,
        values,
        Some(history(json!([
        {"value": false, "active_from": "2021-01-01T00:00:00Z", "active_until": null},
        {"value": true, "active_from": "2022-01-01T00:00:00Z", "active_until": null}]))),
    )
    .await;
    c.call(&env, "DELETE", &one, entry, None).await;
    c.call(&env, "DELETE", &one, entry, None).await;
    assert!(c.checked >= 70, "{}", c.checked);
}
