//! Workspace members as Attio returns them. Public through `attio::members`.

use serde::Deserialize;

use crate::values::{EmailAddress, Timestamp, WorkspaceId, WorkspaceMemberId};

/// A member of the workspace: someone tasks can be assigned to and records owned by.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
///   "first_name":"Susan","last_name":"Kare","avatar_url":null,"email_address":"susan.kare@apple.com",
///   "created_at":"2022-11-21T13:22:49.061281000Z","access_level":"member"}"#;
/// let member: attio::members::WorkspaceMember = serde_json::from_str(json)?;
/// assert_eq!(member.email_address.as_str(), "susan.kare@apple.com");
/// assert_eq!(member.access_level, attio::members::AccessLevel::Member);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMember {
    /// The member's ids.
    pub id: WorkspaceMemberIdentifier,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Avatar image, if any.
    #[serde(default)]
    pub avatar_url: Option<String>,
    /// Email address.
    pub email_address: EmailAddress,
    /// When the member joined.
    pub created_at: Timestamp,
    /// Admin, member, or suspended (members are never deleted, only suspended).
    pub access_level: AccessLevel,
}

/// The ids of a workspace member.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[non_exhaustive]
pub struct WorkspaceMemberIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The member.
    pub workspace_member_id: WorkspaceMemberId,
}

/// What a workspace member may do.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AccessLevel {
    /// An administrator.
    Admin,
    /// A member.
    Member,
    /// Suspended: kept so that past actions stay attributed.
    Suspended,
    /// A level this version does not know.
    #[serde(other)]
    Other,
}
