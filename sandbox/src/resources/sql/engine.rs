//! The SQL engine: SQLite in memory, loaded from the store for each query (the tables of
//! `tables.rs` and `information_schema`), made read-only, then the statement runs under a
//! watchdog that interrupts it at the time limit.
//!
//! Loading costs time in proportion to the workspace (see ARCHITECTURE.md for the figures on
//! 100,000 records); it is what makes every write visible to the next query without keeping a
//! second copy in step with the store.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, ToSql};
use serde_json::{Map, Value};

use super::tables::{Cell, JoinKey, Kind, tables};
use crate::error::ApiError;
use crate::store::Store;

/// Runs `sql` over the workspace: its rows, each a JSON object by column name.
pub(super) fn query(store: &Store, sql: &str, limit: Duration) -> Result<Vec<Value>, ApiError> {
    if let Some(word) = leading_word(sql) {
        return Err(not_select(&word));
    }
    let conn = load(store).map_err(|e| internal(&e))?;
    let mut stmt = conn.prepare(sql).map_err(|e| refused(&e, sql))?;
    if !stmt.readonly() {
        return Err(not_select("a statement that writes"));
    }
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let kinds: Vec<Option<String>> = stmt
        .columns()
        .map(|c| c.decl_type().map(str::to_owned))
        .collect();
    // The watchdog interrupts the statement at the limit, unless `_done` is dropped first.
    let (_done, wait) = mpsc::channel::<()>();
    let interrupt = conn.get_interrupt_handle();
    thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
            interrupt.interrupt();
        }
    });
    let mut out = Vec::new();
    let mut rows = stmt.query([]).map_err(|e| failed(&e, sql, limit))?;
    while let Some(row) = rows.next().map_err(|e| failed(&e, sql, limit))? {
        let mut map = Map::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let cell = row.get_ref(i).map_err(|e| failed(&e, sql, limit))?;
            map.insert(name.clone(), json(cell, kinds[i].as_deref()));
        }
        out.push(Value::Object(map));
    }
    Ok(out)
}

/// The first word of a statement that is not `SELECT` or `WITH` (comments and blanks skipped);
/// `None` for one that is, or that opens with a parenthesis.
fn leading_word(sql: &str) -> Option<String> {
    let mut rest = sql.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "select" | "with" => None,
        "" if rest.starts_with('(') => None,
        "" => Some(rest.chars().take(20).collect()),
        _ => Some(word.to_ascii_uppercase()),
    }
}

/// Attio's answer to a statement that is not a `SELECT`.
fn not_select(what: &str) -> ApiError {
    ApiError::filter(format!(
        "Only SELECT queries are supported: INSERT, UPDATE, DELETE and DDL statements are \
         rejected (the statement is {what})."
    ))
}

/// A statement SQLite could not prepare: Attio's `filter_error`, with SQLite's reason.
fn refused(e: &rusqlite::Error, sql: &str) -> ApiError {
    if let rusqlite::Error::MultipleStatement = e {
        return ApiError::filter(
            "Only one statement can be run per query: remove the statements after the first `;`.",
        );
    }
    let mut message = format!("Invalid SQL query: {}.", reason(e));
    if sql.contains(".entity_instance_id") || sql.contains(".entity_definition_id") {
        message.push_str(
            " The sandbox runs SQLite, which has no struct field access: read a record \
             reference's field with ->> (parent_record ->> 'entity_instance_id').",
        );
    }
    ApiError::filter(message)
}

/// A statement that failed while running: interrupted at the limit, or an error of SQLite's.
fn failed(e: &rusqlite::Error, sql: &str, limit: Duration) -> ApiError {
    match e.sqlite_error_code() {
        Some(ErrorCode::OperationInterrupted) => super::timed_out(limit),
        _ => refused(e, sql),
    }
}

fn reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        e => e.to_string(),
    }
}

fn internal(e: &rusqlite::Error) -> ApiError {
    ApiError::new(
        500,
        "internal_server_error",
        "internal_server_error",
        format!("The sandbox could not build the SQL tables: {e}."),
    )
}

/// A database of the workspace as it is now: `objects`, `lists` and `information_schema`.
fn load(store: &Store) -> rusqlite::Result<Connection> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(
        "ATTACH ':memory:' AS objects;
         ATTACH ':memory:' AS lists;
         ATTACH ':memory:' AS information_schema;
         CREATE TABLE information_schema.tables (
             table_catalog TEXT, table_schema TEXT, table_name TEXT, table_type TEXT);
         CREATE TABLE information_schema.columns (
             table_catalog TEXT, table_schema TEXT, table_name TEXT, column_name TEXT,
             ordinal_position INTEGER, column_default TEXT, is_nullable TEXT, data_type TEXT);",
    )?;
    let tx = conn.unchecked_transaction()?;
    {
        let mut table_row = tx.prepare(
            "INSERT INTO information_schema.tables VALUES ('attio', ?1, ?2, 'BASE TABLE')",
        )?;
        let mut column_row = tx.prepare(
            "INSERT INTO information_schema.columns VALUES ('attio', ?1, ?2, ?3, ?4, NULL, ?5, ?6)",
        )?;
        for (table, columns) in [
            (
                "tables",
                &["table_catalog", "table_schema", "table_name", "table_type"][..],
            ),
            (
                "columns",
                &[
                    "table_catalog",
                    "table_schema",
                    "table_name",
                    "column_name",
                    "ordinal_position",
                    "column_default",
                    "is_nullable",
                    "data_type",
                ][..],
            ),
        ] {
            table_row.execute(("information_schema", table))?;
            for (i, c) in columns.iter().enumerate() {
                let ty = if *c == "ordinal_position" {
                    "integer"
                } else {
                    "text"
                };
                column_row.execute(("information_schema", table, c, i as i64 + 1, "YES", ty))?;
            }
        }
        let mut cells = Vec::new();
        for table in tables(store) {
            table_row.execute((table.schema, table.name))?;
            let names: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
            let declared: Vec<String> = table
                .columns
                .iter()
                .zip(&names)
                .map(|(c, n)| format!("{n} {}", c.kind.declared()))
                .collect();
            let qualified = format!("{}.{}", table.schema, quote(table.name));
            tx.execute_batch(&format!(
                "CREATE TABLE {qualified} ({})",
                declared.join(", ")
            ))?;
            for (i, c) in table.columns.iter().enumerate() {
                let nullable = if c.nullable { "YES" } else { "NO" };
                column_row.execute((
                    table.schema,
                    table.name,
                    &c.name,
                    i as i64 + 1,
                    nullable,
                    c.data_type,
                ))?;
            }
            let slots: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            let mut insert = tx.prepare(&format!(
                "INSERT INTO {qualified} VALUES ({})",
                slots.join(", ")
            ))?;
            for i in 0..table.len() {
                table.row(store, i, &mut cells);
                insert.execute(rusqlite::params_from_iter(cells.iter().map(Param)))?;
            }
            // Joins match ids with references' `entity_instance_id`: indexed, a join of two
            // large tables is a lookup per row rather than a scan per row. SQLite uses an index
            // on an expression when the query writes the same expression (`x ->> 'entity_instance_id'`).
            for (i, c) in table.columns.iter().enumerate() {
                let key = match c.joined_on {
                    Some(JoinKey::Id) => names[i].clone(),
                    Some(JoinKey::Reference) => format!("{} ->> 'entity_instance_id'", names[i]),
                    None => continue,
                };
                let index = quote(&format!("{}_{}_{i}", table.name, c.name));
                tx.execute_batch(&format!(
                    "CREATE INDEX {}.{index} ON {} ({key})",
                    table.schema,
                    quote(table.name)
                ))?;
            }
        }
    }
    tx.commit()?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// A quoted identifier.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A cell as a statement parameter.
struct Param<'a>(&'a Cell);

impl ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self.0 {
            Cell::Null => ValueRef::Null,
            Cell::Text(s) => ValueRef::Text(s.as_bytes()),
            Cell::Integer(i) => ValueRef::Integer(*i),
            Cell::Real(f) => ValueRef::Real(*f),
        }))
    }
}

/// A result cell as JSON; `declared` is the declared type of the column it comes from, if it
/// comes straight from one.
fn json(cell: ValueRef<'_>, declared: Option<&str>) -> Value {
    let is = |kind: Kind| declared == Some(kind.declared());
    match cell {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) if is(Kind::Boolean) => Value::Bool(i != 0),
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) if is(Kind::Struct) || is(Kind::Array) => serde_json::from_slice(t)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(t).into_owned())),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            Value::String(String::from_utf8_lossy(t).into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::leading_word;

    #[test]
    fn a_statement_is_a_select_by_its_first_word_after_comments() {
        assert_eq!(
            leading_word("  -- a comment\n /* another */ select 1"),
            None
        );
        assert_eq!(leading_word("WITH x AS (SELECT 1) SELECT * FROM x"), None);
        assert_eq!(leading_word("(SELECT 1)"), None);
        assert_eq!(leading_word("DELETE FROM deals").as_deref(), Some("DELETE"));
        assert_eq!(
            leading_word("/* */ pragma table_info(x)").as_deref(),
            Some("PRAGMA")
        );
    }
}
