//! Comments and threads.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | create a comment (`POST /v2/comments`) | no | a repeat posts a second comment |
//! | get a comment, list and get threads | yes | reads |
//! | delete a comment | yes | a repeat finds nothing to delete |

use super::{Method, Operation};
use crate::values::{CommentId, ThreadId};
use crate::wire::CursorPage;
use crate::wire::comment::{self, Comment, Thread, ThreadPage};
use crate::wire::{self};

/// `POST /v2/comments` with a body from `wire::comment::create_body`.
pub(crate) fn create(body: Vec<u8>) -> Operation<Comment> {
    Operation::write(
        Method::Post,
        "/v2/comments".to_owned(),
        Some(body),
        false,
        wire::decode_data::<Comment>,
    )
}

/// `GET /v2/comments/{comment_id}`.
pub(crate) fn get(id: &CommentId) -> Operation<Comment> {
    Operation::read(
        Method::Get,
        format!("/v2/comments/{}", id.as_str()),
        None,
        wire::decode_data::<Comment>,
    )
}

/// `DELETE /v2/comments/{comment_id}`.
pub(crate) fn delete(id: &CommentId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        format!("/v2/comments/{}", id.as_str()),
        None,
        true,
        wire::decode_nothing,
    )
}

/// `GET /v2/threads/{thread_id}?{query}&cursor=`: the thread and one page of its comments;
/// `query` holds `limit` and `created_after`, when given.
pub(crate) fn thread_page(
    id: &ThreadId,
    query: &str,
    cursor: Option<&str>,
) -> Operation<ThreadPage> {
    Operation::read(
        Method::Get,
        super::meetings::with_cursor(format!("/v2/threads/{}", id.as_str()), query, cursor),
        None,
        comment::decode_thread_page,
    )
}

/// As [`thread_page`], decoded as a page of the thread's comments.
pub(crate) fn thread_comments_page(
    id: &ThreadId,
    query: &str,
    cursor: Option<&str>,
) -> Operation<CursorPage<Comment>> {
    Operation::read(
        Method::Get,
        super::meetings::with_cursor(format!("/v2/threads/{}", id.as_str()), query, cursor),
        None,
        comment::decode_thread_comments,
    )
}

/// `GET /v2/threads?{on}&limit=&offset=`: one page; `on` is the encoded record or entry.
pub(crate) fn threads_page(on: &str, limit: usize, offset: usize) -> Operation<Vec<Thread>> {
    Operation::read(
        Method::Get,
        format!("/v2/threads?{on}&limit={limit}&offset={offset}"),
        None,
        wire::decode_data::<Vec<Thread>>,
    )
}
