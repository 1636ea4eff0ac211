//! Meetings and call recordings: their routes. The meeting handlers are in `meeting.rs` (linked
//! records changed and deletion in `changes.rs`), call
//! recordings and transcripts in `recording.rs`, their state and shared helpers (cursor paging)
//! in `model.rs`.
//!
//! As Attio: a create *finds or creates* a meeting by its `external_ref` (a string, or an iCal
//! `{ical_uid, provider, is_recurring, original_start_time?}`), and needs `title`, `description`,
//! `start`, `end`, `is_all_day`, `participants` (at least one) and `external_ref`; an all-day
//! meeting's start and end are `{date}`, another's `{datetime, timezone?}`; the end is exclusive
//! and must come after the start. Listings page by an opaque `cursor` with
//! `pagination.next_cursor` null on the last page; meetings and call recordings take `limit` 1
//! to 200 (default 50); a cursor names its listing, and another listing's is refused. 400s name
//! the field. Listing meetings and reading a transcript accept workspace-level tokens only.
//!
//! Semantics chosen where Attio's documentation is silent, or the sandbox cannot do what Attio
//! does:
//! - **Time zones.** The sandbox has no time-zone database: a datetime is kept as the instant it
//!   names (without an offset it is read as UTC, whatever `timezone` says) and written back in
//!   UTC; the `timezone` is kept and returned. When listing, all-day meetings are compared in
//!   `timezone` if it is `UTC` or a fixed offset (`+02:00`); other zone names are read as UTC.
//! - Participants are not turned into person or company records (Attio creates them), but a
//!   participant whose email address is a person record's links that person at once (Attio does
//!   it asynchronously), after the records the create named. Deleting a record unlinks it.
//! - Sorting is by start (an all-day meeting's at midnight UTC), then by creation.

mod changes;
mod meeting;
mod model;
mod recording;

use crate::http::{Method, Route};

pub use changes::insert_from_calendar;
pub use model::Meetings;

/// The routes of meetings, call recordings and transcripts.
pub const ROUTES: &[Route] = &[
    Route::read(Method::Get, "/v2/meetings", meeting::list).workspace_only(),
    Route::write(Method::Post, "/v2/meetings", meeting::create),
    Route::read(Method::Get, "/v2/meetings/{meeting_id}", meeting::get),
    Route::write(
        Method::Patch,
        "/v2/meetings/{meeting_id}",
        changes::append_links,
    ),
    Route::write(
        Method::Put,
        "/v2/meetings/{meeting_id}",
        changes::replace_links,
    ),
    Route::write(Method::Delete, "/v2/meetings/{meeting_id}", changes::delete),
    Route::write(
        Method::Get,
        "/v2/meetings/{meeting_id}/call_recordings",
        recording::list_recordings,
    ),
    Route::write(
        Method::Post,
        "/v2/meetings/{meeting_id}/call_recordings",
        recording::create_recording,
    ),
    Route::write(
        Method::Get,
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
        recording::get_recording,
    ),
    Route::write(
        Method::Delete,
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
        recording::delete_recording,
    ),
    Route::write(
        Method::Get,
        "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript",
        recording::transcript,
    )
    .workspace_only(),
];
