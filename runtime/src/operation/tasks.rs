//! Task operations.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | create (`POST /v2/tasks`) | no | a repeat makes a second task |
//! | list, get | yes | reads |
//! | update (`PATCH`) | yes | it sets the keys it names; links and assignees are replaced whole |
//! | delete | yes | a repeat finds nothing to delete |

use super::{Method, Operation};
use crate::values::TaskId;
use crate::wire::task::Task;
use crate::wire::{self};

fn task_path(id: &TaskId) -> String {
    format!("/v2/tasks/{}", id.as_str())
}

/// `POST /v2/tasks` with a body from `wire::task::create_body`.
pub(crate) fn create(body: Vec<u8>) -> Operation<Task> {
    Operation::write(
        Method::Post,
        "/v2/tasks".to_owned(),
        Some(body),
        false,
        wire::decode_data::<Task>,
    )
}

/// `PATCH /v2/tasks/{task_id}` with a body from `wire::task::update_body`.
pub(crate) fn update(id: &TaskId, body: Vec<u8>) -> Operation<Task> {
    Operation::write(
        Method::Patch,
        task_path(id),
        Some(body),
        true,
        wire::decode_data::<Task>,
    )
}

/// `GET /v2/tasks/{task_id}`.
pub(crate) fn get(id: &TaskId) -> Operation<Task> {
    Operation::read(Method::Get, task_path(id), None, wire::decode_data::<Task>)
}

/// `DELETE /v2/tasks/{task_id}`.
pub(crate) fn delete(id: &TaskId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        task_path(id),
        None,
        true,
        wire::decode_nothing,
    )
}

/// `GET /v2/tasks?{query}&limit=&offset=`: one page; `query` is already encoded (filters, sort).
pub(crate) fn list_page(query: &str, limit: usize, offset: usize) -> Operation<Vec<Task>> {
    let sep = if query.is_empty() { "" } else { "&" };
    Operation::read(
        Method::Get,
        format!("/v2/tasks?{query}{sep}limit={limit}&offset={offset}"),
        None,
        wire::decode_data::<Vec<Task>>,
    )
}
