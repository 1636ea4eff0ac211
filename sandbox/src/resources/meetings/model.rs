//! The state of meetings and call recordings, and what their handlers share: validation errors,
//! cursor paging, body fields, and finding a meeting.

use serde_json::{Map, Value, json};
use time::{Date, Time, UtcOffset};

use crate::error::ApiError;
use crate::http::Request;
use crate::schema::Object;
use crate::store::{Part, Store};
use crate::util::format_ns;

/// When a meeting starts or ends.
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    /// A timed meeting: ns since 1970, and the time zone given.
    At(i128, Option<String>),
    /// An all-day meeting's day.
    Day(Date),
}

impl When {
    /// The instant, with an all-day date at midnight in `offset`.
    pub(crate) fn instant(&self, offset: UtcOffset) -> i128 {
        match self {
            When::At(ns, _) => *ns,
            When::Day(d) => d
                .with_time(Time::MIDNIGHT)
                .assume_offset(offset)
                .unix_timestamp_nanos(),
        }
    }

    pub(crate) fn render(&self) -> Value {
        match self {
            When::At(ns, tz) => json!({"datetime": format_ns(*ns), "timezone": tz}),
            When::Day(d) => {
                json!({"date": format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())})
            }
        }
    }
}

/// A meeting participant.
#[derive(Debug, Clone)]
pub struct Participant {
    /// Lower-case email address; `None` for a participant named without one.
    pub email: Option<String>,
    /// The name given when the participant was created, if any.
    pub name: Option<String>,
    /// Organiser?
    pub is_organizer: bool,
    /// `accepted`, `tentative`, `declined` or `pending`.
    pub status: String,
}

/// A stored meeting.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Meeting id.
    pub id: String,
    /// What `external_ref` is matched by.
    pub external_key: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// All day?
    pub all_day: bool,
    /// Start.
    pub start: When,
    /// End (exclusive).
    pub end: When,
    /// Participants.
    pub participants: Vec<Participant>,
    /// `(object slug, object id, record id)` of each linked record.
    pub links: Vec<(String, String, String)>,
    /// Created, ns since 1970.
    pub created_at: i128,
    /// Made by calendar sync (see `Sandbox::insert_calendar_meeting`): the API cannot delete it.
    pub from_calendar: bool,
}

/// Meetings and call recordings, in creation order.
#[derive(Debug, Default)]
pub struct Meetings {
    /// Meetings.
    pub meetings: Vec<Meeting>,
    /// Call recordings.
    pub recordings: Vec<Recording>,
}

/// A deleted record is unlinked from every meeting.
impl Part for Meetings {
    fn record_deleted(&mut self, object: &Object, record_id: &str) {
        for m in &mut self.meetings {
            m.links
                .retain(|(_, o, r)| !(*o == object.id && r == record_id));
        }
    }

    fn record_merged(&mut self, object: &Object, from: &str, into: &str) {
        for m in &mut self.meetings {
            for (_, o, r) in &mut m.links {
                if *o == object.id && r == from {
                    *r = into.to_owned();
                }
            }
        }
    }
}

/// A stored call recording.
#[derive(Debug, Clone)]
pub struct Recording {
    /// Recording id.
    pub id: String,
    /// Its meeting.
    pub meeting_id: String,
    /// Done processing?
    pub completed: bool,
    /// Created, ns since 1970.
    pub created_at: i128,
}

pub(crate) fn bad(message: impl Into<String>) -> ApiError {
    ApiError::validation(message)
}

pub(crate) fn meeting_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Meeting with ID \"{id}\" was not found."))
}

pub(crate) use crate::http::{cursor, cursor_offset as offset};

pub(crate) fn limit(req: &Request<'_>) -> Result<usize, ApiError> {
    match req.usize_param("limit")? {
        None => Ok(50),
        Some(n @ 1..=200) => Ok(n),
        Some(n) => Err(bad(format!("limit must be between 1 and 200, not {n}."))),
    }
}

/// `{"data": page, "pagination": {"next_cursor"}}` for `items[offset..offset+limit]`.
pub(crate) fn page(items: Vec<Value>, kind: &str, offset: usize, limit: usize) -> Value {
    let next = (offset + limit < items.len()).then(|| cursor(kind, offset + limit));
    let data: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    json!({"data": data, "pagination": {"next_cursor": next}})
}

pub(crate) fn field<'a>(d: &'a Map<String, Value>, key: &str) -> Result<&'a Value, ApiError> {
    d.get(key)
        .ok_or_else(|| bad(format!("data.{key} is required.")))
}

pub(crate) fn string<'a>(d: &'a Map<String, Value>, key: &str) -> Result<&'a str, ApiError> {
    field(d, key)?
        .as_str()
        .ok_or_else(|| bad(format!("data.{key} must be a string.")))
}

pub(crate) fn meeting<'a>(store: &'a Store, id: &str) -> Result<&'a Meeting, ApiError> {
    store
        .parts
        .get::<Meetings>()?
        .meetings
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| meeting_not_found(id))
}
