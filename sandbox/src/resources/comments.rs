//! Comments and threads: `POST /v2/comments`, `GET|DELETE /v2/comments/{comment_id}`,
//! `GET /v2/threads` (by record or by entry), `GET /v2/threads/{thread_id}`.
//!
//! As Attio: a thread's comments page by cursor, oldest first, at most 250 a page (`limit` 1 to
//! 250, default 250), with `pagination.next_cursor` null on the last page; `created_after`
//! keeps the comments created after that instant (the first comment too, only if it is).
//!
//! A comment on a record or an entry starts a thread; a comment with `thread_id` replies in it.
//! Semantics chosen where Attio's documentation is silent: deleting a thread's first comment
//! deletes the thread and its replies; deleting a record deletes its threads; `limit` defaults
//! to 10 and may be at most 50; deleting an entry keeps its threads (they stay on its parent). Posting and deleting deliver `comment.created` and
//! `comment.deleted` to subscribed webhooks.

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route, created_at, cursor, cursor_offset};
use crate::schema::Object;
use crate::store::{Event, Part, Store, Target};
use crate::util::{format_ns, parse_timestamp};

/// The routes of comments and threads.
pub const ROUTES: &[Route] = &[
    Route::write(Method::Post, "/v2/comments", create),
    Route::read(Method::Get, "/v2/comments/{comment_id}", get),
    Route::write(Method::Delete, "/v2/comments/{comment_id}", delete),
    Route::read(Method::Get, "/v2/threads", list_threads),
    Route::read(Method::Get, "/v2/threads/{thread_id}", get_thread),
];

/// What a thread hangs off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct On {
    /// The record's object id.
    pub object_id: String,
    /// The record.
    pub record_id: String,
    /// `(list id, entry id)` for a thread on an entry.
    pub entry: Option<(String, String)>,
}

/// A thread.
#[derive(Debug, Clone)]
pub struct Thread {
    /// Thread id.
    pub id: String,
    /// What it is on.
    pub on: On,
    /// Created, ns.
    pub created_at: i128,
}

/// A comment.
#[derive(Debug, Clone)]
pub struct Comment {
    /// Comment id.
    pub id: String,
    /// Its thread.
    pub thread_id: String,
    /// Content.
    pub content: String,
    /// Author (a member id).
    pub author: String,
    /// Created, ns.
    pub created_at: i128,
}

/// Every thread and comment of the workspace.
#[derive(Debug, Default)]
pub struct Comments {
    /// Threads, oldest first.
    pub threads: Vec<Thread>,
    /// Comments, oldest first.
    pub comments: Vec<Comment>,
}

/// A deleted record's threads (and their comments) go with it.
impl Part for Comments {
    fn record_deleted(&mut self, object: &Object, record_id: &str) {
        let gone: Vec<String> = self
            .threads
            .iter()
            .filter(|t| t.on.object_id == object.id && t.on.record_id == record_id)
            .map(|t| t.id.clone())
            .collect();
        self.threads.retain(|t| !gone.contains(&t.id));
        self.comments.retain(|c| !gone.contains(&c.thread_id));
    }

    fn record_merged(&mut self, object: &Object, from: &str, into: &str) {
        for t in &mut self.threads {
            if t.on.object_id == object.id && t.on.record_id == from {
                t.on.record_id = into.to_owned();
            }
        }
    }
}

/// What the thread of `c` hangs off (every comment's thread exists while the comment does).
fn on_of(comments: &Comments, c: &Comment) -> On {
    let thread = comments.threads.iter().find(|t| t.id == c.thread_id);
    thread.map_or_else(
        || On {
            object_id: String::new(),
            record_id: String::new(),
            entry: None,
        },
        |t| t.on.clone(),
    )
}

fn render_comment(store: &Store, c: &Comment, on: &On) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "comment_id": c.id},
        "thread_id": c.thread_id,
        "content_plaintext": c.content,
        "entry": on.entry.as_ref().map(|(list_id, entry_id)| json!({"entry_id": entry_id, "list_id": list_id})),
        "record": {"record_id": on.record_id, "object_id": on.object_id},
        "resolved_at": null,
        "resolved_by": {"type": null, "id": null},
        "created_at": format_ns(c.created_at),
        "author": {"type": "workspace-member", "id": c.author},
    })
}

fn render_thread(store: &Store, all: &Comments, t: &Thread) -> Value {
    let comments: Vec<Value> = all
        .comments
        .iter()
        .filter(|c| c.thread_id == t.id)
        .map(|c| render_comment(store, c, &t.on))
        .collect();
    json!({
        "id": {"workspace_id": store.workspace_id, "thread_id": t.id},
        "comments": comments,
        "created_at": format_ns(t.created_at),
    })
}

fn record_on(store: &Store, object: &str, record_id: &str) -> Result<On, ApiError> {
    let oi = store.object_index(object)?;
    store.record(oi, record_id)?;
    Ok(On {
        object_id: store.objects[oi].id.clone(),
        record_id: record_id.to_owned(),
        entry: None,
    })
}

fn entry_on(store: &Store, list: &str, entry_id: &str) -> Result<On, ApiError> {
    let li = store.list_index(list)?;
    let entry = store.row(Target::List(li), entry_id)?;
    let parent = entry.parent.clone().ok_or_else(|| {
        ApiError::not_found(format!(
            "Entry with ID \"{entry_id}\" has no parent record."
        ))
    })?;
    Ok(On {
        object_id: parent.object_id,
        record_id: parent.record_id,
        entry: Some((store.lists[li].schema.id.clone(), entry_id.to_owned())),
    })
}

fn string<'a>(m: &'a Map<String, Value>, key: &str, at: &str) -> Result<&'a str, ApiError> {
    m.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::validation(format!("{at}.{key} must be a string.")))
}

/// `POST /v2/comments`.
fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    if string(d, "format", "data")? != "plaintext" {
        return Err(ApiError::validation("data.format must be \"plaintext\"."));
    }
    let content = string(d, "content", "data")?.to_owned();
    let author = d.get("author").and_then(Value::as_object).ok_or_else(|| {
        ApiError::validation("data.author must be {\"type\": \"workspace-member\", \"id\": …}.")
    })?;
    if author.get("type").and_then(Value::as_str) != Some("workspace-member") {
        return Err(ApiError::validation(
            "data.author.type must be \"workspace-member\".",
        ));
    }
    let author = string(author, "id", "data.author")?;
    if !store.members.iter().any(|m| m.id == author) {
        return Err(ApiError::value_not_found(format!(
            "Workspace member with ID \"{author}\" not found."
        )));
    }
    let author = author.to_owned();
    let targets: Vec<&str> = ["thread_id", "record", "entry"]
        .into_iter()
        .filter(|k| d.contains_key(*k))
        .collect();
    let now = store.tick();
    let created_at = created_at(d, now)?;
    let thread_id = match targets[..] {
        ["thread_id"] => {
            let id = string(d, "thread_id", "data")?;
            if !store
                .parts
                .get::<Comments>()?
                .threads
                .iter()
                .any(|t| t.id == id)
            {
                return Err(ApiError::not_found(format!(
                    "Thread with ID \"{id}\" not found."
                )));
            }
            id.to_owned()
        }
        [target @ ("record" | "entry")] => {
            let m = d[target]
                .as_object()
                .ok_or_else(|| ApiError::validation(format!("data.{target} must be an object.")))?;
            let on = if target == "record" {
                let at = "data.record";
                record_on(store, string(m, "object", at)?, string(m, "record_id", at)?)?
            } else {
                let at = "data.entry";
                entry_on(store, string(m, "list", at)?, string(m, "entry_id", at)?)?
            };
            let thread = Thread {
                id: store.rng.uuid(),
                on,
                created_at,
            };
            let id = thread.id.clone();
            store.parts.get_mut::<Comments>()?.threads.push(thread);
            id
        }
        _ => {
            return Err(ApiError::validation(
                "A comment needs exactly one of data.thread_id, data.record and data.entry.",
            ));
        }
    };
    let comment = Comment {
        id: store.rng.uuid(),
        thread_id,
        content,
        author,
        created_at,
    };
    store
        .parts
        .get_mut::<Comments>()?
        .comments
        .push(comment.clone());
    let answer = render_comment(
        store,
        &comment,
        &on_of(store.parts.get::<Comments>()?, &comment),
    );
    store.emit(event("comment.created", &answer));
    Ok(json!({ "data": answer }))
}

/// A `comment.*` event from a rendered comment.
fn event(event_type: &str, comment: &Value) -> Event {
    let mut e = Event::new(event_type)
        .id(
            "comment_id",
            comment["id"]["comment_id"].as_str().unwrap_or_default(),
        )
        .field("thread_id", comment["thread_id"].clone())
        .field("object_id", comment["record"]["object_id"].clone())
        .field("record_id", comment["record"]["record_id"].clone());
    e = match comment["entry"].as_object() {
        Some(entry) => e
            .field("list_id", entry["list_id"].clone())
            .field("entry_id", entry["entry_id"].clone()),
        None => e
            .field("list_id", Value::Null)
            .field("entry_id", Value::Null),
    };
    e
}

/// `GET /v2/comments/{comment_id}`.
fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("comment_id");
    let all = store.parts.get::<Comments>()?;
    let c = all
        .comments
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| ApiError::not_found(format!("Comment with ID \"{id}\" not found.")))?;
    Ok(json!({"data": render_comment(store, c, &on_of(all, c))}))
}

/// `DELETE /v2/comments/{comment_id}`.
fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("comment_id");
    let Value::Object(mut answer) = get(store, req)? else {
        return Err(ApiError::not_found(format!(
            "Comment with ID \"{id}\" not found."
        )));
    };
    let comment = answer.remove("data").unwrap_or_default();
    let thread_id = comment["thread_id"].as_str().unwrap_or_default().to_owned();
    let all = store.parts.get_mut::<Comments>()?;
    let first = all
        .comments
        .iter()
        .find(|c| c.thread_id == thread_id)
        .is_some_and(|c| c.id == id);
    if first {
        all.threads.retain(|t| t.id != thread_id);
        all.comments.retain(|c| c.thread_id != thread_id);
    } else {
        all.comments.retain(|c| c.id != id);
    }
    store.emit(event("comment.deleted", &comment));
    Ok(json!({}))
}

/// `GET /v2/threads`.
fn list_threads(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let on = match (
        req.param("object"),
        req.param("record_id"),
        req.param("list"),
        req.param("entry_id"),
    ) {
        (Some(o), Some(r), None, None) => record_on(store, o, r)?,
        (None, None, Some(l), Some(e)) => entry_on(store, l, e)?,
        _ => {
            return Err(ApiError::validation(
                "Give either object and record_id, or list and entry_id.",
            ));
        }
    };
    let limit = req.usize_param("limit")?.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::validation("limit must be between 1 and 50."));
    }
    let offset = req.usize_param("offset")?.unwrap_or(0);
    let all = store.parts.get::<Comments>()?;
    let threads: Vec<Value> = all
        .threads
        .iter()
        .filter(|t| t.on == on)
        .skip(offset)
        .take(limit)
        .map(|t| render_thread(store, all, t))
        .collect();
    Ok(json!({"data": threads}))
}

/// `GET /v2/threads/{thread_id}`.
fn get_thread(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("thread_id");
    let all = store.parts.get::<Comments>()?;
    let t = all
        .threads
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::not_found(format!("Thread with ID \"{id}\" not found.")))?;
    let limit = req.usize_param("limit")?.unwrap_or(250);
    if !(1..=250).contains(&limit) {
        return Err(ApiError::validation(format!(
            "limit must be between 1 and 250, not {limit}."
        )));
    }
    let after = match req.param("created_after") {
        None | Some("" | "null") => None,
        Some(at) => Some(
            parse_timestamp(at)
                .map(|t| t.unix_timestamp_nanos())
                .ok_or_else(|| {
                    ApiError::validation(format!(
                        "created_after must be a timestamp such as 2025-01-01T00:00:00Z, not \"{at}\"."
                    ))
                })?,
        ),
    };
    let kind = format!("thread:{id}:{}", after.unwrap_or(i128::MIN));
    let offset = cursor_offset(req, &kind)?;
    let mut thread = render_thread(store, all, t);
    let comments: Vec<Value> = all
        .comments
        .iter()
        .filter(|c| c.thread_id == t.id && after.is_none_or(|at| c.created_at > at))
        .map(|c| render_comment(store, c, &t.on))
        .collect();
    let next = (offset + limit < comments.len()).then(|| cursor(&kind, offset + limit));
    thread["comments"] = comments.into_iter().skip(offset).take(limit).collect();
    Ok(json!({"data": thread, "pagination": {"next_cursor": next}}))
}
