//! Record queries: filters (shorthand and verbose, `$and`/`$or`/`$not`), sorts, limit/offset.
//!
//! Not supported (answered with 400 `filter_error`): `path`/`constraints` drill-down filters and
//! sorts by `path`.

use std::cmp::Ordering;

use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::schema::{AttrType, Attribute, Object};
use crate::store::{Record, StoredValue};
use crate::util::{format_ts, parse_date, parse_timestamp};

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
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
enum Kind {
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
fn fields(ty: AttrType) -> &'static [(&'static str, Kind)] {
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
struct Test {
    field: String,
    kind: Kind,
    op: Op,
    operand: Value,
}

/// A compiled filter.
#[derive(Debug, Clone)]
enum Filter {
    And(Vec<Filter>),
    Or(Vec<Filter>),
    Not(Box<Filter>),
    /// Some active value of the attribute passes every test (`$not_empty` handled separately).
    Attr {
        attr_id: String,
        tests: Vec<Test>,
    },
}

fn err(msg: impl Into<String>) -> ApiError {
    ApiError::filter(msg)
}

fn compile(object: &Object, filter: &Value) -> Result<Filter, ApiError> {
    let map = filter
        .as_object()
        .ok_or_else(|| err("A filter must be a JSON object."))?;
    let mut parts = Vec::new();
    for (key, value) in map {
        match key.as_str() {
            "$and" | "$or" => {
                let items = value
                    .as_array()
                    .ok_or_else(|| err(format!("{key} takes an array of filters.")))?;
                let compiled = items
                    .iter()
                    .map(|f| compile(object, f))
                    .collect::<Result<Vec<_>, _>>()?;
                parts.push(if key == "$and" {
                    Filter::And(compiled)
                } else {
                    Filter::Or(compiled)
                });
            }
            "$not" => parts.push(Filter::Not(Box::new(compile(object, value)?))),
            "path" | "constraints" => {
                return Err(err(
                    "The sandbox does not support path (drill-down) filters.",
                ));
            }
            k if k.starts_with('$') => {
                return Err(err(format!("Unknown logical operator \"{k}\".")));
            }
            slug => {
                let attr = object.attribute(slug).ok_or_else(|| {
                    err(format!("Unknown attribute slug/ID \"{slug}\" in filter."))
                })?;
                parts.push(compile_attr(attr, value)?);
            }
        }
    }
    Ok(if parts.len() == 1 {
        parts.remove(0)
    } else {
        Filter::And(parts)
    })
}

fn field_kind(attr: &Attribute, field: &str) -> Result<Kind, ApiError> {
    if field == "active_from" || field == "active_until" {
        return Ok(Kind::Time);
    }
    fields(attr.ty)
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, k)| *k)
        .ok_or_else(|| {
            err(format!(
                "Attribute \"{}\" of type {} has no filterable property \"{field}\".",
                attr.api_slug,
                attr.ty.as_str()
            ))
        })
}

fn ops(
    attr: &Attribute,
    field: &str,
    kind: Kind,
    spec: &Value,
    tests: &mut Vec<Test>,
) -> Result<(), ApiError> {
    match spec {
        Value::Object(m) if m.keys().all(|k| k.starts_with('$')) && !m.is_empty() => {
            for (op, operand) in m {
                let parsed =
                    Op::parse(op).ok_or_else(|| err(format!("Unknown operator \"{op}\".")))?;
                if !kind.allows(parsed) {
                    return Err(err(format!(
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
        Value::Object(_) | Value::Array(_) => Err(err(format!(
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

fn check_operand(op: Op, kind: Kind, operand: &Value) -> Result<(), ApiError> {
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
        Err(err(format!("Invalid operand {operand} for the operator.")))
    }
}

fn compile_attr(attr: &Attribute, value: &Value) -> Result<Filter, ApiError> {
    let default = fields(attr.ty)[0];
    let mut tests = Vec::new();
    match value {
        Value::Object(m) if m.keys().any(|k| !k.starts_with('$')) => {
            for (field, spec) in m {
                if field.starts_with('$') {
                    ops(
                        attr,
                        default.0,
                        default.1,
                        &Value::Object(Map::from_iter([(field.clone(), spec.clone())])),
                        &mut tests,
                    )?;
                } else {
                    let kind = field_kind(attr, field)?;
                    ops(attr, field, kind, spec, &mut tests)?;
                }
            }
        }
        other => ops(attr, default.0, default.1, other, &mut tests)?,
    }
    Ok(Filter::Attr {
        attr_id: attr.id.clone(),
        tests,
    })
}

fn field_value(v: &StoredValue, field: &str) -> Value {
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

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

fn norm_time(v: &Value) -> Option<String> {
    v.as_str().and_then(parse_timestamp).map(format_ts)
}

fn compare(kind: Kind, stored: &Value, operand: &Value) -> Option<Ordering> {
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

fn passes(test: &Test, v: &StoredValue) -> bool {
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

fn eval(filter: &Filter, record: &Record) -> bool {
    match filter {
        Filter::And(fs) => fs.iter().all(|f| eval(f, record)),
        Filter::Or(fs) => fs.iter().any(|f| eval(f, record)),
        Filter::Not(f) => !eval(f, record),
        Filter::Attr { attr_id, tests } => {
            let values = record.active(attr_id);
            let (presence, per_value): (Vec<&Test>, Vec<&Test>) =
                tests.iter().partition(|t| t.op == Op::NotEmpty);
            let presence_ok = presence.iter().all(|t| {
                let has = values.iter().any(|v| !is_empty(&field_value(v, &t.field)));
                has == t.operand.as_bool().unwrap_or(true)
            });
            let values_ok = per_value.is_empty()
                || values
                    .iter()
                    .any(|v| per_value.iter().all(|t| passes(t, v)));
            presence_ok && values_ok
        }
    }
}

/// A sort key.
struct Sort {
    attr_id: String,
    field: String,
    kind: Kind,
    descending: bool,
}

fn compile_sorts(object: &Object, sorts: &Value) -> Result<Vec<Sort>, ApiError> {
    let items = sorts
        .as_array()
        .ok_or_else(|| err("sorts must be an array."))?;
    items
        .iter()
        .map(|s| {
            let descending = match s.get("direction").and_then(Value::as_str) {
                Some("asc") => false,
                Some("desc") => true,
                _ => return Err(err("Each sort needs direction \"asc\" or \"desc\".")),
            };
            if s.get("path").is_some() {
                return Err(err("The sandbox does not support sorting by path."));
            }
            let slug = s
                .get("attribute")
                .and_then(Value::as_str)
                .ok_or_else(|| err("Each sort needs an attribute."))?;
            let attr = object
                .attribute(slug)
                .ok_or_else(|| err(format!("Unknown attribute \"{slug}\" in sorts.")))?;
            let (field, kind) = match s.get("field").and_then(Value::as_str) {
                Some(f) => (f.to_owned(), field_kind(attr, f)?),
                None => (fields(attr.ty)[0].0.to_owned(), fields(attr.ty)[0].1),
            };
            Ok(Sort {
                attr_id: attr.id.clone(),
                field,
                kind,
                descending,
            })
        })
        .collect()
}

fn sort_value(sort: &Sort, record: &Record) -> Option<Value> {
    let v = record.active(&sort.attr_id).first()?;
    let val = field_value(v, &sort.field);
    if sort.kind == Kind::Choice {
        val.get("title").cloned()
    } else {
        Some(val)
    }
    .filter(|v| !v.is_null())
}

fn order(a: &Value, b: &Value) -> Ordering {
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

fn usize_field(body: &Value, key: &str, default: usize) -> Result<usize, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .map(|n| n as usize)
            .ok_or_else(|| ApiError::validation(format!("{key} must be a non-negative integer."))),
    }
}

/// Runs a query body `{filter?, sorts?, limit?, offset?}` over an object's records, returning the
/// matching records in order.
pub fn run<'r>(
    object: &Object,
    records: &'r [Record],
    body: &Value,
) -> Result<Vec<&'r Record>, ApiError> {
    if !body.is_object() && !body.is_null() {
        return Err(ApiError::validation(
            "The query body must be a JSON object.",
        ));
    }
    let filter = match body.get("filter") {
        None | Some(Value::Null) => None,
        Some(f) => Some(compile(object, f)?),
    };
    let sorts = match body.get("sorts") {
        None | Some(Value::Null) => Vec::new(),
        Some(s) => compile_sorts(object, s)?,
    };
    let limit = usize_field(body, "limit", 500)?;
    let offset = usize_field(body, "offset", 0)?;
    let mut out: Vec<&Record> = records
        .iter()
        .filter(|r| filter.as_ref().is_none_or(|f| eval(f, r)))
        .collect();
    out.sort_by(|a, b| {
        for s in &sorts {
            let ord = match (sort_value(s, a), sort_value(s, b)) {
                (Some(x), Some(y)) => {
                    let o = order(&x, &y);
                    if s.descending { o.reverse() } else { o }
                }
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    });
    Ok(out.into_iter().skip(offset).take(limit).collect())
}
