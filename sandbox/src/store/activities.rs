//! Activities and their records: the system activity every workspace starts with, creating,
//! renaming and deleting activities, rendering and deleting activity records.
//!
//! An activity's records are rows of [`Target::Activity`]: they are written by `write_row`
//! (`store/write.rs`) with the records' semantics (appends, overwrites, required and unique
//! attributes, value history) and queried by `crate::query` as records are. They differ from
//! records in what they announce: `activity-record.created` and `activity-record.deleted` (Attio
//! lists no `activity-record.updated`), with `id.activity_id`; and they have no two-way
//! relationships, list entries, notes or merges hanging off them.

use serde_json::{Value, json};

use super::activity::Activity;
use super::events::Event;
use super::row::{Record, Target};
use super::state::Store;
use crate::error::ApiError;
use crate::schema::{Extends, Object};
use crate::util::{Rng, format_ns, is_snake_case};

impl Store {
    /// The workspace's schema ids and its system activity, `phone_calls` (extends `calls`).
    /// Their ids come from a generator of their own, seeded from the workspace id, so that the
    /// ids of everything else a seeded workspace makes stay what they were before activities.
    pub(super) fn seed_activities(&mut self) {
        let seed = self
            .workspace_id
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        let mut rng = Rng::new(seed);
        self.activity_schema_ids = Extends::ALL.iter().map(|_| rng.uuid()).collect();
        let now = self.now_string();
        let extends = Extends::Calls;
        self.activities.push(Activity {
            schema: Object {
                id: rng.uuid(),
                api_slug: "phone_calls".into(),
                singular_noun: "Phone call".into(),
                plural_noun: "Phone calls".into(),
                attributes: extends.attributes(&mut rng, &now),
                created_at: now,
                system: true,
            },
            extends,
        });
    }

    /// Finds an activity's index by slug or id (404 `not_found` if there is none).
    pub fn activity_index(&self, key: &str) -> Result<usize, ApiError> {
        self.activities
            .iter()
            .position(|a| a.schema.api_slug == key || a.schema.id == key)
            .ok_or_else(|| {
                ApiError::not_found(format!("Activity with slug/ID \"{key}\" not found."))
            })
    }

    /// Whether an object or an activity has this slug: they share one namespace.
    pub fn slug_taken(&self, slug: &str) -> bool {
        self.objects.iter().any(|o| o.api_slug == slug)
            || self.activities.iter().any(|a| a.schema.api_slug == slug)
    }

    /// An activity's JSON form.
    pub fn activity_json(&self, ai: usize) -> Value {
        self.activities[ai].to_json(&self.workspace_id, &self.activity_schema_ids)
    }

    /// Creates a custom activity extending `extends` (`activity.created` delivered); 400
    /// `validation_type` for a slug that is not snake_case, 409 `slug_conflict` for one an
    /// object or an activity has.
    pub fn create_activity(
        &mut self,
        slug: &str,
        singular: &str,
        plural: &str,
        extends: Extends,
    ) -> Result<usize, ApiError> {
        if !is_snake_case(slug) {
            return Err(ApiError::validation("api_slug must be snake_case ASCII."));
        }
        if self.slug_taken(slug) {
            return Err(ApiError::slug_conflict(format!(
                "Failed to create activity: the api_slug \"{slug}\" is already used by an object or an activity."
            )));
        }
        let now = format_ns(self.tick());
        let id = self.rng.uuid();
        let attributes = extends.attributes(&mut self.rng, &now);
        self.activities.push(Activity {
            schema: Object {
                id: id.clone(),
                api_slug: slug.to_owned(),
                singular_noun: singular.to_owned(),
                plural_noun: plural.to_owned(),
                created_at: now,
                attributes,
                system: false,
            },
            extends,
        });
        self.emit(Event::new("activity.created").id("activity_id", &id));
        Ok(self.activities.len() - 1)
    }

    /// 400 `system_edit_unauthorized` for a system activity, which cannot be deleted (a PATCH of
    /// one is refused with `validation_type`, the only 400 Attio documents there).
    pub fn check_custom_activity(&self, ai: usize, doing: &str) -> Result<(), ApiError> {
        let activity = &self.activities[ai].schema;
        if !activity.system {
            return Ok(());
        }
        Err(ApiError::system_edit(format!(
            "The system activity \"{}\" cannot be {doing}: only custom activities can.",
            activity.api_slug
        )))
    }

    /// Deletes the custom activity at `ai` and all its records, each as `DELETE
    /// …/records/{record_id}` does (`activity-record.deleted` delivered), then the activity
    /// (`activity.deleted`). The number of records deleted.
    pub fn delete_activity(&mut self, ai: usize) -> Result<usize, ApiError> {
        self.check_custom_activity(ai, "deleted")?;
        let ids: Vec<String> = self
            .rows(Target::Activity(ai))
            .iter()
            .map(|r| r.id.clone())
            .collect();
        for id in &ids {
            self.delete_activity_record(ai, id)?;
        }
        let activity = self.activities.remove(ai);
        self.activity_records.remove(&activity.schema.id);
        self.emit(Event::new("activity.deleted").id("activity_id", &activity.schema.id));
        Ok(ids.len())
    }

    /// Renders an activity record: id (with `activity_id`), `created_at` and every attribute's
    /// active values, as a record's (no `web_url`).
    pub fn render_activity_record(&self, ai: usize, record: &Record) -> Value {
        let activity = &self.activities[ai].schema;
        json!({
            "id": {"workspace_id": self.workspace_id, "activity_id": activity.id, "record_id": record.id},
            "created_at": format_ns(record.created_at),
            "values": Self::render_values(activity, record),
        })
    }

    /// Deletes an activity record (`activity-record.deleted` delivered); 404 `not_found` if
    /// the activity has no such record.
    pub fn delete_activity_record(&mut self, ai: usize, record_id: &str) -> Result<(), ApiError> {
        let t = Target::Activity(ai);
        self.row(t, record_id)?;
        self.rows_mut(t).retain(|r| r.id != record_id);
        let activity_id = self.activities[ai].schema.id.clone();
        self.emit(Event::activity_record(
            "activity-record.deleted",
            &activity_id,
            record_id,
        ));
        Ok(())
    }
}
