//! Rows: records of an object, entries of a list and records of an activity share storage,
//! write semantics and rendering. A [`Target`] says which one a row belongs to.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::row::{Record, Target};
use super::state::Store;
use crate::error::ApiError;
use crate::schema::{AttrType, Attribute, Object};
use crate::values::value_key;

impl Store {
    /// The attribute table of an object, a list or an activity (a list's or an activity's is an
    /// [`Object`] whose id is the list's or activity's id).
    pub fn schema(&self, t: Target) -> &Object {
        match t {
            Target::Object(i) => &self.objects[i],
            Target::List(i) => &self.lists[i].schema,
            Target::Activity(i) => &self.activities[i].schema,
        }
    }

    /// The attribute table of an object, a list or an activity, mutably.
    pub fn schema_mut(&mut self, t: Target) -> &mut Object {
        match t {
            Target::Object(i) => &mut self.objects[i],
            Target::List(i) => &mut self.lists[i].schema,
            Target::Activity(i) => &mut self.activities[i].schema,
        }
    }

    /// Finds an object (`kind` = `"objects"`), a list (`"lists"`) or an activity
    /// (`"activities"`) by slug or id.
    pub fn target(&self, kind: &str, key: &str) -> Result<Target, ApiError> {
        match kind {
            "lists" => self.list_index(key).map(Target::List),
            "activities" => self.activity_index(key).map(Target::Activity),
            _ => self.object_index(key).map(Target::Object),
        }
    }

    /// The rows of an object, a list or an activity, in creation order.
    pub fn rows(&self, t: Target) -> &[Record] {
        let id = &self.schema(t).id;
        let map = match t {
            Target::Object(_) => &self.records,
            Target::List(_) => &self.entries,
            Target::Activity(_) => &self.activity_records,
        };
        map.get(id).map_or(&[], Vec::as_slice)
    }

    /// The rows of an object, a list or an activity, mutably.
    pub fn rows_mut(&mut self, t: Target) -> &mut Vec<Record> {
        let id = self.schema(t).id.clone();
        let map = match t {
            Target::Object(_) => &mut self.records,
            Target::List(_) => &mut self.entries,
            Target::Activity(_) => &mut self.activity_records,
        };
        map.entry(id).or_default()
    }

    /// A row's JSON form: a record, an entry or an activity record.
    pub fn render_row(&self, t: Target, row: &Record) -> Value {
        match t {
            Target::Object(oi) => self.render_record(oi, row),
            Target::List(li) => self.render_entry(li, row),
            Target::Activity(ai) => self.render_activity_record(ai, row),
        }
    }

    /// An attribute's JSON form, its id naming its owner as Attio does: `object_id` for an
    /// object's or a list's (the list id), `activity_id` for an activity's.
    pub fn attribute_json(&self, t: Target, attr: &Attribute) -> Value {
        let schema = self.schema(t);
        let mut json = attr.to_json(&self.workspace_id, &schema.id, &self.objects);
        if let (Target::Activity(_), Some(id)) = (t, json["id"].as_object_mut())
            && let Some(owner) = id.remove("object_id")
        {
            id.insert("activity_id".into(), owner);
        }
        json
    }

    /// The row with this id (404 `not_found` if there is none).
    pub fn row(&self, t: Target, id: &str) -> Result<&Record, ApiError> {
        self.rows(t)
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| t.row_not_found(id))
    }

    /// The row with this id, mutably.
    pub fn row_mut(&mut self, t: Target, id: &str) -> Option<&mut Record> {
        self.rows_mut(t).iter_mut().find(|r| r.id == id)
    }

    /// The keys of the active values of every unique attribute of the object `oi`, by attribute
    /// index: the index a batch insert checks uniqueness against.
    pub(crate) fn unique_keys(&self, oi: usize) -> HashMap<usize, HashSet<String>> {
        let t = Target::Object(oi);
        let schema = self.schema(t);
        let mut keys = HashMap::new();
        for (ai, attr) in schema.attributes.iter().enumerate() {
            if !attr.is_unique {
                continue;
            }
            let set: HashSet<String> = self
                .rows(t)
                .iter()
                .flat_map(|r| r.active(&attr.id))
                .map(|v| value_key(attr.ty, &v.body))
                .collect();
            keys.insert(ai, set);
        }
        keys
    }

    /// Rows whose active values of `attr` include `key` (see `value_key`).
    pub fn find_by_value(&self, t: Target, attr: &Attribute, key: &str) -> Vec<&Record> {
        self.rows(t)
            .iter()
            .filter(|r| {
                r.active(&attr.id)
                    .iter()
                    .any(|v| value_key(attr.ty, &v.body) == key)
            })
            .collect()
    }

    /// Every attribute of `schema` with the row's active values (`[]` when it has none): a
    /// record's `values` or an entry's `entry_values`.
    pub fn render_values(schema: &Object, row: &Record) -> Map<String, Value> {
        schema
            .attributes
            .iter()
            .map(|a| {
                let vals = row
                    .active(&a.id)
                    .iter()
                    .map(|v| Self::render_value(a.ty, v))
                    .collect();
                (a.api_slug.clone(), Value::Array(vals))
            })
            .collect()
    }
}

impl Store {
    /// Replaces the embedded option or status (`field` = `"option"` or `"status"`) in every
    /// stored value of `attr_id` (active and historic) that has the same id as `json`, so a
    /// renamed option or status reads back with its new title.
    pub fn refresh_choice(&mut self, t: Target, attr_id: &str, field: &str, json: &Value) {
        for row in self.rows_mut(t) {
            let Some(slot) = row.values.get_mut(attr_id) else {
                continue;
            };
            for v in slot.active.iter_mut().chain(slot.historic.iter_mut()) {
                if v.body.get(field).map(|x| &x["id"]) == Some(&json["id"]) {
                    v.body.insert(field.to_owned(), json.clone());
                }
            }
        }
    }

    /// The values of the attribute `a` (slug or id) of a row: the active ones, or with
    /// `historic` every value it has had, oldest first. The values of an interaction attribute
    /// have no history to show (400 `validation_type`, as Attio answers).
    pub fn value_history(
        &self,
        t: Target,
        row_id: &str,
        a: &str,
        historic: bool,
    ) -> Result<Vec<Value>, ApiError> {
        let row = self.row(t, row_id)?;
        let attr = self
            .schema(t)
            .attribute(a)
            .ok_or_else(|| attribute_not_found(a))?;
        if historic && attr.ty == AttrType::Interaction {
            return Err(ApiError::validation(
                "Cannot set show_historic param to true when querying a COMINT attribute.",
            ));
        }
        let mut values: Vec<_> = row.active(&attr.id).to_vec();
        if historic {
            if let Some(slot) = row.values.get(&attr.id) {
                values.extend(slot.historic.iter().cloned());
            }
            values.sort_by_key(|v| v.active_from);
        }
        Ok(values
            .iter()
            .map(|v| Self::render_value(attr.ty, v))
            .collect())
    }
}

/// 404 `not_found` for an attribute slug or id that the object or list does not have.
pub fn attribute_not_found(a: &str) -> ApiError {
    ApiError::not_found(format!("Attribute with slug/ID \"{a}\" not found."))
}
