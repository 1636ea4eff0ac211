//! The meeting handlers: `GET|POST /v2/meetings`, `GET /v2/meetings/{meeting_id}`.

use serde_json::{Value, json};
use time::{Date, UtcOffset};

use super::model::{
    Meeting, Meetings, Participant, When, bad, field, limit, meeting, offset, page, string,
};
use crate::error::ApiError;
use crate::http::Request;
use crate::store::Store;
use crate::util::{format_ns, parse_timestamp};
use crate::values::{normalise, value_key};

pub(super) fn render(store: &Store, m: &Meeting) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "meeting_id": m.id},
        "title": m.title,
        "description": m.description,
        "is_all_day": m.all_day,
        "start": m.start.render(),
        "end": m.end.render(),
        "participants": m.participants.iter().map(|p| json!({
            "status": p.status, "is_organizer": p.is_organizer, "email_address": p.email,
            "name": p.name,
        })).collect::<Vec<_>>(),
        "linked_records": m.links.iter().map(|(slug, o, r)| json!({
            "object_slug": slug, "object_id": o, "record_id": r,
        })).collect::<Vec<_>>(),
        "created_at": format_ns(m.created_at),
        "created_by_actor": {"type": "api-token", "id": store.token_id},
    })
}

fn when(v: &Value, key: &str, all_day: bool) -> Result<When, ApiError> {
    let o = v
        .as_object()
        .ok_or_else(|| bad(format!("data.{key} must be an object.")))?;
    if all_day {
        let date = o.get("date").and_then(Value::as_str);
        let parsed = date.and_then(|d| {
            Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
        });
        match (parsed, o.len()) {
            (Some(d), 1) => Ok(When::Day(d)),
            _ => Err(bad(format!(
                "data.{key} must be {{\"date\": \"YYYY-MM-DD\"}} when data.is_all_day is true."
            ))),
        }
    } else {
        let at = o
            .get("datetime")
            .and_then(Value::as_str)
            .and_then(parse_timestamp);
        let tz = match o.get("timezone") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                return Err(bad(format!(
                    "data.{key}.timezone must be a string or null."
                )));
            }
        };
        match (at, o.keys().all(|k| k == "datetime" || k == "timezone")) {
            (Some(at), true) => Ok(When::At(at.unix_timestamp_nanos(), tz)),
            _ => Err(bad(format!(
                "data.{key} must be {{\"datetime\": ISO 8601, \"timezone\"?}} when data.is_all_day is false."
            ))),
        }
    }
}

fn external_key(v: &Value) -> Result<String, ApiError> {
    match v {
        Value::String(s) if !s.is_empty() => Ok(format!("id:{s}")),
        Value::Object(o) => {
            let uid = o.get("ical_uid").and_then(Value::as_str);
            let provider = o.get("provider").and_then(Value::as_str);
            let recurring = o.get("is_recurring").and_then(Value::as_bool);
            match (uid, provider, recurring) {
                (Some(uid), Some(p @ ("google" | "microsoft")), Some(_)) => {
                    let original = o
                        .get("original_start_time")
                        .and_then(Value::as_str)
                        .unwrap_or("");
                    Ok(format!("ical:{p}:{uid}:{original}"))
                }
                _ => Err(bad(
                    "data.external_ref must be a non-empty string or {ical_uid, provider: \"google\" | \"microsoft\", is_recurring}.",
                )),
            }
        }
        _ => Err(bad(
            "data.external_ref must be a non-empty string or {ical_uid, provider, is_recurring}.",
        )),
    }
}

fn participants(v: &Value) -> Result<Vec<Participant>, ApiError> {
    let items = v
        .as_array()
        .ok_or_else(|| bad("data.participants must be an array."))?;
    if items.is_empty() {
        return Err(bad("No participants were provided."));
    }
    let mut out: Vec<Participant> = Vec::new();
    for (i, p) in items.iter().enumerate() {
        let name = match p.get("name") {
            None | Some(Value::Null) => None,
            Some(Value::String(n)) if !n.trim().is_empty() => Some(n.trim().to_owned()),
            Some(_) => {
                return Err(bad(format!(
                    "data.participants[{i}].name must be a non-empty string."
                )));
            }
        };
        let email = match p.get("email_address") {
            None | Some(Value::Null) if name.is_some() => None,
            None | Some(Value::Null) => {
                return Err(bad(format!(
                    "data.participants[{i}] needs an email_address, or a name when it has none."
                )));
            }
            Some(e) => match e.as_str().map(str::trim).filter(|e| {
                e.split_once('@')
                    .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
            }) {
                Some(e) => Some(e.to_lowercase()),
                None => {
                    return Err(bad(format!(
                        "data.participants[{i}].email_address must be an email address."
                    )));
                }
            },
        };
        let is_organizer = match p.get("is_organizer") {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s == "true" || s == "false" => s == "true",
            _ => {
                return Err(bad(format!(
                    "data.participants[{i}].is_organizer must be a boolean."
                )));
            }
        };
        let status = match p.get("status").and_then(Value::as_str) {
            Some(s @ ("accepted" | "tentative" | "declined" | "pending")) => s.to_owned(),
            _ => {
                return Err(bad(format!(
                    "data.participants[{i}].status must be \"accepted\", \"tentative\", \"declined\" or \"pending\"."
                )));
            }
        };
        if email.is_none() || !out.iter().any(|q| q.email == email) {
            out.push(Participant {
                email,
                name,
                is_organizer,
                status,
            });
        }
    }
    Ok(out)
}

pub(super) fn links(
    store: &Store,
    v: Option<&Value>,
) -> Result<Vec<(String, String, String)>, ApiError> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let items = v
        .as_array()
        .ok_or_else(|| bad("data.linked_records must be an array."))?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (Some(object), Some(record)) = (
            item.get("object").and_then(Value::as_str),
            item.get("record_id").and_then(Value::as_str),
        ) else {
            return Err(bad(format!(
                "data.linked_records[{i}] must be {{object, record_id}}."
            )));
        };
        let oi = store.object_index(object).map_err(|_| {
            ApiError::value_not_found(format!("Object with slug/ID \"{object}\" not found."))
        })?;
        store.record(oi, record).map_err(|_| {
            ApiError::value_not_found(format!(
                "Record with ID \"{record}\" in object \"{object}\" not found."
            ))
        })?;
        let o = &store.objects[oi];
        let link = (o.api_slug.clone(), o.id.clone(), record.to_owned());
        if !out.contains(&link) {
            out.push(link);
        }
    }
    Ok(out)
}

/// The person records whose email addresses are participants'.
fn participant_people(
    store: &Store,
    participants: &[Participant],
) -> Vec<(String, String, String)> {
    let Ok(oi) = store.object_index("people") else {
        return Vec::new();
    };
    let object = &store.objects[oi];
    let Some(attr) = object.attribute("email_addresses") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in participants {
        let Some(email) = &p.email else { continue };
        let Ok(body) = normalise(store, attr, &json!(email)) else {
            continue;
        };
        for r in store.find_by_value(
            crate::store::Target::Object(oi),
            attr,
            &value_key(attr.ty, &body),
        ) {
            out.push((object.api_slug.clone(), object.id.clone(), r.id.clone()));
        }
    }
    out
}

/// `POST /v2/meetings`: finds the meeting with this `external_ref`, or creates it.
pub(super) fn create(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    find_or_create(store, req.data()?, false)
}

/// Finds the meeting `d.external_ref` names, or creates it from `d`; `from_calendar` for one that
/// calendar sync made (which the API cannot delete).
pub(super) fn find_or_create(
    store: &mut Store,
    d: &serde_json::Map<String, Value>,
    from_calendar: bool,
) -> Result<Value, ApiError> {
    let external_key = external_key(field(d, "external_ref")?)?;
    let title = string(d, "title")?;
    let description = string(d, "description")?;
    let all_day = field(d, "is_all_day")?
        .as_bool()
        .ok_or_else(|| bad("data.is_all_day must be a boolean."))?;
    let start = when(field(d, "start")?, "start", all_day)?;
    let end = when(field(d, "end")?, "end", all_day)?;
    if end.instant(UtcOffset::UTC) <= start.instant(UtcOffset::UTC) {
        return Err(bad(
            "data.end must be after data.start (the end is exclusive).",
        ));
    }
    let participants = participants(field(d, "participants")?)?;
    let mut links = links(store, d.get("linked_records"))?;
    for person in participant_people(store, &participants) {
        if !links.contains(&person) {
            links.push(person);
        }
    }
    if let Some(found) = store
        .parts
        .get::<Meetings>()?
        .meetings
        .iter()
        .find(|m| m.external_key == external_key)
    {
        return Ok(json!({"data": render(store, found)}));
    }
    let meeting = Meeting {
        id: store.rng.uuid(),
        external_key,
        title: title.to_owned(),
        description: description.to_owned(),
        all_day,
        start,
        end,
        participants,
        links,
        created_at: store.tick(),
        from_calendar,
    };
    let answer = json!({"data": render(store, &meeting)});
    store.parts.get_mut::<Meetings>()?.meetings.push(meeting);
    Ok(answer)
}

/// `GET /v2/meetings/{meeting_id}`.
pub(super) fn get(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let m = meeting(store, req.path("meeting_id"))?;
    Ok(json!({"data": render(store, m)}))
}

/// `UTC`, `Etc/UTC`, `GMT` or a fixed offset such as `+02:00`; other names read as UTC.
fn zone(name: &str) -> UtcOffset {
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    let sign = match name.chars().next() {
        Some('+') => 1,
        Some('-') => -1,
        _ => return UtcOffset::UTC,
    };
    let (h, m) = match digits.len() {
        2 => (digits.parse().unwrap_or(0), 0),
        4 => (
            digits[..2].parse().unwrap_or(0),
            digits[2..].parse().unwrap_or(0),
        ),
        _ => return UtcOffset::UTC,
    };
    UtcOffset::from_hms(sign * h, sign * m, 0).unwrap_or(UtcOffset::UTC)
}

fn instant_param(req: &Request<'_>, key: &str) -> Result<Option<i128>, ApiError> {
    match req.param(key) {
        None | Some("") => Ok(None),
        Some(s) => parse_timestamp(s)
            .map(|t| Some(t.unix_timestamp_nanos()))
            .ok_or_else(|| bad(format!("{key} must be an ISO 8601 timestamp."))),
    }
}

/// `GET /v2/meetings`.
pub(super) fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let limit = limit(req)?;
    let offset = offset(req, "meetings")?;
    let linked = match (req.param("linked_object"), req.param("linked_record_id")) {
        (Some(o), Some(r)) => Some((
            store.objects[store.object_index(o)?].id.clone(),
            r.to_owned(),
        )),
        (None, None) => None,
        _ => {
            return Err(bad(
                "linked_object and linked_record_id must be given together.",
            ));
        }
    };
    let emails: Vec<String> = req
        .param("participants")
        .unwrap_or("")
        .split(',')
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .collect();
    let latest_first = match req.param("sort") {
        None | Some("start_asc") => false,
        Some("start_desc") => true,
        Some(_) => return Err(bad("sort must be \"start_asc\" or \"start_desc\".")),
    };
    let ends_from = instant_param(req, "ends_from")?;
    let starts_before = instant_param(req, "starts_before")?;
    let tz = zone(req.param("timezone").unwrap_or("UTC"));
    let mut found: Vec<&Meeting> = store
        .parts
        .get::<Meetings>()?
        .meetings
        .iter()
        .filter(|m| {
            linked
                .as_ref()
                .is_none_or(|(o, r)| m.links.iter().any(|(_, lo, lr)| lo == o && lr == r))
                && (emails.is_empty()
                    || m.participants
                        .iter()
                        .any(|p| p.email.as_ref().is_some_and(|e| emails.contains(e))))
                && ends_from.is_none_or(|t| m.end.instant(tz) >= t)
                && starts_before.is_none_or(|t| m.start.instant(tz) < t)
        })
        .collect();
    found.sort_by_key(|m| m.start.instant(UtcOffset::UTC));
    if latest_first {
        found.reverse();
    }
    let items = found.into_iter().map(|m| render(store, m)).collect();
    Ok(page(items, "meetings", offset, limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_utc_or_fixed_offsets() {
        assert_eq!(zone("UTC"), UtcOffset::UTC);
        assert_eq!(zone("Europe/Paris"), UtcOffset::UTC);
        assert_eq!(zone("+02:00"), UtcOffset::from_hms(2, 0, 0).unwrap());
        assert_eq!(zone("-0530"), UtcOffset::from_hms(-5, -30, 0).unwrap());
        assert_eq!(zone("+99:00"), UtcOffset::UTC);
    }

    #[test]
    fn an_all_day_meeting_starts_at_midnight_in_the_zone() {
        let day = When::Day(Date::from_calendar_date(2027, time::Month::June, 3).unwrap());
        let utc = day.instant(UtcOffset::UTC);
        let east = day.instant(UtcOffset::from_hms(2, 0, 0).unwrap());
        assert_eq!(utc - east, 2 * 3600 * 1_000_000_000);
    }
}
