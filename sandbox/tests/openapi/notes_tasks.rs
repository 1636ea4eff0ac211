//! Notes, tasks, record search and comments on the person `pid`.

use serde_json::json;

use crate::common::Env;
use crate::common::openapi::Checker;

/// Notes and tasks on the person, and a record search.
pub(crate) async fn notes_tasks_search(env: &Env, c: &mut Checker, pid: &str) {
    let note = c.call(
        env,
        "POST",
        "/v2/notes",
        "/v2/notes",
        Some(
            json!({"data": {"parent_object": "people", "parent_record_id": pid, "title": "Call",
            "format": "markdown", "content": "# Hi\n- **bold**", "created_at": "2023-01-01T00:00:00Z"}})
        ),
    )
    .await;
    let nid = note["data"]["id"]["note_id"].as_str().unwrap().to_owned();
    c.call(
        env,
        "GET",
        &format!("/v2/notes/{nid}"),
        "/v2/notes/{note_id}",
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        &format!("/v2/notes?parent_object=people&parent_record_id={pid}&limit=50"),
        "/v2/notes",
        None,
    )
    .await;
    c.call(env, "GET", "/v2/notes/missing", "/v2/notes/{note_id}", None)
        .await;
    for body in [
        json!({"data": {"title": "Call (retitled)"}}),
        json!({"data": {"format": "plaintext", "content": "Rewritten."}}),
        json!({"data": {"content": "no format"}}),
    ] {
        c.call(
            env,
            "PATCH",
            &format!("/v2/notes/{nid}"),
            "/v2/notes/{note_id}",
            Some(body),
        )
        .await;
    }
    c.call(
        env,
        "PATCH",
        "/v2/notes/missing",
        "/v2/notes/{note_id}",
        Some(json!({"data": {"title": "x"}})),
    )
    .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/notes/{nid}"),
        "/v2/notes/{note_id}",
        None,
    )
    .await;
    let task = c
        .call(
            env,
            "POST",
            "/v2/tasks",
            "/v2/tasks",
            Some(
                json!({"data": {"content": "Follow up", "format": "plaintext",
            "deadline_at": "2030-01-01T15:00:00Z", "is_completed": false,
            "linked_records": [{"target_object": "people", "target_record_id": pid}],
            "assignees": [{"workspace_member_email_address": "alice@attio.com"}]}}),
            ),
        )
        .await;
    let tid = task["data"]["id"]["task_id"].as_str().unwrap().to_owned();
    c.call(
        env,
        "GET",
        &format!("/v2/tasks/{tid}"),
        "/v2/tasks/{task_id}",
        None,
    )
    .await;
    c.call(
        env,
        "PATCH",
        &format!("/v2/tasks/{tid}"),
        "/v2/tasks/{task_id}",
        Some(json!({"data": {"is_completed": true, "deadline_at": null}})),
    )
    .await;
    c.call(
        env,
        "GET",
        &format!(
            "/v2/tasks?linked_object=people&linked_record_id={pid}&is_completed=true&sort=created_at:desc"
        ),
        "/v2/tasks",
        None,
    )
    .await;
    c.call(env, "GET", "/v2/tasks/missing", "/v2/tasks/{task_id}", None)
        .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/tasks/{tid}"),
        "/v2/tasks/{task_id}",
        None,
    )
    .await;
    let hits = c.call(
        env,
        "POST",
        "/v2/objects/records/search",
        "/v2/objects/records/search",
        Some(
            json!({"query": "", "objects": ["people", "companies", "deals"], "request_as": {"type": "workspace"}, "limit": 25})
        ),
    )
    .await;
    assert!(!hits["data"].as_array().unwrap().is_empty());
}

/// A comment thread on the person: create, reply, read, delete.
pub(crate) async fn comments(env: &Env, c: &mut Checker, pid: &str) {
    let first = c
        .call(
            env,
            "POST",
            "/v2/comments",
            "/v2/comments",
            Some(
                json!({"data": {"format": "plaintext", "content": "Close it",
            "author": {"type": "workspace-member", "id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
            "record": {"object": "people", "record_id": pid}}}),
            ),
        )
        .await;
    let thread = first["data"]["thread_id"].as_str().unwrap().to_owned();
    let reply = c
        .call(
            env,
            "POST",
            "/v2/comments",
            "/v2/comments",
            Some(json!({"data": {"format": "plaintext", "content": "Done",
            "author": {"type": "workspace-member", "id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
            "thread_id": thread}})),
        )
        .await;
    let cid = reply["data"]["id"]["comment_id"]
        .as_str()
        .unwrap()
        .to_owned();
    c.call(
        env,
        "GET",
        &format!("/v2/comments/{cid}"),
        "/v2/comments/{comment_id}",
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        &format!("/v2/threads/{thread}"),
        "/v2/threads/{thread_id}",
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        &format!("/v2/threads?object=people&record_id={pid}"),
        "/v2/threads",
        None,
    )
    .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/comments/{cid}"),
        "/v2/comments/{comment_id}",
        None,
    )
    .await;
    c.call(
        env,
        "GET",
        "/v2/comments/missing",
        "/v2/comments/{comment_id}",
        None,
    )
    .await;
}

/// Emails listed (with and without a filter) and the sequence unsubscribe list.
pub(crate) async fn emails_and_sequences(env: &Env, c: &mut Checker) {
    env.sb
        .insert_email(
            json!({"sent_at": "2030-01-02T10:00:00Z", "direction": "inbound",
            "subject_line": "Quote", "participants": [
                {"role": "from", "email_address": "ada@acme.com", "name": "Ada"},
                {"role": "to", "email_address": "alice@attio.com"}]}),
        )
        .unwrap();
    for query in [
        "?domain=acme.com&limit=1",
        "?participants=ada@acme.com,bob@x.com",
        "",
    ] {
        c.call(
            env,
            "GET",
            &format!("/v2/emails{query}"),
            "/v2/emails",
            None,
        )
        .await;
    }
    let path = "/v2/sequences/unsubscribed_emails";
    for addresses in [
        json!(["Ada@Acme.com", "bob@x.com"]),
        json!(["not an address"]),
    ] {
        c.call(
            env,
            "POST",
            path,
            path,
            Some(json!({"data": {"email_addresses": addresses}})),
        )
        .await;
    }
}
