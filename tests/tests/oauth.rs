//! OAuth installs across workspaces, end to end against one sandbox with two workspaces, Acme
//! and Globex, and an OAuth app registered: the sandbox approves into the workspace chosen with
//! `Sandbox::approve_into`. The authorize redirect is followed by hand, with no bearer token, as
//! a browser would.

use attio::oauth::{CsrfState, Installation, Installations, OAuthApp};
use attio::prelude::*;
use attio::{Client, Error, ErrorCode, OAuthError, attio_object};
use attio_sandbox::Sandbox;

const CLIENT_ID: &str = "oauth-test-client";
const SECRET: &str = "oauth-test-client-secret-0123456789";
const REDIRECT: &str = "http://127.0.0.1:9/oauth/callback";

#[attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: String,
}

/// One sandbox, two workspaces: Acme (the first) and Globex.
async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .oauth_app(CLIENT_ID, SECRET)
        .workspace("Acme", "acme")
        .add_workspace("Globex", "globex")
        .start()
        .await
        .unwrap()
}

fn app_for(sandbox: &Sandbox) -> OAuthApp {
    OAuthApp::new(CLIENT_ID, SECRET, REDIRECT)
        .authorize_host(sandbox.base_url())
        .token_url(format!("{}/oauth/token", sandbox.base_url()))
        .api_base(sandbox.base_url())
}

/// Follows the authorize URL as a browser: no bearer token, no redirect followed; the code and
/// state the `Location` carries.
async fn approve(url: &str) -> (String, String) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = http.get(url).send().await.unwrap();
    assert_eq!(answer.status(), 302, "{}", answer.text().await.unwrap());
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    let (base, query) = location.split_once('?').unwrap();
    assert_eq!(base, REDIRECT);
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_owned()
    };
    (param("code"), param("state"))
}

/// The whole flow into the workspace `slug`: authorize, check the state, exchange.
async fn install_into(sandbox: &Sandbox, slug: &str) -> Installation {
    sandbox.approve_into(slug).unwrap();
    install_into_chosen(sandbox).await
}

/// The whole flow into the workspace the sandbox approves into now.
async fn install_into_chosen(sandbox: &Sandbox) -> Installation {
    let app = app_for(sandbox);
    let (url, state) = app.authorize_url();
    let stored = state.as_str().to_owned();
    let (code, returned) = approve(&url).await;
    CsrfState::from_stored(stored).check(&returned).unwrap();
    app.exchange(&code).await.unwrap()
}

async fn names(client: &Client) -> Vec<String> {
    let mut names: Vec<String> = Company::query()
        .collect_all(client)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.values.name)
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn two_workspaces_install_the_app_and_each_sees_only_its_own_records() {
    let sandbox = sandbox().await;
    // One Attio, one Installations: each workspace's client is told apart by its token.
    let installations = Installations::memory().api_base(sandbox.base_url());

    let mut ids = Vec::new();
    for slug in ["acme", "globex"] {
        let installation = install_into(&sandbox, slug).await;
        let workspace = sandbox.workspace(slug).unwrap();
        assert_eq!(installation.workspace_slug, slug);
        assert_eq!(installation.workspace_id.as_str(), workspace.workspace_id());
        assert!(!installation.scopes.to_string().is_empty());
        assert_eq!(workspace.oauth_tokens(), [installation.access_token()]);
        let installed = installations.install(installation).await.unwrap();
        ids.push(installed.workspace_id.as_str().to_owned());
    }
    assert_ne!(ids[0], ids[1]);

    for (id, name) in ids.iter().zip(["Acme Corp", "Globex Inc"]) {
        let client = installations.client(id).await.unwrap();
        Company { name: name.into() }.create(&client).await.unwrap();
        // The same client each time: a clone sharing its rate limits and statistics.
        let again = installations.client(id).await.unwrap();
        assert!(again.stats().attempts >= 1);
    }
    let acme_client = installations.client(&ids[0]).await.unwrap();
    let globex_client = installations.client(&ids[1]).await.unwrap();
    assert_eq!(names(&acme_client).await, ["Acme Corp"]);
    assert_eq!(names(&globex_client).await, ["Globex Inc"]);
    // The sandbox holds each record in the workspace its token was approved into.
    let seeded = sandbox.workspace("globex").unwrap().insert_record(
        "companies",
        "3c9f1a2b-7d4e-4f6a-8b5c-1e2d3f4a5b6c",
        serde_json::json!({"name": "Globex Seeded"}),
    );
    assert!(seeded.is_ok(), "{seeded:?}");
    assert_eq!(names(&acme_client).await, ["Acme Corp"]);
    assert_eq!(names(&globex_client).await, ["Globex Inc", "Globex Seeded"]);
}

#[tokio::test]
async fn a_forged_state_is_refused() {
    let sandbox = sandbox().await;
    let app = app_for(&sandbox);
    let (_url, state) = app.authorize_url();
    let (forged_url, _other) = app.authorize_url();
    let (_code, returned) = approve(&forged_url).await;
    let err = state.check(&returned).unwrap_err();
    assert_eq!(err, OAuthError::StateMismatch);
    let text = Error::from(err).to_string();
    assert!(text.contains("forged or stale"), "{text}");
    assert!(state.check("").is_err());
}

#[tokio::test]
async fn a_bad_code_is_refused_with_attios_error() {
    let sandbox = sandbox().await;
    let app = app_for(&sandbox);
    let err = app.exchange("not-a-code").await.unwrap_err();
    match &err {
        Error::Api(api) => {
            assert_eq!(api.status, 400);
            assert_eq!(api.code, ErrorCode::Other("invalid_grant".into()));
        }
        other => panic!("{other:?}"),
    }
    let text = format!("{err} {err:?}");
    assert!(text.contains("POST /oauth/token"), "{text}");
    assert!(!text.contains(SECRET), "{text}");

    // A code is good once.
    let (url, _) = app.authorize_url();
    let (code, _) = approve(&url).await;
    app.exchange(&code).await.unwrap();
    assert!(matches!(app.exchange(&code).await, Err(Error::Api(_))));

    // A wrong secret.
    let wrong = OAuthApp::new(CLIENT_ID, "wrong-secret-0123456789", REDIRECT)
        .token_url(format!("{}/oauth/token", sandbox.base_url()))
        .api_base(sandbox.base_url());
    let (code, _) = approve(&url).await;
    let err = wrong.exchange(&code).await.unwrap_err();
    assert_eq!(err.status(), Some(401), "{err}");
}

#[tokio::test]
async fn a_revoked_token_is_that_workspaces_error_alone() {
    let sandbox = sandbox().await;
    let installations = Installations::memory().api_base(sandbox.base_url());
    let acme_id = installations
        .install(install_into(&sandbox, "acme").await)
        .await
        .unwrap()
        .workspace_id
        .as_str()
        .to_owned();
    let globex_id = installations
        .install(install_into(&sandbox, "globex").await)
        .await
        .unwrap()
        .workspace_id
        .as_str()
        .to_owned();

    let acme = sandbox.workspace("acme").unwrap();
    let globex = sandbox.workspace("globex").unwrap();
    let tokens = acme.oauth_tokens();
    assert_eq!(tokens.len(), 1);
    // Globex cannot revoke Acme's token; Acme can.
    assert!(!globex.revoke_token(&tokens[0]));
    assert!(acme.revoke_token(&tokens[0]));

    let client = installations.client(&acme_id).await.unwrap();
    let answer = client.whoami().await;
    let err = installations.revoked(&acme_id, answer).await.unwrap_err();
    assert!(
        matches!(&err, Error::OAuth(OAuthError::Revoked { workspace_id }) if *workspace_id == acme_id),
        "{err:?}"
    );
    assert!(!err.to_string().contains(&tokens[0]));
    // Uninstalled: no client until the workspace installs again.
    assert!(matches!(
        installations.client(&acme_id).await,
        Err(Error::OAuth(OAuthError::NotInstalled { .. }))
    ));

    // The other workspace, on the same server and the same Installations, goes on.
    let other = installations.client(&globex_id).await.unwrap();
    let me = installations
        .revoked(&globex_id, other.whoami().await)
        .await
        .unwrap();
    assert_eq!(me.workspace.unwrap().slug, "globex");
    assert_eq!(me.client_id.as_deref(), Some(CLIENT_ID));
    assert_eq!(globex.oauth_tokens().len(), 1);
}

#[tokio::test]
async fn secrets_and_tokens_stay_out_of_debug_and_display() {
    let sandbox = sandbox().await;
    let app = app_for(&sandbox);
    assert!(!format!("{app:?}").contains(SECRET));
    let installation = install_into(&sandbox, "globex").await;
    let token = installation.access_token().to_owned();
    assert!(!format!("{installation:?}").contains(&token));
    let installations = Installations::memory().api_base(sandbox.base_url());
    installations.install(installation).await.unwrap();
    assert!(!format!("{installations:?}").contains(&token));
    let globex = sandbox.workspace("globex").unwrap();
    let client = installations.client(&globex.workspace_id()).await.unwrap();
    assert!(!format!("{client:?}").contains(&token));
    let token_debug = format!("{:?}", attio::oauth::AccessToken::new(token.clone()));
    assert!(!token_debug.contains(&token));

    // Once refused, the token is in no error either.
    assert!(globex.revoke_token(&token));
    let err = client.whoami().await.unwrap_err();
    assert!(!format!("{err} {err:?}").contains(&token));
}

#[tokio::test]
async fn the_sandbox_refuses_an_unknown_app_a_missing_redirect_and_an_unknown_workspace() {
    let sandbox = sandbox().await;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = sandbox.base_url();
    for (query, code) in [
        (
            "client_id=other&response_type=code&redirect_uri=x",
            "invalid_client",
        ),
        (
            "client_id=oauth-test-client&response_type=token&redirect_uri=x",
            "unsupported_response_type",
        ),
        (
            "client_id=oauth-test-client&response_type=code",
            "invalid_request",
        ),
    ] {
        let answer = http
            .get(format!("{base}/authorize?{query}"))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 400, "{query}");
        let body: serde_json::Value = answer.json().await.unwrap();
        assert_eq!(body["code"], code, "{query}");
    }
    // A sandbox without an app registered approves none.
    let plain = Sandbox::start().await.unwrap();
    let answer = http
        .get(format!(
            "{}/authorize?client_id={CLIENT_ID}",
            plain.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    assert!(plain.oauth_tokens().is_empty());

    // Approving into a workspace the sandbox does not have is refused, saying which it has, and
    // the next install still goes into the workspace chosen before.
    sandbox.approve_into("globex").unwrap();
    let err = sandbox.approve_into("initech").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("\"initech\"") && text.contains("acme, globex"),
        "{text}"
    );
    let installation = install_into_chosen(&sandbox).await;
    assert_eq!(installation.workspace_slug, "globex");
}
