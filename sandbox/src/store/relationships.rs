//! Two-way relationships (e.g. `users.person` ↔ `people.associated_users`): a write to one side
//! is mirrored on the other.

use serde_json::{Value, json};

use super::events::Event;
use super::row::{AttrValues, StoredValue};
use super::state::Store;

impl Store {
    /// Keeps the other side of a two-way relationship in step after `record_id`'s attribute
    /// `ai` changed its targets from `before` to `after`.
    pub(super) fn sync_relationship(
        &mut self,
        oi: usize,
        ai: usize,
        record_id: &str,
        before: &[String],
        after: &[String],
        now: i128,
    ) {
        let Some((other_slug, other_attr)) = self.objects[oi].attributes[ai].relationship.clone()
        else {
            return;
        };
        let Ok(other_oi) = self.object_index(&other_slug) else {
            return;
        };
        let Some(other_ai) = self.objects[other_oi].attribute_index(&other_attr) else {
            return;
        };
        let here_slug = self.objects[oi].api_slug.clone();
        let other_multi = self.objects[other_oi].attributes[other_ai].is_multiselect;
        let other_attr_id = self.objects[other_oi].attributes[other_ai].id.clone();
        let actor = self.api_actor();
        // Records whose side changed, for `record.updated`: (object index, record, attribute).
        let mut touched: Vec<(usize, String, String)> = Vec::new();
        for target in before.iter().filter(|t| !after.contains(t)) {
            if let Some(rec) = self.record_mut(other_oi, target) {
                let slot = rec.values.entry(other_attr_id.clone()).or_default();
                if deactivate_where(slot, now, |v| {
                    v.body.get("target_record_id") == Some(&json!(record_id))
                }) {
                    touched.push((other_oi, target.clone(), other_attr_id.clone()));
                }
            }
        }
        for target in after.iter().filter(|t| !before.contains(t)) {
            let mut displaced = Vec::new();
            if let Some(rec) = self.record_mut(other_oi, target) {
                let slot = rec.values.entry(other_attr_id.clone()).or_default();
                if targets(&slot.active).iter().any(|t| t == record_id) {
                    continue;
                }
                if !other_multi {
                    displaced = targets(&slot.active);
                    deactivate_where(slot, now, |_| true);
                }
                let body = json!({"target_object": here_slug, "target_record_id": record_id});
                slot.active.insert(
                    0,
                    StoredValue {
                        active_from: now,
                        active_until: None,
                        actor: actor.clone(),
                        body: body.as_object().cloned().unwrap_or_default(),
                    },
                );
                touched.push((other_oi, target.clone(), other_attr_id.clone()));
            }
            // The record that used to hold the single-valued side no longer points here.
            let here_attr_id = self.objects[oi].attributes[ai].id.clone();
            for old in displaced {
                if let Some(rec) = self.record_mut(oi, &old) {
                    let slot = rec.values.entry(here_attr_id.clone()).or_default();
                    if deactivate_where(slot, now, |v| {
                        v.body.get("target_record_id") == Some(&json!(target))
                    }) {
                        touched.push((oi, old.clone(), here_attr_id.clone()));
                    }
                }
            }
        }
        for (oi, record, attr) in touched {
            let object_id = self.objects[oi].id.clone();
            self.emit(
                Event::record("record.updated", &object_id, &record).id("attribute_id", &attr),
            );
        }
    }
}

pub(super) fn targets(values: &[StoredValue]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| {
            v.body
                .get("target_record_id")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect()
}

/// Deactivates the active values `pred` selects; whether there were any.
fn deactivate_where(slot: &mut AttrValues, now: i128, pred: impl Fn(&StoredValue) -> bool) -> bool {
    let (gone, kept): (Vec<StoredValue>, Vec<StoredValue>) =
        slot.active.drain(..).partition(|v| pred(v));
    slot.active = kept;
    let any = !gone.is_empty();
    slot.historic.extend(gone.into_iter().map(|mut v| {
        v.active_until = Some(now);
        v
    }));
    any
}
