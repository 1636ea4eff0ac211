//! A meeting's linked records changed, and a meeting deleted: `PATCH|PUT|DELETE
//! /v2/meetings/{meeting_id}`; and meetings as calendar sync makes them.
//!
//! As Attio: `PATCH` adds the records in `data.linked_records` (`{object, record_id}`, the
//! object by slug or id) to those linked, ignoring any already linked; `PUT` replaces them all
//! (an empty array unlinks every one, those linked from participants too); nothing else of a
//! meeting changes. An unknown object or record is `400 value_not_found`, a missing meeting
//! `404 not_found`. A meeting made by calendar sync cannot be deleted (`400
//! system_edit_unauthorized`); deleting another deletes its call recordings with it.

use serde_json::{Map, Value, json};

use super::meeting::{find_or_create, links, render};
use super::model::{Meetings, bad, field, meeting, meeting_not_found};
use crate::error::ApiError;
use crate::http::Request;
use crate::store::Store;

/// `data.linked_records`, required, as `(object slug, object id, record id)`.
fn linked_records(
    store: &Store,
    d: &Map<String, Value>,
) -> Result<Vec<(String, String, String)>, ApiError> {
    if let Some(key) = d.keys().find(|k| *k != "linked_records") {
        return Err(bad(format!(
            "data.{key} cannot be updated: only a meeting's linked_records can."
        )));
    }
    links(store, Some(field(d, "linked_records")?))
}

fn position(store: &Store, id: &str) -> Result<usize, ApiError> {
    meeting(store, id)?;
    store
        .parts
        .get::<Meetings>()?
        .meetings
        .iter()
        .position(|m| m.id == id)
        .ok_or_else(|| meeting_not_found(id))
}

/// `PATCH /v2/meetings/{meeting_id}`: links more records.
pub(super) fn append_links(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let at = position(store, req.path("meeting_id"))?;
    let added = linked_records(store, req.data()?)?;
    let m = &mut store.parts.get_mut::<Meetings>()?.meetings[at];
    for link in added {
        if !m.links.contains(&link) {
            m.links.push(link);
        }
    }
    let m = m.clone();
    Ok(json!({"data": render(store, &m)}))
}

/// `PUT /v2/meetings/{meeting_id}`: the linked records, replaced.
pub(super) fn replace_links(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let at = position(store, req.path("meeting_id"))?;
    let links = linked_records(store, req.data()?)?;
    let m = &mut store.parts.get_mut::<Meetings>()?.meetings[at];
    m.links = links;
    let m = m.clone();
    Ok(json!({"data": render(store, &m)}))
}

/// `DELETE /v2/meetings/{meeting_id}`: answers `{}`.
pub(super) fn delete(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let id = req.path("meeting_id");
    let at = position(store, id)?;
    let all = store.parts.get_mut::<Meetings>()?;
    if all.meetings[at].from_calendar {
        return Err(ApiError::new(
            400,
            "invalid_request_error",
            "system_edit_unauthorized",
            "Meetings created by calendar sync cannot be deleted through the API. Delete the underlying calendar event, or disconnect the calendar, instead.",
        ));
    }
    all.meetings.remove(at);
    all.recordings.retain(|r| r.meeting_id != id);
    Ok(json!({}))
}

/// A meeting as calendar sync makes it, from the body `POST /v2/meetings` takes (its `data`):
/// found or created alike, but the API cannot delete it.
pub fn insert_from_calendar(store: &mut Store, data: &Value) -> Result<Value, ApiError> {
    let d = data
        .as_object()
        .ok_or_else(|| bad("A meeting is a JSON object, as POST /v2/meetings takes in data."))?;
    find_or_create(store, d, true)
}
