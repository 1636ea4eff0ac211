//! Tasks: `GET|POST /v2/tasks`, `GET|PATCH|DELETE /v2/tasks/{task_id}`.
//!
//! As Attio: a create needs all six keys (`content`, `format` = `plaintext`, `deadline_at`,
//! `is_completed`, `linked_records`, `assignees`); a PATCH changes only `deadline_at`,
//! `is_completed`, `linked_records` and `assignees`, and refuses `content`. Linked records are
//! written as `{target_object, target_record_id}` or by a matching attribute, and read back with
//! the object's id (`target_object_id`). Assignees are workspace members, by id or by email.
//!
//! `completed_at` is null until the task is completed, then when it was (a task created completed
//! was completed when it was created); marking it not completed clears it. `sort` is
//! `created_at:asc` (the default), `created_at:desc`, `completed_at:asc` (incomplete tasks
//! first, then completed ones oldest first) or `completed_at:desc` (completed ones newest first,
//! then incomplete ones), as Attio documents.
//!
//! Semantics chosen where Attio's documentation is silent: deleting a record removes it from the
//! tasks linked to it; content is at most 2,000 characters; `limit` defaults to 500.
//! Creating, changing and deleting a task deliver `task.created`, `task.updated` and
//! `task.deleted` to subscribed webhooks.

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route};
use crate::schema::{AttrType, Attribute, Object};
use crate::store::{Event, Part, Store};
use crate::util::{format_ns, parse_timestamp};

/// The routes of tasks.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/tasks", list),
    Route::write(Method::Post, "/v2/tasks", create),
    Route::read(Method::Get, "/v2/tasks/{task_id}", get),
    Route::write(Method::Patch, "/v2/tasks/{task_id}", update),
    Route::write(Method::Delete, "/v2/tasks/{task_id}", delete),
];

/// The workspace's tasks, in creation order.
#[derive(Debug, Default)]
pub struct Tasks(Vec<Task>);

/// A deleted record is unlinked from its tasks.
impl Part for Tasks {
    fn record_deleted(&mut self, object: &Object, record_id: &str) {
        for task in &mut self.0 {
            task.links
                .retain(|(o, r)| !(*o == object.id && r == record_id));
        }
    }

    fn record_merged(&mut self, object: &Object, from: &str, into: &str) {
        for task in &mut self.0 {
            for (o, r) in &mut task.links {
                if *o == object.id && r == from {
                    *r = into.to_owned();
                }
            }
            let mut seen = std::collections::HashSet::new();
            task.links.retain(|link| seen.insert(link.clone()));
        }
    }
}

/// A stored task.
#[derive(Debug, Clone)]
pub struct Task {
    /// Task id.
    pub id: String,
    /// Content, plain text.
    pub content: String,
    /// Deadline, ns since 1970.
    pub deadline_at: Option<i128>,
    /// Done?
    pub is_completed: bool,
    /// When it was completed, ns since 1970; `None` while it is not.
    pub completed_at: Option<i128>,
    /// `(object id, record id)` of each linked record.
    pub links: Vec<(String, String)>,
    /// Member ids.
    pub assignees: Vec<String>,
    /// Created, ns since 1970.
    pub created_at: i128,
}

fn render(store: &Store, t: &Task) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "task_id": t.id},
        "content_plaintext": t.content,
        "deadline_at": t.deadline_at.map(format_ns),
        "is_completed": t.is_completed,
        "completed_at": t.completed_at.map(format_ns),
        "linked_records": t.links.iter().map(|(o, r)| json!({"target_object_id": o, "target_record_id": r})).collect::<Vec<_>>(),
        "assignees": t.assignees.iter().map(|m| json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": m})).collect::<Vec<_>>(),
        "created_by_actor": {"type": "api-token", "id": store.token_id},
        "created_at": format_ns(t.created_at),
    })
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Task with ID \"{id}\" not found."))
}

fn required<'a>(d: &'a Map<String, Value>, key: &str) -> Result<&'a Value, ApiError> {
    d.get(key)
        .ok_or_else(|| ApiError::validation(format!("data.{key} is required.")))
}

fn deadline(v: &Value) -> Result<Option<i128>, ApiError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => parse_timestamp(s)
            .map(|t| Some(t.unix_timestamp_nanos()))
            .ok_or_else(|| ApiError::validation("data.deadline_at must be a timestamp or null.")),
        _ => Err(ApiError::validation(
            "data.deadline_at must be a timestamp or null.",
        )),
    }
}

fn completed(v: &Value) -> Result<bool, ApiError> {
    v.as_bool()
        .ok_or_else(|| ApiError::validation("data.is_completed must be a boolean."))
}

/// A record-reference attribute that allows every object, to resolve `linked_records` with.
fn any_record(store: &Store) -> Option<Attribute> {
    let mut attr = store
        .objects
        .iter()
        .flat_map(|o| &o.attributes)
        .find(|a| a.ty == AttrType::RecordReference)?
        .clone();
    attr.allowed_object_ids = None;
    attr.api_slug = "linked_records".into();
    Some(attr)
}

fn links(store: &Store, v: &Value) -> Result<Vec<(String, String)>, ApiError> {
    let items = v
        .as_array()
        .ok_or_else(|| ApiError::validation("data.linked_records must be an array."))?;
    let attr = any_record(store)
        .ok_or_else(|| ApiError::validation("This workspace has no record-reference attribute."))?;
    let mut out = Vec::new();
    for item in items {
        let (slug, record) = store.resolve_reference(&attr, item)?;
        let object_id = store.objects[store.object_index(&slug)?].id.clone();
        if !out.contains(&(object_id.clone(), record.clone())) {
            out.push((object_id, record));
        }
    }
    Ok(out)
}

fn assignees(store: &Store, v: &Value) -> Result<Vec<String>, ApiError> {
    let items = v
        .as_array()
        .ok_or_else(|| ApiError::validation("data.assignees must be an array."))?;
    let mut out = Vec::new();
    for item in items {
        let member = if let Some(email) = item.get("workspace_member_email_address") {
            let email = email.as_str().unwrap_or_default();
            store
                .member_by_email(email)
                .map(|m| m.id.clone())
                .ok_or_else(|| {
                    ApiError::value_not_found(format!(
                        "Workspace member with email \"{email}\" not found."
                    ))
                })?
        } else {
            if item.get("referenced_actor_type").and_then(Value::as_str) != Some("workspace-member")
            {
                return Err(ApiError::validation(
                    "An assignee is {referenced_actor_type: \"workspace-member\", referenced_actor_id} or {workspace_member_email_address}.",
                ));
            }
            let id = item
                .get("referenced_actor_id")
                .and_then(Value::as_str)
                .unwrap_or_default();
            store
                .members
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.id.clone())
                .ok_or_else(|| {
                    ApiError::value_not_found(format!(
                        "Workspace member with ID \"{id}\" not found."
                    ))
                })?
        };
        if !out.contains(&member) {
            out.push(member);
        }
    }
    Ok(out)
}

/// `GET /v2/tasks`.
fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let limit = req.usize_param("limit")?.unwrap_or(500);
    let offset = req.usize_param("offset")?.unwrap_or(0);
    let linked = match (req.param("linked_object"), req.param("linked_record_id")) {
        (Some(o), Some(r)) => Some((
            store.objects[store.object_index(o)?].id.clone(),
            r.to_owned(),
        )),
        (None, None) => None,
        _ => {
            return Err(ApiError::validation(
                "linked_object and linked_record_id must be given together.",
            ));
        }
    };
    let assignee = match req.param("assignee") {
        None => None,
        Some("" | "null") => Some(None),
        Some(a) => Some(Some(
            store
                .member_by_email(a)
                .map_or_else(|| a.to_owned(), |m| m.id.clone()),
        )),
    };
    let done = match req.param("is_completed") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => return Err(ApiError::validation("is_completed must be true or false.")),
    };
    let (by_completion, newest_first) = match req.param("sort") {
        None | Some("created_at:asc") => (false, false),
        Some("created_at:desc") => (false, true),
        Some("completed_at:asc") => (true, false),
        Some("completed_at:desc") => (true, true),
        Some(_) => {
            return Err(ApiError::validation(
                "sort must be \"created_at:asc\", \"created_at:desc\", \"completed_at:asc\" or \"completed_at:desc\".",
            ));
        }
    };
    let matches = |t: &&Task| {
        linked.as_ref().is_none_or(|l| t.links.contains(l))
            && done.is_none_or(|d| t.is_completed == d)
            && match &assignee {
                None => true,
                Some(None) => t.assignees.is_empty(),
                Some(Some(m)) => t.assignees.contains(m),
            }
    };
    let mut tasks: Vec<&Task> = store
        .parts
        .get::<Tasks>()?
        .0
        .iter()
        .filter(matches)
        .collect();
    if by_completion {
        // Ascending: incomplete first, then completed oldest first; descending reverses both.
        tasks.sort_by_key(|t| t.completed_at.map(|at| (1, at)).unwrap_or((0, 0)));
    }
    if newest_first {
        tasks.reverse();
    }
    let page: Vec<Value> = tasks
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|t| render(store, t))
        .collect();
    Ok(json!({"data": page}))
}

/// `POST /v2/tasks`.
fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    let content = required(d, "content")?
        .as_str()
        .ok_or_else(|| ApiError::validation("data.content must be a string."))?;
    if content.chars().count() > 2000 {
        return Err(ApiError::validation(
            "data.content must be at most 2000 characters.",
        ));
    }
    if required(d, "format")?.as_str() != Some("plaintext") {
        return Err(ApiError::validation("data.format must be \"plaintext\"."));
    }
    let task = Task {
        id: store.rng.uuid(),
        content: content.to_owned(),
        deadline_at: deadline(required(d, "deadline_at")?)?,
        is_completed: completed(required(d, "is_completed")?)?,
        completed_at: None,
        links: links(store, required(d, "linked_records")?)?,
        assignees: assignees(store, required(d, "assignees")?)?,
        created_at: store.tick(),
    };
    let task = Task {
        completed_at: task.is_completed.then_some(task.created_at),
        ..task
    };
    let task = Task {
        id: store.rng.uuid(),
        ..task
    };
    let answer = json!({"data": render(store, &task)});
    let event = Event::new("task.created").id("task_id", &task.id);
    store.parts.get_mut::<Tasks>()?.0.push(task);
    store.emit(event);
    Ok(answer)
}

/// `PATCH /v2/tasks/{task_id}`.
fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("task_id");
    let d = req.data()?;
    let at = store
        .parts
        .get::<Tasks>()?
        .0
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| not_found(id))?;
    if let Some(key) = d.keys().find(|k| {
        !["deadline_at", "is_completed", "linked_records", "assignees"].contains(&k.as_str())
    }) {
        return Err(ApiError::validation(format!(
            "data.{key} cannot be updated; a task's deadline_at, is_completed, linked_records and assignees can."
        )));
    }
    let mut task = store.parts.get::<Tasks>()?.0[at].clone();
    if let Some(v) = d.get("deadline_at") {
        task.deadline_at = deadline(v)?;
    }
    if let Some(v) = d.get("is_completed") {
        let done = completed(v)?;
        task.completed_at = match (task.is_completed, done) {
            (false, true) => Some(store.tick()),
            (_, false) => None,
            (true, true) => task.completed_at,
        };
        task.is_completed = done;
    }
    if let Some(v) = d.get("linked_records") {
        task.links = links(store, v)?;
    }
    if let Some(v) = d.get("assignees") {
        task.assignees = assignees(store, v)?;
    }
    let answer = json!({"data": render(store, &task)});
    store.parts.get_mut::<Tasks>()?.0[at] = task;
    store.emit(Event::new("task.updated").id("task_id", id));
    Ok(answer)
}

/// `GET /v2/tasks/{task_id}`.
fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("task_id");
    let task = store
        .parts
        .get::<Tasks>()?
        .0
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| not_found(id))?;
    Ok(json!({"data": render(store, task)}))
}

/// `DELETE /v2/tasks/{task_id}`.
fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("task_id");
    let tasks = &mut store.parts.get_mut::<Tasks>()?.0;
    let at = tasks
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| not_found(id))?;
    tasks.remove(at);
    store.emit(Event::new("task.deleted").id("task_id", id));
    Ok(json!({}))
}
