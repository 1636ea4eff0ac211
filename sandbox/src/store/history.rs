//! Attribute-history writes (`PUT …/attributes/{attribute}/values` of a record or an entry):
//! the attribute's whole value history replaced by the values sent, each with its own
//! `active_from` and `active_until`, as Attio documents them for migrating history:
//!
//! - `replace_history` must be `true`; one to 400 values; `active_until` is a required key
//!   (`null` for a value still active); `active_from` and `active_until` may not be in the future,
//!   and `active_until` must be after `active_from`; values may come in any order, with gaps;
//! - for a single-valued attribute at most one value is active at a time: intervals may not
//!   overlap, so at most one is open; for a multi-valued one, the same value may not be active
//!   twice at once (`duplicate_values`);
//! - relationship, read-only (system, enriched) and interaction attributes cannot be written;
//!   a unique attribute's active values may not be another row's (`uniqueness_conflict`);
//! - no webhook fires.

use serde_json::{Map, Value};

use super::row::{AttrValues, StoredValue, Target};
use super::rows::attribute_not_found;
use super::state::Store;
use crate::error::ApiError;
use crate::schema::AttrType;
use crate::util::parse_timestamp;
use crate::values::{Body, normalise, value_key};

/// The most values one request may write.
const MAX_VALUES: usize = 400;

impl Store {
    /// Replaces the history of the attribute `a` (slug or id) of the row `row_id` with the
    /// values of `data` (the body's `data`), and returns every value it now has, oldest first.
    pub fn replace_history(
        &mut self,
        t: Target,
        row_id: &str,
        a: &str,
        data: &Map<String, Value>,
    ) -> Result<Vec<Value>, ApiError> {
        self.row(t, row_id)?;
        let attr = self
            .schema(t)
            .attribute(a)
            .ok_or_else(|| attribute_not_found(a))?
            .clone();
        let refuse = |why: &str| {
            ApiError::system_edit(format!(
                "Value history cannot be written for attribute \"{}\": {why}.",
                attr.api_slug
            ))
        };
        if attr.relationship.is_some() {
            return Err(refuse("it is a relationship attribute"));
        }
        if !attr.is_writable || attr.ty == AttrType::Interaction {
            return Err(refuse(
                "it is read-only (a system, enriched or interaction attribute)",
            ));
        }
        if data.get("replace_history") != Some(&Value::Bool(true)) {
            return Err(ApiError::validation(
                "data.replace_history must be true: it acknowledges that this request replaces the attribute's entire value history.",
            ));
        }
        let items = match data.get("values") {
            Some(Value::Array(items)) if !items.is_empty() && items.len() <= MAX_VALUES => items,
            _ => {
                return Err(ApiError::validation(format!(
                    "data.values must be an array of 1 to {MAX_VALUES} values, each {{\"value\", \"active_from\", \"active_until\"}}."
                )));
            }
        };
        let now = self.tick();
        let mut values: Vec<StoredValue> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            values.push(self.history_value(&attr, i, item, now)?);
        }
        values.sort_by_key(|v| v.active_from);
        let overlaps = |x: &StoredValue, y: &StoredValue| {
            x.active_until.is_none_or(|until| until > y.active_from)
        };
        for (i, earlier) in values.iter().enumerate() {
            for later in &values[i + 1..] {
                if !overlaps(earlier, later) {
                    continue;
                }
                if !attr.is_multiselect {
                    return Err(ApiError::new(
                        400,
                        "invalid_request_error",
                        "multiple_values_for_single_value_attribute",
                        format!(
                            "Attribute \"{}\" accepts a single value: value history intervals may not overlap, and at most one may have a null active_until.",
                            attr.api_slug
                        ),
                    ));
                }
                if value_key(attr.ty, &earlier.body) == value_key(attr.ty, &later.body) {
                    return Err(ApiError::new(
                        400,
                        "invalid_request_error",
                        "duplicate_values",
                        format!(
                            "The same value of attribute \"{}\" is active twice at once.",
                            attr.api_slug
                        ),
                    ));
                }
            }
        }
        if attr.is_unique {
            for v in values.iter().filter(|v| v.active_until.is_none()) {
                let key = value_key(attr.ty, &v.body);
                if self
                    .find_by_value(t, &attr, &key)
                    .iter()
                    .any(|r| r.id != row_id)
                {
                    return Err(ApiError::uniqueness(format!(
                        "{} with the same value for unique attribute \"{}\" already exists.",
                        t.a_row(),
                        attr.api_slug
                    )));
                }
            }
        }
        let (active, historic) = values.into_iter().partition(|v| v.active_until.is_none());
        if let Some(row) = self.row_mut(t, row_id) {
            row.values
                .insert(attr.id.clone(), AttrValues { active, historic });
        }
        self.value_history(t, row_id, &attr.id, true)
    }

    /// The `i`-th value of a history write, normalised, with its interval (ns).
    fn history_value(
        &self,
        attr: &crate::schema::Attribute,
        i: usize,
        item: &Value,
        now: i128,
    ) -> Result<StoredValue, ApiError> {
        let at = |key: &str| -> Result<Option<i128>, ApiError> {
            let bad = || {
                ApiError::validation(format!(
                    "data.values[{i}].{key} must be an RFC 3339 timestamp, not in the future{}.",
                    if key == "active_until" {
                        ", or null for a value still active (the key is required)"
                    } else {
                        ""
                    }
                ))
            };
            match item.get(key) {
                Some(Value::Null) if key == "active_until" => Ok(None),
                Some(Value::String(s)) => {
                    let t = parse_timestamp(s).ok_or_else(bad)?.unix_timestamp_nanos();
                    if t > now { Err(bad()) } else { Ok(Some(t)) }
                }
                _ => Err(bad()),
            }
        };
        let raw = item.get("value").ok_or_else(|| {
            ApiError::missing_value(format!("data.values[{i}] has no \"value\"."))
        })?;
        let active_from = at("active_from")?.unwrap_or(now);
        let active_until = at("active_until")?;
        if active_until.is_some_and(|until| until <= active_from) {
            return Err(ApiError::validation(format!(
                "data.values[{i}].active_until must be after its active_from."
            )));
        }
        let body: Body = normalise(self, attr, raw)?;
        Ok(StoredValue {
            active_from,
            active_until,
            actor: self.api_actor(),
            body,
        })
    }
}
