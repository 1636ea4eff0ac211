//! Identity: `GET /v2/self` (the caller's token, its workspace and its scopes) and the workspace
//! members (`GET /v2/workspace_members`, `GET /v2/workspace_members/{workspace_member_id}`).
//!
//! The token holds every scope (`resource:read-write` for each of Attio's nineteen resources)
//! unless a test narrows them with [`SandboxBuilder::scopes`](crate::SandboxBuilder::scopes) or
//! [`Sandbox::set_scopes`](crate::Sandbox::set_scopes). The scopes are reported, and enforced
//! only on the routes that declare theirs (the activities' routes, `Route::scopes`): the other
//! endpoints answer as they would for a token holding every scope.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Answer, Method, Request, Route, data};
use crate::store::{ALICE_ID, Member, Store};

/// The routes of identity and members.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/self", me),
    Route::read(Method::Get, "/v2/workspace_members", members),
    Route::read(
        Method::Get,
        "/v2/workspace_members/{workspace_member_id}",
        member,
    ),
];

/// Attio's scope resources; each is granted `read-write` by default.
pub const RESOURCES: [&str; 19] = [
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
    "email",
    "sequence_unsubscribe",
    "activity_configuration",
    "activity_record",
];

/// Every scope, `read-write`.
pub fn all_scopes() -> Vec<String> {
    RESOURCES
        .iter()
        .map(|r| format!("{r}:read-write"))
        .collect()
}

/// `GET /v2/self`: the caller's token (not wrapped in `data`, as Attio's answer is not).
fn me(store: &Store, req: &Request<'_>) -> Answer {
    let token = req.token;
    Ok(json!({
        "active": true,
        "scope": token.scopes.join(" "),
        "client_id": token.client_id.as_deref().unwrap_or(&store.token_id),
        "token_type": "Bearer",
        "exp": null,
        "iat": token.issued_at,
        "sub": store.workspace_id,
        "aud": store.token_id,
        "iss": "attio.com",
        "authorized_by_workspace_member_id": ALICE_ID,
        "workspace_id": store.workspace_id,
        "workspace_name": token.workspace_name,
        "workspace_slug": token.workspace_slug,
        "workspace_logo_url": null,
        "token_level": token.level.as_str(),
    }))
}

/// `GET /v2/workspace_members`.
fn members(store: &Store, _: &Request<'_>) -> Answer {
    Ok(data(
        store
            .members
            .iter()
            .map(|m| member_json(store, m))
            .collect(),
    ))
}

/// `GET /v2/workspace_members/{workspace_member_id}`.
fn member(store: &Store, req: &Request<'_>) -> Answer {
    let id = req.path("workspace_member_id");
    store
        .members
        .iter()
        .find(|m| m.id == id)
        .map(|m| data(member_json(store, m)))
        .ok_or_else(|| ApiError::not_found(format!("Workspace member with ID \"{id}\" not found.")))
}

fn member_json(store: &Store, m: &Member) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "workspace_member_id": m.id},
        "first_name": m.first_name,
        "last_name": m.last_name,
        "avatar_url": null,
        "email_address": m.email,
        "created_at": "2023-01-01T00:00:00.000000000Z",
        "access_level": "admin",
    })
}
