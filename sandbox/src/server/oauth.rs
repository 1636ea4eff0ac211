//! Attio's OAuth endpoints, outside `/v2` and before authentication: `GET /authorize`, which
//! approves at once into the chosen workspace (the first, unless `Sandbox::approve_into` chose
//! another) and redirects to the app's `redirect_uri` with a one-time `code` and the app's
//! `state`, and `POST /oauth/token`, which exchanges that code (form-encoded, with the app's
//! `client_id` and `client_secret`) for an access token the API accepts for that workspace.
//! An app installs into several workspaces of one sandbox by approving into each in turn.

use std::collections::HashMap;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{CONTENT_TYPE, HeaderValue, LOCATION};
use hyper::{Response, StatusCode};
use serde_json::json;

use super::{Shared, json_response};
use crate::util::{lock, query_pairs};

/// The OAuth app the sandbox approves, the codes it handed out and the tokens it issued, each
/// with the index of the workspace it was approved into.
#[derive(Debug, Default)]
pub struct OAuth {
    /// The registered app's client id and secret, if any.
    pub app: Option<(String, String)>,
    /// The workspace `/authorize` approves into next (an index into `Shared::workspaces`).
    pub approve_into: usize,
    /// Codes handed out by `/authorize` and not yet exchanged.
    pub codes: HashMap<String, usize>,
    /// Access tokens issued by `/oauth/token` and not revoked.
    pub tokens: HashMap<String, usize>,
}

/// The answer to an OAuth request, or `None` when `path` is not one of the OAuth endpoints.
pub fn respond(
    shared: &Shared,
    method: &str,
    path: &str,
    query: Option<&str>,
    body: &[u8],
) -> Option<Response<Full<Bytes>>> {
    match (method, path) {
        ("GET", "/authorize") => Some(authorize(shared, query)),
        ("POST", "/oauth/token") => Some(token(shared, body)),
        _ => None,
    }
}

fn param<'p>(pairs: &'p [(String, String)], name: &str) -> Option<&'p str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn oauth_error(status: u16, error: &str, description: &str) -> Response<Full<Bytes>> {
    json_response(
        status,
        &json!({
            "status_code": status,
            "type": "auth_error",
            "code": error,
            "message": description,
        }),
    )
}

/// `GET /authorize?client_id&response_type=code&redirect_uri&state`: a `302` to
/// `redirect_uri?code=…&state=…`, approved at once into the chosen workspace.
fn authorize(shared: &Shared, query: Option<&str>) -> Response<Full<Bytes>> {
    let pairs = query_pairs(query);
    let mut control = lock(&shared.control);
    let known = control.oauth.app.as_ref().map(|(id, _)| id.as_str());
    if known.is_none() || param(&pairs, "client_id") != known {
        return oauth_error(
            400,
            "invalid_client",
            "No OAuth app with this client_id is registered (SandboxBuilder::oauth_app).",
        );
    }
    if param(&pairs, "response_type") != Some("code") {
        return oauth_error(
            400,
            "unsupported_response_type",
            "response_type must be `code`.",
        );
    }
    let Some(redirect) = param(&pairs, "redirect_uri").filter(|r| !r.is_empty()) else {
        return oauth_error(400, "invalid_request", "redirect_uri is required.");
    };
    let into = control.oauth.approve_into;
    let Some(workspace) = shared.workspaces.get(into) else {
        return oauth_error(
            500,
            "server_error",
            "The workspace chosen for approval does not exist.",
        );
    };
    let code = format!(
        "code_{}",
        lock(&workspace.store).rng.uuid().replace('-', "")
    );
    control.oauth.codes.insert(code.clone(), into);
    let sep = if redirect.contains('?') { '&' } else { '?' };
    let mut location = format!("{redirect}{sep}code={code}");
    if let Some(state) = param(&pairs, "state") {
        location.push_str("&state=");
        location.push_str(&encode(state));
    }
    let mut resp = Response::new(Full::new(Bytes::new()));
    *resp.status_mut() = StatusCode::FOUND;
    match HeaderValue::from_str(&location) {
        Ok(v) => {
            resp.headers_mut().insert(LOCATION, v);
            resp
        }
        Err(_) => oauth_error(400, "invalid_request", "redirect_uri is not a valid URL."),
    }
}

/// `POST /oauth/token` (form-encoded `client_id`, `client_secret`, `grant_type`, `code`):
/// `{"access_token", "token_type": "Bearer"}`, for the workspace the code was approved into. A
/// code is good once.
fn token(shared: &Shared, body: &[u8]) -> Response<Full<Bytes>> {
    let pairs = query_pairs(std::str::from_utf8(body).ok());
    let mut control = lock(&shared.control);
    let app = control.oauth.app.clone();
    let matches = app.as_ref().is_some_and(|(id, secret)| {
        param(&pairs, "client_id") == Some(id) && param(&pairs, "client_secret") == Some(secret)
    });
    if !matches {
        return oauth_error(
            401,
            "invalid_client",
            "The client_id or client_secret is wrong.",
        );
    }
    if param(&pairs, "grant_type") != Some("authorization_code") {
        return oauth_error(
            400,
            "unsupported_grant_type",
            "grant_type must be `authorization_code`.",
        );
    }
    let code = param(&pairs, "code").unwrap_or_default();
    let approved = control.oauth.codes.remove(code);
    let Some((into, workspace)) = approved.and_then(|i| Some((i, shared.workspaces.get(i)?)))
    else {
        return oauth_error(
            400,
            "invalid_grant",
            "The authorization code is unknown, expired or already used.",
        );
    };
    let token = format!(
        "oauth_{}",
        lock(&workspace.store).rng.uuid().replace('-', "")
    );
    control.oauth.tokens.insert(token.clone(), into);
    let mut resp = json_response(200, &json!({"access_token": token, "token_type": "Bearer"}));
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
