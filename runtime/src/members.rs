//! Workspace members: who tasks can be assigned to, and whose actions values are attributed to.
//!
//! ```no_run
//! # async fn run(client: attio::Client) -> attio::Result<()> {
//! let members = client.workspace_members().await?;
//! let alice = members.iter().find(|m| m.email_address.as_str() == "alice@attio.com");
//! let owner = alice.map(|m| m.to_actor_reference());
//! # Ok(()) }
//! ```

use crate::client::Client;
use crate::error::Result;
use crate::operation;
use crate::values::{ActorReference, WorkspaceMemberId};

pub use crate::wire::member::{AccessLevel, WorkspaceMember, WorkspaceMemberIdentifier};

impl WorkspaceMember {
    /// The member as an actor reference: for an `ActorReference` attribute, a task's assignee,
    /// or a search run as them.
    pub fn to_actor_reference(&self) -> ActorReference {
        // A member id is never empty (`WorkspaceMemberId` checks it), so the email is only a
        // formality of the types.
        ActorReference::workspace_member(self.id.workspace_member_id.as_str()).unwrap_or_else(
            |_| ActorReference::workspace_member_by_email(self.email_address.clone()),
        )
    }
}

impl Client {
    /// `GET /v2/workspace_members`: every member of the workspace (Attio answers them all at
    /// once).
    pub async fn workspace_members(&self) -> Result<Vec<WorkspaceMember>> {
        self.execute(operation::members::list()).await
    }

    /// `GET /v2/workspace_members/{workspace_member_id}`.
    pub async fn get_workspace_member(&self, id: &WorkspaceMemberId) -> Result<WorkspaceMember> {
        self.execute(operation::members::get(id)).await
    }
}
