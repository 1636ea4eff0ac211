//! A list: its attributes (held in an [`Object`] whose id is the list id and whose slug is the
//! list slug, so attribute handlers, value normalisation, write semantics and queries serve
//! records and entries alike), its parent objects and its access, and its JSON form.

use serde_json::{Value, json};

use crate::schema::Object;

/// A list.
#[derive(Debug, Clone)]
pub struct List {
    /// The list's attributes; `schema.id` is the list id and `schema.api_slug` its slug.
    pub schema: Object,
    /// The name shown in the UI.
    pub name: String,
    /// The objects whose records can be added (always one for lists created here).
    pub parent_object_ids: Vec<String>,
    /// `workspace_access` (`None`: private).
    pub workspace_access: Option<String>,
    /// `workspace_member_access`: `(member id, level)`.
    pub member_access: Vec<(String, String)>,
    /// `created_by_actor`.
    pub created_by: Value,
}

impl List {
    /// The list's JSON form; `parent_object` is an array of object slugs.
    pub fn to_json(&self, workspace_id: &str, objects: &[Object]) -> Value {
        let parents: Vec<&str> = self
            .parent_object_ids
            .iter()
            .filter_map(|id| objects.iter().find(|o| &o.id == id))
            .map(|o| o.api_slug.as_str())
            .collect();
        let members: Vec<Value> = self
            .member_access
            .iter()
            .map(|(id, level)| json!({"workspace_member_id": id, "level": level}))
            .collect();
        json!({
            "id": {"workspace_id": workspace_id, "list_id": self.schema.id},
            "api_slug": self.schema.api_slug,
            "name": self.name,
            "parent_object": parents,
            "workspace_access": self.workspace_access,
            "workspace_member_access": members,
            "created_by_actor": self.created_by,
            "created_at": self.schema.created_at,
        })
    }
}
