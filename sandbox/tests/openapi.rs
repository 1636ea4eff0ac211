//! Every response the sandbox gives validates against its operation's response schema in
//! Attio's OpenAPI document (`tests/fixtures/openapi.json`, a copy of shared/attio/openapi.json).
//!
//! The schema is prepared as little as possible:
//! - OpenAPI-3.0 `nullable: true` becomes a 3.1 type array (`["string", "null"]`);
//! - where a type array allows `null` but the `enum` beside it does not list it (e.g.
//!   `config.currency.default_currency_code`, location `country_code`), `null` is added to the
//!   enum: the spec's own type says null is allowed, and Attio sends it.
//!
//! No `oneOf` needed loosening: the sandbox's value shapes each match exactly one member.

mod common;

use common::{Env, id};
use serde_json::{Value, json};

fn openapi() -> Value {
    // Attio's OpenAPI document, copied into the repository from shared/attio/openapi.json.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/openapi.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("openapi.json")).expect("json")
}

fn normalise(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.remove("nullable") == Some(Value::Bool(true)) {
                match m.get_mut("type") {
                    Some(Value::String(t)) => {
                        let t = t.clone();
                        m.insert("type".into(), json!([t, "null"]));
                    }
                    Some(Value::Array(ts)) if !ts.contains(&json!("null")) => {
                        ts.push(json!("null"))
                    }
                    _ => {}
                }
            }
            let nullable = m
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|ts| ts.contains(&json!("null")));
            if nullable
                && let Some(Value::Array(e)) = m.get_mut("enum")
                && !e.contains(&Value::Null)
            {
                e.push(Value::Null);
            }
            m.values_mut().for_each(normalise);
        }
        Value::Array(a) => a.iter_mut().for_each(normalise),
        _ => {}
    }
}

struct Checker {
    spec: Value,
    checked: usize,
}

impl Checker {
    fn check(&mut self, method: &str, template: &str, status: u16, body: &Value) {
        let op = &self.spec["paths"][template][method.to_lowercase()];
        assert!(op.is_object(), "no operation {method} {template}");
        let schema = &op["responses"][status.to_string()]["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "no {status} response for {method} {template}"
        );
        let mut root = schema.clone();
        root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        root["components"] = self.spec["components"].clone();
        let validator = jsonschema::validator_for(&root).expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(
            errors.is_empty(),
            "{method} {template} {status}: {errors:#?}\nbody: {body}"
        );
        self.checked += 1;
    }

    /// Calls the sandbox and checks the answer against `template`'s response schema.
    async fn call(
        &mut self,
        env: &Env,
        method: &str,
        path: &str,
        template: &str,
        body: Option<Value>,
    ) -> Value {
        let (status, answer) = env.call(method, path, body).await;
        self.check(method, template, status, &answer);
        answer
    }
}

fn checker() -> Checker {
    let mut spec = openapi();
    normalise(&mut spec);
    Checker { spec, checked: 0 }
}

#[tokio::test]
async fn responses_match_the_openapi_schemas() {
    let mut c = checker();
    let env = Env::new().await;

    macro_rules! call {
        ($method:expr, $path:expr, $template:expr, $body:expr) => {{
            let path: String = $path.into();
            let (status, body) = env.call($method, &path, $body).await;
            c.check($method, $template, status, &body);
            body
        }};
    }

    // The checker does reject a wrong shape.
    let wrong = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Checker {
            spec: c.spec.clone(),
            checked: 0,
        }
        .check(
            "GET",
            "/v2/objects",
            200,
            &json!({"data": [{"api_slug": 1}]}),
        )
    }));
    assert!(
        wrong.is_err(),
        "the validator must reject an invalid object list"
    );

    call!("GET", "/v2/objects", "/v2/objects", None);
    call!(
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        )
    );
    call!(
        "POST",
        "/v2/objects",
        "/v2/objects",
        Some(
            json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})
        )
    );
    call!("GET", "/v2/objects/people", "/v2/objects/{object}", None);
    call!("GET", "/v2/objects/nope", "/v2/objects/{object}", None);
    for object in ["people", "companies", "deals", "users", "workspaces"] {
        call!(
            "GET",
            format!("/v2/objects/{object}/attributes"),
            "/v2/{target}/{identifier}/attributes",
            None
        );
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
        call!(
            "POST",
            "/v2/objects/projects/attributes",
            "/v2/{target}/{identifier}/attributes",
            Some(
                json!({"data": {"title": slug, "description": null, "api_slug": slug, "type": ty, "is_required": false, "is_unique": false, "is_multiselect": false, "config": config}})
            )
        );
    }
    call!(
        "GET",
        "/v2/objects/projects/attributes/tier",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None
    );
    call!(
        "GET",
        "/v2/objects/projects/attributes/nope",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        None
    );
    call!(
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}}))
    );
    call!(
        "POST",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        Some(json!({"data": {"title": "Gold"}}))
    );
    call!(
        "GET",
        "/v2/objects/projects/attributes/tier/options",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        None
    );
    call!(
        "GET",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        None
    );
    call!(
        "POST",
        "/v2/objects/deals/attributes/stage/statuses",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        Some(json!({"data": {"title": "Paused"}}))
    );

    let records = "/v2/objects/{object}/records";
    let one = "/v2/objects/{object}/records/{record_id}";
    let person = call!(
        "POST",
        "/v2/objects/people/records",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "name": "Lovelace, Ada", "phone_numbers": ["+447777777777"],
            "primary_location": "1 Infinite Loop, Cupertino, CA, 95014, US", "description": "d"}}})
        )
    );
    let pid = id(&person["data"]);
    let company = call!(
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(
            json!({"data": {"values": {"domains": ["x.com"], "name": "X", "categories": ["SaaS"], "team": [{"target_object": "people", "target_record_id": pid}], "foundation_date": "2020"}}})
        )
    );
    let cid = id(&company["data"]);
    call!(
        "POST",
        "/v2/objects/companies/records",
        records,
        Some(json!({"data": {"values": {"categories": ["Nope"]}}}))
    );
    call!(
        "POST",
        "/v2/objects/nope/records",
        records,
        Some(json!({"data": {"values": {}}}))
    );
    let deal = call!(
        "POST",
        "/v2/objects/deals/records",
        records,
        Some(
            json!({"data": {"values": {"name": "D", "stage": "In Progress", "owner": "alice@attio.com", "value": 12.5, "associated_company": "x.com"}}})
        )
    );
    let did = id(&deal["data"]);
    let project = call!(
        "POST",
        "/v2/objects/projects/records",
        records,
        Some(
            json!({"data": {"values": {"amount": "4.99", "owner_ref": "ada@x.com", "tier": "Gold", "score": 4, "done": "true",
            "when": "2023-01-02T13:00", "since": "2023-01", "count": 3.25,
            "hq": {"line_1": "1 Infinite Loop", "line_2": null, "line_3": null, "line_4": null, "locality": "Cupertino", "region": "CA",
                   "postcode": "95014", "country_code": "US", "latitude": "37.331741", "longitude": "-122.030333"},
            "phone": [{"original_phone_number": "07777777777", "country_code": "GB"}], "lead": {"referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}}})
        )
    );
    let prid = id(&project["data"]);
    call!(
        "PUT",
        "/v2/objects/people/records?matching_attribute=email_addresses",
        records,
        Some(
            json!({"data": {"values": {"email_addresses": ["ada@x.com"], "job_title": "Countess"}}})
        )
    );
    call!(
        "PUT",
        "/v2/objects/people/records?matching_attribute=nope",
        records,
        Some(json!({"data": {"values": {"email_addresses": ["ada@x.com"]}}}))
    );
    for (o, rid) in [
        ("people", &pid),
        ("companies", &cid),
        ("deals", &did),
        ("projects", &prid),
    ] {
        call!("GET", format!("/v2/objects/{o}/records/{rid}"), one, None);
    }
    call!("GET", "/v2/objects/people/records/missing", one, None);
    call!(
        "PATCH",
        format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"job_title": "Analyst"}}}))
    );
    call!(
        "PATCH",
        format!("/v2/objects/deals/records/{did}"),
        one,
        Some(json!({"data": {"values": {"name": []}}}))
    );
    call!(
        "PUT",
        format!("/v2/objects/people/records/{pid}"),
        one,
        Some(json!({"data": {"values": {"email_addresses": ["ada@y.com"]}}}))
    );
    call!(
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"name": "Ada Lovelace"}}))
    );
    call!(
        "POST",
        "/v2/objects/projects/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({}))
    );
    call!(
        "POST",
        "/v2/objects/people/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({"filter": {"nope": 1}}))
    );
    call!(
        "POST",
        "/v2/objects/nope/records/query",
        "/v2/objects/{object}/records/query",
        Some(json!({}))
    );
    let values = "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values";
    for a in [
        "job_title",
        "email_addresses",
        "name",
        "phone_numbers",
        "primary_location",
        "record_id",
        "created_at",
        "created_by",
    ] {
        call!(
            "GET",
            format!("/v2/objects/people/records/{pid}/attributes/{a}/values?show_historic=true"),
            values,
            None
        );
    }
    for a in [
        "amount",
        "owner_ref",
        "tier",
        "score",
        "done",
        "when",
        "since",
        "count",
        "hq",
        "phone",
        "lead",
    ] {
        call!(
            "GET",
            format!("/v2/objects/projects/records/{prid}/attributes/{a}/values"),
            values,
            None
        );
    }
    call!(
        "GET",
        format!("/v2/objects/deals/records/{did}/attributes/stage/values"),
        values,
        None
    );
    call!(
        "GET",
        format!("/v2/objects/companies/records/{cid}/attributes/categories/values"),
        values,
        None
    );
    call!(
        "GET",
        format!(
            "/v2/objects/people/records/{pid}/attributes/first_email_interaction/values?show_historic=true"
        ),
        values,
        None
    );
    call!(
        "GET",
        format!("/v2/objects/people/records/{pid}/attributes/nope/values"),
        values,
        None
    );
    call!(
        "DELETE",
        format!("/v2/objects/people/records/{pid}"),
        one,
        None
    );
    call!(
        "DELETE",
        format!("/v2/objects/people/records/{pid}"),
        one,
        None
    );
    assert!(c.checked >= 60, "{}", c.checked);
}

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
    let full = json!({"stage": "Lead", "tags": ["Hot", "Cold"], "priority": 3, "owner": "alice@attio.com",
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
        Some(body(json!({"stage": "In Progress", "tags": ["Cold"]}))),
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
    c.call(&env, "DELETE", &one, entry, None).await;
    c.call(&env, "DELETE", &one, entry, None).await;
    assert!(c.checked >= 70, "{}", c.checked);
}
