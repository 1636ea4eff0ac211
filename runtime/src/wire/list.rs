//! Lists themselves, as Attio returns them ([`List`]) and as they are created ([`NewList`]) and
//! changed ([`ListUpdate`]).

use serde::{Deserialize, Deserializer, Serialize};

use super::entry::ParentObjects;
use crate::values::{
    Actor, AttioList, AttioObject, ListId, Timestamp, WorkspaceId, WorkspaceMemberId,
};

/// The two ids that identify a list: its workspace and the list itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListIdentifier {
    /// The workspace the list belongs to.
    pub workspace_id: WorkspaceId,
    /// The list.
    pub list_id: ListId,
}

/// How much of a list the workspace (or one member) may see and change.
///
/// ```
/// let access: attio::ListAccess = serde_json::from_str(r#""read-and-write""#).unwrap();
/// assert_eq!(access, attio::ListAccess::ReadAndWrite);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListAccess {
    /// `full-access`: read, write, and manage the list.
    FullAccess,
    /// `read-and-write`: read and change its entries.
    ReadAndWrite,
    /// `read-only`.
    ReadOnly,
}

/// One workspace member's access to a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MemberAccess {
    /// The member.
    pub workspace_member_id: WorkspaceMemberId,
    /// Their access.
    pub level: ListAccess,
}

impl MemberAccess {
    /// `member` gets `level`.
    pub fn new(member: WorkspaceMemberId, level: ListAccess) -> Self {
        MemberAccess {
            workspace_member_id: member,
            level,
        }
    }
}

/// A list, as `GET /v2/lists` and `GET /v2/lists/{list}` return it.
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0"},
///   "api_slug":"sales_pipeline","name":"Sales pipeline","parent_object":["companies"],
///   "workspace_access":"full-access","workspace_member_access":[],
///   "created_by_actor":{"type":"system","id":null},"created_at":"2022-11-21T13:22:49.061281000Z"}"#;
/// let list: attio::List = serde_json::from_str(json).unwrap();
/// assert_eq!(list.parent_object, ["companies"]);
/// assert_eq!(list.workspace_access, Some(attio::ListAccess::FullAccess));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct List {
    /// The list's ids.
    pub id: ListIdentifier,
    /// The list's api slug, as entry paths name it.
    pub api_slug: String,
    /// The list's name in Attio's web app.
    pub name: String,
    /// The objects whose records can be entries: one, except in some legacy lists. Attio writes
    /// an array; a single string is read too.
    #[serde(deserialize_with = "parent_objects")]
    pub parent_object: Vec<String>,
    /// The whole workspace's access; `None` for a private list.
    #[serde(default)]
    pub workspace_access: Option<ListAccess>,
    /// Access granted to single members.
    #[serde(default)]
    pub workspace_member_access: Vec<MemberAccess>,
    /// Who created the list.
    #[serde(default)]
    pub created_by_actor: Option<Actor>,
    /// When the list was created.
    pub created_at: Timestamp,
}

fn parent_objects<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    ParentObjects::deserialize(d).map(|p| p.0)
}

/// A list to create (`POST /v2/lists`). Attio requires some member to have full access: by
/// default the whole workspace has it.
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: Option<attio::Status> }
///
/// // The slug and the parent object come from the struct.
/// let new = attio::NewList::of::<SalesEntry>("Sales pipeline");
/// assert_eq!(
///     serde_json::to_string(&new).unwrap(),
///     r#"{"name":"Sales pipeline","api_slug":"sales_pipeline","parent_object":"companies","workspace_access":"full-access","workspace_member_access":[]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NewList {
    /// The list's name in Attio's web app.
    pub name: String,
    /// The list's api slug (lowercase letters, digits and underscores).
    pub api_slug: String,
    /// The slug of the object whose records can be entries. Written as a string.
    pub parent_object: String,
    /// The whole workspace's access; `None` for a private list.
    pub workspace_access: Option<ListAccess>,
    /// Access granted to single members.
    pub workspace_member_access: Vec<MemberAccess>,
}

impl NewList {
    /// A list named `name` with the slug `api_slug` over the records of `parent_object`, to which
    /// the whole workspace has full access.
    pub fn new(
        name: impl Into<String>,
        api_slug: impl Into<String>,
        parent_object: impl Into<String>,
    ) -> Self {
        NewList {
            name: name.into(),
            api_slug: api_slug.into(),
            parent_object: parent_object.into(),
            workspace_access: Some(ListAccess::FullAccess),
            workspace_member_access: Vec::new(),
        }
    }

    /// The list `T` describes: its slug and its parent object come from `T`.
    pub fn of<T: AttioList>(name: impl Into<String>) -> Self {
        NewList::new(name, T::SLUG, <T::Parent as AttioObject>::SLUG)
    }

    /// Sets the whole workspace's access (`None`: private, then give some member full access).
    pub fn workspace_access(mut self, access: Option<ListAccess>) -> Self {
        self.workspace_access = access;
        self
    }

    /// Gives `member` the access `level`.
    pub fn member_access(mut self, member: WorkspaceMemberId, level: ListAccess) -> Self {
        self.workspace_member_access
            .push(MemberAccess::new(member, level));
        self
    }
}

/// Changes to a list (`PATCH /v2/lists/{list}`): what is left `None` is unchanged. The parent
/// object cannot be changed.
///
/// ```
/// let update = attio::ListUpdate::new().name("Pipeline 2027");
/// assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"name":"Pipeline 2027"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ListUpdate {
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new api slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_slug: Option<String>,
    /// New workspace access (`Some(None)`: private).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_access: Option<Option<ListAccess>>,
    /// New member access, replacing the old.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_member_access: Option<Vec<MemberAccess>>,
}

impl ListUpdate {
    /// No changes.
    pub fn new() -> Self {
        ListUpdate::default()
    }

    /// Renames the list.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the list's api slug.
    pub fn api_slug(mut self, slug: impl Into<String>) -> Self {
        self.api_slug = Some(slug.into());
        self
    }

    /// Changes the whole workspace's access (`None`: private).
    pub fn workspace_access(mut self, access: Option<ListAccess>) -> Self {
        self.workspace_access = Some(access);
        self
    }

    /// Replaces the members' access.
    pub fn member_access(mut self, access: Vec<MemberAccess>) -> Self {
        self.workspace_member_access = Some(access);
        self
    }

    /// Whether nothing is changed (Attio refuses an empty update).
    pub fn is_empty(&self) -> bool {
        self == &ListUpdate::default()
    }
}
