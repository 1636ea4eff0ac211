//! OAuth installs: an axum app that two workspaces install, then writes a record into each.
//!
//! ```sh
//! cargo run --example oauth_app
//! ```
//!
//! It needs no account and no network: a sandbox (an Attio-compatible server in this process)
//! plays Attio with two workspaces, Acme and Globex, and the OAuth app registered, approving at
//! once into the workspace chosen with `Sandbox::approve_into` (where an admin picks one on
//! Attio's consent screen). A small browser follows the redirects: the app's `/install` sends it
//! to Attio's consent screen with a fresh `state` kept in its session; Attio sends it back to
//! `/oauth/callback` with a code; the app checks the state, exchanges the code, learns the
//! workspace from `/v2/self`, and keeps the token. Against Attio itself the app is the same,
//! with Attio's default hosts and a public `https://` redirect URI.

use attio::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use attio::oauth::{CsrfState, Installations, OAuthApp};
use attio::{Client, attio_object};
use attio_sandbox::Sandbox;
use axum::extract::{Query, State};
use axum::http::header::{COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const CLIENT_ID: &str = "example-oauth-app";
const CLIENT_SECRET: &str = "example-oauth-app-secret";

/// A company: the standard `companies` object, the attribute this program writes.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// The company's name.
    pub name: String,
}

/// The app's state: the app as registered with Attio, the installations whose clients write to
/// each workspace, and the sessions (a cookie's id → the state kept for it).
#[derive(Clone)]
struct AppState {
    app: Arc<OAuthApp>,
    installations: Installations,
    sessions: Arc<Mutex<HashMap<String, CsrfState>>>,
}

/// `GET /install`: a session with a fresh state, and a redirect to the consent screen.
async fn install(State(state): State<AppState>) -> Response {
    let (url, csrf) = state.app.authorize_url();
    let mut sessions = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
    let session = format!("session-{}", sessions.len() + 1);
    sessions.insert(session.clone(), csrf);
    (
        StatusCode::SEE_OTHER,
        [
            (LOCATION, url),
            (SET_COOKIE, format!("session={session}; HttpOnly; Path=/")),
        ],
    )
        .into_response()
}

#[derive(serde::Deserialize)]
struct Callback {
    code: String,
    state: String,
}

/// `GET /oauth/callback?code=…&state=…`: check the state, exchange the code, keep the token.
async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(cb): Query<Callback>,
) -> Response {
    let session = headers
        .get(COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.strip_prefix("session="))
        .map(str::to_owned);
    let kept = session.and_then(|s| {
        let mut sessions = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.remove(&s)
    });
    let Some(csrf) = kept else {
        return (StatusCode::BAD_REQUEST, "no session: start at /install").into_response();
    };
    if let Err(e) = csrf.check(&cb.state) {
        return (StatusCode::BAD_REQUEST, e.to_string()).into_response();
    }
    let installed = match state.app.exchange(&cb.code).await {
        Ok(installation) => state.installations.install(installation).await,
        Err(e) => Err(e),
    };
    match installed {
        Ok(i) => {
            format!("installed into {} ({})", i.workspace_name, i.workspace_id).into_response()
        }
        Err(e) => (StatusCode::BAD_GATEWAY, e.to_string()).into_response(),
    }
}

/// A browser: follows redirects one at a time, keeps the app's cookie, sends no bearer token.
async fn browse(
    http: &reqwest::Client,
    mut url: String,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut cookie: Option<String> = None;
    for _ in 0..5 {
        let mut request = http.get(&url);
        if let Some(c) = &cookie {
            request = request.header(COOKIE, c);
        }
        let answer = request.send().await?;
        if let Some(set) = answer.headers().get(SET_COOKIE) {
            cookie = set.to_str()?.split(';').next().map(str::to_owned);
        }
        match answer.headers().get(LOCATION) {
            Some(next) if answer.status().is_redirection() => {
                println!("  {} -> {}", answer.status().as_u16(), next.to_str()?);
                url = next.to_str()?.to_owned();
            }
            _ => return Ok(answer.text().await?),
        }
    }
    Err("too many redirects".into())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The app listens on loopback; its redirect URI is registered with "Attio".
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let redirect_uri = format!("{base}/oauth/callback");

    let sandbox = Sandbox::builder()
        .oauth_app(CLIENT_ID, CLIENT_SECRET)
        .workspace("Acme", "acme")
        .add_workspace("Globex", "globex")
        .start()
        .await?;
    let attio = sandbox.base_url();
    println!("Attio (two workspaces, acme and globex) at {attio}");
    let state = AppState {
        app: Arc::new(
            OAuthApp::new(CLIENT_ID, CLIENT_SECRET, &redirect_uri)
                .authorize_host(&attio)
                .token_url(format!("{attio}/oauth/token"))
                .api_base(&attio),
        ),
        installations: Installations::memory().api_base(&attio),
        sessions: Arc::default(),
    };
    let router = axum::Router::new()
        .route("/install", get(install))
        .route("/oauth/callback", get(callback))
        .with_state(state.clone());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    // An admin of each workspace installs the app, choosing their workspace on the consent
    // screen (here, the sandbox is told which).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    for workspace in sandbox.workspaces() {
        println!("-> install into {}", workspace.name());
        sandbox.approve_into(&workspace.slug())?;
        let page = browse(&http, format!("{base}/install")).await?;
        println!("  {page}");
    }

    // Then the app writes into each workspace with that workspace's own client.
    for workspace in sandbox.workspaces() {
        let client: Client = state
            .installations
            .client(&workspace.workspace_id())
            .await?;
        let name = format!(
            "Customer of {}",
            client
                .whoami()
                .await?
                .workspace
                .map_or_else(String::new, |w| w.name)
        );
        let created = Company { name: name.clone() }.create(&client).await?;
        let seen = Company::query().collect_all(&client).await?;
        if seen.iter().any(|c| c.values.name != name) {
            return Err("a workspace holds another workspace's company".into());
        }
        println!(
            "wrote {name:?} ({}); the workspace holds {} companies, none of the other's",
            created.id.record_id,
            seen.len()
        );
    }

    let _ = stop.send(());
    server.await??;
    Ok(())
}
