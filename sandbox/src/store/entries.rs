//! List entries in the store. Every entry mutation goes through one of three functions, which
//! deliver the `list-entry.*` webhook events:
//! - [`Store::create_entry`]: an entry is created (`list-entry.created`);
//! - [`Store::write_entry`]: an entry's values are written; it returns the ids of the attributes
//!   whose active values changed (one `list-entry.updated` each);
//! - [`Store::delete_entry`]: an entry is deleted (`list-entry.deleted`), also when its parent
//!   record is deleted ([`Store::delete_entries_of`]).

use serde_json::{Value, json};

use super::events::Event;
use super::row::{Mode, Parent, Record, Target};
use super::state::Store;
use crate::error::ApiError;
use crate::util::format_ns;

impl Store {
    /// Checks that `parent_object`/`parent_record_id` name an existing record of one of the
    /// list's parent objects.
    pub fn parent_of(
        &self,
        li: usize,
        parent_object: &str,
        parent_record_id: &str,
    ) -> Result<Parent, ApiError> {
        let oi = self.object_index(parent_object).map_err(|_| {
            ApiError::value_not_found(format!(
                "Parent object with slug/ID \"{parent_object}\" not found."
            ))
        })?;
        let list = &self.lists[li];
        let object = &self.objects[oi];
        if !list.parent_object_ids.contains(&object.id) {
            return Err(ApiError::validation(format!(
                "List \"{}\" does not accept records of object \"{}\".",
                list.schema.api_slug, object.api_slug
            )));
        }
        self.record(oi, parent_record_id).map_err(|_| {
            ApiError::value_not_found(format!(
                "Parent record with slug/ID \"{parent_record_id}\" not found."
            ))
        })?;
        Ok(Parent {
            object_id: object.id.clone(),
            record_id: parent_record_id.to_owned(),
        })
    }

    /// Creates an entry for `parent` with `values` (`entry_values`); returns its id.
    pub fn create_entry(
        &mut self,
        li: usize,
        parent: Parent,
        values: &Value,
    ) -> Result<String, ApiError> {
        let id = self.rng.uuid();
        let t = Target::List(li);
        self.write_row(t, &id, true, values, Mode::Create)?;
        let event = self.entry_event("list-entry.created", li, &id, &parent);
        if let Some(row) = self.row_mut(t, &id) {
            row.parent = Some(parent);
        }
        self.emit(event);
        Ok(id)
    }

    /// A `list-entry.*` event: the list and entry ids, and the parent beside them.
    fn entry_event(&self, event_type: &str, li: usize, entry_id: &str, parent: &Parent) -> Event {
        Event::new(event_type)
            .id("list_id", &self.lists[li].schema.id)
            .id("entry_id", entry_id)
            .field("parent_object_id", parent.object_id.clone())
            .field("parent_record_id", parent.record_id.clone())
    }

    /// The parent of an existing entry.
    fn parent_of_entry(&self, li: usize, entry_id: &str) -> Result<Parent, ApiError> {
        let row = self.row(Target::List(li), entry_id)?;
        Ok(row.parent.clone().unwrap_or(Parent {
            object_id: String::new(),
            record_id: String::new(),
        }))
    }

    /// Writes `values` to an existing entry with `mode` (PATCH appends, PUT overwrites, assert by
    /// parent upserts). Returns the ids of the attributes whose active values changed.
    pub fn write_entry(
        &mut self,
        li: usize,
        entry_id: &str,
        values: &Value,
        mode: Mode,
    ) -> Result<Vec<String>, ApiError> {
        let t = Target::List(li);
        let parent = self.parent_of_entry(li, entry_id)?;
        let changed = self.write_row(t, entry_id, false, values, mode)?;
        for attribute_id in &changed {
            let event = self
                .entry_event("list-entry.updated", li, entry_id, &parent)
                .id("attribute_id", attribute_id);
            self.emit(event);
        }
        Ok(changed)
    }

    /// Deletes an entry.
    pub fn delete_entry(&mut self, li: usize, entry_id: &str) -> Result<(), ApiError> {
        let t = Target::List(li);
        let parent = self.parent_of_entry(li, entry_id)?;
        self.rows_mut(t).retain(|r| r.id != entry_id);
        let event = self.entry_event("list-entry.deleted", li, entry_id, &parent);
        self.emit(event);
        Ok(())
    }

    /// Deletes every entry, in every list, whose parent is this record.
    pub fn delete_entries_of(&mut self, object_id: &str, record_id: &str) {
        for (li, entry_id) in self.entries_of_record(object_id, record_id) {
            // The entry was just found, so deleting it cannot fail.
            let _ = self.delete_entry(li, &entry_id);
        }
    }

    /// `(list index, entry id)` of every entry whose parent is this record, oldest first.
    pub fn entries_of_record(&self, object_id: &str, record_id: &str) -> Vec<(usize, String)> {
        let mut found: Vec<(i128, usize, String)> = Vec::new();
        for li in 0..self.lists.len() {
            for row in self.rows(Target::List(li)) {
                if row
                    .parent
                    .as_ref()
                    .is_some_and(|p| p.object_id == object_id && p.record_id == record_id)
                {
                    found.push((row.created_at, li, row.id.clone()));
                }
            }
        }
        found.sort_by_key(|(at, _, _)| *at);
        found.into_iter().map(|(_, li, id)| (li, id)).collect()
    }

    /// The entries of a list whose parent is `parent`.
    pub fn entries_with_parent(&self, li: usize, parent: &Parent) -> Vec<&Record> {
        self.rows(Target::List(li))
            .iter()
            .filter(|r| r.parent.as_ref() == Some(parent))
            .collect()
    }

    /// An entry's JSON form: ids, parent (`parent_object` as a slug), `created_at` and the
    /// list's attributes only in `entry_values`.
    pub fn render_entry(&self, li: usize, row: &Record) -> Value {
        let list = &self.lists[li];
        let (parent_object, parent_record_id) = match &row.parent {
            Some(p) => (
                self.objects
                    .iter()
                    .find(|o| o.id == p.object_id)
                    .map_or(p.object_id.as_str(), |o| o.api_slug.as_str()),
                p.record_id.as_str(),
            ),
            None => ("", ""),
        };
        json!({
            "id": {"workspace_id": self.workspace_id, "list_id": list.schema.id, "entry_id": row.id},
            "parent_record_id": parent_record_id,
            "parent_object": parent_object,
            "created_at": format_ns(row.created_at),
            "entry_values": Self::render_values(&list.schema, row),
        })
    }
}
