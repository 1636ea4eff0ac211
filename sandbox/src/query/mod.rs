//! Record and entry queries: filters (shorthand and verbose, `$and`/`$or`/`$not`, and
//! `path`/`constraints` drill-downs through record references and an entry's parent record),
//! sorts (by attribute or by `path`), limit/offset.

mod ops;
mod path;

use std::cmp::Ordering;

use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::schema::Attribute;
use crate::store::{Record, Store, Target};
use ops::{Kind, Op, Test, field_kind, field_value, fields, is_empty, order, passes, push_tests};
use path::{Hop, compile_path, follow};

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
    /// Some record reached through the hops passes the inner filter.
    Path {
        hops: Vec<Hop>,
        inner: Box<Filter>,
    },
}

/// 400 `filter_error`.
fn err(msg: impl Into<String>) -> ApiError {
    ApiError::filter(msg)
}

/// Compiles a filter on the rows of `t`.
fn compile(store: &Store, t: Target, filter: &Value) -> Result<Filter, ApiError> {
    let map = filter
        .as_object()
        .ok_or_else(|| err("A filter must be a JSON object."))?;
    if let Some(path) = map.get("path") {
        let (Some(constraints), 2) = (map.get("constraints"), map.len()) else {
            return Err(err(
                "A path filter has exactly two keys: path and constraints.",
            ));
        };
        let (hops, attr) = compile_path(store, t, path)?;
        let inner = Box::new(compile_attr(attr, constraints)?);
        return Ok(Filter::Path { hops, inner });
    }
    let object = store.schema(t);
    let mut parts = Vec::new();
    for (key, value) in map {
        match key.as_str() {
            "$and" | "$or" => {
                let items = value
                    .as_array()
                    .ok_or_else(|| err(format!("{key} takes an array of filters.")))?;
                let compiled = items
                    .iter()
                    .map(|f| compile(store, t, f))
                    .collect::<Result<Vec<_>, _>>()?;
                parts.push(if key == "$and" {
                    Filter::And(compiled)
                } else {
                    Filter::Or(compiled)
                });
            }
            "$not" => parts.push(Filter::Not(Box::new(compile(store, t, value)?))),
            "constraints" => return Err(err("constraints needs a path beside it.")),
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

fn compile_attr(attr: &Attribute, value: &Value) -> Result<Filter, ApiError> {
    let default = fields(attr.ty)[0];
    let mut tests = Vec::new();
    match value {
        Value::Object(m) if m.keys().any(|k| !k.starts_with('$')) => {
            for (field, spec) in m {
                if field.starts_with('$') {
                    push_tests(
                        attr,
                        default.0,
                        default.1,
                        &Value::Object(Map::from_iter([(field.clone(), spec.clone())])),
                        &mut tests,
                    )?;
                } else {
                    let kind = field_kind(attr, field)?;
                    push_tests(attr, field, kind, spec, &mut tests)?;
                }
            }
        }
        other => push_tests(attr, default.0, default.1, other, &mut tests)?,
    }
    Ok(Filter::Attr {
        attr_id: attr.id.clone(),
        tests,
    })
}

fn eval(store: &Store, filter: &Filter, record: &Record) -> bool {
    match filter {
        Filter::And(fs) => fs.iter().all(|f| eval(store, f, record)),
        Filter::Or(fs) => fs.iter().any(|f| eval(store, f, record)),
        Filter::Not(f) => !eval(store, f, record),
        Filter::Path { hops, inner } => follow(store, hops, record)
            .into_iter()
            .any(|r| eval(store, inner, r)),
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

/// A sort key: an attribute of the row, or of the first record reached through `hops`.
struct Sort {
    hops: Vec<Hop>,
    attr_id: String,
    field: String,
    kind: Kind,
    descending: bool,
}

fn compile_sorts(store: &Store, t: Target, sorts: &Value) -> Result<Vec<Sort>, ApiError> {
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
            let (hops, attr): (Vec<Hop>, &Attribute) = match (s.get("path"), s.get("attribute")) {
                (Some(path), None) => compile_path(store, t, path)?,
                (None, Some(Value::String(slug))) => {
                    let attr = store
                        .schema(t)
                        .attribute(slug)
                        .ok_or_else(|| err(format!("Unknown attribute \"{slug}\" in sorts.")))?;
                    (Vec::new(), attr)
                }
                _ => return Err(err("Each sort needs an attribute or a path (not both).")),
            };
            let (field, kind) = match s.get("field").and_then(Value::as_str) {
                Some(f) => (f.to_owned(), field_kind(attr, f)?),
                None => (fields(attr.ty)[0].0.to_owned(), fields(attr.ty)[0].1),
            };
            Ok(Sort {
                hops,
                attr_id: attr.id.clone(),
                field,
                kind,
                descending,
            })
        })
        .collect()
}

fn sort_value(store: &Store, sort: &Sort, record: &Record) -> Option<Value> {
    let v = if sort.hops.is_empty() {
        record.active(&sort.attr_id).first()?
    } else {
        follow(store, &sort.hops, record)
            .into_iter()
            .find_map(|r| r.active(&sort.attr_id).first())?
    };
    let val = field_value(v, &sort.field);
    if sort.kind == Kind::Choice {
        val.get("title").cloned()
    } else {
        Some(val)
    }
    .filter(|v| !v.is_null())
}

/// `limit` / `offset` of a query body: any JSON number with an integral value (`1` and `1.0`
/// alike, as search accepts them: JSON does not tell them apart), never negative.
fn usize_field(body: &Value, key: &str, default: usize) -> Result<usize, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .or_else(|| {
                v.as_f64()
                    .filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n <= u32::MAX as f64)
                    .map(|n| n as u64)
            })
            .map(|n| n as usize)
            .ok_or_else(|| {
                ApiError::validation(format!(
                    "{key} must be a non-negative integer, such as 10; got {v}."
                ))
            }),
    }
}

/// Runs a query body `{filter?, sorts?, limit?, offset?}` over an object's records or a list's
/// entries, returning the matching rows in order.
pub fn run<'s>(store: &'s Store, t: Target, body: &Value) -> Result<Vec<&'s Record>, ApiError> {
    if !body.is_object() && !body.is_null() {
        return Err(ApiError::validation(
            "The query body must be a JSON object.",
        ));
    }
    let filter = match body.get("filter") {
        None | Some(Value::Null) => None,
        Some(f) => Some(compile(store, t, f)?),
    };
    let sorts = match body.get("sorts") {
        None | Some(Value::Null) => Vec::new(),
        Some(s) => compile_sorts(store, t, s)?,
    };
    let limit = usize_field(body, "limit", 500)?;
    let offset = usize_field(body, "offset", 0)?;
    let mut out: Vec<&Record> = store
        .rows(t)
        .iter()
        .filter(|r| filter.as_ref().is_none_or(|f| eval(store, f, r)))
        .collect();
    out.sort_by(|a, b| {
        for s in &sorts {
            let ord = match (sort_value(store, s, a), sort_value(store, s, b)) {
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
