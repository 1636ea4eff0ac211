//! Lists and entries over HTTP: lists, list attributes (statuses, selects), entries (create,
//! assert by parent, get, PATCH appends, PUT overwrites, delete, history), queries with `path`,
//! the record → entries short form, cascades and errors.

mod common;

use common::{Env, id};
use serde_json::{Value, json};

/// The active values of an entry attribute with the common fields removed.
fn evals(entry: &Value, slug: &str) -> Vec<Value> {
    entry["entry_values"][slug]
        .as_array()
        .unwrap_or_else(|| panic!("no entry values for {slug}: {entry}"))
        .iter()
        .map(|v| {
            let mut v = v.clone();
            if let Some(m) = v.as_object_mut() {
                for k in [
                    "active_from",
                    "active_until",
                    "created_by_actor",
                    "attribute_type",
                ] {
                    m.remove(k);
                }
            }
            v
        })
        .collect()
}

fn entry_id(entry: &Value) -> String {
    entry["id"]["entry_id"]
        .as_str()
        .expect("entry id")
        .to_owned()
}

fn titles(entry: &Value, slug: &str, key: &str) -> Vec<String> {
    evals(entry, slug)
        .iter()
        .map(|v| v[key]["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A `sales` list over companies with a `stage` status (Lead, In Progress, Won 🎉, Lost), a
/// multiselect `tags` select (Hot, Cold, Warm), a `priority` number and an `owner` actor.
async fn pipeline() -> Env {
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

async fn company(env: &Env, name: &str, domain: &str) -> String {
    id(&env
        .create("companies", json!({"name": name, "domains": [domain]}))
        .await)
}

async fn add(env: &Env, parent: &str, values: Value) -> Value {
    env.ok(
        "POST",
        "/v2/lists/sales/entries",
        Some(json!({"data": {"parent_record_id": parent, "parent_object": "companies", "entry_values": values}})),
    )
    .await
}

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
    let (s, err) = env.call("GET", &path, None).await;
    assert_eq!((s, err["code"].as_str()), (404, Some("not_found")));
}
