//! Note operations.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | create (`POST /v2/notes`) | no | a repeat makes a second note |
//! | list, get | yes | reads |
//! | update (`PATCH /v2/notes/{note_id}`) | yes | it sets the title and replaces the content: a repeat sets them again |
//! | delete | yes | a repeat finds nothing to delete |

use url::form_urlencoded;

use super::{Method, Operation};
use crate::values::{MeetingId, NoteId, RecordReference, Timestamp};
use crate::wire::note::{self, Note, NoteFormat};
use crate::wire::{self};

fn note_path(id: &NoteId) -> String {
    format!("/v2/notes/{}", id.as_str())
}

/// `POST /v2/notes`.
pub(crate) fn create(
    parent: &RecordReference,
    title: &str,
    format: NoteFormat,
    content: &str,
    created_at: Option<&Timestamp>,
    meeting_id: Option<&MeetingId>,
) -> Operation<Note> {
    let body = note::create_body(parent, title, format, content, created_at, meeting_id);
    Operation::write(
        Method::Post,
        "/v2/notes".to_owned(),
        Some(body),
        false,
        wire::decode_data::<Note>,
    )
}

/// `GET /v2/notes/{note_id}`.
pub(crate) fn get(id: &NoteId) -> Operation<Note> {
    Operation::read(Method::Get, note_path(id), None, wire::decode_data::<Note>)
}

/// `PATCH /v2/notes/{note_id}` with the title and/or the content.
pub(crate) fn update(
    id: &NoteId,
    title: Option<&str>,
    content: Option<(NoteFormat, &str)>,
) -> Operation<Note> {
    Operation::write(
        Method::Patch,
        note_path(id),
        Some(note::update_body(title, content)),
        true,
        wire::decode_data::<Note>,
    )
}

/// `DELETE /v2/notes/{note_id}`.
pub(crate) fn delete(id: &NoteId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        note_path(id),
        None,
        true,
        wire::decode_nothing,
    )
}

/// `GET /v2/notes?limit=&offset=[&parent_object=&parent_record_id=]`: one page.
pub(crate) fn list_page(
    parent: Option<&RecordReference>,
    limit: usize,
    offset: usize,
) -> Operation<Vec<Note>> {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("limit", &limit.to_string());
    query.append_pair("offset", &offset.to_string());
    if let Some(parent) = parent {
        query.append_pair("parent_object", parent.target_object());
        query.append_pair("parent_record_id", parent.target_record_id().as_str());
    }
    Operation::read(
        Method::Get,
        format!("/v2/notes?{}", query.finish()),
        None,
        wire::decode_data::<Vec<Note>>,
    )
}
