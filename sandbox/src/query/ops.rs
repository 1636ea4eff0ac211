//! Comparison operators, the filterable fields of each attribute type, and how one stored
//! value is tested or ordered.

use std::cmp::Ordering;

use serde_json::Value;

use crate::error::ApiError;
use crate::schema::{AttrType, Attribute};
use crate::store::StoredValue;
use crate::util::{format_ts, parse_date, parse_timestamp};

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Eq,
    In,
    Contains,
    StartsWith,
    EndsWith,
    Gt,
    Gte,
    Lt,
    Lte,
    NotEmpty,
}

impl Op {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "$eq" => Self::Eq,
            "$in" => Self::In,
            "$contains" => Self::Contains,
            "$starts_with" => Self::StartsWith,
            "$ends_with" => Self::EndsWith,
            "$gt" => Self::Gt,
            "$gte" => Self::Gte,
            "$lt" => Self::Lt,
            "$lte" => Self::Lte,
            "$not_empty" => Self::NotEmpty,
            _ => return None,
        })
    }
}

/// How a field's values compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Strings; `$contains` and friends are case-insensitive.
    Text,
    /// Numbers.
    Number,
    /// Booleans (`$eq` only).
    Bool,
    /// Dates (`YYYY-MM-DD`).
    Date,
    /// Timestamps.
    Time,
    /// Exact ids/enums (`$eq`, `$in`).
    Exact,
    /// A select option / status: matches by title or id.
    Choice,
}

impl Kind {
    fn allows(self, op: Op) -> bool {
        use Op::*;
        match self {
            Kind::Text => matches!(op, Eq | In | Contains | StartsWith | EndsWith | NotEmpty),
            Kind::Number | Kind::Date | Kind::Time => {
                matches!(op, Eq | In | Gt | Gte | Lt | Lte | NotEmpty)
            }
            Kind::Bool => matches!(op, Eq),
            Kind::Exact | Kind::Choice => matches!(op, Eq | In | NotEmpty),
        }
    }
}

/// The filterable fields of a type: `(field, kind)`; the first is the default for shorthands.
pub(super) fn fields(ty: AttrType) -> &'static [(&'static str, Kind)] {
    use Kind::*;
    match ty {
        AttrType::Text => &[("value", Text)],
        AttrType::Number | AttrType::Rating => &[("value", Number)],
        AttrType::Checkbox => &[("value", Bool)],
        AttrType::Currency => &[("currency_value", Number), ("currency_code", Exact)],
        AttrType::Date => &[("value", Date)],
        AttrType::Timestamp => &[("value", Time)],
        AttrType::Select => &[("option", Choice)],
        AttrType::Status => &[("status", Choice)],
        AttrType::RecordReference => &[("target_record_id", Exact), ("target_object", Exact)],
        AttrType::ActorReference => &[
            ("referenced_actor_id", Exact),
            ("referenced_actor_type", Exact),
        ],
        AttrType::Location => &[
            ("locality", Text),
            ("line_1", Text),
            ("line_2", Text),
            ("line_3", Text),
            ("line_4", Text),
            ("region", Text),
            ("postcode", Text),
            ("country_code", Text),
        ],
        AttrType::Domain => &[("domain", Text), ("root_domain", Text)],
        AttrType::EmailAddress => &[
            ("email_address", Text),
            ("email_domain", Text),
            ("email_root_domain", Text),
            ("email_local_specifier", Text),
            ("original_email_address", Text),
        ],
        AttrType::PhoneNumber => &[
            ("phone_number", Text),
            ("country_code", Text),
            ("original_phone_number", Text),
        ],
        AttrType::PersonalName => &[
            ("full_name", Text),
            ("first_name", Text),
            ("last_name", Text),
        ],
        AttrType::Interaction => &[
            ("interacted_at", Time),
            ("interaction_type", Exact),
            ("owner_member_id", Exact),
        ],
    }
}

/// One test on a field of a value.
#[derive(Debug, Clone)]
pub(super) struct Test {
    pub(super) field: String,
    pub(super) kind: Kind,
    pub(super) op: Op,
    pub(super) operand: Value,
}

pub(super) fn field_kind(attr: &Attribute, field: &str) -> Result<Kind, ApiError> {
    if field == "active_from" || field == "active_until" {
        return Ok(Kind::Time);
    }
    fields(attr.ty)
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, k)| *k)
        .ok_or_else(|| {
            ApiError::filter(format!(
                "Attribute \"{}\" of type {} has no filterable property \"{field}\".",
                attr.api_slug,
                attr.ty.as_str()
            ))
        })
}

pub(super) fn push_tests(
    attr: &Attribute,
    field: &str,
    kind: Kind,
    spec: &Value,
    tests: &mut Vec<Test>,
) -> Result<(), ApiError> {
    match spec {
        Value::Object(m) if m.keys().all(|k| k.starts_with('$')) && !m.is_empty() => {
            for (op, operand) in m {
                let parsed = Op::parse(op)
                    .ok_or_else(|| ApiError::filter(format!("Unknown operator \"{op}\".")))?;
                if !kind.allows(parsed) {
                    return Err(ApiError::filter(format!(
                        "Operator \"{op}\" is not supported on \"{}\" property \"{field}\".",
                        attr.api_slug
                    )));
                }
                check_operand(parsed, kind, operand)?;
                tests.push(Test {
                    field: field.to_owned(),
                    kind,
                    op: parsed,
                    operand: operand.clone(),
                });
            }
            Ok(())
        }
        Value::Object(_) | Value::Array(_) => Err(ApiError::filter(format!(
            "Invalid filter value for \"{}\".",
            attr.api_slug
        ))),
        scalar => {
            check_operand(Op::Eq, kind, scalar)?;
            tests.push(Test {
                field: field.to_owned(),
                kind,
                op: Op::Eq,
                operand: scalar.clone(),
            });
            Ok(())
        }
    }
}

pub(super) fn check_operand(op: Op, kind: Kind, operand: &Value) -> Result<(), ApiError> {
    let scalar_ok = |v: &Value| match kind {
        Kind::Number => v.is_number(),
        Kind::Bool => v.is_boolean() || v.as_str().is_some_and(|s| s == "true" || s == "false"),
        Kind::Date => v.as_str().and_then(parse_date).is_some(),
        Kind::Time => v.as_str().and_then(parse_timestamp).is_some(),
        Kind::Text | Kind::Exact | Kind::Choice => v.is_string(),
    };
    let ok = match op {
        Op::NotEmpty => operand.is_boolean(),
        Op::In => operand.as_array().is_some_and(|a| a.iter().all(scalar_ok)),
        Op::Contains | Op::StartsWith | Op::EndsWith => operand.is_string(),
        _ => scalar_ok(operand),
    };
    if ok {
        Ok(())
    } else {
        Err(ApiError::filter(format!(
            "Invalid operand {operand} for the operator."
        )))
    }
}

pub(super) fn field_value(v: &StoredValue, field: &str) -> Value {
    match field {
        "active_from" => Value::String(crate::util::format_ns(v.active_from)),
        "active_until" => v
            .active_until
            .map_or(Value::Null, |t| Value::String(crate::util::format_ns(t))),
        "owner_member_id" => v
            .body
            .get("owner_actor")
            .and_then(|a| a.get("id"))
            .cloned()
            .unwrap_or(Value::Null),
        f => v.body.get(f).cloned().unwrap_or(Value::Null),
    }
}

pub(super) fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

pub(super) fn norm_time(v: &Value) -> Option<String> {
    v.as_str().and_then(parse_timestamp).map(format_ts)
}

pub(super) fn compare(kind: Kind, stored: &Value, operand: &Value) -> Option<Ordering> {
    match kind {
        Kind::Number => stored.as_f64()?.partial_cmp(&operand.as_f64()?),
        Kind::Date => Some(
            stored
                .as_str()?
                .cmp(parse_date(operand.as_str()?)?.as_str()),
        ),
        Kind::Time => Some(norm_time(stored)?.cmp(&norm_time(operand)?)),
        Kind::Bool => {
            let o = operand
                .as_bool()
                .or_else(|| operand.as_str().map(|s| s == "true"))?;
            Some(stored.as_bool()?.cmp(&o))
        }
        Kind::Text => Some(
            stored
                .as_str()?
                .to_lowercase()
                .cmp(&operand.as_str()?.to_lowercase()),
        ),
        Kind::Exact => Some(stored.as_str()?.cmp(operand.as_str()?)),
        Kind::Choice => {
            let o = operand.as_str()?;
            let title = stored.get("title").and_then(Value::as_str);
            let id = stored
                .get("id")
                .and_then(|i| i.get("option_id").or_else(|| i.get("status_id")))
                .and_then(Value::as_str);
            Some(if title == Some(o) || id == Some(o) {
                Ordering::Equal
            } else {
                Ordering::Less
            })
        }
    }
}

pub(super) fn passes(test: &Test, v: &StoredValue) -> bool {
    let stored = field_value(v, &test.field);
    let lower = |x: &Value| x.as_str().map(str::to_lowercase);
    match test.op {
        // `$not_empty` is evaluated per attribute in `eval`, never per value.
        Op::NotEmpty => false,
        Op::Eq => compare(test.kind, &stored, &test.operand) == Some(Ordering::Equal),
        Op::In => test.operand.as_array().is_some_and(|a| {
            a.iter()
                .any(|o| compare(test.kind, &stored, o) == Some(Ordering::Equal))
        }),
        Op::Contains => {
            matches!((lower(&stored), lower(&test.operand)), (Some(s), Some(o)) if s.contains(&o))
        }
        Op::StartsWith => {
            matches!((lower(&stored), lower(&test.operand)), (Some(s), Some(o)) if s.starts_with(&o))
        }
        Op::EndsWith => {
            matches!((lower(&stored), lower(&test.operand)), (Some(s), Some(o)) if s.ends_with(&o))
        }
        Op::Gt => compare(test.kind, &stored, &test.operand) == Some(Ordering::Greater),
        Op::Gte => matches!(
            compare(test.kind, &stored, &test.operand),
            Some(Ordering::Greater | Ordering::Equal)
        ),
        Op::Lt => compare(test.kind, &stored, &test.operand) == Some(Ordering::Less),
        Op::Lte => matches!(
            compare(test.kind, &stored, &test.operand),
            Some(Ordering::Less | Ordering::Equal)
        ),
    }
}

pub(super) fn order(a: &Value, b: &Value) -> Ordering {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => x
                .to_lowercase()
                .cmp(&y.to_lowercase())
                .then_with(|| x.cmp(y)),
            _ => a.to_string().cmp(&b.to_string()),
        },
    }
}
