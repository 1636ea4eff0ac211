//! `POST /v2/sql`: read-only SQL over the workspace's records and entries, on SQLite (the `sql`
//! feature; `rusqlite` with SQLite compiled from its C sources).
//!
//! Each query runs on a database built from the store at that moment (`tables.rs` says what the
//! tables and columns are, `engine.rs` loads them into SQLite and runs the statement), so a
//! record written through the REST API is in the next query's answer. The schemas are Attio's:
//! `objects` (a table per object, by slug, searched for unqualified names), `lists` (a table per
//! list, a row per entry) and `information_schema` (`tables` and `columns`). SQLite has no
//! `pg_catalog`. A statement that is not a single `SELECT` (or `WITH … SELECT`) is refused with
//! Attio's `400 filter_error`; a statement that is still running after the time limit (30
//! seconds, [`SandboxBuilder::sql_time_limit`](crate::SandboxBuilder::sql_time_limit)) is
//! interrupted and answered with a `408` (see [`timed_out`]).
//!
//! Where SQLite's dialect is not Postgres's: a record reference is a JSON object
//! (`{"entity_definition_id": …, "entity_instance_id": …}`), read with `->>`
//! (`parent_record ->> 'entity_instance_id'`) rather than Attio's struct field access
//! (`parent_record.entity_instance_id`), and casts are `CAST(x AS type)`, not `x::type`.

#[cfg(feature = "sql")]
mod engine;
#[cfg(feature = "sql")]
mod tables;

use std::time::Duration;

use serde_json::Value;

use crate::error::ApiError;
use crate::http::{Method, Request, Route};
use crate::store::{Part, Store};

/// The route of SQL.
pub const ROUTES: &[Route] = &[Route::read(Method::Post, "/v2/sql", sql)];

/// Attio's execution limit of a SQL query.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(30);

/// How long a SQL statement may run in this workspace before it is interrupted.
#[derive(Debug, Clone, Copy)]
pub struct SqlSettings {
    /// The execution limit (Attio's: 30 seconds).
    pub time_limit: Duration,
}

impl Default for SqlSettings {
    fn default() -> Self {
        Self {
            time_limit: DEFAULT_TIME_LIMIT,
        }
    }
}

impl Part for SqlSettings {}

/// The answer to a statement that ran past the limit. Attio's documentation gives the 30-second
/// limit but not the answer; the sandbox answers `408` with an Attio-shaped body
/// (`invalid_request_error`, `query_timeout`), which a client can tell from a `filter_error`.
#[cfg(feature = "sql")]
pub fn timed_out(limit: Duration) -> ApiError {
    ApiError::new(
        408,
        "invalid_request_error",
        "query_timeout",
        format!(
            "The query did not finish within the {} execution time limit and was cancelled. \
             Narrow it (a WHERE clause, fewer joins, a LIMIT) and send it again.",
            describe(limit)
        ),
    )
}

#[cfg(feature = "sql")]
fn describe(limit: Duration) -> String {
    match limit.as_millis() {
        ms if ms % 1000 == 0 => format!("{}-second", ms / 1000),
        ms => format!("{ms}-millisecond"),
    }
}

/// `POST /v2/sql` with `{"sql": "SELECT …"}`: `{"data": {"rows": [{column: value}]}}`.
fn sql(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let statement = req
        .body
        .get("sql")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::validation("sql is required and must be a string."))?;
    if statement.trim().is_empty() {
        return Err(ApiError::validation("sql must not be empty."));
    }
    let limit = store
        .parts
        .get::<SqlSettings>()
        .map_or(DEFAULT_TIME_LIMIT, |s| s.time_limit);
    run(store, statement, limit)
}

#[cfg(feature = "sql")]
fn run(store: &Store, statement: &str, limit: Duration) -> Result<Value, ApiError> {
    let rows = engine::query(store, statement, limit)?;
    Ok(serde_json::json!({"data": {"rows": rows}}))
}

#[cfg(not(feature = "sql"))]
fn run(_store: &Store, _statement: &str, _limit: Duration) -> Result<Value, ApiError> {
    Err(ApiError::new(
        501,
        "api_error",
        "not_implemented",
        "This sandbox was built without SQL: POST /v2/sql needs attio-sandbox's `sql` feature \
         (attio-sandbox = { version = \"…\", features = [\"sql\"] } in Cargo.toml).",
    ))
}
