//! `path` drill-downs: `[[list_or_object, attribute], [object, attribute], …]`. Each pair but
//! the last steps from rows to related records, through a record-reference attribute or, from
//! a list, through `parent_record`; the last pair names the attribute that is tested or sorted.

use serde_json::Value;

use crate::error::ApiError;
use crate::schema::{AttrType, Attribute};
use crate::store::{Record, Store, Target};

/// One step from a row to related records of object `object` (an index).
#[derive(Debug, Clone)]
pub(super) struct Hop {
    /// The attribute followed; `None` for an entry's `parent_record`.
    via: Option<String>,
    object: usize,
}

fn pair(item: &Value) -> Result<(&str, &str), ApiError> {
    match item.as_array().map(Vec::as_slice) {
        Some([Value::String(a), Value::String(b)]) => Ok((a, b)),
        _ => Err(ApiError::filter(
            "Each element of path is a pair [object or list slug/ID, attribute slug/ID].",
        )),
    }
}

/// Compiles a path starting at the rows of `t` into its hops and the final attribute.
pub(super) fn compile_path<'s>(
    store: &'s Store,
    t: Target,
    path: &Value,
) -> Result<(Vec<Hop>, &'s Attribute), ApiError> {
    let pairs = path
        .as_array()
        .filter(|p| !p.is_empty())
        .ok_or_else(|| ApiError::filter("path must be a non-empty array of pairs."))?
        .iter()
        .map(pair)
        .collect::<Result<Vec<_>, _>>()?;
    let first = store.schema(t);
    if pairs[0].0 != first.api_slug && pairs[0].0 != first.id {
        return Err(ApiError::filter(format!(
            "The path must start at the {} being queried (\"{}\"), not \"{}\".",
            t.noun(),
            first.api_slug,
            pairs[0].0
        )));
    }
    let mut here = t;
    let mut hops = Vec::new();
    for window in pairs.windows(2) {
        let ((_, attr_key), (next_key, _)) = (window[0], window[1]);
        let oi = store
            .object_index(next_key)
            .map_err(|_| ApiError::filter(format!("Unknown object \"{next_key}\" in path.")))?;
        let next_id = &store.objects[oi].id;
        let via = match here {
            Target::List(li) if attr_key == "parent_record" => {
                if !store.lists[li].parent_object_ids.contains(next_id) {
                    return Err(ApiError::filter(format!(
                        "The parent records of list \"{}\" are not \"{next_key}\" records.",
                        store.lists[li].schema.api_slug
                    )));
                }
                None
            }
            _ => {
                let attr = attribute(store, here, attr_key)?;
                let allowed = attr
                    .allowed_object_ids
                    .as_ref()
                    .is_none_or(|ids| ids.contains(next_id));
                if attr.ty != AttrType::RecordReference || !allowed {
                    return Err(ApiError::filter(format!(
                        "Attribute \"{attr_key}\" does not reference \"{next_key}\" records."
                    )));
                }
                Some(attr.id.clone())
            }
        };
        hops.push(Hop { via, object: oi });
        here = Target::Object(oi);
    }
    let last = pairs[pairs.len() - 1].1;
    Ok((hops, attribute(store, here, last)?))
}

fn attribute<'s>(store: &'s Store, t: Target, key: &str) -> Result<&'s Attribute, ApiError> {
    let schema = store.schema(t);
    schema.attribute(key).ok_or_else(|| {
        ApiError::filter(format!(
            "Unknown attribute slug/ID \"{key}\" on \"{}\" in path.",
            schema.api_slug
        ))
    })
}

/// The records reached from `row` through `hops`, in value order.
pub(super) fn follow<'s>(store: &'s Store, hops: &[Hop], row: &'s Record) -> Vec<&'s Record> {
    let mut here = vec![row];
    for hop in hops {
        let object = &store.objects[hop.object];
        let mut next = Vec::new();
        for r in here {
            let ids: Vec<&str> = match &hop.via {
                None => r
                    .parent
                    .iter()
                    .filter(|p| p.object_id == object.id)
                    .map(|p| p.record_id.as_str())
                    .collect(),
                Some(attr_id) => r
                    .active(attr_id)
                    .iter()
                    .filter(|v| {
                        v.body.get("target_object").and_then(Value::as_str)
                            == Some(object.api_slug.as_str())
                    })
                    .filter_map(|v| v.body.get("target_record_id").and_then(Value::as_str))
                    .collect(),
            };
            next.extend(
                ids.into_iter()
                    .filter_map(|id| store.record(hop.object, id).ok()),
            );
        }
        here = next;
    }
    here
}
