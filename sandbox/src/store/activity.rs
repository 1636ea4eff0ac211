//! An activity: a custom activity type (site visits, calls, …) whose records behave like an
//! object's. Its attributes are held in an [`Object`] whose id is the activity id and whose slug
//! is the activity's, as a list's are, so attribute handlers, value normalisation, write
//! semantics, uniqueness and queries serve activity records as they serve records; what differs
//! is only where its rows live (`Store::activity_records`), how they are rendered (an
//! `activity_id` in the id, no `web_url`) and which events they emit.

use serde_json::{Value, json};

use crate::schema::{Extends, Object};

/// An activity.
#[derive(Debug, Clone)]
pub struct Activity {
    /// The activity's attributes; `schema.id` is the activity id, `schema.api_slug` its slug,
    /// `schema.system` whether Attio defines it (`is_system_activity`).
    pub schema: Object,
    /// The schema it extends, fixed at creation.
    pub extends: Extends,
}

impl Activity {
    /// The activity's JSON form; `schema_ids` are the workspace's ids of the four schemas, in
    /// the order of [`Extends::ALL`].
    pub fn to_json(&self, workspace_id: &str, schema_ids: &[String]) -> Value {
        let schema_id = schema_ids
            .get(self.extends.index())
            .cloned()
            .unwrap_or_default();
        json!({
            "id": {"workspace_id": workspace_id, "activity_id": self.schema.id},
            "api_slug": self.schema.api_slug,
            "singular_noun": self.schema.singular_noun,
            "plural_noun": self.schema.plural_noun,
            "extends": [{"schema_id": schema_id, "schema_slug": self.extends.as_str()}],
            "is_system_activity": self.schema.system,
            "created_at": self.schema.created_at,
        })
    }
}
