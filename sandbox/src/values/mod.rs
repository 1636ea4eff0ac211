//! Per-type normalisation of written values into the type-specific read fields.
//!
//! Every function here takes one input item (a bare scalar or an object form; arrays are
//! unwrapped by the caller) and returns the type-specific fields of the stored value, e.g.
//! `{"email_address": …, "email_domain": …}`. The common fields (`active_from`, …) and
//! `attribute_type` are added when the value is stored.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::schema::{AttrType, Attribute};
use crate::util::{format_ts, parse_date, parse_timestamp};

mod body;
mod parse;

pub use body::Body;
use body::body;

use parse::{
    location_object, normalise_domain, normalise_email, normalise_phone, parse_location, parse_name,
};

/// What normalising a value needs to know of the workspace beyond the attribute itself: the ids
/// that an option or status carries, the records a reference can point at, and the members an
/// actor reference can name. The store implements it; values never see the store itself.
pub trait Workspace {
    /// `(workspace_id, object_id)` of the object or list that owns the attribute `attr_id`.
    fn ids_for_attribute(&self, attr_id: &str) -> (String, String);
    /// Resolves a record-reference input to `(target object slug, target record id)`.
    fn resolve_reference(
        &self,
        attr: &Attribute,
        item: &Value,
    ) -> Result<(String, String), ApiError>;
    /// The id of the member with this email (case-insensitive).
    fn member_id_by_email(&self, email: &str) -> Option<String>;
    /// Whether a member has this id.
    fn has_member(&self, id: &str) -> bool;
}

fn wrong(attr: &Attribute, expected: &str) -> ApiError {
    ApiError::validation(format!(
        "Invalid value was passed to attribute with slug \"{}\" (type {}): expected {expected}.",
        attr.api_slug,
        attr.ty.as_str()
    ))
}

/// Unwraps the single-key object form `{key: x}` to `x`; other values pass through.
fn unwrap_key<'v>(v: &'v Value, key: &str) -> Result<&'v Value, ()> {
    match v {
        Value::Object(m) if m.len() == 1 => m.get(key).ok_or(()),
        Value::Object(_) => Err(()),
        other => Ok(other),
    }
}

/// Normalises one written item for `attr`, looking up options, statuses, members and target
/// records in `store`.
pub fn normalise(store: &impl Workspace, attr: &Attribute, item: &Value) -> Result<Body, ApiError> {
    match attr.ty {
        AttrType::Text => match unwrap_key(item, "value") {
            Ok(Value::String(s)) => Ok(body(json!({"value": s}))),
            _ => Err(wrong(attr, "a string or {\"value\": string}")),
        },
        AttrType::Number => match unwrap_key(item, "value") {
            Ok(Value::Number(n)) => Ok(body(json!({"value": n}))),
            _ => Err(wrong(attr, "a number or {\"value\": number}")),
        },
        AttrType::Checkbox => {
            let b = match unwrap_key(item, "value") {
                Ok(Value::Bool(b)) => Some(*b),
                Ok(Value::String(s)) if s == "true" => Some(true),
                Ok(Value::String(s)) if s == "false" => Some(false),
                _ => None,
            };
            b.map(|b| body(json!({"value": b})))
                .ok_or_else(|| wrong(attr, "true/false, \"true\"/\"false\" or {\"value\": bool}"))
        }
        AttrType::Currency => {
            let v = unwrap_key(item, "currency_value")
                .map_err(|_| wrong(attr, "a number or {\"currency_value\": number}"))?;
            let x = parse_decimal(v, 4)
                .ok_or_else(|| wrong(attr, "a number with at most 4 decimal places"))?;
            Ok(body(
                json!({"currency_value": x, "currency_code": attr.currency_code}),
            ))
        }
        AttrType::Date => match unwrap_key(item, "value") {
            Ok(Value::String(s)) => parse_date(s)
                .map(|d| body(json!({"value": d})))
                .ok_or_else(|| wrong(attr, "an ISO 8601 date such as \"2023-11-24\"")),
            _ => Err(wrong(attr, "a date string or {\"value\": string}")),
        },
        AttrType::Timestamp => match unwrap_key(item, "value") {
            Ok(Value::String(s)) => parse_timestamp(s)
                .map(|t| body(json!({"value": format_ts(t)})))
                .ok_or_else(|| {
                    wrong(
                        attr,
                        "an ISO 8601 timestamp such as \"2023-01-02T13:00:00Z\"",
                    )
                }),
            _ => Err(wrong(attr, "a timestamp string or {\"value\": string}")),
        },
        AttrType::Rating => match unwrap_key(item, "value") {
            Ok(Value::Number(n)) => match n.as_u64() {
                Some(x) if x <= 5 => Ok(body(json!({"value": x}))),
                _ => Err(wrong(attr, "an integer from 0 to 5")),
            },
            _ => Err(wrong(
                attr,
                "an integer from 0 to 5 or {\"value\": integer}",
            )),
        },
        AttrType::Select => {
            let key = match unwrap_key(item, "option") {
                Ok(Value::String(s)) => s,
                _ => {
                    return Err(wrong(
                        attr,
                        "an option title or id, or {\"option\": string}",
                    ));
                }
            };
            let option = attr
                .options
                .iter()
                .find(|o| !o.is_archived && (o.title == *key || o.id == *key))
                .ok_or_else(|| {
                    ApiError::value_not_found(format!(
                        "Cannot find select attribute with select option title \"{key}\"."
                    ))
                })?;
            let (ws, oid) = store.ids_for_attribute(&attr.id);
            Ok(body(json!({"option": attr.option_json(&ws, &oid, option)})))
        }
        AttrType::Status => {
            let key = match unwrap_key(item, "status") {
                Ok(Value::String(s)) => s,
                _ => return Err(wrong(attr, "a status title or id, or {\"status\": string}")),
            };
            let status = attr
                .statuses
                .iter()
                .find(|s| !s.is_archived && (s.title == *key || s.id == *key))
                .ok_or_else(|| {
                    ApiError::value_not_found(format!("Cannot find status with title \"{key}\"."))
                })?;
            let (ws, oid) = store.ids_for_attribute(&attr.id);
            Ok(body(json!({"status": attr.status_json(&ws, &oid, status)})))
        }
        AttrType::RecordReference => {
            let (object, record) = store.resolve_reference(attr, item)?;
            Ok(body(
                json!({"target_object": object, "target_record_id": record}),
            ))
        }
        AttrType::ActorReference => {
            let member = match item {
                Value::String(email) => store.member_id_by_email(email),
                Value::Object(m)
                    if m.len() == 1 && m.contains_key("workspace_member_email_address") =>
                {
                    match m.get("workspace_member_email_address") {
                        Some(Value::String(email)) => store.member_id_by_email(email),
                        _ => return Err(wrong(attr, "an email address string")),
                    }
                }
                Value::Object(m) if m.contains_key("referenced_actor_type") => {
                    if m.get("referenced_actor_type") != Some(&json!("workspace-member")) {
                        return Err(wrong(
                            attr,
                            "referenced_actor_type \"workspace-member\" (only members can be written)",
                        ));
                    }
                    match m.get("referenced_actor_id") {
                        Some(Value::String(id)) if store.has_member(id) => Some(id.clone()),
                        Some(Value::String(_)) => None,
                        _ => return Err(wrong(attr, "a referenced_actor_id string")),
                    }
                }
                _ => {
                    return Err(wrong(
                        attr,
                        "a member email, {\"workspace_member_email_address\"} or {\"referenced_actor_type\",\"referenced_actor_id\"}",
                    ));
                }
            };
            let member = member.ok_or_else(|| {
                ApiError::value_not_found("Cannot find the referenced workspace member.")
            })?;
            Ok(body(
                json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": member}),
            ))
        }
        AttrType::Location => match item {
            Value::String(s) => Ok(parse_location(s)),
            Value::Object(m) => location_object(m).map_err(|why| wrong(attr, &why)),
            _ => Err(wrong(
                attr,
                "a location string or an object with all 10 location keys",
            )),
        },
        AttrType::Domain => match unwrap_key(item, "domain") {
            Ok(Value::String(s)) => normalise_domain(s)
                .map(|(d, root)| body(json!({"domain": d, "root_domain": root})))
                .ok_or_else(|| wrong(attr, "a domain such as \"app.attio.com\"")),
            _ => Err(wrong(attr, "a domain string or {\"domain\": string}")),
        },
        AttrType::EmailAddress => match unwrap_key(item, "email_address") {
            Ok(Value::String(s)) => {
                normalise_email(s).ok_or_else(|| wrong(attr, "a valid email address"))
            }
            _ => Err(wrong(
                attr,
                "an email string or {\"email_address\": string}",
            )),
        },
        AttrType::PhoneNumber => {
            let (number, country) = match item {
                Value::String(s) => (s.as_str(), None),
                Value::Object(m) => {
                    let number = match m.get("original_phone_number") {
                        Some(Value::String(s)) => s.as_str(),
                        _ => {
                            return Err(wrong(
                                attr,
                                "{\"original_phone_number\": string, \"country_code\": string|null}",
                            ));
                        }
                    };
                    let country = match m.get("country_code") {
                        Some(Value::String(c)) => Some(c.as_str()),
                        Some(Value::Null) | None => None,
                        _ => {
                            return Err(wrong(
                                attr,
                                "country_code as an ISO 3166 alpha-2 string or null",
                            ));
                        }
                    };
                    if m.keys()
                        .any(|k| k != "original_phone_number" && k != "country_code")
                    {
                        return Err(wrong(attr, "only original_phone_number and country_code"));
                    }
                    (number, country)
                }
                _ => return Err(wrong(attr, "an E.164 string such as \"+447777777777\"")),
            };
            normalise_phone(number, country).map(body).ok_or_else(|| {
                wrong(attr, "an E.164 number with a + prefix, or a national number with a known country_code")
            })
        }
        AttrType::PersonalName => match item {
            Value::String(s) => parse_name(s)
                .map(body)
                .ok_or_else(|| wrong(attr, "a non-empty \"Last, First\" string")),
            Value::Object(m) => {
                let get = |k: &str| m.get(k).and_then(Value::as_str);
                match (get("first_name"), get("last_name"), get("full_name")) {
                    (Some(f), Some(l), Some(full)) if m.len() == 3 => Ok(body(
                        json!({"first_name": f, "last_name": l, "full_name": full}),
                    )),
                    _ => Err(wrong(
                        attr,
                        "an object with first_name, last_name and full_name strings",
                    )),
                }
            }
            _ => Err(wrong(
                attr,
                "a \"Last, First\" string or {first_name, last_name, full_name}",
            )),
        },
        AttrType::Interaction => Err(ApiError::system_edit(format!(
            "Cannot write to interaction attribute \"{}\".",
            attr.api_slug
        ))),
    }
}

/// A number or numeric string with at most `max_dp` decimal places, as an `f64`.
pub fn parse_decimal(v: &Value, max_dp: usize) -> Option<f64> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    let x: f64 = text.parse().ok()?;
    if !x.is_finite() {
        return None;
    }
    let ok = if text.contains(['e', 'E']) {
        let scaled = x * 10f64.powi(max_dp as i32);
        (scaled - scaled.round()).abs() < 1e-6
    } else {
        text.split_once('.')
            .is_none_or(|(_, frac)| frac.len() <= max_dp)
    };
    ok.then_some(x)
}

/// The identity of a stored value, used for uniqueness, de-duplication and PUT diffs.
pub fn value_key(ty: AttrType, body: &Body) -> String {
    let field = match ty {
        AttrType::EmailAddress => "email_address",
        AttrType::Domain => "domain",
        AttrType::PhoneNumber => "phone_number",
        _ => return Value::Object(body.clone()).to_string(),
    };
    body.get(field).map(Value::to_string).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal(&json!(4.99), 4), Some(4.99));
        assert_eq!(parse_decimal(&json!("499.00"), 4), Some(499.0));
        assert_eq!(parse_decimal(&json!(1.23456), 4), None);
        assert_eq!(parse_decimal(&json!("abc"), 4), None);
        assert_eq!(parse_decimal(&json!(true), 4), None);
    }
}
