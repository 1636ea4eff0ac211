//! Tasks as Attio returns them ([`Task`]) and their write bodies. Public through `attio::tasks`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::values::{Actor, ActorType, RecordId, TaskId, Timestamp, WorkspaceId};

/// A task.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","task_id":"649e34f4-c39a-4f4d-99ef-48a36bef8f04"},
///   "content_plaintext":"Follow up","deadline_at":"2023-01-01T15:00:00.000000000Z","is_completed":false,
///   "linked_records":[{"target_object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","target_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d"}],
///   "assignees":[{"referenced_actor_type":"workspace-member","referenced_actor_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}],
///   "created_by_actor":{"type":"api-token","id":"bb3f3bd4-40f4-4f80-8187-cd02385af424"},
///   "created_at":"2023-01-01T15:00:00.000000000Z"}"#;
/// let task: attio::tasks::Task = serde_json::from_str(json)?;
/// assert_eq!(task.content_plaintext, "Follow up");
/// assert_eq!(task.linked_records[0].target_record_id.as_str(), "891dcbfc-9141-415d-9b2a-2238a6cc012d");
/// assert_eq!(task.completed_at, None); // absent here; `null` reads the same
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Task {
    /// The task's ids.
    pub id: TaskIdentifier,
    /// The content, plain text.
    pub content_plaintext: String,
    /// The deadline, if any.
    #[serde(default)]
    pub deadline_at: Option<Timestamp>,
    /// Whether it is done.
    pub is_completed: bool,
    /// When it was completed: `None` until it is (and when Attio's answer leaves the key out,
    /// which it sometimes does).
    #[serde(default)]
    pub completed_at: Option<Timestamp>,
    /// The records it is about.
    #[serde(default)]
    pub linked_records: Vec<LinkedRecord>,
    /// Who it is assigned to.
    #[serde(default)]
    pub assignees: Vec<Assignee>,
    /// Who created it.
    pub created_by_actor: Actor,
    /// When it was created.
    pub created_at: Timestamp,
}

/// The ids of a task.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The task.
    pub task_id: TaskId,
}

/// A record a task is about, as Attio returns it: the object's **id** (not its slug).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct LinkedRecord {
    /// The record's object id.
    pub target_object_id: String,
    /// The record.
    pub target_record_id: RecordId,
}

/// Someone a task is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Assignee {
    /// The kind of actor (a workspace member, in practice).
    pub referenced_actor_type: ActorType,
    /// The actor's id.
    pub referenced_actor_id: String,
}

/// The body of `POST /v2/tasks`: all six keys, as Attio requires.
pub(crate) fn create_body(
    content: &str,
    deadline_at: Option<&Timestamp>,
    is_completed: bool,
    linked_records: &[Value],
    assignees: &[Value],
) -> Vec<u8> {
    let body = serde_json::json!({"data": {
        "content": content,
        "format": "plaintext",
        "deadline_at": deadline_at.map(ToString::to_string),
        "is_completed": is_completed,
        "linked_records": linked_records,
        "assignees": assignees,
    }});
    serde_json::to_vec(&body).unwrap_or_default()
}

/// The body of `PATCH /v2/tasks/{id}`: only the keys being changed (Attio can change the
/// deadline, completion, links and assignees; not the content).
pub(crate) fn update_body(
    deadline_at: Option<Option<&Timestamp>>,
    is_completed: Option<bool>,
    linked_records: Option<&[Value]>,
    assignees: Option<&[Value]>,
) -> Vec<u8> {
    let mut data = serde_json::Map::new();
    if let Some(deadline) = deadline_at {
        data.insert(
            "deadline_at".into(),
            deadline.map(ToString::to_string).into(),
        );
    }
    if let Some(done) = is_completed {
        data.insert("is_completed".into(), done.into());
    }
    if let Some(links) = linked_records {
        data.insert("linked_records".into(), links.to_vec().into());
    }
    if let Some(people) = assignees {
        data.insert("assignees".into(), people.to_vec().into());
    }
    serde_json::to_vec(&serde_json::json!({ "data": data })).unwrap_or_default()
}
