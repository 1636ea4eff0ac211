//! Workspace members: reads, answered whole (no paging).

use super::{Method, Operation};
use crate::values::WorkspaceMemberId;
use crate::wire::member::WorkspaceMember;
use crate::wire::{self};

/// `GET /v2/workspace_members`.
pub(crate) fn list() -> Operation<Vec<WorkspaceMember>> {
    Operation::read(
        Method::Get,
        "/v2/workspace_members".to_owned(),
        None,
        wire::decode_data::<Vec<WorkspaceMember>>,
    )
}

/// `GET /v2/workspace_members/{workspace_member_id}`.
pub(crate) fn get(id: &WorkspaceMemberId) -> Operation<WorkspaceMember> {
    Operation::read(
        Method::Get,
        format!("/v2/workspace_members/{}", id.as_str()),
        None,
        wire::decode_data::<WorkspaceMember>,
    )
}
