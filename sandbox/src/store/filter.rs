//! Subscription filters (reference §2.1): `null` (every event passes), `{"$and": [cond, …]}` or
//! `{"$or": [cond, …]}`, where `cond = {"field", "operator": "equals" | "not_equals", "value"}`
//! and `field` is a dotted path into the event's payload (`id.object_id`, `id.attribute_id`,
//! `actor.type`, `parent_object_id`).
//!
//! Semantics chosen where the documentation is silent:
//! - a field that is absent or `null` in the event equals no value (so `not_equals` passes);
//! - a field holding a non-string JSON value is compared as its JSON text (`true`, `3`);
//! - `{"$and": []}` passes every event and `{"$or": []}` none (the empty conjunction and
//!   disjunction).

use serde_json::{Map, Value};

use crate::error::ApiError;

/// Checks a subscription's `filter` (at `path`, for the error message) and returns it as stored.
pub fn validate(filter: &Value, path: &str) -> Result<Value, ApiError> {
    let bad = |why: &str| ApiError::validation(format!("{path} {why}"));
    let map = match filter {
        Value::Null => return Ok(Value::Null),
        Value::Object(m) => m,
        _ => {
            return Err(bad(
                "must be null or an object {\"$and\": [...]} or {\"$or\": [...]}.",
            ));
        }
    };
    let (key, conditions) = match (map.len(), map.iter().next()) {
        (1, Some((k, v))) if k == "$and" || k == "$or" => (k, v),
        _ => {
            return Err(bad(
                "must have exactly one key, \"$and\" or \"$or\", holding an array of conditions.",
            ));
        }
    };
    let conditions = conditions
        .as_array()
        .ok_or_else(|| bad(&format!("{key} must be an array of conditions.")))?;
    for (i, c) in conditions.iter().enumerate() {
        let at = format!("{path}.{key}[{i}]");
        let c = c.as_object().ok_or_else(|| {
            ApiError::validation(format!(
                "{at} must be an object {{\"field\", \"operator\", \"value\"}}."
            ))
        })?;
        for k in ["field", "value"] {
            if !c.get(k).is_some_and(Value::is_string) {
                return Err(ApiError::validation(format!("{at}.{k} must be a string.")));
            }
        }
        match c.get("operator").and_then(Value::as_str) {
            Some("equals" | "not_equals") => {}
            _ => {
                return Err(ApiError::validation(format!(
                    "{at}.operator must be \"equals\" or \"not_equals\"."
                )));
            }
        }
        if let Some(extra) = c
            .keys()
            .find(|k| !matches!(k.as_str(), "field" | "operator" | "value"))
        {
            return Err(ApiError::validation(format!(
                "{at} has an unknown key \"{extra}\"."
            )));
        }
    }
    Ok(filter.clone())
}

/// Whether `event` (an event's JSON payload) passes `filter` (one that [`validate`] accepted).
pub fn matches(filter: &Value, event: &Value) -> bool {
    let Some(map) = filter.as_object() else {
        return true;
    };
    let holds = |c: &Value| condition(c, event);
    match (map.get("$and"), map.get("$or")) {
        (Some(Value::Array(cs)), _) => cs.iter().all(holds),
        (_, Some(Value::Array(cs))) => cs.iter().any(holds),
        _ => false,
    }
}

fn condition(c: &Value, event: &Value) -> bool {
    let (Some(field), Some(value)) = (
        c.get("field").and_then(Value::as_str),
        c.get("value").and_then(Value::as_str),
    ) else {
        return false;
    };
    let equal = lookup(event, field).is_some_and(|found| found == value);
    match c.get("operator").and_then(Value::as_str) {
        Some("equals") => equal,
        Some("not_equals") => !equal,
        _ => false,
    }
}

/// The value at a dotted path, as text; `None` when absent or null.
fn lookup(event: &Value, field: &str) -> Option<String> {
    let mut at = event;
    for key in field.split('.') {
        at = at
            .as_object()
            .and_then(|m: &Map<String, Value>| m.get(key))?;
    }
    match at {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event() -> Value {
        json!({"event_type": "record.updated",
               "id": {"workspace_id": "w", "object_id": "o", "record_id": "r", "attribute_id": "a"},
               "actor": {"type": "api-token", "id": "t"}, "parent_object_id": null})
    }

    #[test]
    fn and_or_and_null() {
        let e = event();
        assert!(matches(&Value::Null, &e));
        let f = |v: Value| validate(&v, "filter").unwrap();
        assert!(matches(
            &f(
                json!({"$and": [{"field": "id.object_id", "operator": "equals", "value": "o"},
                                {"field": "actor.type", "operator": "not_equals", "value": "system"}]})
            ),
            &e
        ));
        assert!(!matches(
            &f(
                json!({"$and": [{"field": "id.object_id", "operator": "equals", "value": "o"},
                                {"field": "id.attribute_id", "operator": "equals", "value": "b"}]})
            ),
            &e
        ));
        assert!(matches(
            &f(
                json!({"$or": [{"field": "id.attribute_id", "operator": "equals", "value": "b"},
                               {"field": "id.attribute_id", "operator": "equals", "value": "a"}]})
            ),
            &e
        ));
        // Absent and null fields equal nothing.
        assert!(matches(
            &f(
                json!({"$and": [{"field": "parent_object_id", "operator": "not_equals", "value": "o"},
                                {"field": "id.list_id", "operator": "not_equals", "value": "o"}]})
            ),
            &e
        ));
        assert!(!matches(
            &f(json!({"$or": [{"field": "id.nope.deeper", "operator": "equals", "value": "o"}]})),
            &e
        ));
        assert!(matches(&f(json!({"$and": []})), &e));
        assert!(!matches(&f(json!({"$or": []})), &e));
    }

    #[test]
    fn malformed_filters_are_refused_with_their_path() {
        for (filter, says) in [
            (json!([]), "must be null or an object"),
            (json!({}), "exactly one key"),
            (json!({"$and": [], "$or": []}), "exactly one key"),
            (json!({"object": {"$eq": "deals"}}), "exactly one key"),
            (json!({"$and": {}}), "$and must be an array"),
            (json!({"$or": [1]}), "filter.$or[0] must be an object"),
            (
                json!({"$and": [{"field": "a", "operator": "eq", "value": "b"}]}),
                "operator must be",
            ),
            (
                json!({"$and": [{"field": "a", "operator": "equals", "value": 1}]}),
                "value must be a string",
            ),
            (
                json!({"$and": [{"operator": "equals", "value": "b"}]}),
                "field must be a string",
            ),
            (
                json!({"$and": [{"field": "a", "operator": "equals", "value": "b", "x": 1}]}),
                "unknown key \"x\"",
            ),
        ] {
            let err = validate(&filter, "filter").unwrap_err();
            assert_eq!((err.status, err.code), (400, "validation_type"));
            assert!(err.message.contains(says), "{filter}: {}", err.message);
        }
    }
}
