//! Who the token is (`/v2/self`), scopes checked up front, and the escape hatch for endpoints this
//! crate does not type, end to end against the sandbox.

use attio::{Client, Error, Method, Outcome, Resource, RetryPolicy, Scope};
use attio_sandbox::{Fault, Sandbox};
use serde_json::{Value, json};

fn client_for(sandbox: &Sandbox) -> Client {
    Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .retry_policy(RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(5)))
        .build()
        .unwrap()
}

#[tokio::test]
async fn whoami_reports_the_workspace_and_every_scope() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_for(&sandbox);
    let me = client.whoami().await.unwrap();
    assert!(me.active);
    let workspace = me.workspace.expect("an active token has a workspace");
    assert_eq!(workspace.id.as_str(), sandbox.workspace_id());
    assert_eq!(workspace.slug, "sandbox");
    for resource in [
        Resource::RecordPermission,
        Resource::Note,
        Resource::Webhook,
    ] {
        assert!(
            me.scopes.contains(Scope::read_write(resource)),
            "{}",
            me.scopes
        );
    }
    assert!(me.issued_at.is_some());
    assert_eq!(me.expires_at, None);
}

#[tokio::test]
async fn missing_scopes_are_listed_in_one_error_before_anything_is_sent() {
    let sandbox = Sandbox::builder()
        .scopes(["record_permission:read-write", "note:read"])
        .start()
        .await
        .unwrap();
    let client = client_for(&sandbox);

    let ok = client
        .require_scopes([
            Scope::read(Resource::RecordPermission),
            Scope::read(Resource::Note),
        ])
        .await;
    assert!(ok.is_ok(), "{ok:?}");

    let err = client
        .require_scopes([
            Scope::read_write(Resource::RecordPermission),
            Scope::read_write(Resource::Note),
            Scope::read_write(Resource::Task),
        ])
        .await
        .unwrap_err();
    let Error::Scopes(scopes) = &err else {
        panic!("expected Error::Scopes, got {err:?}")
    };
    assert_eq!(
        scopes.missing,
        [
            Scope::read_write(Resource::Note),
            Scope::read_write(Resource::Task)
        ]
    );
    assert_eq!(err.outcome(), Outcome::NotSent);
    let text = err.to_string();
    assert!(
        text.contains("lacks the scopes this job needs: note:read-write, task:read-write"),
        "{text}"
    );
    assert!(text.contains("(workspace `Sandbox`)"), "{text}");

    sandbox.set_scopes([
        "record_permission:read-write",
        "note:read-write",
        "task:read",
    ]);
    let err = client
        .require_scopes([Scope::read_write(Resource::Task)])
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("lacks the scope this job needs: task:read-write; grant it"),
        "{err}"
    );
}

#[tokio::test]
async fn the_escape_hatch_reaches_any_endpoint_with_the_clients_auth_retries_and_errors() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_for(&sandbox);

    // A write, untyped.
    let created: Value = client
        .request(Method::Post, "/v2/objects/people/records")
        .json(&json!({"data": {"values": {"email_addresses": ["ada@example.com"]}}}))
        .send()
        .await
        .unwrap();
    let record_id = created["data"]["id"]["record_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // A read into a typed answer, with a query string, retried after a 503.
    #[derive(serde::Deserialize)]
    struct Members {
        data: Vec<Value>,
    }
    sandbox.inject_fault(Fault::Status(503), 1);
    let members: Members = client
        .request(Method::Get, "/v2/workspace_members")
        .query("limit", 10)
        .send()
        .await
        .unwrap();
    assert_eq!(members.data.len(), 2);
    assert!(client.stats().retries >= 1);

    // A query POST marked as a read.
    let page: Value = client
        .request(Method::Post, "/v2/objects/people/records/query")
        .json(&json!({"filter": {"email_addresses": "ada@example.com"}}))
        .read_only()
        .send()
        .await
        .unwrap();
    assert_eq!(page["data"][0]["id"]["record_id"], json!(record_id));

    // A delete whose answer is not needed.
    client
        .request(
            Method::Delete,
            format!("/v2/objects/people/records/{record_id}"),
        )
        .send::<Value>()
        .await
        .unwrap();

    // Attio's error, naming the request.
    let err = client
        .request(
            Method::Get,
            format!("/v2/objects/people/records/{record_id}"),
        )
        .send::<Value>()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    let text = err.to_string();
    assert!(
        text.contains(&format!("GET /v2/objects/people/records/{record_id}")),
        "{text}"
    );

    // A path that is not an API path is refused before sending, saying what to write.
    let err = client
        .request(Method::Get, "https://api.attio.com/v2/self")
        .send::<Value>()
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(err.to_string().contains("e.g. `/v2/self`"), "{err}");
}

#[tokio::test]
async fn token_levels_are_reported_and_checked_before_a_job_and_explained_after_a_403() {
    use attio_sandbox::TokenLevel as SandboxLevel;
    let sandbox = Sandbox::start().await.unwrap();
    let client = client_for(&sandbox);
    assert_eq!(
        client.whoami().await.unwrap().token_level,
        Some(attio::TokenLevel::Workspace)
    );
    let meetings = [(Method::Get, "/v2/meetings"), (Method::Get, "/v2/notes")];
    client
        .require_access([Scope::read(Resource::Meeting)], meetings)
        .await
        .unwrap();

    sandbox.set_token_level(SandboxLevel::User);
    let me = client.whoami().await.unwrap();
    assert_eq!(me.token_level, Some(attio::TokenLevel::User));
    let err = client
        .require_access([Scope::read(Resource::Meeting)], meetings)
        .await
        .unwrap_err();
    let Error::Scopes(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        e.wrong_level,
        ["GET /v2/meetings"],
        "notes take either level"
    );
    assert!(e.missing.is_empty());
    assert!(
        err.to_string()
            .contains("GET /v2/meetings needs a workspace-level token"),
        "{err}"
    );
    assert_eq!(err.outcome(), Outcome::NotSent);
    // require_scopes names no operation: the level is nothing to it.
    client
        .require_scopes([Scope::read(Resource::Meeting)])
        .await
        .unwrap();

    // Sent anyway, Attio refuses with 403, and the error says why.
    let err = client.list_webhooks().await.unwrap_err();
    assert_eq!(err.status(), Some(403), "{err}");
    assert!(
        err.to_string()
            .contains("accepts only a workspace-level access token"),
        "{err}"
    );
    sandbox.set_token_level(SandboxLevel::Workspace);
    client.list_webhooks().await.unwrap();
}
