//! A custom object deleted with everything that hangs off it.

use super::row::Target;
use super::state::Store;
use crate::error::ApiError;

impl Store {
    /// Deletes the custom object at `oi` and all its records, each as `DELETE …/records/{id}`
    /// does (relationships updated, entries, notes, tasks, threads and meetings' links gone,
    /// `record.deleted` delivered), then the object; a list whose parent it was loses that parent,
    /// and a list left without one goes with it. A system object is refused with `400
    /// system_edit_unauthorized`. The number of records deleted.
    pub fn delete_object(&mut self, oi: usize) -> Result<usize, ApiError> {
        let object = self.objects[oi].clone();
        if object.system {
            return Err(ApiError::new(
                400,
                "invalid_request_error",
                "system_edit_unauthorized",
                format!(
                    "The system object \"{}\" cannot be deleted: only custom objects can.",
                    object.api_slug
                ),
            ));
        }
        let ids: Vec<String> = self
            .rows(Target::Object(oi))
            .iter()
            .map(|r| r.id.clone())
            .collect();
        for id in &ids {
            self.delete(oi, id)?;
        }
        self.records.remove(&object.id);
        for list in &mut self.lists {
            list.parent_object_ids.retain(|id| *id != object.id);
        }
        let orphans: Vec<String> = self
            .lists
            .iter()
            .filter(|l| l.parent_object_ids.is_empty())
            .map(|l| l.schema.id.clone())
            .collect();
        self.lists.retain(|l| !l.parent_object_ids.is_empty());
        for id in orphans {
            self.entries.remove(&id);
        }
        self.objects.remove(oi);
        Ok(ids.len())
    }
}
