//! Saved views of objects and lists ([`ObjectView`], [`ListView`]), as
//! `GET /v2/objects/{object}/views` and `GET /v2/lists/{list}/views` return them.

use serde::Deserialize;

use crate::values::{ListId, ObjectId, Timestamp, ViewId, WorkspaceId};

/// A saved table or board view of an object, as Attio's web app shows it. Its `view_id` filters
/// a record listing the way the view does (`filter_view_id`).
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///   "view_id":"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"},"title":"All companies","created_at":"2022-11-21T13:22:49.061281000Z"}"#;
/// let view: attio::ObjectView = serde_json::from_str(json).unwrap();
/// assert_eq!(view.title, "All companies");
/// assert_eq!(view.id.view_id.as_str(), "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ObjectView {
    /// The view's ids.
    pub id: ObjectViewIdentifier,
    /// The view's title in Attio's web app.
    pub title: String,
    /// When the view was created.
    pub created_at: Timestamp,
}

/// The ids of an object's view: its workspace, its object and the view itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[non_exhaustive]
pub struct ObjectViewIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The object the view belongs to.
    pub object_id: ObjectId,
    /// The view.
    pub view_id: ViewId,
}

/// A saved table or board view of a list. Its `view_id` filters an entry listing the way the
/// view does (`filter_view_id`).
///
/// ```
/// let json = r#"{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0",
///   "view_id":"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"},"title":"Board","created_at":"2022-11-21T13:22:49.061281000Z"}"#;
/// let view: attio::ListView = serde_json::from_str(json).unwrap();
/// assert_eq!(view.id.list_id.as_str(), "33ebdbe9-e529-47c9-b894-0ba25e9c15c0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ListView {
    /// The view's ids.
    pub id: ListViewIdentifier,
    /// The view's title in Attio's web app.
    pub title: String,
    /// When the view was created.
    pub created_at: Timestamp,
}

/// The ids of a list's view: its workspace, its list and the view itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[non_exhaustive]
pub struct ListViewIdentifier {
    /// The workspace.
    pub workspace_id: WorkspaceId,
    /// The list the view belongs to.
    pub list_id: ListId,
    /// The view.
    pub view_id: ViewId,
}
