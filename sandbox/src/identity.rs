//! `GET /v2/self`: the sandbox's token, its workspace and its scopes.
//!
//! The token holds every scope (`resource:read-write` for each of Attio's fifteen resources)
//! unless a test narrows them with [`SandboxBuilder::scopes`](crate::SandboxBuilder::scopes) or
//! [`Sandbox::set_scopes`](crate::Sandbox::set_scopes). The scopes are reported, not enforced:
//! other endpoints answer as they would for a token holding every scope.

use serde_json::{Value, json};

use crate::store::{ALICE_ID, Store};

/// Attio's scope resources; each is granted `read-write` by default.
pub const RESOURCES: [&str; 15] = [
    "user_management",
    "record_permission",
    "object_configuration",
    "list_entry",
    "list_configuration",
    "public_collection",
    "private_collection",
    "comment",
    "task",
    "note",
    "meeting",
    "call_recording",
    "webhook",
    "file",
    "scim_management",
];

/// Every scope, `read-write`.
pub fn all_scopes() -> Vec<String> {
    RESOURCES
        .iter()
        .map(|r| format!("{r}:read-write"))
        .collect()
}

/// The answer to `GET /v2/self` (not wrapped in `data`, as Attio's is not).
pub fn answer(store: &Store, scopes: &[String], issued_at: i64) -> Value {
    json!({
        "active": true,
        "scope": scopes.join(" "),
        "client_id": store.token_id,
        "token_type": "Bearer",
        "exp": null,
        "iat": issued_at,
        "sub": store.workspace_id,
        "aud": store.token_id,
        "iss": "attio.com",
        "authorized_by_workspace_member_id": ALICE_ID,
        "workspace_id": store.workspace_id,
        "workspace_name": "Sandbox",
        "workspace_slug": "sandbox",
        "workspace_logo_url": null,
    })
}
