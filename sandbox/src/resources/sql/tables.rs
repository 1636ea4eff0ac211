//! What the SQL tables are, read from the store: a table per object (schema `objects`: `record_id`,
//! `created_at`, then a column per attribute) and per list (schema `lists`: `entry_id`,
//! `parent_record`, `parent_object`, `created_at`, then a column per list attribute), and each
//! row's cells. No SQL here: `engine.rs` loads these into the engine.
//!
//! A column per attribute, named by its slug, holding the attribute's active value:
//!
//! | attribute type | column (`information_schema.columns.data_type`) | cell |
//! |---|---|---|
//! | text | `text` | the text |
//! | number | `double precision` | the number |
//! | rating | `bigint` | the rating |
//! | checkbox | `boolean` | true or false |
//! | currency | `double precision` | the amount (`currency_value`) |
//! | date | `date` | `YYYY-MM-DD` |
//! | timestamp | `timestamp with time zone` | ISO 8601 |
//! | select, status | `text` | the option's or status's title |
//! | domain, email-address, phone-number | `text` | the domain, the address, the E.164 number |
//! | record-reference | `USER-DEFINED` (a struct) | `{entity_definition_id, entity_instance_id}`: the target object's id and the record's id, as Attio documents |
//! | personal-name, location, actor-reference, interaction | `USER-DEFINED` (a struct) | the value's fields, as the REST API reads them |
//!
//! A multiselect attribute's column is an `ARRAY` of those cells. An archived attribute has no
//! column.

use serde_json::{Map, Value, json};

use crate::schema::{AttrType, Attribute, Object};
use crate::store::{Record, Store};

/// How a column's cells are stored and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Integer,
    Real,
    Boolean,
    /// A JSON object (a struct in Attio's SQL).
    Struct,
    /// A JSON array (a multiselect attribute).
    Array,
}

impl Kind {
    /// The declared type in SQLite: it keeps the cell's storage class (the names containing
    /// `TEXT` give text affinity) and tells `engine.rs` how to read a cell back into JSON.
    pub(super) fn declared(self) -> &'static str {
        match self {
            Kind::Text => "TEXT",
            Kind::Integer => "INTEGER",
            Kind::Real => "REAL",
            Kind::Boolean => "BOOLEAN",
            Kind::Struct => "STRUCT_TEXT",
            Kind::Array => "ARRAY_TEXT",
        }
    }
}

/// One column.
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub(super) name: String,
    pub(super) kind: Kind,
    /// The Postgres type name `information_schema.columns.data_type` reports.
    pub(super) data_type: &'static str,
    /// Whether a row can hold no value (every attribute column; not the ids).
    pub(super) nullable: bool,
    /// What a join matches on, so `engine.rs` indexes it: an id (`record_id`, `entry_id`), or a
    /// record reference's `entity_instance_id`.
    pub(super) joined_on: Option<JoinKey>,
    /// The attribute the column reads (none for the fixed columns).
    attribute: Option<usize>,
}

/// What of a column a join matches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum JoinKey {
    /// The column itself.
    Id,
    /// A record reference's `entity_instance_id` (`column ->> 'entity_instance_id'`).
    Reference,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Null,
    Text(String),
    Integer(i64),
    Real(f64),
}

/// A table: its schema and name, its columns, and where its rows come from.
pub(super) struct Table<'s> {
    pub(super) schema: &'static str,
    pub(super) name: &'s str,
    pub(super) columns: Vec<Column>,
    object: &'s Object,
    rows: &'s [Record],
    list: bool,
}

/// Every table of the workspace: the objects', then the lists'.
pub(super) fn tables(store: &Store) -> Vec<Table<'_>> {
    let objects = store.objects.iter().map(|o| {
        let rows = store.records.get(&o.id).map_or(&[][..], Vec::as_slice);
        let fixed = [
            keyed(fixed("record_id", Kind::Text, "text"), JoinKey::Id),
            created_at(),
        ];
        table("objects", o, rows, false, fixed.into())
    });
    let lists = store.lists.iter().map(|l| {
        let rows = store
            .entries
            .get(&l.schema.id)
            .map_or(&[][..], Vec::as_slice);
        let fixed = vec![
            keyed(fixed("entry_id", Kind::Text, "text"), JoinKey::Id),
            keyed(
                fixed("parent_record", Kind::Struct, "USER-DEFINED"),
                JoinKey::Reference,
            ),
            fixed("parent_object", Kind::Text, "text"),
            created_at(),
        ];
        table("lists", &l.schema, rows, true, fixed)
    });
    objects.chain(lists).collect()
}

fn fixed(name: &str, kind: Kind, data_type: &'static str) -> Column {
    Column {
        name: name.to_owned(),
        kind,
        data_type,
        nullable: false,
        joined_on: None,
        attribute: None,
    }
}

fn keyed(column: Column, key: JoinKey) -> Column {
    Column {
        joined_on: Some(key),
        ..column
    }
}

fn created_at() -> Column {
    fixed("created_at", Kind::Text, "timestamp with time zone")
}

fn table<'s>(
    schema: &'static str,
    object: &'s Object,
    rows: &'s [Record],
    list: bool,
    mut columns: Vec<Column>,
) -> Table<'s> {
    for (i, attr) in object.attributes.iter().enumerate() {
        if attr.is_archived || columns.iter().any(|c| c.name == attr.api_slug) {
            continue;
        }
        let (kind, data_type) = match attr.is_multiselect {
            true => (Kind::Array, "ARRAY"),
            false => single(attr.ty),
        };
        columns.push(Column {
            name: attr.api_slug.clone(),
            kind,
            data_type,
            nullable: true,
            joined_on: (attr.ty == AttrType::RecordReference && !attr.is_multiselect)
                .then_some(JoinKey::Reference),
            attribute: Some(i),
        });
    }
    Table {
        schema,
        name: &object.api_slug,
        columns,
        object,
        rows,
        list,
    }
}

/// The column of a single-valued attribute of type `ty`.
fn single(ty: AttrType) -> (Kind, &'static str) {
    match ty {
        AttrType::Text
        | AttrType::Select
        | AttrType::Status
        | AttrType::Domain
        | AttrType::EmailAddress
        | AttrType::PhoneNumber => (Kind::Text, "text"),
        AttrType::Number | AttrType::Currency => (Kind::Real, "double precision"),
        AttrType::Rating => (Kind::Integer, "bigint"),
        AttrType::Checkbox => (Kind::Boolean, "boolean"),
        AttrType::Date => (Kind::Text, "date"),
        AttrType::Timestamp => (Kind::Text, "timestamp with time zone"),
        AttrType::RecordReference
        | AttrType::ActorReference
        | AttrType::Location
        | AttrType::Interaction
        | AttrType::PersonalName => (Kind::Struct, "USER-DEFINED"),
    }
}

impl Table<'_> {
    /// How many rows.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Row `i`'s cells, one per column, into `out` (cleared first).
    pub(super) fn row(&self, store: &Store, i: usize, out: &mut Vec<Cell>) {
        out.clear();
        let record = &self.rows[i];
        for column in &self.columns {
            let cell = match (column.attribute, column.name.as_str()) {
                (Some(a), _) => attribute(store, &self.object.attributes[a], record),
                (None, "record_id" | "entry_id") => Cell::Text(record.id.clone()),
                (None, "created_at") => Cell::Text(crate::util::format_ns(record.created_at)),
                (None, "parent_record") if self.list => match &record.parent {
                    Some(p) => Cell::Text(reference(&p.object_id, &p.record_id).to_string()),
                    None => Cell::Null,
                },
                (None, "parent_object") => match &record.parent {
                    Some(p) => store
                        .objects
                        .iter()
                        .find(|o| o.id == p.object_id)
                        .map_or(Cell::Null, |o| Cell::Text(o.api_slug.clone())),
                    None => Cell::Null,
                },
                (None, _) => Cell::Null,
            };
            out.push(cell);
        }
    }
}

/// A record reference as Attio's SQL has it.
fn reference(object_id: &str, record_id: &str) -> Value {
    json!({"entity_definition_id": object_id, "entity_instance_id": record_id})
}

/// The cell of `attr` in `record`: its first active value, or all of them as an array.
fn attribute(store: &Store, attr: &Attribute, record: &Record) -> Cell {
    let values = record.active(&attr.id);
    if attr.is_multiselect {
        let items: Vec<Value> = values
            .iter()
            .map(|v| json_of(store, attr.ty, &v.body))
            .filter(|v| !v.is_null())
            .collect();
        return Cell::Text(Value::Array(items).to_string());
    }
    let Some(value) = values.first() else {
        return Cell::Null;
    };
    match (single(attr.ty).0, json_of(store, attr.ty, &value.body)) {
        (_, Value::Null) => Cell::Null,
        (Kind::Boolean, Value::Bool(b)) => Cell::Integer(i64::from(b)),
        (Kind::Integer, v) => v.as_i64().map_or(Cell::Null, Cell::Integer),
        (Kind::Real, v) => v.as_f64().map_or(Cell::Null, Cell::Real),
        (Kind::Struct, v) => Cell::Text(v.to_string()),
        (_, Value::String(s)) => Cell::Text(s),
        (_, v) => Cell::Text(v.to_string()),
    }
}

/// A value's SQL form as JSON (what an array holds; a single value's cell is made from it).
fn json_of(store: &Store, ty: AttrType, body: &Map<String, Value>) -> Value {
    let field = |key: &str| body.get(key).cloned().unwrap_or(Value::Null);
    match ty {
        AttrType::Text
        | AttrType::Number
        | AttrType::Rating
        | AttrType::Checkbox
        | AttrType::Date
        | AttrType::Timestamp => field("value"),
        AttrType::Currency => field("currency_value"),
        AttrType::Select => body
            .get("option")
            .map_or(Value::Null, |o| o["title"].clone()),
        AttrType::Status => body
            .get("status")
            .map_or(Value::Null, |s| s["title"].clone()),
        AttrType::Domain => field("domain"),
        AttrType::EmailAddress => field("email_address"),
        AttrType::PhoneNumber => field("phone_number"),
        AttrType::RecordReference => {
            let slug = body.get("target_object").and_then(Value::as_str);
            let object = store
                .objects
                .iter()
                .find(|o| Some(o.api_slug.as_str()) == slug);
            match (object, body.get("target_record_id").and_then(Value::as_str)) {
                (Some(o), Some(id)) => reference(&o.id, id),
                _ => Value::Null,
            }
        }
        AttrType::ActorReference
        | AttrType::Location
        | AttrType::Interaction
        | AttrType::PersonalName => Value::Object(body.clone()),
    }
}
