//! One workspace of a sandbox as the server holds it (its API key, its data, its rate limits, the
//! token `/v2/self` describes, its webhook delivery task), and authentication, which maps a
//! bearer token to the workspace it belongs to: a workspace's API key to that workspace, an
//! OAuth access token to the workspace it was approved into.

use std::sync::{Arc, Mutex};

use super::Shared;
use super::ratelimit::RateLimiter;
use crate::delivery::Deliverer;
use crate::error::ApiError;
use crate::http::Token;
use crate::store::Store;
use crate::util::lock;

/// One workspace: what a token of it reaches, and nothing of another workspace's.
#[derive(Debug)]
pub struct WorkspaceState {
    /// The API key that reaches this workspace.
    pub api_key: String,
    /// The seed its store is made from (again on reset).
    pub seed: Option<u64>,
    /// Its data.
    pub store: Mutex<Store>,
    /// Its rate limits: a workspace at its limit slows no other.
    pub limiter: Mutex<RateLimiter>,
    /// The token `/v2/self` describes: scopes, when it was issued, the workspace's name and
    /// slug. Shared with the requests in flight, so that a request reads it without copying it.
    pub token: Mutex<Arc<Token>>,
    /// The delivery task of its webhooks.
    pub deliverer: Deliverer,
}

impl WorkspaceState {
    /// The workspace's slug, as `/v2/self` reports it.
    pub fn slug(&self) -> String {
        lock(&self.token).workspace_slug.clone()
    }
}

/// Who sent a request: the workspace its token reaches, and for an OAuth token the app that
/// holds it.
#[derive(Debug)]
pub struct Caller<'s> {
    /// The workspace.
    pub workspace: &'s WorkspaceState,
    /// The OAuth app's client id, for an OAuth access token.
    pub client_id: Option<String>,
}

impl Caller<'_> {
    /// The token the request's handler sees: the workspace's, naming the app for an OAuth token
    /// (`/v2/self` reports the app's client id).
    pub fn token(&self) -> Arc<Token> {
        let token = lock(&self.workspace.token);
        match &self.client_id {
            Some(client_id) => Arc::new(Token {
                client_id: Some(client_id.clone()),
                ..Token::clone(&token)
            }),
            None => Arc::clone(&token),
        }
    }
}

/// The workspace an `Authorization` header's bearer token reaches, or Attio's `401`.
pub fn authenticate<'s>(shared: &'s Shared, auth: Option<&str>) -> Result<Caller<'s>, ApiError> {
    let Some(token) = auth.and_then(|a| a.strip_prefix("Bearer ")) else {
        return Err(ApiError::unauthorized(
            "The Authorization header was not provided. Use \"Authorization: Bearer <token>\".",
        ));
    };
    let token = token.trim();
    if let Some(workspace) = shared.workspaces.iter().find(|w| w.api_key == token) {
        return Ok(Caller {
            workspace,
            client_id: None,
        });
    }
    let control = lock(&shared.control);
    let issued = control.oauth.tokens.get(token).copied();
    match (
        issued.and_then(|i| shared.workspaces.get(i)),
        &control.oauth.app,
    ) {
        (Some(workspace), Some((client_id, _))) => Ok(Caller {
            workspace,
            client_id: Some(client_id.clone()),
        }),
        _ => Err(ApiError::unauthorized(
            "The access token provided is invalid.",
        )),
    }
}
