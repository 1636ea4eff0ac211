//! The answers of `POST /v2/sql`: `{"data": {"rows": [{column: value}, …]}}`, decoded into any
//! `Deserialize` row type, and the rows of the `information_schema` helpers ([`SqlTable`],
//! [`SqlColumn`]). Public through `attio::sql`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::json;

use crate::error::DecodeError;

/// `{"rows": [...]}`, inside `data`.
#[derive(Deserialize)]
struct Rows<T> {
    rows: Vec<T>,
}

/// Decodes a SQL answer's rows as `T`; a failure names the row and column
/// (`data.rows[3].value`).
pub(crate) fn decode_rows<T: DeserializeOwned>(body: &[u8]) -> Result<Vec<T>, DecodeError> {
    super::decode_data::<Rows<T>>(body).map(|r| r.rows)
}

/// The body of `POST /v2/sql`.
pub(crate) fn sql_body(sql: &str) -> Vec<u8> {
    json!({ "sql": sql }).to_string().into_bytes()
}

/// A table, as `information_schema.tables` lists it ([`Client::sql_tables`](crate::Client::sql_tables)).
///
/// ```
/// let t: attio::sql::SqlTable = serde_json::from_str(r#"{"table_schema":"objects","table_name":"deals"}"#)?;
/// assert_eq!(t.qualified(), "objects.deals");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SqlTable {
    /// `objects` (a table per object) or `lists` (a table per list).
    pub table_schema: String,
    /// The object's or list's slug.
    pub table_name: String,
}

impl SqlTable {
    /// `schema.table`, as a query names it.
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.table_schema, self.table_name)
    }
}

/// A column, as `information_schema.columns` lists it
/// ([`Client::sql_columns`](crate::Client::sql_columns)).
///
/// ```
/// let c: attio::sql::SqlColumn = serde_json::from_str(r#"{"table_schema":"objects","table_name":"deals",
///     "column_name":"value","ordinal_position":5,"data_type":"double precision","is_nullable":"YES"}"#)?;
/// assert!(c.is_nullable);
/// assert_eq!(c.data_type, "double precision");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SqlColumn {
    /// `objects` or `lists`.
    pub table_schema: String,
    /// The table.
    pub table_name: String,
    /// The column: an attribute's slug, or `record_id`, `entry_id`, `created_at`, ….
    pub column_name: String,
    /// Its place in the table, from 1.
    pub ordinal_position: i64,
    /// Its SQL type, as `information_schema` names it (`text`, `boolean`, `ARRAY`, …).
    pub data_type: String,
    /// Whether it can hold `NULL` (`information_schema` says `YES` or `NO`).
    #[serde(deserialize_with = "yes_no")]
    pub is_nullable: bool,
}

fn yes_no<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum YesNo {
        Bool(bool),
        Text(String),
    }
    match YesNo::deserialize(d)? {
        YesNo::Bool(b) => Ok(b),
        YesNo::Text(t) => Ok(t.eq_ignore_ascii_case("yes")),
    }
}

#[cfg(test)]
mod tests {
    use super::decode_rows;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Row {
        stage: String,
        value: f64,
    }

    #[test]
    fn rows_decode_and_a_bad_one_names_its_row_and_column() {
        let rows = decode_rows::<Row>(br#"{"data":{"rows":[{"stage":"Lead","value":1.5}]}}"#);
        assert_eq!(
            rows,
            Ok(vec![Row {
                stage: "Lead".into(),
                value: 1.5
            }])
        );
        let body = br#"{"data":{"rows":[{"stage":"Lead","value":1},{"stage":"Won","value":"x"}]}}"#;
        let err = decode_rows::<Row>(body).unwrap_err();
        assert_eq!(err.path(), "data.rows[1].value");
    }
}
