//! The sandbox's state: objects, records, lists and entries with their value history, and the
//! write semantics shared by records and entries.

mod reference;
mod relationships;
mod rows;

use relationships::targets;
pub use rows::{Parent, Target};

use std::collections::HashMap;

use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::lists::List;
use crate::schema::{AttrType, Object, standard_objects, system_attributes};
use crate::util::{Rng, format_ns};
use crate::values::{Body, normalise, value_key};
use crate::webhooks::{Event, Outgoing, Webhook};

/// A workspace member (the only actors that can be written to actor-reference attributes).
#[derive(Debug, Clone)]
pub struct Member {
    /// Member id.
    pub id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email address.
    pub email: String,
}

/// One value of an attribute, active or historic.
#[derive(Debug, Clone)]
pub struct StoredValue {
    /// When it became active (ns since the epoch).
    pub active_from: i128,
    /// When it was deactivated.
    pub active_until: Option<i128>,
    /// `created_by_actor`.
    pub actor: Value,
    /// The type-specific fields.
    pub body: Body,
}

/// All values of one attribute of one record.
#[derive(Debug, Clone, Default)]
pub struct AttrValues {
    /// Active values, in display order.
    pub active: Vec<StoredValue>,
    /// Deactivated values.
    pub historic: Vec<StoredValue>,
}

/// A record, or a list entry (a row with a parent record).
#[derive(Debug, Clone)]
pub struct Record {
    /// Record id, or entry id (opaque string; generated ones are UUID v4).
    pub id: String,
    /// Creation time (ns).
    pub created_at: i128,
    /// Values by attribute id.
    pub values: HashMap<String, AttrValues>,
    /// For a list entry: its parent record. `None` for records.
    pub parent: Option<Parent>,
}

impl Record {
    /// The active values of an attribute.
    pub fn active(&self, attr_id: &str) -> &[StoredValue] {
        self.values
            .get(attr_id)
            .map_or(&[], |v| v.active.as_slice())
    }
}

/// How a write treats existing values (reference §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `POST …/records`.
    Create,
    /// `PATCH …/records/{id}`: multiselect values are prepended.
    Append,
    /// `PUT …/records/{id}`: every attribute sent is overwritten.
    Overwrite,
    /// `PUT …/records?matching_attribute=`: the matching attribute (by index) appends, others overwrite.
    Assert(usize),
    /// `PUT …/lists/{list}/entries` on an existing entry (assert by parent): every attribute sent
    /// is overwritten, and an empty `entry_values` is allowed.
    Upsert,
}

/// The whole state of one sandbox.
#[derive(Debug)]
pub struct Store {
    /// Workspace id.
    pub workspace_id: String,
    /// The id of the API token (used in `created_by_actor`).
    pub token_id: String,
    /// Workspace members.
    pub members: Vec<Member>,
    /// Objects.
    pub objects: Vec<Object>,
    /// Records by object id, in creation order.
    pub records: HashMap<String, Vec<Record>>,
    /// Notes, in creation order.
    pub notes: Vec<crate::notes::Note>,
    /// Tasks, in creation order.
    pub tasks: Vec<crate::tasks::Task>,
    /// Threads and comments.
    pub comments: crate::comments::Comments,
    /// Lists, in creation (sidebar) order.
    pub lists: Vec<List>,
    /// Entries by list id, in creation order.
    pub entries: HashMap<String, Vec<Record>>,
    /// Meetings and their call recordings.
    pub meetings: crate::meetings::Meetings,
    /// Id generator.
    pub rng: Rng,
    /// Webhooks, in creation order.
    pub webhooks: Vec<Webhook>,
    /// Deliveries queued by [`Store::emit`], drained by the server after each request.
    pub outbox: Vec<Outgoing>,
    /// While seeding many rows at once: the keys of every unique attribute's values (by
    /// attribute index), so that each row's uniqueness check is a lookup rather than a scan.
    pub(crate) seeding: Option<HashMap<usize, std::collections::HashSet<String>>>,
    last_ns: i128,
}

/// The documented member id used in Attio's actor-reference examples (alice@attio.com).
pub const ALICE_ID: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

impl Store {
    /// A fresh workspace with the standard objects and two members.
    pub fn new(seed: Option<u64>) -> Self {
        let mut rng = seed.map_or_else(Rng::from_clock, Rng::new);
        let mut store = Self {
            workspace_id: rng.uuid(),
            token_id: rng.uuid(),
            members: Vec::new(),
            objects: Vec::new(),
            records: HashMap::new(),
            notes: Vec::new(),
            tasks: Vec::new(),
            comments: Default::default(),
            lists: Vec::new(),
            entries: HashMap::new(),
            meetings: Default::default(),
            rng,
            webhooks: Vec::new(),
            seeding: None,
            outbox: Vec::new(),
            last_ns: 0,
        };
        let now = store.now_string();
        store.objects = standard_objects(&mut store.rng, &now);
        let bob = store.rng.uuid();
        store.members = vec![
            Member {
                id: ALICE_ID.into(),
                first_name: "Alice".into(),
                last_name: "Attio".into(),
                email: "alice@attio.com".into(),
            },
            Member {
                id: bob,
                first_name: "Bob".into(),
                last_name: "Attio".into(),
                email: "bob@attio.com".into(),
            },
        ];
        store
    }

    /// A strictly increasing clock in ns since the epoch.
    pub fn tick(&mut self) -> i128 {
        let now = OffsetDateTime::now_utc().unix_timestamp_nanos();
        self.last_ns = now.max(self.last_ns + 1);
        self.last_ns
    }

    fn now_string(&mut self) -> String {
        let t = self.tick();
        format_ns(t)
    }

    fn api_actor(&self) -> Value {
        json!({"type": "api-token", "id": self.token_id})
    }

    /// Finds an object's index by slug or id.
    pub fn object_index(&self, key: &str) -> Result<usize, ApiError> {
        self.objects
            .iter()
            .position(|o| o.api_slug == key || o.id == key)
            .ok_or_else(|| ApiError::not_found(format!("Object with slug/ID \"{key}\" not found.")))
    }

    /// `(workspace_id, object_id)` of the object or list that owns an attribute (for a list
    /// attribute, `object_id` is the list id, as in Attio's option and status ids).
    pub fn ids_for_attribute(&self, attr_id: &str) -> (String, String) {
        let oid = self
            .objects
            .iter()
            .chain(self.lists.iter().map(|l| &l.schema))
            .find(|o| o.attributes.iter().any(|a| a.id == attr_id))
            .map(|o| o.id.clone())
            .unwrap_or_default();
        (self.workspace_id.clone(), oid)
    }

    /// A member by email (case-insensitive).
    pub fn member_by_email(&self, email: &str) -> Option<&Member> {
        self.members
            .iter()
            .find(|m| m.email.eq_ignore_ascii_case(email.trim()))
    }

    /// The record with this id in an object.
    pub fn record(&self, oi: usize, record_id: &str) -> Result<&Record, ApiError> {
        self.row(Target::Object(oi), record_id)
    }

    fn record_mut(&mut self, oi: usize, record_id: &str) -> Option<&mut Record> {
        self.row_mut(Target::Object(oi), record_id)
    }

    /// Renders one stored value with its common fields.
    pub fn render_value(ty: AttrType, v: &StoredValue) -> Value {
        let mut m = Map::new();
        m.insert("active_from".into(), json!(format_ns(v.active_from)));
        m.insert("active_until".into(), json!(v.active_until.map(format_ns)));
        m.insert("created_by_actor".into(), v.actor.clone());
        for (k, val) in &v.body {
            m.insert(k.clone(), val.clone());
        }
        m.insert("attribute_type".into(), json!(ty.as_str()));
        Value::Object(m)
    }

    /// Renders a record: id, created_at, web_url and every attribute's active values.
    pub fn render_record(&self, oi: usize, record: &Record) -> Value {
        let object = &self.objects[oi];
        let values = Self::render_values(object, record);
        json!({
            "id": {"workspace_id": self.workspace_id, "object_id": object.id, "record_id": record.id},
            "created_at": format_ns(record.created_at),
            "web_url": format!("https://app.attio.com/sandbox/{}/record/{}/overview", object.api_slug, record.id),
            "values": values,
        })
    }

    /// Creates a custom object.
    pub fn create_object(
        &mut self,
        slug: &str,
        singular: &str,
        plural: &str,
    ) -> Result<usize, ApiError> {
        if !crate::util::is_snake_case(slug) {
            return Err(ApiError::validation("api_slug must be snake_case ASCII."));
        }
        if self.objects.iter().any(|o| o.api_slug == slug) {
            return Err(ApiError::slug_conflict(
                "Failed to create object. Please ensure your api_slug and names are unique.",
            ));
        }
        let now = self.now_string();
        let id = self.rng.uuid();
        let attributes = system_attributes(&mut self.rng, &now);
        self.objects.push(Object {
            id,
            api_slug: slug.to_owned(),
            singular_noun: singular.to_owned(),
            plural_noun: plural.to_owned(),
            created_at: now,
            attributes,
        });
        Ok(self.objects.len() - 1)
    }

    /// Normalises every entry of a `values` map into `(attribute index, new bodies)`.
    fn normalise_all(
        &self,
        t: Target,
        values: &Value,
    ) -> Result<Vec<(usize, Vec<Body>)>, ApiError> {
        let field = match t {
            Target::Object(_) => "values",
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

    /// Writes `values` to a record or an entry (creating it when `create` is set) with the given
    /// mode; returns the ids of the attributes whose active values changed. Entries are written
    /// only through the functions of `lists::entries`, which set the parent.
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
        if let Target::Object(oi) = t {
            // Entries announce themselves in `lists::entries`, which knows their parents.
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
        self.notes
            .retain(|n| !(n.parent_object == object.api_slug && n.parent_record_id == record_id));
        self.comments.remove_record(&object.id, record_id);
        self.meetings.remove_record(&object.id, record_id);
        for task in &mut self.tasks {
            task.links
                .retain(|(o, r)| !(*o == object.id && r == record_id));
        }
        self.delete_entries_of(&object.id, record_id);
        self.emit(Event::record("record.deleted", &object.id, record_id));
        Ok(())
    }
}
