//! Notes: `GET|POST /v2/notes`, `GET|DELETE /v2/notes/{note_id}`.
//!
//! Semantics chosen where Attio's documentation is silent: a markdown note's plain text drops the
//! markup (heading and list markers stay as written lines, `**`, `__`, `~~`, `==` and link
//! targets go); a plain-text note's markdown is its text. Deleting a record deletes its notes.
//! `limit` defaults to 10 and may be at most 50, as Attio documents. Creating and deleting a note
//! delivers `note.created` and `note.deleted` to subscribed webhooks.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route, created_at, only_fields, str_field};
use crate::schema::Object;
use crate::store::{Event, Part, Store};
use crate::util::format_ns;

/// The routes of notes.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/notes", list),
    Route::write(Method::Post, "/v2/notes", create),
    Route::read(Method::Get, "/v2/notes/{note_id}", get),
    Route::write(Method::Patch, "/v2/notes/{note_id}", update),
    Route::write(Method::Delete, "/v2/notes/{note_id}", delete),
];

/// The workspace's notes, in creation order.
#[derive(Debug, Default)]
pub struct Notes(Vec<Note>);

/// A deleted record's notes go with it.
impl Part for Notes {
    fn record_deleted(&mut self, object: &Object, record_id: &str) {
        self.0
            .retain(|n| !(n.parent_object == object.api_slug && n.parent_record_id == record_id));
    }

    fn record_merged(&mut self, object: &Object, from: &str, into: &str) {
        for n in &mut self.0 {
            if n.parent_object == object.api_slug && n.parent_record_id == from {
                n.parent_record_id = into.to_owned();
            }
        }
    }
}

/// A stored note.
#[derive(Debug, Clone)]
pub struct Note {
    /// Note id.
    pub id: String,
    /// The parent object's slug.
    pub parent_object: String,
    /// The parent record's id.
    pub parent_record_id: String,
    /// Title.
    pub title: String,
    /// The meeting, if any.
    pub meeting_id: Option<String>,
    /// Content as plain text.
    pub plaintext: String,
    /// Content as markdown.
    pub markdown: String,
    /// Created, in ns since 1970.
    pub created_at: i128,
}

fn render(store: &Store, n: &Note) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "note_id": n.id},
        "parent_object": n.parent_object,
        "parent_record_id": n.parent_record_id,
        "title": n.title,
        "meeting_id": n.meeting_id,
        "content_plaintext": n.plaintext,
        "content_markdown": n.markdown,
        "tags": [],
        "created_by_actor": {"type": "api-token", "id": store.token_id},
        "created_at": format_ns(n.created_at),
    })
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Note with ID \"{id}\" not found."))
}

/// Attio's markdown subset without its markup: what `content_plaintext` holds.
fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for (i, line) in markdown.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start_matches('#').trim_start();
        let mut rest = line;
        while !rest.is_empty() {
            if let Some(after) = ["**", "__", "~~", "=="]
                .iter()
                .find_map(|m| rest.strip_prefix(m))
            {
                rest = after;
            } else if let Some(text) = link_text(rest) {
                out.push_str(text.0);
                rest = text.1;
            } else {
                let c = rest.chars().next().unwrap_or_default();
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// `[text](url)…` → `(text, …)`.
fn link_text(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find("](")?;
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    Some((&inner[..close], &after[end + 1..]))
}

/// A `note.*` webhook event: the note's id, and the object id and record it is on.
fn note_event(event_type: &str, store: &Store, note: &Note) -> Event {
    let object_id = store
        .object_index(&note.parent_object)
        .map(|oi| store.objects[oi].id.clone())
        .unwrap_or_default();
    Event::new(event_type)
        .id("note_id", &note.id)
        .field("parent_object_id", object_id)
        .field("parent_record_id", note.parent_record_id.clone())
}

/// `GET /v2/notes`.
fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let limit = req.usize_param("limit")?.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::validation("limit must be between 1 and 50."));
    }
    let offset = req.usize_param("offset")?.unwrap_or(0);
    let object = match req.param("parent_object") {
        Some(o) => Some(store.objects[store.object_index(o)?].api_slug.clone()),
        None => None,
    };
    let record = req.param("parent_record_id");
    let notes: Vec<Value> = store
        .parts
        .get::<Notes>()?
        .0
        .iter()
        .filter(|n| object.as_ref().is_none_or(|o| *o == n.parent_object))
        .filter(|n| record.is_none_or(|r| r == n.parent_record_id))
        .skip(offset)
        .take(limit)
        .map(|n| render(store, n))
        .collect();
    Ok(json!({"data": notes}))
}

/// A note's content as `(plaintext, markdown)`, from its `format` and `content`.
fn texts(format: &str, content: &str) -> Result<(String, String), ApiError> {
    match format {
        "plaintext" => Ok((content.to_owned(), content.to_owned())),
        "markdown" => Ok((plain(content), content.to_owned())),
        other => Err(ApiError::validation(format!(
            "data.format must be \"plaintext\" or \"markdown\", not \"{other}\"."
        ))),
    }
}

/// `PATCH /v2/notes/{note_id}`: the title and/or the content (with its `format`); new content
/// replaces the whole note. Delivers `note.updated` for a new title and `note-content.updated`
/// for new content.
fn update(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("note_id");
    let d = req.data()?;
    only_fields(d, &["title", "format", "content"])?;
    if d.is_empty() {
        return Err(ApiError::empty_payload());
    }
    let title = d
        .contains_key("title")
        .then(|| str_field(d, "title"))
        .transpose()?;
    let content = match (d.get("content"), d.get("format")) {
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => {
            return Err(ApiError::validation(
                "data.content and data.format go together: send both to replace the content.",
            ));
        }
        (Some(_), Some(_)) => Some(texts(str_field(d, "format")?, str_field(d, "content")?)?),
    };
    let notes = &mut store.parts.get_mut::<Notes>()?.0;
    let note = notes
        .iter_mut()
        .find(|n| n.id == id)
        .ok_or_else(|| not_found(id))?;
    if let Some(title) = title {
        note.title = title.to_owned();
    }
    if let Some((plaintext, markdown)) = content.clone() {
        note.plaintext = plaintext;
        note.markdown = markdown;
    }
    let note = note.clone();
    let mut events = Vec::new();
    if title.is_some() {
        events.push(note_event("note.updated", store, &note));
    }
    if content.is_some() {
        events.push(note_event("note-content.updated", store, &note));
    }
    for event in events {
        store.emit(event);
    }
    Ok(json!({"data": render(store, &note)}))
}

/// `POST /v2/notes`.
fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    let oi = store.object_index(str_field(d, "parent_object")?)?;
    let record_id = str_field(d, "parent_record_id")?;
    store.record(oi, record_id)?;
    let title = str_field(d, "title")?;
    let content = str_field(d, "content")?;
    let (plaintext, markdown) = texts(str_field(d, "format")?, content)?;
    let now = store.tick();
    let created_at = created_at(d, now)?;
    let meeting_id = match d.get("meeting_id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(ApiError::validation(
                "data.meeting_id must be a string or null.",
            ));
        }
    };
    let note = Note {
        id: store.rng.uuid(),
        parent_object: store.objects[oi].api_slug.clone(),
        parent_record_id: record_id.to_owned(),
        title: title.to_owned(),
        meeting_id,
        plaintext,
        markdown,
        created_at,
    };
    let answer = json!({"data": render(store, &note)});
    let event = note_event("note.created", store, &note);
    store.parts.get_mut::<Notes>()?.0.push(note);
    store.emit(event);
    Ok(answer)
}

/// `GET /v2/notes/{note_id}`.
fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("note_id");
    let note = store
        .parts
        .get::<Notes>()?
        .0
        .iter()
        .find(|n| n.id == id)
        .ok_or_else(|| not_found(id))?;
    Ok(json!({"data": render(store, note)}))
}

/// `DELETE /v2/notes/{note_id}`.
fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("note_id");
    let notes = &mut store.parts.get_mut::<Notes>()?.0;
    let at = notes
        .iter()
        .position(|n| n.id == id)
        .ok_or_else(|| not_found(id))?;
    let note = notes.remove(at);
    let event = note_event("note.deleted", store, &note);
    store.emit(event);
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_loses_its_markup_in_plain_text() {
        assert_eq!(
            super::plain("## Next\n- send the **quote** to [Ada](https://x.y) ~~now~~ ==soon=="),
            "Next\n- send the quote to Ada now soon"
        );
    }
}
