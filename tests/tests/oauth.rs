//! OAuth installs across workspaces, end to end against sandboxes: each sandbox is one workspace
//! with the same OAuth app registered. The authorize redirect is followed by hand, with no bearer
//! token, as a browser would.

use attio::oauth::{CsrfState, Installation, Installations, OAuthApp};
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

async fn workspace(name: &str, slug: &str) -> Sandbox {
    Sandbox::builder()
        .oauth_app(CLIENT_ID, SECRET)
        .workspace(name, slug)
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

/// The whole flow into one workspace: authorize, check the state, exchange.
async fn install_into(sandbox: &Sandbox) -> Installation {
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
    let acme = workspace("Acme", "acme").await;
    let globex = workspace("Globex", "globex").await;
    let installations = Installations::memory();

    let mut ids = Vec::new();
    for (sandbox, slug) in [(&acme, "acme"), (&globex, "globex")] {
        let installation = install_into(sandbox).await;
        assert_eq!(installation.workspace_slug, slug);
        assert_eq!(installation.workspace_id.as_str(), sandbox.workspace_id());
        assert!(!installation.scopes.to_string().is_empty());
        // Each workspace's client talks to its own sandbox: one Installations per API base here,
        // as the sandboxes stand for one Attio each.
        let installations = installations.clone().api_base(sandbox.base_url());
        let installed = installations.install(installation).await.unwrap();
        ids.push((installations, installed.workspace_id.as_str().to_owned()));
    }

    for ((installations, id), name) in ids.iter().zip(["Acme Corp", "Globex Inc"]) {
        let client = installations.client(id).await.unwrap();
        Company { name: name.into() }.create(&client).await.unwrap();
        // The same client each time: a clone sharing its rate limits and statistics.
        let again = installations.client(id).await.unwrap();
        assert!(again.stats().attempts >= 1);
    }
    let (acme_client, globex_client) = (
        ids[0].0.client(&ids[0].1).await.unwrap(),
        ids[1].0.client(&ids[1].1).await.unwrap(),
    );
    assert!(names(&acme_client).await.contains(&"Acme Corp".to_owned()));
    assert!(!names(&acme_client).await.contains(&"Globex Inc".to_owned()));
    assert!(
        names(&globex_client)
            .await
            .contains(&"Globex Inc".to_owned())
    );
    assert!(
        !names(&globex_client)
            .await
            .contains(&"Acme Corp".to_owned())
    );
}

#[tokio::test]
async fn a_forged_state_is_refused() {
    let sandbox = workspace("Acme", "acme").await;
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
    let sandbox = workspace("Acme", "acme").await;
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
    let acme = workspace("Acme", "acme").await;
    let globex = workspace("Globex", "globex").await;
    let acme_installs = Installations::memory().api_base(acme.base_url());
    let globex_installs = Installations::memory().api_base(globex.base_url());
    let acme_id = acme_installs
        .install(install_into(&acme).await)
        .await
        .unwrap()
        .workspace_id
        .as_str()
        .to_owned();
    let globex_id = globex_installs
        .install(install_into(&globex).await)
        .await
        .unwrap()
        .workspace_id
        .as_str()
        .to_owned();

    let tokens = acme.oauth_tokens();
    assert_eq!(tokens.len(), 1);
    assert!(acme.revoke_token(&tokens[0]));

    let client = acme_installs.client(&acme_id).await.unwrap();
    let answer = client.whoami().await;
    let err = acme_installs.revoked(&acme_id, answer).await.unwrap_err();
    assert!(
        matches!(&err, Error::OAuth(OAuthError::Revoked { workspace_id }) if *workspace_id == acme_id),
        "{err:?}"
    );
    assert!(!err.to_string().contains(&tokens[0]));
    // Uninstalled: no client until the workspace installs again.
    assert!(matches!(
        acme_installs.client(&acme_id).await,
        Err(Error::OAuth(OAuthError::NotInstalled { .. }))
    ));

    // The other workspace goes on.
    let other = globex_installs.client(&globex_id).await.unwrap();
    let me = globex_installs
        .revoked(&globex_id, other.whoami().await)
        .await
        .unwrap();
    assert_eq!(me.workspace.unwrap().slug, "globex");
    assert_eq!(me.client_id.as_deref(), Some(CLIENT_ID));
}

#[tokio::test]
async fn secrets_and_tokens_stay_out_of_debug_and_display() {
    let sandbox = workspace("Acme", "acme").await;
    let app = app_for(&sandbox);
    assert!(!format!("{app:?}").contains(SECRET));
    let installation = install_into(&sandbox).await;
    let token = installation.access_token().to_owned();
    assert!(!format!("{installation:?}").contains(&token));
    let installations = Installations::memory().api_base(sandbox.base_url());
    installations.install(installation).await.unwrap();
    assert!(!format!("{installations:?}").contains(&token));
    let client = installations.client(&sandbox.workspace_id()).await.unwrap();
    assert!(!format!("{client:?}").contains(&token));
    let token_debug = format!("{:?}", attio::oauth::AccessToken::new(token.clone()));
    assert!(!token_debug.contains(&token));

    // Once refused, the token is in no error either.
    sandbox.revoke_token(&token);
    let err = client.whoami().await.unwrap_err();
    assert!(!format!("{err} {err:?}").contains(&token));
}

#[tokio::test]
async fn the_sandbox_refuses_an_unknown_app_and_a_missing_redirect() {
    let sandbox = workspace("Acme", "acme").await;
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
}
