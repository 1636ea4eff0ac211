//! Reads one event of a delivery: its ids (in `id`), its other top-level ids and its actor, each
//! failure naming the JSON path under the event.
//!
//! An event is read from a `serde_json::Value` because its type decides its shape and the open
//! variant keeps it whole; deliveries are small (one event today), so this is not a hot path.

use std::str::FromStr;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::values::{Actor, InvalidId};

/// Why an event did not decode: the path under the event (`.id.record_id`) and the reason.
#[derive(Debug)]
pub(crate) struct Bad {
    pub(crate) path: String,
    pub(crate) reason: String,
}

impl Bad {
    fn at(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Bad {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// One event object.
pub(crate) struct Payload<'a> {
    event: &'a Map<String, Value>,
    ids: &'a Map<String, Value>,
}

impl<'a> Payload<'a> {
    /// The event object `event`, which must hold an `id` object.
    pub(crate) fn new(event: &'a Map<String, Value>) -> Result<Self, Bad> {
        match event.get("id") {
            Some(Value::Object(ids)) => Ok(Payload { event, ids }),
            Some(other) => Err(Bad::at(
                ".id",
                format!("expected an object of ids, found {}", kind(other)),
            )),
            None => Err(Bad::at(".id", "missing: every event has an object of ids")),
        }
    }

    /// `id.<key>`, required.
    pub(crate) fn id<T: FromStr<Err = InvalidId>>(&self, key: &str) -> Result<T, Bad> {
        self.opt_id(key)?
            .ok_or_else(|| Bad::at(format!(".id.{key}"), "missing"))
    }

    /// `id.<key>`, absent or null allowed.
    pub(crate) fn opt_id<T: FromStr<Err = InvalidId>>(&self, key: &str) -> Result<Option<T>, Bad> {
        parse(self.ids.get(key), || format!(".id.{key}"))
    }

    /// `<key>` beside `id`, required.
    pub(crate) fn top<T: FromStr<Err = InvalidId>>(&self, key: &str) -> Result<T, Bad> {
        self.opt_top(key)?
            .ok_or_else(|| Bad::at(format!(".{key}"), "missing"))
    }

    /// `<key>` beside `id`, absent or null allowed.
    pub(crate) fn opt_top<T: FromStr<Err = InvalidId>>(&self, key: &str) -> Result<Option<T>, Bad> {
        parse(self.event.get(key), || format!(".{key}"))
    }

    /// `actor`: `{"type", "id"}`, the id null for the system.
    pub(crate) fn actor(&self) -> Result<Actor, Bad> {
        match self.event.get("actor") {
            Some(value @ Value::Object(_)) => {
                Actor::deserialize(value).map_err(|e| Bad::at(".actor", e.to_string()))
            }
            Some(other) => Err(Bad::at(
                ".actor",
                format!(
                    "expected an object {{\"type\", \"id\"}}, found {}",
                    kind(other)
                ),
            )),
            None => Err(Bad::at(".actor", "missing: every event names its actor")),
        }
    }
}

fn parse<T: FromStr<Err = InvalidId>>(
    value: Option<&Value>,
    path: impl Fn() -> String,
) -> Result<Option<T>, Bad> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => s
            .parse()
            .map(Some)
            .map_err(|e: InvalidId| Bad::at(path(), e.to_string())),
        Some(other) => Err(Bad::at(
            path(),
            format!("expected an id (a string), found {}", kind(other)),
        )),
    }
}

/// What a JSON value is, for an error message.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
