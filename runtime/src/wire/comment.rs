//! Comments and threads as Attio returns them, and the comment body. Public through
//! `attio::comments`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::values::{
    Actor, CommentId, EntryId, ListId, RecordId, ThreadId, Timestamp, WorkspaceId,
    WorkspaceMemberId,
};

/// A comment: in a thread, on a record or on a list entry.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","comment_id":"aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2"},
///   "thread_id":"a649e4d9-435c-43fb-83ba-847b4876f27a","content_plaintext":"Let's close this, alice@attio.com.",
///   "entry":null,"record":{"record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},
///   "resolved_at":null,"resolved_by":{"type":null,"id":null},"created_at":"2023-01-01T15:00:00.000000000Z",
///   "author":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}"#;
/// let comment: attio::comments::Comment = serde_json::from_str(json)?;
/// assert!(comment.entry.is_none());
/// assert_eq!(comment.record.record_id.as_str(), "bf071e1f-6035-429d-b874-d83ea64ea13b");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Comment {
    /// The comment's ids.
    pub id: CommentIdentifier,
    /// The thread it is in.
    pub thread_id: ThreadId,
    /// Its content, plain text (mentions of members become their email addresses).
    pub content_plaintext: String,
    /// The list entry it is on; `None` for a comment on a record.
    #[serde(default)]
    pub entry: Option<CommentEntry>,
    /// The record it is on (for a comment on an entry, the entry's parent record).
    pub record: CommentRecord,
    /// When it was resolved, if it was.
    #[serde(default)]
    pub resolved_at: Option<Timestamp>,
    /// Who resolved it (an actor with no type and no id when nobody has).
    #[serde(default)]
    pub resolved_by: Option<Actor>,
    /// When it was written.
    pub created_at: Timestamp,
    /// Who wrote it.
    pub author: Actor,
}

/// The ids of a comment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CommentIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The comment.
    pub comment_id: CommentId,
}

/// The list entry a comment is on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CommentEntry {
    /// The entry.
    pub entry_id: EntryId,
    /// Its list.
    pub list_id: ListId,
}

/// The record a comment is on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CommentRecord {
    /// The record.
    pub record_id: RecordId,
    /// Its object's id.
    pub object_id: String,
}

/// A thread: comments on one record or entry, oldest first.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Thread {
    /// The thread's ids.
    pub id: ThreadIdentifier,
    /// Its comments, oldest first (at least one).
    pub comments: Vec<Comment>,
    /// When it was started.
    pub created_at: Timestamp,
}

/// The ids of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreadIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The thread.
    pub thread_id: ThreadId,
}

/// One page of `GET /v2/threads/{thread_id}`: the thread with a page of its comments, and the
/// cursor of the next page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ThreadPage {
    pub(crate) thread: Thread,
    pub(crate) next_cursor: Option<String>,
}

#[derive(Deserialize)]
struct ThreadAnswer {
    data: Thread,
    #[serde(default)]
    pagination: Option<ThreadPagination>,
}

#[derive(Deserialize)]
struct ThreadPagination {
    #[serde(default)]
    next_cursor: Option<String>,
}

/// Decodes a page of `GET /v2/threads/{thread_id}` (an answer without `pagination` is the
/// last page, as Attio's were before it paged).
pub(crate) fn decode_thread_page(body: &[u8]) -> Result<ThreadPage, crate::error::DecodeError> {
    let answer: ThreadAnswer = super::decode_bare(body)?;
    Ok(ThreadPage {
        thread: answer.data,
        next_cursor: answer.pagination.and_then(|p| p.next_cursor),
    })
}

/// Decodes a page of `GET /v2/threads/{thread_id}` as a page of its comments.
pub(crate) fn decode_thread_comments(
    body: &[u8],
) -> Result<super::CursorPage<Comment>, crate::error::DecodeError> {
    let page = decode_thread_page(body)?;
    Ok(super::CursorPage {
        data: page.thread.comments,
        next_cursor: page.next_cursor,
    })
}

/// The body of `POST /v2/comments`: `target` is the one of `thread_id`, `record` or `entry`.
pub(crate) fn create_body(
    content: &str,
    author: &WorkspaceMemberId,
    created_at: Option<&Timestamp>,
    target: (&str, Value),
) -> Vec<u8> {
    let mut data = Map::new();
    data.insert("format".into(), "plaintext".into());
    data.insert("content".into(), content.into());
    data.insert(
        "author".into(),
        json!({"type": "workspace-member", "id": author}),
    );
    if let Some(at) = created_at {
        data.insert("created_at".into(), at.to_string().into());
    }
    data.insert(target.0.into(), target.1);
    serde_json::to_vec(&json!({ "data": data })).unwrap_or_default()
}
