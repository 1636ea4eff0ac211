//! Several workspaces in one sandbox: each with its own key, data, `/v2/self`, scopes, rate
//! limits, webhooks and OAuth tokens; `/authorize` approving into the chosen one.

mod common;

use std::time::Duration;

use attio_sandbox::{AttemptResult, Sandbox};
use common::client;
use serde_json::{Value, json};

const CLIENT_ID: &str = "workspaces-client";
const SECRET: &str = "workspaces-client-secret";

async fn two_workspaces(builder: attio_sandbox::SandboxBuilder) -> Sandbox {
    builder
        .api_key("key")
        .seed(7)
        .workspace("Acme", "acme")
        .add_workspace("Globex", "globex")
        .start()
        .await
        .unwrap()
}

/// A request with `key` as the bearer token: the status and the JSON body.
async fn call(
    sandbox: &Sandbox,
    key: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = client()
        .request(
            method.parse().unwrap(),
            format!("{}{path}", sandbox.base_url()),
        )
        .bearer_auth(key);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let answer = request.send().await.unwrap();
    let status = answer.status().as_u16();
    (status, answer.json().await.unwrap_or(Value::Null))
}

async fn create_company(sandbox: &Sandbox, key: &str, name: &str) -> (u16, Value) {
    let body = json!({"data": {"values": {"name": name}}});
    call(
        sandbox,
        key,
        "POST",
        "/v2/objects/companies/records",
        Some(body),
    )
    .await
}

async fn company_names(sandbox: &Sandbox, key: &str) -> Vec<String> {
    let (status, body) = call(
        sandbox,
        key,
        "POST",
        "/v2/objects/companies/records/query",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mut names: Vec<String> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["values"]["name"][0]["value"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn each_workspace_has_its_own_key_data_and_self() {
    let sandbox = two_workspaces(Sandbox::builder()).await;
    let acme = sandbox.workspace("acme").unwrap();
    let globex = sandbox.workspace("globex").unwrap();
    assert_eq!((acme.api_key(), globex.api_key()), ("key", "key-globex"));
    assert_eq!(sandbox.api_key(), "key");
    assert_eq!(sandbox.workspace_id(), acme.workspace_id());
    assert_ne!(acme.workspace_id(), globex.workspace_id());
    let slugs: Vec<String> = sandbox.workspaces().iter().map(|w| w.slug()).collect();
    assert_eq!(slugs, ["acme", "globex"]);

    let (status, created) = create_company(&sandbox, "key", "Acme Corp").await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(
        created["data"]["id"]["workspace_id"],
        json!(acme.workspace_id())
    );
    let acme_record = created["data"]["id"]["record_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, created) = create_company(&sandbox, "key-globex", "Globex Inc").await;
    assert_eq!(status, 200, "{created}");
    globex
        .insert_record(
            "companies",
            "9a0d7c64-1f3e-4b5a-8c2d-6e7f8a9b0c1d",
            json!({"name": "Globex Seeded"}),
        )
        .unwrap();

    assert_eq!(company_names(&sandbox, "key").await, ["Acme Corp"]);
    assert_eq!(
        company_names(&sandbox, "key-globex").await,
        ["Globex Inc", "Globex Seeded"]
    );
    // Globex's key does not reach Acme's record, even by its id.
    let path = format!("/v2/objects/companies/records/{acme_record}");
    assert_eq!(
        call(&sandbox, "key-globex", "GET", &path, None).await.0,
        404
    );
    assert_eq!(call(&sandbox, "key", "GET", &path, None).await.0, 200);

    for (key, workspace) in [("key", &acme), ("key-globex", &globex)] {
        let (status, me) = call(&sandbox, key, "GET", "/v2/self", None).await;
        assert_eq!(status, 200, "{me}");
        assert_eq!(me["workspace_id"], json!(workspace.workspace_id()));
        assert_eq!(me["workspace_slug"], json!(workspace.slug()));
        assert_eq!(me["workspace_name"], json!(workspace.name()));
    }
    assert_eq!(
        call(&sandbox, "key-initech", "GET", "/v2/self", None)
            .await
            .0,
        401
    );

    // Scopes are each workspace's own.
    globex.set_scopes(["record_permission:read"]);
    let (_, me) = call(&sandbox, "key-globex", "GET", "/v2/self", None).await;
    assert_eq!(me["scope"], "record_permission:read");
    let (_, me) = call(&sandbox, "key", "GET", "/v2/self", None).await;
    assert!(me["scope"].as_str().unwrap().contains("note:read-write"));

    // A reset empties every workspace and keeps their (seeded) ids.
    let ids = (acme.workspace_id(), globex.workspace_id());
    sandbox.reset();
    assert!(company_names(&sandbox, "key").await.is_empty());
    assert!(company_names(&sandbox, "key-globex").await.is_empty());
    assert_eq!((acme.workspace_id(), globex.workspace_id()), ids);
}

#[tokio::test]
async fn a_workspace_at_its_write_limit_does_not_slow_another() {
    let sandbox = two_workspaces(Sandbox::builder().rate_limits(true).writes_per_second(3)).await;
    // Within one second: Acme spends its writes and is refused; Globex writes; Acme is still
    // refused, which shows the three requests fell in the same second. A second that turned in
    // between starts over.
    for _ in 0..5 {
        let mut acme_status = 200;
        for i in 0..4 {
            acme_status = create_company(&sandbox, "key", &format!("A{i}")).await.0;
            if acme_status == 429 {
                break;
            }
        }
        if acme_status != 429 {
            continue; // the four writes straddled a second
        }
        let (globex_status, body) = create_company(&sandbox, "key-globex", "G").await;
        let acme_again = create_company(&sandbox, "key", "A").await.0;
        if acme_again == 429 {
            assert_eq!(globex_status, 200, "Globex was slowed by Acme: {body}");
            return;
        }
    }
    panic!("five tries each straddled a second");
}

#[tokio::test]
async fn starting_with_two_workspaces_of_one_slug_fails() {
    let err = Sandbox::builder()
        .workspace("Acme", "acme")
        .add_workspace("Acme again", "acme")
        .start()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("\"acme\""), "{err}");
}

#[tokio::test]
async fn webhooks_and_their_deliveries_are_each_workspaces_own() {
    let sandbox = two_workspaces(Sandbox::builder()).await;
    let globex = sandbox.workspace("globex").unwrap();
    let subscriptions = json!([{"event_type": "record.created", "filter": null}]);
    let body = json!({"data": {"target_url": "https://example.com/globex", "subscriptions": subscriptions}});
    let (status, created) = call(&sandbox, "key-globex", "POST", "/v2/webhooks", Some(body)).await;
    assert_eq!(status, 200, "{created}");
    let (_, listed) = call(&sandbox, "key", "GET", "/v2/webhooks", None).await;
    assert_eq!(listed["data"], json!([]));

    assert_eq!(create_company(&sandbox, "key", "Acme Corp").await.0, 200);
    assert_eq!(
        create_company(&sandbox, "key-globex", "Globex").await.0,
        200
    );
    let attempts = globex
        .wait_for_deliveries(Duration::from_secs(10), |a| !a.is_empty())
        .await
        .unwrap();
    assert_eq!(attempts.len(), 1, "{attempts:?}");
    assert!(matches!(attempts[0].result, AttemptResult::NotSent(_)));
    assert_eq!(attempts[0].target_url, "https://example.com/globex");
    assert!(attempts[0].body.contains(&globex.workspace_id()));
    assert!(sandbox.webhook_deliveries().is_empty());
}

/// `GET /authorize` as a browser: the code in the redirect.
async fn authorize(sandbox: &Sandbox) -> String {
    let _ = client(); // installs the crypto provider reqwest needs
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = format!(
        "{}/authorize?client_id={CLIENT_ID}&response_type=code&redirect_uri=http://127.0.0.1:9/cb",
        sandbox.base_url()
    );
    let answer = http.get(url).send().await.unwrap();
    assert_eq!(answer.status(), 302);
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    let (_, code) = location.split_once("code=").unwrap();
    code.to_owned()
}

async fn exchange(sandbox: &Sandbox, code: &str) -> String {
    let answer = client()
        .post(format!("{}/oauth/token", sandbox.base_url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "client_id={CLIENT_ID}&client_secret={SECRET}&grant_type=authorization_code&code={code}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let body: Value = answer.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn authorize_approves_into_the_chosen_workspace_and_tokens_are_revoked_one_by_one() {
    let sandbox = two_workspaces(Sandbox::builder().oauth_app(CLIENT_ID, SECRET)).await;
    let (acme, globex) = (
        sandbox.workspace("acme").unwrap(),
        sandbox.workspace("globex").unwrap(),
    );
    let into_acme = authorize(&sandbox).await;
    sandbox.approve_into("globex").unwrap();
    let into_globex = authorize(&sandbox).await;
    // An unknown slug is refused and changes nothing.
    let err = sandbox.approve_into("initech").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("\"initech\"") && text.contains("acme, globex"),
        "{text}"
    );
    let also_globex = authorize(&sandbox).await;

    // Exchanged in another order than approved: each token reaches its code's workspace.
    let globex_token = exchange(&sandbox, &into_globex).await;
    let acme_token = exchange(&sandbox, &into_acme).await;
    let second_globex = exchange(&sandbox, &also_globex).await;
    for (token, workspace) in [
        (&acme_token, &acme),
        (&globex_token, &globex),
        (&second_globex, &globex),
    ] {
        let (status, me) = call(&sandbox, token, "GET", "/v2/self", None).await;
        assert_eq!(status, 200, "{me}");
        assert_eq!(me["workspace_slug"], json!(workspace.slug()));
        assert_eq!(me["client_id"], CLIENT_ID);
    }
    assert_eq!(
        create_company(&sandbox, &globex_token, "Globex").await.0,
        200
    );
    assert!(company_names(&sandbox, &acme_token).await.is_empty());

    assert_eq!(sandbox.oauth_tokens(), [acme_token.as_str()]);
    let mut globex_tokens = vec![globex_token.clone(), second_globex.clone()];
    globex_tokens.sort();
    assert_eq!(globex.oauth_tokens(), globex_tokens);
    // A workspace revokes its own tokens only, one at a time.
    assert!(!acme.revoke_token(&globex_token));
    assert!(!sandbox.revoke_token(&globex_token));
    assert!(globex.revoke_token(&globex_token));
    assert!(!globex.revoke_token(&globex_token));
    assert_eq!(
        call(&sandbox, &globex_token, "GET", "/v2/self", None)
            .await
            .0,
        401
    );
    for token in [&acme_token, &second_globex] {
        assert_eq!(call(&sandbox, token, "GET", "/v2/self", None).await.0, 200);
    }
}
