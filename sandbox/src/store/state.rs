//! The [`Store`]: one workspace's state. Objects with their records, lists with their entries,
//! activities with their records, members, webhooks, the outbox of events, and the [`Parts`] that resources keep beside them.
//! The clock and the id generator live here too, so that every write is stamped the same way.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::activity::Activity;
use super::events::{Event, Outgoing, Webhook};
use super::list::List;
use super::parts::Parts;
use super::row::{MergeDeferral, Pending, Record, StoredValue, Target};
use crate::error::ApiError;
use crate::schema::{AttrType, Object, standard_objects, system_attributes};
use crate::util::{Rng, format_ns, is_snake_case};

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
    /// Lists, in creation (sidebar) order.
    pub lists: Vec<List>,
    /// Entries by list id, in creation order.
    pub entries: HashMap<String, Vec<Record>>,
    /// Activities, system ones first, then in creation order.
    pub activities: Vec<Activity>,
    /// Activity records by activity id, in creation order.
    pub activity_records: HashMap<String, Vec<Record>>,
    /// The workspace's ids of the schemas activities extend, in the order of `Extends::ALL`.
    pub activity_schema_ids: Vec<String>,
    /// What the resources keep beside records and entries (notes, tasks, threads, meetings…).
    pub parts: Parts,
    /// Id generator.
    pub rng: Rng,
    /// Webhooks, in creation order.
    pub webhooks: Vec<Webhook>,
    /// Deliveries queued by `Store::emit`: the one way events leave the store. The server
    /// drains it after each request and hands it to delivery.
    pub outbox: Vec<Outgoing>,
    /// While seeding many rows at once: the keys of every unique attribute's values (by
    /// attribute index), so that each row's uniqueness check is a lookup rather than a scan.
    pub(crate) seeding: Option<HashMap<usize, HashSet<String>>>,
    /// How merges are answered: `None` applies them at once (`200`); a deferral answers `202`
    /// and keeps the new record unreadable for a while (set through the sandbox's handle).
    pub merge_deferral: Option<MergeDeferral>,
    /// Merges committed but not yet readable, by new record id.
    pub(crate) merging: HashMap<String, Pending>,
    /// The status of the answer being built when it is not `200` (a deferred merge's `202`);
    /// the server takes it after each request.
    pub answer_status: Option<u16>,
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
            lists: Vec::new(),
            entries: HashMap::new(),
            activities: Vec::new(),
            activity_records: HashMap::new(),
            activity_schema_ids: Vec::new(),
            parts: Parts::default(),
            rng,
            webhooks: Vec::new(),
            seeding: None,
            merge_deferral: None,
            merging: HashMap::new(),
            answer_status: None,
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
        store.seed_activities();
        store
    }

    /// A strictly increasing clock in ns since the epoch.
    pub fn tick(&mut self) -> i128 {
        let now = OffsetDateTime::now_utc().unix_timestamp_nanos();
        self.last_ns = now.max(self.last_ns + 1);
        self.last_ns
    }

    pub(crate) fn now_string(&mut self) -> String {
        let t = self.tick();
        format_ns(t)
    }

    /// The API token as an actor: `created_by_actor` of what the API writes.
    pub(crate) fn api_actor(&self) -> Value {
        json!({"type": "api-token", "id": self.token_id})
    }

    /// Finds an object's index by slug or id.
    pub fn object_index(&self, key: &str) -> Result<usize, ApiError> {
        self.objects
            .iter()
            .position(|o| o.api_slug == key || o.id == key)
            .ok_or_else(|| ApiError::not_found(format!("Object with slug/ID \"{key}\" not found.")))
    }

    /// Finds a list's index by slug or id (404 `not_found` if there is none).
    pub fn list_index(&self, key: &str) -> Result<usize, ApiError> {
        self.lists
            .iter()
            .position(|l| l.schema.api_slug == key || l.schema.id == key)
            .ok_or_else(|| ApiError::not_found(format!("List with slug/ID \"{key}\" not found.")))
    }

    /// `(workspace_id, object_id)` of the object, list or activity that owns an attribute (for a
    /// list or activity attribute, `object_id` is the list or activity id, as in Attio's option
    /// and status ids).
    pub fn ids_for_attribute(&self, attr_id: &str) -> (String, String) {
        let oid = self
            .objects
            .iter()
            .chain(self.lists.iter().map(|l| &l.schema))
            .chain(self.activities.iter().map(|a| &a.schema))
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

    pub(crate) fn record_mut(&mut self, oi: usize, record_id: &str) -> Option<&mut Record> {
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
        if !is_snake_case(slug) {
            return Err(ApiError::validation("api_slug must be snake_case ASCII."));
        }
        if self.slug_taken(slug) {
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
            system: false,
        });
        Ok(self.objects.len() - 1)
    }

    /// Queues `event` for every webhook subscribed to it; the one entry point for emitting
    /// events (see the module docs). Cheap when no webhook exists.
    pub fn emit(&mut self, event: Event) {
        if self.webhooks.is_empty() {
            return;
        }
        let actor = json!({"type": "api-token", "id": self.token_id});
        let payload = event.into_json(&self.workspace_id, actor);
        for i in 0..self.webhooks.len() {
            if !self.webhooks[i].wants(&payload) {
                continue;
            }
            let idempotency_key = self.rng.uuid();
            let hook = &self.webhooks[i];
            let body = json!({"webhook_id": hook.id, "events": [payload]}).to_string();
            self.outbox.push(Outgoing {
                webhook_id: hook.id.clone(),
                target_url: hook.target_url.clone(),
                secret: hook.secret.clone(),
                idempotency_key,
                body,
            });
        }
    }
}
