//! Coverage of Attio's API: every operation of the OpenAPI document (`tests/fixtures/openapi.json`;
//! SCIM aside) has a typed method in the `attio` crate and a handler in the sandbox.
//!
//! - `TYPED` names, for each operation, the public function that sends it; the test reads the
//!   runtime's sources to check that the function exists, so renaming one without updating this
//!   table fails here.
//! - `NOT_YET_TYPED` lists the operations the SDK reaches only through `client.request(..)`
//!   (today the activities' 22, which the sandbox answers and the SDK does not type yet). An
//!   operation must be in exactly one of the two tables: a new operation in the document fails
//!   the test until it is placed, and an entry of `NOT_YET_TYPED` that gets a method must move.
//! - The sandbox's route table (`attio_sandbox::routes()`, the table its router dispatches on)
//!   holds exactly the document's operations: none missing, none the document lacks.
//! - Every route of that table is sent to the sandbox, which must reach its handler (any answer
//!   but the router's "No route" 404 or its 405).

use std::collections::BTreeSet;
use std::path::Path;

use attio::Method;
use attio_sandbox::Sandbox;
use serde_json::Value;

/// `(method, path template, public function that sends it)`.
const TYPED: &[(&str, &str, &str)] = &[
    (
        "POST",
        "/v2/objects/{object}/records/query",
        "Query::stream",
    ),
    ("POST", "/v2/objects/{object}/records", "create_record"),
    ("PUT", "/v2/objects/{object}/records", "assert_record"),
    (
        "GET",
        "/v2/objects/{object}/records/{record_id}",
        "get_record",
    ),
    (
        "PATCH",
        "/v2/objects/{object}/records/{record_id}",
        "update_record",
    ),
    (
        "PUT",
        "/v2/objects/{object}/records/{record_id}",
        "overwrite_record",
    ),
    (
        "DELETE",
        "/v2/objects/{object}/records/{record_id}",
        "delete_record",
    ),
    (
        "GET",
        "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
        "value_history",
    ),
    (
        "GET",
        "/v2/objects/{object}/records/{record_id}/entries",
        "record_entries",
    ),
    ("POST", "/v2/objects/{object}/records/merge", "merge_record"),
    ("GET", "/v2/objects/{object}/views", "object_views"),
    ("GET", "/v2/lists/{list}/views", "list_views"),
    (
        "PUT",
        "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
        "write_value_history",
    ),
    (
        "PUT",
        "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
        "write_entry_value_history",
    ),
    ("POST", "/v2/objects/records/search", "search"),
    ("POST", "/v2/sql", "sql"),
    ("GET", "/v2/lists", "lists"),
    ("POST", "/v2/lists", "create_list"),
    ("GET", "/v2/lists/{list}", "get_list"),
    ("PATCH", "/v2/lists/{list}", "update_list"),
    ("POST", "/v2/lists/{list}/entries/query", "Query::stream"),
    ("POST", "/v2/lists/{list}/entries", "add_entry"),
    ("PUT", "/v2/lists/{list}/entries", "assert_entry"),
    ("GET", "/v2/lists/{list}/entries/{entry_id}", "get_entry"),
    (
        "PATCH",
        "/v2/lists/{list}/entries/{entry_id}",
        "update_entry",
    ),
    (
        "PUT",
        "/v2/lists/{list}/entries/{entry_id}",
        "overwrite_entry",
    ),
    (
        "DELETE",
        "/v2/lists/{list}/entries/{entry_id}",
        "delete_entry",
    ),
    (
        "GET",
        "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
        "entry_value_history",
    ),
    ("GET", "/v2/workspace_members", "workspace_members"),
    (
        "GET",
        "/v2/workspace_members/{workspace_member_id}",
        "get_workspace_member",
    ),
    ("GET", "/v2/notes", "notes"),
    ("POST", "/v2/notes", "create_note"),
    ("GET", "/v2/notes/{note_id}", "get_note"),
    ("PATCH", "/v2/notes/{note_id}", "update_note"),
    ("DELETE", "/v2/notes/{note_id}", "delete_note"),
    ("GET", "/v2/files", "files"),
    ("POST", "/v2/files", "create_folder"),
    ("POST", "/v2/files/upload", "upload_file"),
    ("GET", "/v2/files/{file_id}", "get_file"),
    ("DELETE", "/v2/files/{file_id}", "delete_file"),
    ("GET", "/v2/files/{file_id}/download", "download_file"),
    ("GET", "/v2/tasks", "tasks"),
    ("POST", "/v2/tasks", "create_task"),
    ("GET", "/v2/tasks/{task_id}", "get_task"),
    ("PATCH", "/v2/tasks/{task_id}", "update_task"),
    ("DELETE", "/v2/tasks/{task_id}", "delete_task"),
    ("GET", "/v2/threads", "threads"),
    ("GET", "/v2/threads/{thread_id}", "get_thread"),
    ("POST", "/v2/comments", "create_comment"),
    ("GET", "/v2/comments/{comment_id}", "get_comment"),
    ("DELETE", "/v2/comments/{comment_id}", "delete_comment"),
    ("GET", "/v2/meetings", "meetings"),
    ("POST", "/v2/meetings", "create_meeting"),
    ("GET", "/v2/meetings/{meeting_id}", "get_meeting"),
    ("PATCH", "/v2/meetings/{meeting_id}", "link_meeting_records"),
    (
        "PUT",
        "/v2/meetings/{meeting_id}",
        "replace_meeting_records",
    ),
    ("DELETE", "/v2/meetings/{meeting_id}", "delete_meeting"),
    (
        "GET",
        "/v2/meetings/{meeting_id}/call_recordings",
        "call_recordings",
    ),
    (
        "POST",
        "/v2/meetings/{meeting_id}/call_recordings",
        "create_call_recording",
    ),
    (
        "GET",
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
        "get_call_recording",
    ),
    (
        "DELETE",
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
        "delete_call_recording",
    ),
    (
        "GET",
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript",
        "transcript",
    ),
    ("GET", "/v2/emails", "emails"),
    (
        "POST",
        "/v2/sequences/unsubscribed_emails",
        "unsubscribe_from_sequences",
    ),
    ("GET", "/v2/webhooks", "list_webhooks"),
    ("POST", "/v2/webhooks", "create_webhook"),
    ("GET", "/v2/webhooks/{webhook_id}", "get_webhook"),
    ("PATCH", "/v2/webhooks/{webhook_id}", "update_webhook"),
    ("DELETE", "/v2/webhooks/{webhook_id}", "delete_webhook"),
    ("GET", "/v2/self", "whoami"),
    ("GET", "/v2/objects", "objects"),
    ("POST", "/v2/objects", "create_object"),
    ("GET", "/v2/objects/{object}", "get_object"),
    ("PATCH", "/v2/objects/{object}", "update_object"),
    (
        "DELETE",
        "/v2/objects/{object}",
        "delete_object_and_all_its_records",
    ),
    (
        "GET",
        "/v2/{target}/{identifier}/attributes",
        "AttributeListing::stream",
    ),
    (
        "POST",
        "/v2/{target}/{identifier}/attributes",
        "create_attribute",
    ),
    (
        "GET",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        "get_attribute",
    ),
    (
        "PATCH",
        "/v2/{target}/{identifier}/attributes/{attribute}",
        "update_attribute",
    ),
    (
        "GET",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        "options",
    ),
    (
        "POST",
        "/v2/{target}/{identifier}/attributes/{attribute}/options",
        "create_option",
    ),
    (
        "PATCH",
        "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}",
        "update_option",
    ),
    (
        "GET",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        "statuses",
    ),
    (
        "POST",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
        "create_status",
    ),
    (
        "PATCH",
        "/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}",
        "update_status",
    ),
    // Activities: the definitions, their attributes (`Target::activity`), and their records,
    // which are record operations on an `#[attio_activity]` struct.
    ("GET", "/v2/activities", "activities"),
    ("POST", "/v2/activities", "create_activity"),
    ("GET", "/v2/activities/{activity}", "activity"),
    ("PATCH", "/v2/activities/{activity}", "update_activity"),
    (
        "DELETE",
        "/v2/activities/{activity}",
        "delete_activity_and_all_its_records",
    ),
    (
        "GET",
        "/v2/activities/{activity}/attributes",
        "AttributeListing::stream",
    ),
    (
        "POST",
        "/v2/activities/{activity}/attributes",
        "create_attribute",
    ),
    (
        "GET",
        "/v2/activities/{activity}/attributes/{attribute}",
        "get_attribute",
    ),
    (
        "PATCH",
        "/v2/activities/{activity}/attributes/{attribute}",
        "update_attribute",
    ),
    (
        "GET",
        "/v2/activities/{activity}/attributes/{attribute}/options",
        "options",
    ),
    (
        "POST",
        "/v2/activities/{activity}/attributes/{attribute}/options",
        "create_option",
    ),
    (
        "PATCH",
        "/v2/activities/{activity}/attributes/{attribute}/options/{option}",
        "update_option",
    ),
    (
        "GET",
        "/v2/activities/{activity}/attributes/{attribute}/statuses",
        "statuses",
    ),
    (
        "POST",
        "/v2/activities/{activity}/attributes/{attribute}/statuses",
        "create_status",
    ),
    (
        "PATCH",
        "/v2/activities/{activity}/attributes/{attribute}/statuses/{status}",
        "update_status",
    ),
    (
        "POST",
        "/v2/activities/{activity}/records/query",
        "Query::stream",
    ),
    ("POST", "/v2/activities/{activity}/records", "create_record"),
    ("PUT", "/v2/activities/{activity}/records", "assert_record"),
    (
        "GET",
        "/v2/activities/{activity}/records/{record_id}",
        "get_record",
    ),
    (
        "PATCH",
        "/v2/activities/{activity}/records/{record_id}",
        "update_record",
    ),
    (
        "PUT",
        "/v2/activities/{activity}/records/{record_id}",
        "overwrite_record",
    ),
    (
        "DELETE",
        "/v2/activities/{activity}/records/{record_id}",
        "delete_record",
    ),
];

/// Reached only through `client.request(..)`: none today. An operation the document gains is
/// placed in `TYPED` once it has a method, or here until then.
const NOT_YET_TYPED: &[(&str, &str)] = &[];

fn operations() -> BTreeSet<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/openapi.json");
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ops = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        if path.starts_with("/scim") {
            continue;
        }
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                ops.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    ops
}

/// Every `.rs` file under `dir`, concatenated.
fn sources(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text.push_str(&sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            text.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    text
}

#[test]
fn every_operation_is_placed_in_exactly_one_table() {
    let ops = operations();
    // SCIM aside: 85 before the activities' 22 (`tests/fixtures/openapi/SOURCES.md`).
    assert!(
        ops.len() >= 107,
        "the document has {} operations",
        ops.len()
    );
    let typed: BTreeSet<(String, String)> = TYPED
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    let untyped: BTreeSet<(String, String)> = NOT_YET_TYPED
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        typed.len(),
        TYPED.len(),
        "an operation is listed twice in TYPED"
    );
    assert!(
        typed.is_disjoint(&untyped),
        "an operation is in both tables"
    );
    let placed: BTreeSet<_> = typed.union(&untyped).cloned().collect();
    let unplaced: Vec<_> = ops.difference(&placed).collect();
    assert!(
        unplaced.is_empty(),
        "operations with no client method: {unplaced:?}"
    );
    let unknown: Vec<_> = placed.difference(&ops).collect();
    assert!(
        unknown.is_empty(),
        "not operations of the document: {unknown:?}"
    );
}

#[test]
fn every_typed_operation_names_a_public_function_that_exists() {
    let runtime = sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src"));
    for (method, path, function) in TYPED {
        let name = function.rsplit("::").next().unwrap();
        let declared = [
            format!("pub async fn {name}("),
            format!("pub async fn {name}<"),
            format!("pub fn {name}("),
            format!("pub fn {name}<"),
        ];
        assert!(
            declared.iter().any(|d| runtime.contains(d.as_str())),
            "{method} {path}: no public function `{function}` in runtime/src"
        );
    }
}

/// Fills a path template with ids that do not exist: enough for the router.
fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|segment| match segment {
            "{target}" => "objects",
            "{identifier}" | "{object}" => "people",
            "{list}" => "no_such_list",
            s if s.starts_with('{') => "00000000-0000-0000-0000-000000000000",
            s => s,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn the_sandbox_routes_exactly_the_documented_operations() {
    let documented = operations();
    let routed: BTreeSet<(String, String)> = attio_sandbox::routes()
        .map(|(method, path)| (method.to_owned(), path.to_owned()))
        .collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    assert!(
        unrouted.is_empty(),
        "the sandbox's route table lacks: {unrouted:#?}"
    );
    assert!(
        undocumented.is_empty(),
        "the sandbox routes operations the document does not have: {undocumented:#?}"
    );
}

#[tokio::test]
async fn every_route_reaches_its_handler() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox)
        .retry_policy(attio::RetryPolicy::disabled())
        .build()
        .unwrap();
    let mut unreached = Vec::new();
    for (method, template) in attio_sandbox::routes() {
        let method = match method {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            _ => Method::Delete,
        };
        let sent = client
            .request(method, concrete(template))
            .json(&serde_json::json!({"data": {}}))
            .send::<Value>()
            .await;
        if let Err(attio::Error::Api(e)) = &sent
            && ((e.status == 404 && e.message.contains("No route for")) || e.status == 405)
        {
            unreached.push(format!("{} {template}: {}", method.as_str(), e.message));
        }
    }
    assert!(
        unreached.is_empty(),
        "the router does not reach the handler of: {unreached:#?}"
    );
}
