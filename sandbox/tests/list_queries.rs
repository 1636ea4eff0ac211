//! Entry queries (filters and sorts on list attributes and, through `path`, on the parent
//! record), record queries through record references, the record → entries short form, and the
//! deletion cascade from records to entries.

mod common;

use common::Env;
use common::lists::{add, company, entry_id, pipeline};
use serde_json::{Value, json};

#[tokio::test]
async fn queries_filter_and_sort_through_the_parent_record() {
    let env = pipeline().await;
    let mut ids = Vec::new();
    for (name, domain, stage, priority) in [
        ("Acme", "acme.com", "Lead", 3),
        ("Acme Labs", "acmelabs.io", "In Progress", 1),
        ("Globex", "globex.com", "Lead", 2),
        ("Initech", "initech.com", "Won 🎉", 5),
    ] {
        let c = company(&env, name, domain).await;
        let e = add(&env, &c, json!({"stage": stage, "priority": priority})).await;
        ids.push((name, c, entry_id(&e)));
    }
    let query = |body: Value| {
        let env = &env;
        async move {
            let found = env
                .ok("POST", "/v2/lists/sales/entries/query", Some(body))
                .await;
            found
                .as_array()
                .unwrap()
                .iter()
                .map(entry_id)
                .collect::<Vec<_>>()
        }
    };
    let eid = |name: &str| ids.iter().find(|(n, _, _)| *n == name).unwrap().2.clone();
    let name_path = json!([["sales", "parent_record"], ["companies", "name"]]);

    // List attribute filter (shorthand on a status title).
    assert_eq!(
        query(json!({"filter": {"stage": "Lead"}})).await,
        [eid("Acme"), eid("Globex")]
    );
    // Parent attribute through path.
    assert_eq!(
        query(
            json!({"filter": {"path": name_path, "constraints": {"value": {"$contains": "acme"}}}})
        )
        .await,
        [eid("Acme"), eid("Acme Labs")]
    );
    // Path by domain property, by record_id, and combined with a list attribute.
    assert_eq!(
        query(
            json!({"filter": {"path": [["sales", "parent_record"], ["companies", "domains"]],
            "constraints": {"root_domain": "globex.com"}}})
        )
        .await,
        [eid("Globex")]
    );
    let initech = ids[3].1.clone();
    assert_eq!(
        query(
            json!({"filter": {"path": [["sales", "parent_record"], ["companies", "record_id"]],
            "constraints": {"value": initech}}})
        )
        .await,
        [eid("Initech")]
    );
    assert_eq!(
        query(json!({"filter": {"$and": [
            {"stage": {"$in": ["Lead", "In Progress"]}},
            {"path": name_path, "constraints": {"value": {"$starts_with": "Acme"}}}
        ]}}))
        .await,
        [eid("Acme"), eid("Acme Labs")]
    );
    // Sorts: by a list attribute, and by the parent's name through path.
    assert_eq!(
        query(json!({"sorts": [{"direction": "desc", "attribute": "priority"}]})).await,
        [eid("Initech"), eid("Acme"), eid("Globex"), eid("Acme Labs")]
    );
    assert_eq!(
        query(
            json!({"sorts": [{"direction": "desc", "path": name_path}], "limit": 2, "offset": 1})
        )
        .await,
        [eid("Globex"), eid("Acme Labs")]
    );
    // `limit` and `offset` as JSON numbers with an integral value, such as 2.0, page alike;
    // a fraction or a negative number is refused.
    assert_eq!(
        query(
            json!({"sorts": [{"direction": "desc", "path": name_path}], "limit": 2.0, "offset": 1.0})
        )
        .await,
        [eid("Globex"), eid("Acme Labs")]
    );
    for bad in [
        json!({"limit": 2.5}),
        json!({"offset": -1}),
        json!({"limit": -2.0}),
    ] {
        env.expect_error(
            "POST",
            "/v2/lists/sales/entries/query",
            Some(bad),
            400,
            "validation_type",
        )
        .await;
    }
    // A bad path is a filter_error.
    for bad in [
        json!({"filter": {"path": [["people", "parent_record"], ["companies", "name"]], "constraints": {"value": "x"}}}),
        json!({"filter": {"path": [["sales", "parent_record"], ["people", "name"]], "constraints": {"value": "x"}}}),
        json!({"filter": {"path": [["sales", "priority"], ["companies", "name"]], "constraints": {"value": "x"}}}),
        json!({"filter": {"path": name_path}}),
        json!({"filter": {"name": "Acme"}}),
    ] {
        env.expect_error(
            "POST",
            "/v2/lists/sales/entries/query",
            Some(bad.clone()),
            400,
            "filter_error",
        )
        .await;
    }
}

#[tokio::test]
async fn record_paths_follow_record_references() {
    let env = Env::new().await;
    let acme = company(&env, "Acme", "acme.com").await;
    let ada = env
        .create(
            "people",
            json!({"email_addresses": ["ada@acme.com"], "company": [{"target_object": "companies", "target_record_id": acme}]}),
        )
        .await;
    env.create("people", json!({"email_addresses": ["bob@x.com"]}))
        .await;
    let found = env
        .ok(
            "POST",
            "/v2/objects/people/records/query",
            Some(
                json!({"filter": {"path": [["people", "company"], ["companies", "name"]],
                "constraints": {"value": "Acme"}}}),
            ),
        )
        .await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["id"], ada["id"]);
}

#[tokio::test]
async fn record_entries_short_form_and_deletion_cascade() {
    let env = pipeline().await;
    env.ok(
        "POST",
        "/v2/lists",
        Some(json!({"data": {"name": "Partners", "api_slug": "partners", "parent_object": "companies",
            "workspace_access": null,
            "workspace_member_access": [{"workspace_member_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b", "level": "full-access"}]}})),
    )
    .await;
    let acme = company(&env, "Acme", "acme.com").await;
    let other = company(&env, "Other", "other.com").await;
    let e1 = add(&env, &acme, json!({})).await;
    let e2 = env
        .ok(
            "POST",
            "/v2/lists/partners/entries",
            Some(json!({"data": {"parent_record_id": acme, "parent_object": "companies", "entry_values": {}}})),
        )
        .await;
    let kept = add(&env, &other, json!({})).await;
    let path = format!("/v2/objects/companies/records/{acme}/entries");
    let short = env.ok("GET", &path, None).await;
    assert_eq!(
        short,
        json!([
            {"list_id": e1["id"]["list_id"], "list_api_slug": "sales", "entry_id": e1["id"]["entry_id"], "created_at": e1["created_at"]},
            {"list_id": e2["id"]["list_id"], "list_api_slug": "partners", "entry_id": e2["id"]["entry_id"], "created_at": e2["created_at"]},
        ])
    );
    let page = env
        .ok("GET", &format!("{path}?limit=1&offset=1"), None)
        .await;
    assert_eq!(page, json!([short[1]]));
    let (s, _) = env.call("GET", &format!("{path}?limit=1001"), None).await;
    assert_eq!(s, 400);

    // Deleting the record deletes its entries, and only its entries.
    env.ok(
        "DELETE",
        &format!("/v2/objects/companies/records/{acme}"),
        None,
    )
    .await;
    for (list, e) in [("sales", &e1), ("partners", &e2)] {
        let (s, _) = env
            .call(
                "GET",
                &format!("/v2/lists/{list}/entries/{}", entry_id(e)),
                None,
            )
            .await;
        assert_eq!(s, 404);
    }
    let left = env
        .ok("POST", "/v2/lists/sales/entries/query", Some(json!({})))
        .await;
    assert_eq!(left, json!([kept]));
    let (s, _) = env.call("GET", &path, None).await;
    assert_eq!(s, 404);
}
