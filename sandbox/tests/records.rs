//! Records over HTTP: create/get/update/delete, every attribute type's write forms, errors,
//! multiselect semantics, assert, history, query.

mod common;

use common::{Env, id, vals};
use serde_json::{Value, json};

fn is_ts(s: &Value) -> bool {
    let s = s.as_str().unwrap_or("");
    s.len() == 30 && s.ends_with('Z') && s.as_bytes()[19] == b'.'
}

#[tokio::test]
async fn create_get_and_value_shape() {
    let env = Env::new().await;
    let p = env
        .create("people", json!({"email_addresses": ["Ada@Example.com"], "name": "Lovelace, Ada", "job_title": "Analyst"}))
        .await;
    let rid = id(&p);
    assert_eq!(rid.len(), 36);
    assert_eq!(p["id"]["workspace_id"], env.sb.workspace_id());
    let got = env
        .ok("GET", &format!("/v2/objects/people/records/{rid}"), None)
        .await;
    assert_eq!(got, p);
    let email = &got["values"]["email_addresses"][0];
    assert!(is_ts(&email["active_from"]), "{email}");
    assert_eq!(email["active_until"], Value::Null);
    assert_eq!(email["created_by_actor"]["type"], "api-token");
    assert_eq!(email["attribute_type"], "email-address");
    assert_eq!(
        vals(&got, "email_addresses"),
        [
            json!({"original_email_address": "Ada@Example.com", "email_address": "ada@example.com",
            "email_domain": "example.com", "email_root_domain": "example.com", "email_local_specifier": "ada"})
        ]
    );
    assert_eq!(
        vals(&got, "name"),
        [json!({"first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace"})]
    );
    assert_eq!(vals(&got, "description"), Vec::<Value>::new());
    assert_eq!(vals(&got, "record_id"), [json!({"value": rid})]);
    // Every attribute appears.
    let attrs = env.ok("GET", "/v2/objects/people/attributes", None).await;
    for a in attrs.as_array().unwrap() {
        assert!(
            got["values"][a["api_slug"].as_str().unwrap()].is_array(),
            "{}",
            a["api_slug"]
        );
    }
    assert!(is_ts(&got["created_at"]));
}

async fn env_with_customs() -> Env {
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

/// Which object each documented example attribute lives on in these tests.
fn object_for(slug: &str) -> &'static str {
    match slug {
        "email_addresses" | "name" | "phone_numbers" => "people",
        "primary_email_address" => "users",
        "owner" | "associated_company" | "associated_people" | "stage" => "deals",
        _ => "companies",
    }
}

#[tokio::test]
async fn every_documented_write_form_is_accepted() {
    let env = env_with_customs().await;
    // The documented examples, copied into the repository from shared/attio/examples.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("examples dir") {
        let path = entry.expect("entry").path();
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let Some(forms) = doc["write_forms"].as_array() else {
            continue;
        };
        for form in forms {
            let values = form["values"].as_object().expect("values").clone();
            let (slug, v) = values.iter().next().expect("one attribute");
            let object = object_for(slug);
            let mut record = json!({slug: v});
            // Fill in what the object requires.
            let base = match object {
                "deals" => json!({"name": "Deal", "stage": "Lead", "owner": "alice@attio.com"}),
                "users" => {
                    json!({"user_id": format!("u{checked}"), "primary_email_address": format!("u{checked}@x.com")})
                }
                _ => json!({}),
            };
            for (k, val) in base.as_object().unwrap() {
                record
                    .as_object_mut()
                    .unwrap()
                    .entry(k.clone())
                    .or_insert(val.clone());
            }
            if object == "people" && slug == "email_addresses" {
                record = json!({slug: [format!("p{checked}@new.com")]});
                if v[0].is_object() {
                    record = json!({slug: [{"email_address": format!("p{checked}@new.com")}]});
                }
            }
            if object == "companies" && slug == "domains" {
                let n = checked;
                record = match &v[0] {
                    Value::Object(_) => json!({slug: [{"domain": format!("d{n}.com")}]}),
                    _ => json!({slug: [format!("d{n}.com"), format!("e{n}.com")]}),
                };
            }
            let (status, body) = env.create_err(object, record.clone()).await;
            assert_eq!(
                status,
                200,
                "{} {}: {record} -> {body}",
                path.display(),
                form["form"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
}

#[tokio::test]
async fn normalisation_per_type() {
    let env = env_with_customs().await;
    let c = env
        .create(
            "companies",
            json!({
                "domains": ["https://www.Acme.co.uk/about?x=1"],
                "amount_owed": "4.99",
                "a_custom_checkbox_attribute": [true],
                "performance": {"value": 5},
                "my_timestamp_attribute": "2023-01-02T13:00:00.000000000+02:00",
                "foundation_date": "2023-01-02T23:00:00-10:00",
                "primary_location": "1 Infinite Loop, Cupertino, CA, 95014, US",
                "categories": ["3D Printing", {"option": "B2B"}],
            }),
        )
        .await;
    assert_eq!(
        vals(&c, "domains"),
        [json!({"domain": "www.acme.co.uk", "root_domain": "acme.co.uk"})]
    );
    assert_eq!(
        vals(&c, "amount_owed"),
        [json!({"currency_value": 4.99, "currency_code": "GBP"})]
    );
    assert_eq!(
        vals(&c, "a_custom_checkbox_attribute"),
        [json!({"value": true})]
    );
    assert_eq!(vals(&c, "performance"), [json!({"value": 5})]);
    assert_eq!(
        vals(&c, "my_timestamp_attribute"),
        [json!({"value": "2023-01-02T11:00:00.000000000Z"})]
    );
    assert_eq!(
        vals(&c, "foundation_date"),
        [json!({"value": "2023-01-03"})]
    );
    assert_eq!(vals(&c, "primary_location")[0]["locality"], "Cupertino");
    let cats = vals(&c, "categories");
    assert_eq!(cats.len(), 2);
    assert_eq!(cats[0]["option"]["title"], "3D Printing");
    assert_eq!(
        cats[0]["option"]["id"]["option_id"],
        "14938464-cae9-4e50-8856-0fb584844f24"
    );
    let p = env
        .create("people", json!({"phone_numbers": [{"original_phone_number": "07777777777", "country_code": "GB"}, "+15558675309"], "name": "Ada"}))
        .await;
    assert_eq!(
        vals(&p, "phone_numbers"),
        [
            json!({"original_phone_number": "07777777777", "country_code": "GB", "phone_number": "+447777777777"}),
            json!({"original_phone_number": "+15558675309", "country_code": "US", "phone_number": "+15558675309"})
        ]
    );
    assert_eq!(
        vals(&p, "name"),
        [json!({"first_name": "Ada", "last_name": "", "full_name": "Ada"})]
    );
    let d = env.create("deals", json!({"name": "D", "stage": {"status": "Won 🎉"}, "owner": {"workspace_member_email_address": "bob@attio.com"}, "value": 10})).await;
    assert_eq!(
        vals(&d, "value"),
        [json!({"currency_value": 10.0, "currency_code": "USD"})]
    );
    assert_eq!(vals(&d, "stage")[0]["status"]["celebration_enabled"], true);
    assert_eq!(
        vals(&d, "owner")[0]["referenced_actor_type"],
        "workspace-member"
    );
}

#[tokio::test]
async fn rejected_inputs() {
    let env = env_with_customs().await;
    let cases: Vec<(&str, Value, u16, &str)> = vec![
        ("companies", json!({"name": 5}), 400, "validation_type"),
        (
            "companies",
            json!({"name": ["a", "b"]}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"domains": "acme.com"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"domains": ["not a domain"]}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"a_custom_checkbox_attribute": "yes"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"amount_owed": 1.23456}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"performance": 6}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"performance": 2.5}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"foundation_date": "yesterday"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"my_timestamp_attribute": "2023-13-01"}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"primary_location": {"line_1": "x"}}),
            400,
            "validation_type",
        ),
        (
            "companies",
            json!({"categories": ["Nope"]}),
            400,
            "value_not_found",
        ),
        (
            "companies",
            json!({"no_such_attribute": "x"}),
            400,
            "value_not_found",
        ),
        (
            "companies",
            json!({"logo_url": "x"}),
            400,
            "system_edit_unauthorized",
        ),
        (
            "companies",
            json!({"record_id": "x"}),
            400,
            "system_edit_unauthorized",
        ),
        (
            "companies",
            json!({"first_email_interaction": "x"}),
            400,
            "system_edit_unauthorized",
        ),
        (
            "companies",
            json!({"domains": ["company.com"]}),
            400,
            "uniqueness_conflict",
        ),
        (
            "companies",
            json!({"team": [{"target_object": "people", "target_record_id": "nope"}]}),
            400,
            "value_not_found",
        ),
        (
            "companies",
            json!({"team": ["nobody@nowhere.com"]}),
            400,
            "value_not_found",
        ),
        (
            "people",
            json!({"email_addresses": ["not-an-email"]}),
            400,
            "validation_type",
        ),
        (
            "people",
            json!({"name": {"first_name": "A"}}),
            400,
            "validation_type",
        ),
        (
            "people",
            json!({"phone_numbers": ["07777777777"]}),
            400,
            "validation_type",
        ),
        (
            "deals",
            json!({"name": "D", "stage": "Nope", "owner": "alice@attio.com"}),
            400,
            "value_not_found",
        ),
        (
            "deals",
            json!({"name": "D", "stage": "Lead", "owner": "stranger@x.com"}),
            400,
            "value_not_found",
        ),
        (
            "deals",
            json!({"name": "D", "stage": "Lead"}),
            400,
            "missing_value",
        ),
        (
            "users",
            json!({"user_id": "123", "primary_email_address": "other@x.com"}),
            400,
            "uniqueness_conflict",
        ),
        ("nope", json!({}), 404, "not_found"),
    ];
    for (object, values, status, code) in cases {
        let (s, body) = env.create_err(object, values.clone()).await;
        assert_eq!(
            (s, body["code"].as_str().unwrap_or("")),
            (status, code),
            "{object} {values}: {body}"
        );
        assert_eq!(body["status_code"], status);
        assert!(body["type"].is_string() && body["message"].is_string());
    }
    let (s, body) = env
        .call(
            "POST",
            "/v2/objects/people/records",
            Some(json!({"nope": 1})),
        )
        .await;
    assert_eq!((s, body["code"].as_str()), (400, Some("validation_type")));
    let (s, _) = env
        .call("GET", "/v2/objects/people/records/missing", None)
        .await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn patch_appends_put_overwrites_assert_mixes() {
    let env = Env::new().await;
    let p = env.create("people", json!({"email_addresses": ["a@x.com"], "phone_numbers": ["+447777777777"], "job_title": "A"})).await;
    let rid = id(&p);
    let path = format!("/v2/objects/people/records/{rid}");
    let emails = |r: &Value| {
        vals(r, "email_addresses")
            .iter()
            .map(|v| v["email_address"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    let r = env
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"email_addresses": ["b@x.com"], "job_title": "B"}}})),
        )
        .await;
    assert_eq!(emails(&r), ["b@x.com", "a@x.com"]);
    assert_eq!(vals(&r, "job_title"), [json!({"value": "B"})]);
    let r = env
        .ok(
            "PATCH",
            &path,
            Some(json!({"data": {"values": {"email_addresses": []}}})),
        )
        .await;
    assert_eq!(emails(&r), ["b@x.com", "a@x.com"]);

    let r = env
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"email_addresses": ["c@x.com", "a@x.com"]}}})),
        )
        .await;
    assert_eq!(emails(&r), ["c@x.com", "a@x.com"]);
    assert_eq!(
        vals(&r, "job_title"),
        [json!({"value": "B"})],
        "omitted attributes are untouched"
    );

    // Assert by email: the matching attribute appends, other multiselects are overwritten.
    let r = env
        .ok(
            "PUT",
            "/v2/objects/people/records?matching_attribute=email_addresses",
            Some(json!({"data": {"values": {"email_addresses": ["a@x.com", "d@x.com"], "phone_numbers": ["+33123456789"]}}})),
        )
        .await;
    assert_eq!(id(&r), rid);
    assert_eq!(emails(&r), ["d@x.com", "c@x.com", "a@x.com"]);
    assert_eq!(vals(&r, "phone_numbers").len(), 1);
    assert_eq!(vals(&r, "phone_numbers")[0]["country_code"], "FR");

    // Assert with no match creates.
    let r = env
        .ok(
            "PUT",
            "/v2/objects/people/records?matching_attribute=email_addresses",
            Some(json!({"data": {"values": {"email_addresses": ["new@x.com"]}}})),
        )
        .await;
    assert_ne!(id(&r), rid);
    let (s, b) = env
        .call(
            "PUT",
            "/v2/objects/people/records?matching_attribute=nope",
            Some(json!({"data": {"values": {"email_addresses": ["n@x.com"]}}})),
        )
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("value_not_found")));

    // PUT [] clears single and multi.
    let r = env
        .ok(
            "PUT",
            &path,
            Some(json!({"data": {"values": {"job_title": [], "phone_numbers": []}}})),
        )
        .await;
    assert!(vals(&r, "job_title").is_empty() && vals(&r, "phone_numbers").is_empty());

    // Empty PATCH payload.
    let (s, b) = env
        .call("PATCH", &path, Some(json!({"data": {"values": {}}})))
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("validation_type")));

    // History: replaced values get active_until, sorted oldest first.
    let h = env
        .ok(
            "GET",
            &format!("{path}/attributes/job_title/values?show_historic=true"),
            None,
        )
        .await;
    let h = h.as_array().unwrap();
    assert_eq!(
        h.iter()
            .map(|v| v["value"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["A", "B"]
    );
    assert!(h.iter().all(|v| v["active_until"].is_string()));
    assert!(h[0]["active_from"].as_str() < h[1]["active_from"].as_str());
    assert_eq!(h[0]["active_until"], h[1]["active_from"]);
    let current = env
        .ok(
            "GET",
            &format!("{path}/attributes/email_addresses/values?show_historic=false"),
            None,
        )
        .await;
    assert_eq!(current.as_array().unwrap().len(), 3);
    let all = env
        .ok(
            "GET",
            &format!(
                "{path}/attributes/email_addresses/values?show_historic=true&limit=2&offset=1"
            ),
            None,
        )
        .await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    let (s, _) = env
        .call("GET", &format!("{path}/attributes/nope/values"), None)
        .await;
    assert_eq!(s, 404);

    // Delete.
    let (s, b) = env.call("DELETE", &path, None).await;
    assert_eq!((s, b), (200, json!({})));
    let (s, _) = env.call("DELETE", &path, None).await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn the_seed_request_verbatim() {
    let env = Env::new().await;
    env.sb
        .insert_record(
            "workspaces",
            "72ef5feaf-4919-4208-b332-1339ab8ba040",
            json!({"workspace_id": "ws-123", "name": "Acme"}),
        )
        .expect("workspace");
    env.sb
        .insert_record(
            "people",
            "891dcbfc-9141-415d-9b2a-2238a6cc012d",
            json!({"email_addresses": ["person@company.com"]}),
        )
        .expect("person");
    let user = env
        .create(
            "users",
            json!({"user_id": "old", "primary_email_address": "old@company.com"}),
        )
        .await;
    let body = r#"{
"data": {
"values": {
"user_id": "123",
"primary_email_address": "person@company.com",
"person": {
"target_object": "people",
"target_record_id": "891dcbfc-9141-415d-9b2a-2238a6cc012d"
},
"workspace": {
"target_object": "workspaces",
"target_record_id": "72ef5feaf-4919-4208-b332-1339ab8ba040"
}
}
}
}"#;
    let resp = env
        .http
        .patch(format!(
            "{}/v2/objects/users/records/{}",
            env.sb.base_url(),
            id(&user)
        ))
        .bearer_auth(env.sb.api_key())
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let r: Value = resp.json().await.unwrap();
    let r = &r["data"];
    assert_eq!(vals(r, "user_id"), [json!({"value": "123"})]);
    assert_eq!(
        vals(r, "primary_email_address"),
        [
            json!({"original_email_address": "person@company.com", "email_address": "person@company.com",
            "email_domain": "company.com", "email_root_domain": "company.com", "email_local_specifier": "person"})
        ]
    );
    assert_eq!(
        vals(r, "person"),
        [
            json!({"target_object": "people", "target_record_id": "891dcbfc-9141-415d-9b2a-2238a6cc012d"})
        ]
    );
    assert_eq!(
        vals(r, "workspace"),
        [
            json!({"target_object": "workspaces", "target_record_id": "72ef5feaf-4919-4208-b332-1339ab8ba040"})
        ]
    );
    for slug in ["user_id", "primary_email_address", "person", "workspace"] {
        let v = &r["values"][slug][0];
        assert!(
            is_ts(&v["active_from"])
                && v["active_until"].is_null()
                && v["created_by_actor"]["id"].is_string()
        );
    }
    // Two-way relationships: the person and the workspace now point back at the user.
    let person = env
        .ok(
            "GET",
            "/v2/objects/people/records/891dcbfc-9141-415d-9b2a-2238a6cc012d",
            None,
        )
        .await;
    assert_eq!(
        vals(&person, "associated_users"),
        [json!({"target_object": "users", "target_record_id": id(r)})]
    );
    let ws = env
        .ok(
            "GET",
            "/v2/objects/workspaces/records/72ef5feaf-4919-4208-b332-1339ab8ba040",
            None,
        )
        .await;
    assert_eq!(vals(&ws, "users")[0]["target_record_id"], id(r));
}

#[tokio::test]
async fn record_reference_forms_resolve() {
    let env = env_with_customs().await;
    let company = env
        .ok(
            "POST",
            "/v2/objects/companies/records/query",
            Some(json!({"filter": {"domains": "company.com"}})),
        )
        .await;
    let company_id = id(&company[0]);
    let d = env
        .create(
            "deals",
            json!({"name": "D", "stage": "Lead", "owner": "alice@attio.com", "associated_company": "company.com",
                "associated_people": [{"target_object": "people", "email_addresses": [{"email_address": "alice@website.com"}]}, "person@company.com"]}),
        )
        .await;
    assert_eq!(
        vals(&d, "associated_company")[0]["target_record_id"],
        company_id
    );
    assert_eq!(vals(&d, "associated_people").len(), 2);
    let c = env
        .ok(
            "GET",
            &format!("/v2/objects/companies/records/{company_id}"),
            None,
        )
        .await;
    assert_eq!(vals(&c, "associated_deals")[0]["target_record_id"], id(&d));
}

#[tokio::test]
async fn queries_filter_sort_and_page() {
    let env = Env::new().await;
    for (name, email, n) in [
        ("Lovelace, Ada", "ada@x.com", 3),
        ("Hopper, Grace", "grace@y.com", 1),
        ("Turing, Alan", "alan@x.com", 2),
    ] {
        env.create(
            "people",
            json!({"name": name, "email_addresses": [email], "job_title": format!("t{n}")}),
        )
        .await;
    }
    let q = |body: Value| {
        let env = &env;
        async move {
            let r = env
                .ok("POST", "/v2/objects/people/records/query", Some(body))
                .await;
            r.as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    vals(r, "name")[0]["first_name"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        q(json!({"filter": {"name": "Ada Lovelace"}})).await,
        ["Ada"]
    );
    assert_eq!(q(json!({"filter": {"email_addresses": {"email_domain": "x.com"}}, "sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}]})).await, ["Ada", "Alan"]);
    assert_eq!(q(json!({"filter": {"name": {"first_name": {"$contains": "A"}}}, "sorts": [{"direction": "desc", "attribute": "name", "field": "first_name"}]})).await, ["Grace", "Alan", "Ada"]);
    assert_eq!(q(json!({"filter": {"$or": [{"job_title": "t1"}, {"job_title": {"$starts_with": "T3"}}]}, "sorts": [{"direction": "asc", "attribute": "job_title"}]})).await, ["Grace", "Ada"]);
    assert_eq!(
        q(json!({"filter": {"$not": {"email_addresses": {"email_domain": "x.com"}}}})).await,
        ["Grace"]
    );
    assert_eq!(q(json!({"filter": {"$and": [{"job_title": {"$in": ["t1", "t2"]}}, {"name": {"last_name": {"$ends_with": "ing"}}}]}})).await, ["Alan"]);
    assert_eq!(
        q(json!({"filter": {"description": {"$not_empty": true}}})).await,
        Vec::<String>::new()
    );
    assert_eq!(q(json!({"sorts": [{"direction": "asc", "attribute": "name", "field": "last_name"}], "limit": 1, "offset": 1})).await, ["Lovelace"].map(|_| "Ada"));
    assert_eq!(
        q(json!({"filter": {"created_at": {"$gte": "2000-01-01T00:00:00Z"}}}))
            .await
            .len(),
        3
    );
    for bad in [
        json!({"filter": {"nope": "x"}}),
        json!({"filter": {"job_title": {"$gt": "x"}}}),
        json!({"filter": {"job_title": {"$bogus": "x"}}}),
        json!({"filter": {"name": {"middle_name": "x"}}}),
        json!({"filter": {"$or": {"job_title": "x"}}}),
        json!({"filter": "x"}),
    ] {
        let (s, b) = env
            .call(
                "POST",
                "/v2/objects/people/records/query",
                Some(bad.clone()),
            )
            .await;
        assert_eq!(
            (s, b["code"].as_str()),
            (400, Some("filter_error")),
            "{bad}"
        );
    }
    let (s, _) = env
        .call("POST", "/v2/objects/nope/records/query", Some(json!({})))
        .await;
    assert_eq!(s, 404);
}
