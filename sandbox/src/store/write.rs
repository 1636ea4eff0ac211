//! The write semantics that records, entries and activity records share (reference §1.2):
//! normalising a `values`
//! map, appends and overwrites, required and unique attributes, value history, and deleting a
//! record with everything that hangs off it.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::events::Event;
use super::relationships::targets;
use super::row::{AttrValues, Mode, Record, StoredValue, Target};
use super::state::Store;
use crate::error::ApiError;
use crate::util::format_ns;
use crate::values::{Body, normalise, value_key};

impl Store {
    /// Normalises every entry of a `values` map into `(attribute index, new bodies)`.
    fn normalise_all(
        &self,
        t: Target,
        values: &Value,
    ) -> Result<Vec<(usize, Vec<Body>)>, ApiError> {
        let field = match t {
            Target::Object(_) | Target::Activity(_) => "values",
            Target::List(_) => "entry_values",
        };
        let map = values
            .as_object()
            .ok_or_else(|| ApiError::validation(format!("\"{field}\" must be an object.")))?;
        let object = self.schema(t);
        let mut out: Vec<(usize, Vec<Body>)> = Vec::new();
        for (key, raw) in map {
            let ai = object.attribute_index(key).ok_or_else(|| {
                ApiError::value_not_found(format!(
                    "Cannot find attribute with slug/ID \"{key}\" on {} \"{}\".",
                    t.noun(),
                    object.api_slug
                ))
            })?;
            let attr = &object.attributes[ai];
            if !attr.is_writable {
                return Err(ApiError::system_edit(format!(
                    "Cannot write to attribute \"{}\": it is read-only (a system or enriched attribute).",
                    attr.api_slug
                )));
            }
            let items: Vec<&Value> = match raw {
                Value::Array(items) => items.iter().collect(),
                Value::Null => Vec::new(),
                other if attr.is_multiselect => {
                    let _ = other;
                    return Err(ApiError::validation(format!(
                        "Attribute \"{}\" is multiselect: wrap its values in an array.",
                        attr.api_slug
                    )));
                }
                other => vec![other],
            };
            if !attr.is_multiselect && items.len() > 1 {
                return Err(ApiError::validation(format!(
                    "Attribute \"{}\" is single-select: pass one value (or a one-element array).",
                    attr.api_slug
                )));
            }
            let mut bodies: Vec<Body> = Vec::new();
            for item in items {
                let body = normalise(self, attr, item)?;
                let key = value_key(attr.ty, &body);
                if !bodies.iter().any(|b| value_key(attr.ty, b) == key) {
                    bodies.push(body);
                }
            }
            out.retain(|(i, _)| *i != ai);
            out.push((ai, bodies));
        }
        Ok(out)
    }

    /// Writes `values` to a record (creating it when `create` is set) with the given mode.
    /// Returns the ids of the attributes whose active values changed.
    pub fn write(
        &mut self,
        oi: usize,
        record_id: &str,
        create: bool,
        values: &Value,
        mode: Mode,
    ) -> Result<Vec<String>, ApiError> {
        self.write_row(Target::Object(oi), record_id, create, values, mode)
    }

    /// Writes `values` to a record, an entry or an activity record (creating it when `create` is
    /// set) with the given mode; returns the ids of the attributes whose active values changed.
    /// Entries are written only through the functions of `store/entries.rs`, which set the
    /// parent.
    pub(crate) fn write_row(
        &mut self,
        t: Target,
        row_id: &str,
        create: bool,
        values: &Value,
        mode: Mode,
    ) -> Result<Vec<String>, ApiError> {
        let record_id = row_id;
        let inputs = self.normalise_all(t, values)?;
        if matches!(mode, Mode::Append | Mode::Overwrite) && inputs.is_empty() {
            return Err(ApiError::empty_payload());
        }
        let object = self.schema(t);
        let empty = Record {
            id: record_id.to_owned(),
            created_at: 0,
            values: HashMap::new(),
            parent: None,
        };
        let current = if create {
            &empty
        } else {
            self.row(t, record_id)?
        };

        // Plan: for each attribute, the new active list (Ok = kept, Err = new body) and the removed values.
        struct Plan {
            ai: usize,
            keep_or_new: Vec<Result<StoredValue, Body>>,
            removed: Vec<usize>,
        }
        let mut plans = Vec::new();
        for (ai, bodies) in inputs {
            let attr = &object.attributes[ai];
            let existing = current.active(&attr.id);
            let overwrite = match mode {
                Mode::Create | Mode::Overwrite | Mode::Upsert => true,
                Mode::Append => !attr.is_multiselect,
                Mode::Assert(m) => !(attr.is_multiselect && m == ai),
            };
            let existing_keys: Vec<String> = existing
                .iter()
                .map(|v| value_key(attr.ty, &v.body))
                .collect();
            let mut keep_or_new = Vec::new();
            let mut removed = Vec::new();
            if overwrite {
                let new_keys: Vec<String> = bodies.iter().map(|b| value_key(attr.ty, b)).collect();
                for body in bodies {
                    let key = value_key(attr.ty, &body);
                    match existing_keys.iter().position(|k| *k == key) {
                        Some(i) => keep_or_new.push(Ok(existing[i].clone())),
                        None => keep_or_new.push(Err(body)),
                    }
                }
                removed = (0..existing.len())
                    .filter(|i| !new_keys.contains(&existing_keys[*i]))
                    .collect();
            } else {
                for body in bodies {
                    if !existing_keys.contains(&value_key(attr.ty, &body)) {
                        keep_or_new.push(Err(body));
                    }
                }
                keep_or_new.extend(existing.iter().cloned().map(Ok));
            }
            plans.push(Plan {
                ai,
                keep_or_new,
                removed,
            });
        }

        // Required attributes.
        for (ai, attr) in object.attributes.iter().enumerate() {
            if !attr.is_required {
                continue;
            }
            let empty_after = match plans.iter().find(|p| p.ai == ai) {
                Some(p) => p.keep_or_new.is_empty(),
                None => create,
            };
            if empty_after {
                return Err(ApiError::missing_value(format!(
                    "Required value for attribute with ID \"{}\" was not provided.",
                    attr.id
                )));
            }
        }

        // Unique attributes.
        let mut seeded_keys = Vec::new();
        for plan in &plans {
            let attr = &object.attributes[plan.ai];
            if !attr.is_unique {
                continue;
            }
            for new in plan.keep_or_new.iter().filter_map(|v| v.as_ref().err()) {
                let key = value_key(attr.ty, new);
                let taken = match &self.seeding {
                    Some(seen) => seen.get(&plan.ai).is_some_and(|keys| keys.contains(&key)),
                    None => self
                        .find_by_value(t, attr, &key)
                        .iter()
                        .any(|r| r.id != record_id),
                };
                if self.seeding.is_some() {
                    seeded_keys.push((plan.ai, key));
                }
                if taken {
                    return Err(ApiError::uniqueness(format!(
                        "{} with the same value for unique attribute \"{}\" already exists.",
                        t.a_row(),
                        attr.api_slug
                    )));
                }
            }
        }

        if let Some(seen) = &mut self.seeding {
            for (ai, key) in seeded_keys {
                seen.entry(ai).or_default().insert(key);
            }
        }

        // Apply.
        let now = self.tick();
        let actor = self.api_actor();
        let object = self.schema(t).clone();
        if create {
            let mut record = Record {
                id: record_id.to_owned(),
                created_at: now,
                values: HashMap::new(),
                parent: None,
            };
            let system = |body: Value| StoredValue {
                active_from: now,
                active_until: None,
                actor: actor.clone(),
                body: body.as_object().cloned().unwrap_or_default(),
            };
            for attr in object.attributes.iter().filter(|a| a.is_system) {
                let v = match attr.api_slug.as_str() {
                    "record_id" => system(json!({"value": record_id})),
                    "created_at" => system(json!({"value": format_ns(now)})),
                    "created_by" => system(
                        json!({"referenced_actor_type": "api-token", "referenced_actor_id": self.token_id}),
                    ),
                    _ => continue,
                };
                record.values.insert(
                    attr.id.clone(),
                    AttrValues {
                        active: vec![v],
                        historic: Vec::new(),
                    },
                );
            }
            self.rows_mut(t).push(record);
        }
        let mut changes = Vec::new();
        let mut changed = Vec::new();
        // A created row was just pushed: no need to look for it among the others.
        let record = if create {
            self.rows_mut(t).last_mut()
        } else {
            self.row_mut(t, record_id)
        };
        let Some(record) = record else {
            return Err(t.row_not_found(record_id));
        };
        for plan in plans {
            let attr = &object.attributes[plan.ai];
            let slot = record.values.entry(attr.id.clone()).or_default();
            let before: Vec<String> = targets(&slot.active);
            if !plan.removed.is_empty() || plan.keep_or_new.iter().any(Result::is_err) {
                changed.push(attr.id.clone());
            }
            let mut removed: Vec<StoredValue> = plan
                .removed
                .iter()
                .filter_map(|i| slot.active.get(*i).cloned())
                .collect();
            for v in &mut removed {
                v.active_until = Some(now);
            }
            slot.historic.extend(removed);
            slot.active = plan
                .keep_or_new
                .into_iter()
                .map(|v| {
                    v.unwrap_or_else(|body| StoredValue {
                        active_from: now,
                        active_until: None,
                        actor: actor.clone(),
                        body,
                    })
                })
                .collect();
            if attr.relationship.is_some() {
                changes.push((plan.ai, before, targets(&slot.active)));
            }
        }
        if let Target::Activity(_) = t
            && create
        {
            // Attio lists no `activity-record.updated`: only creation is announced here.
            self.emit(Event::activity_record(
                "activity-record.created",
                &object.id,
                record_id,
            ));
        }
        if let Target::Object(oi) = t {
            // Entries announce themselves in `store/entries.rs`, which knows their parents.
            if create {
                self.emit(Event::record("record.created", &object.id, record_id));
            } else {
                for attr_id in &changed {
                    self.emit(
                        Event::record("record.updated", &object.id, record_id)
                            .id("attribute_id", attr_id),
                    );
                }
            }
            for (ai, before, after) in changes {
                self.sync_relationship(oi, ai, record_id, &before, &after, now);
            }
        }
        Ok(changed)
    }

    /// Deletes a row: a record (as `delete`), an entry or an activity record.
    pub fn delete_row(&mut self, t: Target, row_id: &str) -> Result<(), ApiError> {
        match t {
            Target::Object(oi) => self.delete(oi, row_id),
            Target::List(li) => self.delete_entry(li, row_id),
            Target::Activity(ai) => self.delete_activity_record(ai, row_id),
        }
    }

    /// Deletes a record, removes two-way relationship values that point at it, and deletes its
    /// list entries (each through `delete_entry`).
    pub fn delete(&mut self, oi: usize, record_id: &str) -> Result<(), ApiError> {
        self.record(oi, record_id)?;
        let now = self.tick();
        let object = self.objects[oi].clone();
        let record = self.record(oi, record_id)?.clone();
        for (ai, attr) in object.attributes.iter().enumerate() {
            if attr.relationship.is_some() {
                let before = targets(record.active(&attr.id));
                self.sync_relationship(oi, ai, record_id, &before, &[], now);
            }
        }
        if let Some(rs) = self.records.get_mut(&object.id) {
            rs.retain(|r| r.id != record_id);
        }
        self.parts.record_deleted(&object, record_id);
        self.delete_entries_of(&object.id, record_id);
        self.emit(Event::record("record.deleted", &object.id, record_id));
        Ok(())
    }
}
