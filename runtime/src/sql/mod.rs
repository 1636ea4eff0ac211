//! SQL over the workspace (`POST /v2/sql`, Enterprise plan, in beta at Attio): read-only,
//! Postgres-dialect queries over the schema `objects` (a table per object, by slug; the default
//! schema) and `lists` (a table per list, a row per entry), with `information_schema` and
//! `pg_catalog` for discovery. It is how to join and aggregate, which filters cannot do.
//!
//! [`Client::sql`] decodes the rows into any `Deserialize` type, [`Client::sql_rows`] gives
//! them as JSON objects, and [`Client::sql_tables`] and [`Client::sql_columns`] read
//! `information_schema`. A statement that is not a single `SELECT` (or `WITH … SELECT`) is
//! refused before it is sent ([`SqlError::NotReadOnly`]); an
//! invalid query is Attio's `400 filter_error` ([`Error::Api`], with
//! Attio's message); a query past the 30-second limit is
//! [`SqlError::Timeout`]. The guide's [SQL chapter](crate::guide::sql)
//! has the worked examples.
//!
//! ```no_run
//! #[derive(serde::Deserialize)]
//! struct Stage { stage: Option<String>, deals: i64, total: Option<f64> }
//!
//! # async fn run(client: attio::Client) -> attio::Result<()> {
//! let stages: Vec<Stage> = client
//!     .sql("SELECT stage, count(*) AS deals, sum(value) AS total FROM deals GROUP BY stage")
//!     .await?;
//! for s in &stages {
//!     println!("{:?}: {} deals, {:?}", s.stage, s.deals, s.total);
//! }
//! # Ok(()) }
//! ```

mod statement;

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::{Error, Result, SqlError};
use crate::operation;
use crate::values::{Resource, Scope};

pub use crate::wire::sql::{SqlColumn, SqlTable};

/// The scopes `POST /v2/sql` needs, for [`Client::require_scopes`].
///
/// ```
/// assert_eq!(attio::sql::SCOPES.map(|s| s.to_string()), ["record_permission:read", "object_configuration:read"]);
/// ```
pub const SCOPES: [Scope; 2] = [
    Scope::read(Resource::RecordPermission),
    Scope::read(Resource::ObjectConfiguration),
];

/// Attio's execution limit of a query.
///
/// ```
/// assert_eq!(attio::sql::TIME_LIMIT.as_secs(), 30);
/// ```
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Checks that `statement` is a single `SELECT` (or `WITH … SELECT`), as the client does before
/// sending one: comments, string literals and quoted identifiers are skipped, so a `;` or a
/// `DELETE` inside them does not count. A lexical check, not a parser.
///
/// ```
/// assert!(attio::sql::check("SELECT name FROM deals -- ; DELETE").is_ok());
/// let err = attio::sql::check("DELETE FROM deals").unwrap_err();
/// assert!(err.to_string().contains("`DELETE` is not a read"), "{err}");
/// ```
pub fn check(statement: &str) -> Result<()> {
    statement::check(statement).map_err(|reason| Error::Sql(SqlError::NotReadOnly { reason }))
}

impl Client {
    /// Runs a SQL query (`POST /v2/sql`) and decodes each row as `T`, a struct whose fields are
    /// the columns (name computed columns with `AS`; for rows as JSON objects, see
    /// [`sql_rows`](Client::sql_rows)). A row that does not decode is a
    /// [`DecodeError`](crate::DecodeError) naming the row and column (`data.rows[3].value`). The statement must
    /// be a single `SELECT` (or `WITH … SELECT`): anything else is refused before sending. A
    /// read: retried like one, and counted against the read rate limit (Attio allows this
    /// endpoint 2 requests per second; a `429` is waited out and retried).
    ///
    /// ```no_run
    /// #[derive(serde::Deserialize)]
    /// struct Deal { name: String, value: Option<f64> }
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let big: Vec<Deal> = client
    ///     .sql("SELECT name, value FROM deals WHERE value > 50000 ORDER BY value DESC")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn sql<T: DeserializeOwned>(&self, statement: &str) -> Result<Vec<T>> {
        check(statement)?;
        self.execute(operation::sql::sql::<T>(statement))
            .await
            .map_err(timed_out)
    }

    /// Runs a SQL query and gives each row as a JSON object by column name: for exploring, or
    /// for columns only known at run time.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for row in client.sql_rows("SELECT * FROM companies LIMIT 5").await? {
    ///     println!("{}", row["name"]);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn sql_rows(&self, statement: &str) -> Result<Vec<Map<String, Value>>> {
        self.sql(statement).await
    }

    /// The tables of the workspace, from `information_schema.tables`: a table per object
    /// (schema `objects`) and per list (schema `lists`), by schema and name.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for table in client.sql_tables().await? {
    ///     println!("{}", table.qualified()); // objects.companies, lists.sales, …
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn sql_tables(&self) -> Result<Vec<SqlTable>> {
        self.sql(
            "SELECT table_schema, table_name FROM information_schema.tables \
             WHERE table_schema NOT IN ('information_schema', 'pg_catalog') \
             ORDER BY table_schema, table_name",
        )
        .await
    }

    /// The columns of one table, from `information_schema.columns`, in order: `"deals"` (an
    /// object's table; `objects` is the default schema) or `"lists.sales"`. A table that does not
    /// exist has no columns: the answer is empty ([`sql_tables`](Client::sql_tables) lists those
    /// that do).
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for column in client.sql_columns("lists.sales").await? {
    ///     println!("{} {}", column.column_name, column.data_type);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn sql_columns(&self, table: &str) -> Result<Vec<SqlColumn>> {
        let (schema, name) = table.split_once('.').unwrap_or(("objects", table));
        if name.is_empty() || name.contains('.') {
            return Err(Error::InvalidInput(format!(
                "`{table}` is not a table name: write an object's slug (`deals`) or a schema and \
                 a slug (`lists.sales`)"
            )));
        }
        self.sql(&format!(
            "SELECT table_schema, table_name, column_name, ordinal_position, data_type, is_nullable \
             FROM information_schema.columns WHERE table_schema = {} AND table_name = {} \
             ORDER BY ordinal_position",
            literal(schema),
            literal(name)
        ))
        .await
    }
}

/// `text` as a SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Attio's answer to a query past its time limit, as [`SqlError::Timeout`]; other errors as
/// they are. Attio does not document that answer: a `408` or `504`, or an error whose code names
/// a timeout or whose message says the query timed out or hit a time limit, is taken to be it.
fn timed_out(error: Error) -> Error {
    let (request, status, message) = match &error {
        Error::Api(e) if is_timeout(e.status, e.code.as_str(), &e.message) => {
            match e.request.as_deref() {
                Some(request) => (request.clone(), e.status, e.message.clone()),
                None => return error,
            }
        }
        Error::Http {
            request,
            status: status @ (408 | 504),
            snippet,
            ..
        } => (request.clone(), *status, snippet.clone()),
        _ => return error,
    };
    Error::Sql(SqlError::Timeout {
        request,
        limit: TIME_LIMIT,
        status,
        message,
    })
}

fn is_timeout(status: u16, code: &str, message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    matches!(status, 408 | 504)
        || code.contains("timeout")
        || [
            "timed out",
            "time limit",
            "statement timeout",
            "statement_timeout",
            "query timeout",
            "execution timeout",
        ]
        .iter()
        .any(|w| message.contains(w))
}

#[cfg(test)]
mod tests {
    use super::{is_timeout, literal};

    #[test]
    fn a_timeout_is_told_by_status_code_or_message() {
        assert!(is_timeout(408, "query_timeout", "x"));
        assert!(is_timeout(504, "gateway_timeout", ""));
        assert!(is_timeout(
            400,
            "filter_error",
            "canceling statement due to statement timeout"
        ));
        assert!(is_timeout(
            400,
            "filter_error",
            "Query exceeded the execution time limit"
        ));
        assert!(!is_timeout(
            400,
            "filter_error",
            "column \"valu\" does not exist"
        ));
        // A column named like a timeout is not one.
        assert!(!is_timeout(
            400,
            "filter_error",
            "column \"timeout_at\" does not exist"
        ));
    }

    #[test]
    fn a_literal_doubles_its_quotes() {
        assert_eq!(literal("o'brien"), "'o''brien'");
    }
}
