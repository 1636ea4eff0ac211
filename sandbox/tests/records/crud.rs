//! Create and get, and the shape of every value; the seed document's request, verbatim, with the
//! two-way relationships it updates.

use serde_json::{Value, json};

use crate::common::{Env, id, vals};
use crate::fixtures::is_ts;

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
