//! Objects, attributes, select options and statuses: created, read, updated and refused.

use serde_json::json;

use crate::common::Env;
use crate::common::openapi::Checker;

/// Objects and their attributes, options and statuses.
pub(crate) async fn objects_and_attributes(env: &Env, c: &mut Checker) {
    c.call(env, "GET", "/v2/objects", "/v2/objects", None).await;
    c.call(
        env,
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        ),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        ),
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/objects/people",
        "/v2/objects/{object}",
        None,
    )
    .await;
    c.call(env, "GET", "/v2/objects/nope", "/v2/objects/{object}", None)
        .await;
    // A custom object deleted (then gone), a system object refused.
    c.call(
        env,
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "scratch", "singular_noun": "Scratch", "plural_noun": "Scratches"}})
        ),
    )
    .await;
    for object in ["scratch", "scratch", "people"] {
        c.call(
            env,
            "DELETE",
            &format!("/v2/objects/{object}"),
            "/v2/objects/{object}",
            None,
        )
        .await;
    }
    c.call(
        env,
        "PATCH",
        "/v2/objects/projects",
        "/v2/objects/{object}",
        Some(json!({"data": {"singular_noun": "Initiative"}})),
    )
    .await;
    c.call(
        env,
        "PATCH",
        "/v2/objects/projects",
        "/v2/objects/{object}",
        Some(json!({"data": {}})),
    )
    .await;
    c.call(
        env,
        "PATCH",
        "/v2/objects/nope",
        "/v2/objects/{object}",
        Some(json!({"data": {"plural_noun": "Nopes"}})),
    )
    .await;
    for object in ["people", "companies", "deals", "users", "workspaces"] {
        c.call(
            env,
            "GET",
            &format!("/v2/objects/{object}/attributes"),
            "/v2/{target}/{identifier}/attributes",
            None,
        )
        .await;
    }
    for (slug, ty, config) in [
        (
            "amount",
            "currency",
            json!({"currency": {"default_currency_code": "EUR", "display_type": "symbol"}}),
        ),
        (
            "owner_ref",
            "record-reference",
            json!({"record_reference": {"allowed_objects": ["people"]}}),
        ),
        ("tier", "select", json!({})),
        ("score", "rating", json!({})),
        ("done", "checkbox", json!({})),
        ("when", "timestamp", json!({})),
        ("since", "date", json!({})),
        ("count", "number", json!({})),
        ("hq", "location", json!({})),
        ("phone", "phone-number", json!({})),
        ("lead", "actor-reference", json!({})),
    ] {
        c.call(
            env,
            "POST",
            "/v2/objects/projects/attributes",
            "/v2/{target}/{identifier}/attributes",
            Some(
                json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": ty, "is_required": false, "is_unique": false, "is_multiselect": false, "config": config}})
            ),
        )
        .await;
    }
    c.call(
        env,
        "GET",
        "/v2/objects/projects/attributes/tier",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/objects/projects/attributes/nope",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None,
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}})),
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}})),
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        None,
    )
    .await;
    c.call(
        env,
        "POST",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        Some(json!({"data": {"title": "Paused"}})),
    )
    .await;
}

/// An attribute renamed, archived and its slug changed and back; a type change and a system
/// attribute refused; `/v2/self`.
pub(crate) async fn attribute_updates_and_self(env: &Env, c: &mut Checker) {
    let attr = "/v2/{target}/{identifier}/attributes/{attribute}";
    let renamed = c.call(
        env,
        "PATCH",
        "/v2/objects/projects/attributes/tier",
        attr,
        Some(
            json!({"data": {"title": "Role", "description": "What they do", "is_archived": true}})
        ),
    )
    .await;
    assert_eq!(renamed["data"]["title"], json!("Role"), "{renamed}");
    assert_eq!(renamed["data"]["is_archived"], json!(true));
    c.call(
        env,
        "PATCH",
        "/v2/objects/projects/attributes/tier",
        attr,
        Some(json!({"data": {"is_archived": false, "api_slug": "level"}})),
    )
    .await;
    c.call(
        env,
        "PATCH",
        "/v2/objects/projects/attributes/level",
        attr,
        Some(json!({"data": {"api_slug": "tier"}})),
    )
    .await;
    // The document lists only `system_edit_unauthorized` for this 400; a type change is refused
    // with `immutable_value`, as for every other immutable field, outside the document.
    let (status, refused) = env
        .call(
            "PATCH",
            "/v2/objects/projects/attributes/tier",
            Some(json!({"data": {"type": "number"}})),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(refused["code"], json!("immutable_value"));
    let system = c
        .call(
            env,
            "PATCH",
            "/v2/objects/people/attributes/job_title",
            attr,
            Some(json!({"data": {"title": "Role"}})),
        )
        .await;
    assert_eq!(system["code"], json!("system_edit_unauthorized"));
    let me = c.call(env, "GET", "/v2/self", "/v2/self", None).await;
    assert_eq!(me["active"], json!(true));
    assert!(
        me["scope"]
            .as_str()
            .unwrap()
            .contains("record_permission:read-write")
    );
}
