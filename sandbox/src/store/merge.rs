//! Record merge (`POST /v2/objects/{object}/records/merge`): two records of one object become a
//! **new** record, and both originals are gone.
//!
//! What Attio documents: where both records have a value for an attribute, the primary's wins;
//! the secondary's values are kept only where the primary has none (for a multi-valued attribute
//! too: the primary's values, if it has any, are the new record's). The new id matches neither
//! original; reading either original afterwards answers `404`; a merge of a record with itself
//! is `400 self_merge`. Each merge fires two `record.merged` events, each carrying the new
//! record's id and naming one original in `duplicate_record_id`.
//!
//! What the sandbox decides where Attio's reference is silent: the new record is created now;
//! an attribute keeps the history of the record its values come from; whatever named either
//! original (the other side of a two-way relationship, record references of other rows, list
//! entries, and the resources' state through `Part::record_merged`) names the new record.
//!
//! A large merge is applied in the background by Attio (`202 Accepted`), and reading the new
//! record answers `404 merge_in_progress` until it is done. The sandbox does this on request
//! ([`MergeDeferral`], set through the handle): the record then stays unreadable for a number
//! of reads, or for a time.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

use serde_json::{Value, json};

use super::events::Event;
use super::relationships::targets;
use super::row::{AttrValues, Pending, Record};
use super::state::Store;
use crate::error::ApiError;
use crate::values::Body;

impl Store {
    /// Merges `secondary` into `primary` (records of the object `oi`) and returns the new
    /// record's id. With a [`MergeDeferral`] set, the answer is to be `202` and the new record
    /// stays unreadable for a while.
    pub fn merge(&mut self, oi: usize, primary: &str, secondary: &str) -> Result<String, ApiError> {
        if primary == secondary {
            return Err(ApiError::new(
                400,
                "invalid_request_error",
                "self_merge",
                format!(
                    "Cannot merge record \"{primary}\" with itself: primary_record_id and secondary_record_id must differ."
                ),
            ));
        }
        let p = self.record(oi, primary)?.clone();
        let s = self.record(oi, secondary)?.clone();
        let object = self.objects[oi].clone();
        let now = self.tick();
        let new_id = self.rng.uuid();
        let mut values: HashMap<String, AttrValues> = HashMap::new();
        let mut links = Vec::new();
        for (ai, attr) in object.attributes.iter().enumerate() {
            let from = if p.active(&attr.id).is_empty() {
                &s
            } else {
                &p
            };
            if let Some(slot) = from.values.get(&attr.id) {
                values.insert(attr.id.clone(), slot.clone());
            }
            if attr.relationship.is_some() {
                // The other side lets go of both originals, then points at the new record.
                self.sync_relationship(oi, ai, primary, &targets(p.active(&attr.id)), &[], now);
                self.sync_relationship(oi, ai, secondary, &targets(s.active(&attr.id)), &[], now);
                links.push((ai, targets(from.active(&attr.id))));
            }
        }
        if let Some(rows) = self.records.get_mut(&object.id) {
            rows.retain(|r| r.id != primary && r.id != secondary);
            rows.push(Record {
                id: new_id.clone(),
                created_at: now,
                values,
                parent: None,
            });
        }
        for (ai, after) in links {
            self.sync_relationship(oi, ai, &new_id, &[], &after, now);
        }
        self.repoint(&object.api_slug, &object.id, [primary, secondary], &new_id);
        for original in [primary, secondary] {
            self.parts.record_merged(&object, original, &new_id);
            self.emit(
                Event::record("record.merged", &object.id, &new_id)
                    .field("duplicate_object_id", object.id.as_str())
                    .field("duplicate_record_id", original),
            );
        }
        if let Some(deferral) = self.merge_deferral {
            self.merging.insert(
                new_id.clone(),
                Pending {
                    reads_left: AtomicU32::new(deferral.reads),
                    until: Instant::now() + deferral.delay,
                },
            );
            self.answer_status = Some(202);
        }
        Ok(new_id)
    }

    /// `404 merge_in_progress` while the merge that makes `record_id` is still being applied
    /// (counting this read); `Ok` otherwise.
    pub fn check_merged(&self, record_id: &str) -> Result<(), ApiError> {
        let Some(pending) = self.merging.get(record_id) else {
            return Ok(());
        };
        let refused_read = pending
            .reads_left
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if refused_read || Instant::now() < pending.until {
            return Err(ApiError::new(
                404,
                "invalid_request_error",
                "merge_in_progress",
                format!(
                    "Record \"{record_id}\" is the result of a merge that is still being applied. Please try again shortly."
                ),
            ));
        }
        Ok(())
    }

    /// Every record reference to one of `originals` (of the object `slug`/`object_id`), in any
    /// row's active values, now names `into`; a value naming it twice is kept once.
    fn repoint(&mut self, slug: &str, object_id: &str, originals: [&str; 2], into: &str) {
        let names_original = |body: &Body| {
            let object = body.get("target_object").and_then(Value::as_str);
            let record = body.get("target_record_id").and_then(Value::as_str);
            matches!(object, Some(o) if o == slug || o == object_id)
                && record.is_some_and(|r| originals.contains(&r))
        };
        for rows in self.records.values_mut().chain(self.entries.values_mut()) {
            for row in rows.iter_mut() {
                for slot in row.values.values_mut() {
                    let mut seen = false;
                    slot.active.retain_mut(|v| {
                        let already = v.body.get("target_record_id") == Some(&json!(into));
                        if names_original(&v.body) {
                            v.body.insert("target_record_id".into(), json!(into));
                        } else if !already {
                            return true;
                        }
                        !std::mem::replace(&mut seen, true)
                    });
                }
            }
        }
        for rows in self.entries.values_mut() {
            for entry in rows.iter_mut() {
                if let Some(parent) = &mut entry.parent
                    && parent.object_id == object_id
                    && originals.contains(&parent.record_id.as_str())
                {
                    parent.record_id = into.to_owned();
                }
            }
        }
    }
}
