//! SQL: a read, though `POST`ed, so repeating it is harmless and it counts against the read
//! rate limit (Attio also limits this endpoint to 2 requests per second).

use serde::de::DeserializeOwned;

use super::{Method, Operation};
use crate::wire::sql::{decode_rows, sql_body};

/// `POST /v2/sql` with `{"sql": statement}`, its rows decoded as `T`.
pub(crate) fn sql<T: DeserializeOwned>(statement: &str) -> Operation<Vec<T>> {
    Operation::read(
        Method::Post,
        "/v2/sql".to_owned(),
        Some(sql_body(statement)),
        decode_rows::<T>,
    )
}
