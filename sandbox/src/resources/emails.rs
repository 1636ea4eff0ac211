//! Emails: `GET /v2/emails`, the metadata of the emails of the workspace's connected mailboxes
//! (never their content).
//!
//! As Attio: at least one filter is required, `linked_object` with `linked_record_ids`,
//! `participants` or `domain` (`400 validation_type` otherwise; there is no listing every
//! email), and several are combined with OR. A filter that names the workspace itself (a
//! member's address, or a member's domain) is ignored, and when every filter is, the page is
//! empty. `linked_records` are derived when asked: the people whose addresses, and the companies
//! whose domains, are the participants'. Newest first by `sent_at`, paged by cursor
//! (`pagination.next_cursor`); `sent_after` and `sent_before` bound `sent_at`. Workspace-level
//! tokens only.
//!
//! Chosen where Attio's documentation is silent: `linked_record_ids` and `participants` are
//! comma-separated lists; `limit` is 1 to 100 (default 25); the sandbox has no mailbox, so a test
//! puts emails in with `Sandbox::insert_email`; none of its participants is automated, so
//! `exclude_automated_participants` (a boolean) leaves every email in.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route, cursor, cursor_offset};
use crate::store::{Part, Store, Target};
use crate::util::{format_ns, parse_timestamp};
use crate::values::{normalise, value_key};

/// The routes of emails.
pub const ROUTES: &[Route] = &[Route::read(Method::Get, "/v2/emails", list).workspace_only()];

/// The workspace's emails, in the order they were put in.
#[derive(Debug, Default)]
pub struct Emails(Vec<Email>);

impl Part for Emails {}

/// A stored email.
#[derive(Debug, Clone)]
pub struct Email {
    /// Email id.
    pub id: String,
    /// The mailbox it was read from.
    pub mailbox_id: String,
    /// Sent, ns since 1970.
    pub sent_at: i128,
    /// `inbound` or `outbound`.
    pub direction: String,
    /// Subject, if any.
    pub subject: Option<String>,
    /// `(role, lower-case address, name)`.
    pub participants: Vec<(String, String, Option<String>)>,
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::validation(message)
}

/// Puts an email in the workspace's mailboxes, from `{sent_at, direction, subject_line?,
/// participants: [{role, email_address, name?}]}`; its rendered form.
pub fn insert(store: &mut Store, data: &Value) -> Result<Value, ApiError> {
    let sent_at = data
        .get("sent_at")
        .and_then(Value::as_str)
        .and_then(parse_timestamp)
        .map(|t| t.unix_timestamp_nanos())
        .ok_or_else(|| bad("sent_at must be a timestamp such as 2030-01-01T09:00:00Z."))?;
    let direction = match data.get("direction").and_then(Value::as_str) {
        Some(d @ ("inbound" | "outbound")) => d.to_owned(),
        _ => return Err(bad("direction must be \"inbound\" or \"outbound\".")),
    };
    let subject = match data.get("subject_line") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad("subject_line must be a string or null.")),
    };
    let items = data
        .get("participants")
        .and_then(Value::as_array)
        .filter(|p| !p.is_empty())
        .ok_or_else(|| bad("participants must be a non-empty array."))?;
    let mut participants = Vec::new();
    for (i, p) in items.iter().enumerate() {
        let role = match p.get("role").and_then(Value::as_str) {
            Some(r @ ("from" | "reply-to" | "to" | "cc" | "bcc")) => r.to_owned(),
            _ => {
                return Err(bad(format!(
                    "participants[{i}].role must be from, reply-to, to, cc or bcc."
                )));
            }
        };
        let address = p
            .get("email_address")
            .and_then(Value::as_str)
            .filter(|a| {
                a.split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
            })
            .ok_or_else(|| {
                bad(format!(
                    "participants[{i}].email_address must be an address."
                ))
            })?;
        let name = p.get("name").and_then(Value::as_str).map(str::to_owned);
        participants.push((role, address.trim().to_lowercase(), name));
    }
    let email = Email {
        id: store.rng.uuid(),
        mailbox_id: store.rng.uuid(),
        sent_at,
        direction,
        subject,
        participants,
    };
    let rendered = render(store, &email);
    store.parts.get_mut::<Emails>()?.0.push(email);
    Ok(rendered)
}

fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or("", |(_, d)| d)
}

/// The records whose value of `object.attribute` is `value`, as `(slug, object id, record id)`.
fn holders(store: &Store, object: &str, attribute: &str, value: &str) -> Vec<[String; 3]> {
    let Ok(oi) = store.object_index(object) else {
        return Vec::new();
    };
    let o = &store.objects[oi];
    let Some(attr) = o.attribute(attribute) else {
        return Vec::new();
    };
    let Ok(body) = normalise(store, attr, &json!(value)) else {
        return Vec::new();
    };
    store
        .find_by_value(Target::Object(oi), attr, &value_key(attr.ty, &body))
        .into_iter()
        .map(|r| [o.api_slug.clone(), o.id.clone(), r.id.clone()])
        .collect()
}

/// The people and companies the participants' addresses and domains name, now.
fn linked(store: &Store, e: &Email) -> Vec<[String; 3]> {
    let mut out: Vec<[String; 3]> = Vec::new();
    for (_, address, _) in &e.participants {
        for link in holders(store, "people", "email_addresses", address)
            .into_iter()
            .chain(holders(store, "companies", "domains", domain_of(address)))
        {
            if !out.contains(&link) {
                out.push(link);
            }
        }
    }
    out
}

fn render(store: &Store, e: &Email) -> Value {
    json!({
        "id": {"workspace_id": store.workspace_id, "mailbox_id": e.mailbox_id, "email_id": e.id},
        "sent_at": format_ns(e.sent_at),
        "direction": e.direction,
        "subject_line": e.subject,
        "participants": e.participants.iter().map(|(role, address, name)| json!({
            "role": role, "email_address": address, "email_domain": domain_of(address), "name": name,
        })).collect::<Vec<_>>(),
        "linked_records": linked(store, e).into_iter().map(|[slug, object, record]| json!({
            "object_slug": slug, "object_id": object, "record_id": record,
        })).collect::<Vec<_>>(),
    })
}

/// A comma-separated list, its items trimmed, the empty ones left out.
fn items(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn instant(req: &Request<'_>, key: &str) -> Result<Option<i128>, ApiError> {
    match req.param(key) {
        None | Some("" | "null") => Ok(None),
        Some(v) => parse_timestamp(v)
            .map(|t| Some(t.unix_timestamp_nanos()))
            .ok_or_else(|| bad(format!("{key} must be a timestamp, not \"{v}\"."))),
    }
}

/// `GET /v2/emails`.
fn list(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let linked_ids = req.param("linked_record_ids").map(items);
    let object = match (req.param("linked_object"), &linked_ids) {
        (Some(o), Some(ids)) if !ids.is_empty() => {
            let oi = store.object_index(o)?;
            Some(store.objects[oi].id.clone())
        }
        (None, None) => None,
        _ => {
            return Err(bad(
                "linked_object and linked_record_ids go together: give both, or neither.",
            ));
        }
    };
    let participants = req.param("participants").map(items).unwrap_or_default();
    let domain = req.param("domain").map(|d| d.trim().to_lowercase());
    if object.is_none() && participants.is_empty() && domain.is_none() {
        return Err(bad(
            "At least one of linked_object with linked_record_ids, participants or domain is required.",
        ));
    }
    if let Some(v) = req.param("exclude_automated_participants")
        && v != "true"
        && v != "false"
    {
        return Err(bad("exclude_automated_participants must be true or false."));
    }
    let limit = req.usize_param("limit")?.unwrap_or(25);
    if !(1..=100).contains(&limit) {
        return Err(bad(format!(
            "limit must be between 1 and 100, not {limit}."
        )));
    }
    let (after, before) = (instant(req, "sent_after")?, instant(req, "sent_before")?);
    // Filters naming the workspace itself are ignored.
    let own = |address: &str| store.member_by_email(address).is_some();
    let own_domain = |d: &str| {
        store
            .members
            .iter()
            .any(|m| domain_of(&m.email.to_lowercase()) == d)
    };
    let participants: Vec<String> = participants
        .into_iter()
        .map(|p| p.to_lowercase())
        .filter(|p| !own(p))
        .collect();
    let domain = domain.filter(|d| !own_domain(d));
    let matches = |e: &Email| {
        let by_record = object.as_ref().is_some_and(|o| {
            linked(store, e)
                .iter()
                .any(|[_, oid, rid]| oid == o && linked_ids.iter().flatten().any(|id| id == rid))
        });
        let by_participant = e
            .participants
            .iter()
            .any(|(_, a, _)| participants.contains(a));
        let by_domain = domain
            .as_ref()
            .is_some_and(|d| e.participants.iter().any(|(_, a, _)| domain_of(a) == d));
        (by_record || by_participant || by_domain)
            && after.is_none_or(|at| e.sent_at > at)
            && before.is_none_or(|at| e.sent_at < at)
    };
    let mut found: Vec<&Email> = store
        .parts
        .get::<Emails>()?
        .0
        .iter()
        .filter(|e| matches(e))
        .collect();
    found.sort_by_key(|e| std::cmp::Reverse(e.sent_at));
    let kind = format!(
        "emails:{}",
        req.query
            .iter()
            .filter(|(k, _)| k != "cursor")
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    );
    let offset = cursor_offset(req, &kind)?;
    let next = (offset + limit < found.len()).then(|| cursor(&kind, offset + limit));
    let data: Vec<Value> = found
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|e| render(store, e))
        .collect();
    Ok(json!({"data": data, "pagination": {"next_cursor": next}}))
}
