//! [`SqlError`]: a SQL statement refused before it was sent, or stopped at Attio's time limit.

use std::time::Duration;

use super::RequestLine;

/// What went wrong with a SQL query that is neither Attio's `filter_error` (an invalid query,
/// which is [`Error::Api`](crate::Error::Api) with Attio's message) nor a transport failure.
///
/// ```
/// # async fn run(client: attio::Client) {
/// match client.sql_rows("DELETE FROM deals").await {
///     Err(attio::Error::Sql(attio::SqlError::NotReadOnly { reason })) => eprintln!("{reason}"),
///     Err(attio::Error::Sql(attio::SqlError::Timeout { limit, .. })) => eprintln!("over {limit:?}"),
///     Err(e) => eprintln!("{e}"),
///     Ok(rows) => println!("{} rows", rows.len()),
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SqlError {
    /// The statement is not a single `SELECT` (or `WITH … SELECT`), which is all Attio runs, so
    /// the client did not send it.
    #[error("the SQL statement was refused before sending: {reason}; nothing was sent")]
    NotReadOnly {
        /// What is wrong and what to write instead.
        reason: String,
    },
    /// Attio stopped the query at its execution limit (30 seconds). Attio's documentation gives
    /// the limit but not the answer; the client takes a `408` or `504`, or an error whose code
    /// or message says the query timed out or hit a time limit, to be this.
    #[error(
        "{request}: the SQL query ran past Attio's execution limit of {} seconds and was cancelled (HTTP {status}: {message}); narrow it (a WHERE clause, fewer joins, a LIMIT) and send it again",
        limit.as_secs()
    )]
    Timeout {
        /// The request.
        request: RequestLine,
        /// Attio's documented limit.
        limit: Duration,
        /// The HTTP status of the answer.
        status: u16,
        /// The answer's message (Attio's, or the start of the body).
        message: String,
    },
}
