//! The shapes of stored data: a row (a record, a list entry, or an activity record) with its
//! values and their
//! history, what a row belongs to, and how a write treats the values already there.

use std::collections::HashMap;
use std::sync::atomic::AtomicU32;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::error::ApiError;
use crate::values::Body;

/// One value of an attribute, active or historic.
#[derive(Debug, Clone)]
pub struct StoredValue {
    /// When it became active (ns since the epoch).
    pub active_from: i128,
    /// When it was deactivated.
    pub active_until: Option<i128>,
    /// `created_by_actor`.
    pub actor: Value,
    /// The type-specific fields.
    pub body: Body,
}

/// All values of one attribute of one record.
#[derive(Debug, Clone, Default)]
pub struct AttrValues {
    /// Active values, in display order.
    pub active: Vec<StoredValue>,
    /// Deactivated values.
    pub historic: Vec<StoredValue>,
}

/// A record, or a list entry (a row with a parent record).
#[derive(Debug, Clone)]
pub struct Record {
    /// Record id, or entry id (opaque string; generated ones are UUID v4).
    pub id: String,
    /// Creation time (ns).
    pub created_at: i128,
    /// Values by attribute id.
    pub values: HashMap<String, AttrValues>,
    /// For a list entry: its parent record. `None` for records.
    pub parent: Option<Parent>,
}

impl Record {
    /// The active values of an attribute.
    pub fn active(&self, attr_id: &str) -> &[StoredValue] {
        self.values
            .get(attr_id)
            .map_or(&[], |v| v.active.as_slice())
    }
}

/// How a write treats existing values (reference §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `POST …/records`.
    Create,
    /// `PATCH …/records/{id}`: multiselect values are prepended.
    Append,
    /// `PUT …/records/{id}`: every attribute sent is overwritten.
    Overwrite,
    /// `PUT …/records?matching_attribute=`: the matching attribute (by index) appends, others overwrite.
    Assert(usize),
    /// `PUT …/lists/{list}/entries` on an existing entry (assert by parent): every attribute sent
    /// is overwritten, and an empty `entry_values` is allowed.
    Upsert,
}

/// What rows belong to: an object (records), a list (entries) or an activity (activity
/// records), by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `store.objects[i]`.
    Object(usize),
    /// `store.lists[i]`.
    List(usize),
    /// `store.activities[i]`.
    Activity(usize),
}

impl Target {
    /// `"object"`, `"list"` or `"activity"`, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Object(_) => "object",
            Self::List(_) => "list",
            Self::Activity(_) => "activity",
        }
    }

    /// `"objects"`, `"lists"` or `"activities"`, for messages.
    pub fn plural(self) -> &'static str {
        match self {
            Self::Object(_) => "objects",
            Self::List(_) => "lists",
            Self::Activity(_) => "activities",
        }
    }

    /// `"A record"`, `"An entry"` or `"An activity record"`, for messages.
    pub fn a_row(self) -> &'static str {
        match self {
            Self::Object(_) => "A record",
            Self::List(_) => "An entry",
            Self::Activity(_) => "An activity record",
        }
    }

    /// 404 `not_found` for a missing row.
    pub fn row_not_found(self, id: &str) -> ApiError {
        let what = match self {
            Self::Object(_) => "Record",
            Self::List(_) => "Entry",
            Self::Activity(_) => "Activity record",
        };
        ApiError::not_found(format!("{what} with ID \"{id}\" not found."))
    }
}

/// A list entry's parent record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parent {
    /// The parent record's object id.
    pub object_id: String,
    /// The parent record's id.
    pub record_id: String,
}

/// How merges are answered while a test asks for Attio's `202`: the new record answers
/// `404 merge_in_progress` to its first `reads` reads, and until `delay` has passed since the
/// merge (both, when both are set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeDeferral {
    /// Reads of the new record refused before it can be read.
    pub reads: u32,
    /// How long after the merge the new record stays unreadable.
    pub delay: Duration,
}

/// A merge committed but not yet readable.
#[derive(Debug)]
pub(crate) struct Pending {
    /// Reads still to refuse.
    pub(super) reads_left: AtomicU32,
    /// Until when reads are refused.
    pub(super) until: Instant,
}
