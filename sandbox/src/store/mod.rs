//! The store: one workspace's data and the rules every write follows, knowing nothing of HTTP.
//!
//! - `state.rs`: the [`Store`] itself (objects, records, lists, entries, activities and their
//!   records, members, webhooks, the outbox, the clock and ids) and its lookups;
//! - `row.rs`: a row (record, entry or activity record) with its values and history; `rows.rs`:
//!   reading rows, uniqueness lookups, rendering;
//! - `write.rs`: the write semantics records and entries share, and record deletion;
//! - `relationships.rs`: two-way relationships kept in step; `reference.rs`: record-reference
//!   inputs, and what value normalisation asks of the workspace;
//! - `list.rs` and `entries.rs`: lists and their entries;
//! - `activity.rs` and `activities.rs`: activities (object-like collections of events, each
//!   extending one of Attio's activity schemas) and their records;
//! - `history.rs`: attribute-history writes (an attribute's whole history replaced);
//! - `merge.rs`: record merge, and merges answered `202` (applied in the background);
//! - `events.rs` and `filter.rs`: webhook events, subscriptions and their filters, and the outbox
//!   through which events leave;
//! - `parts.rs`: the state resources keep here without the store knowing their types.
//!
//! Nothing here imports a resource, the router or delivery.

mod activities;
mod activity;
mod entries;
mod events;
mod filter;
mod history;
mod list;
mod merge;
mod objects;
mod parts;
mod reference;
mod relationships;
mod row;
mod rows;
mod state;
mod write;

pub use events::{EVENT_TYPES, Event, Outgoing, Webhook};
pub use filter::validate as validate_filter;
pub use list::List;
pub use parts::Part;
pub use row::MergeDeferral;
pub use row::{Mode, Parent, Record, StoredValue, Target};
pub use rows::attribute_not_found;
pub use state::{ALICE_ID, Member, Store};
