//! Every filter operator group of typed queries, end to end against the in-process sandbox: for
//! each attribute type a handful of records with distinct values, and the exact set of records
//! each operator returns. Text, number, rating, currency, date and timestamp comparisons,
//! checkbox, select and multiselect, status, record and actor references on a custom object and
//! on deals; email address, personal name, phone number and location parts on people; domains on
//! companies; `&`, `|`, `!`, `Filter::all` / `Filter::any`; sorts with limit, offset and paging.
//!
//! Run: `cargo test -p attio-tests --test query_operators`.
//!
//! One test binary; a module a subject: `objects` (the structs and how a record is named),
//! `harness` (the sandbox, `expect!` and value constructors), `gizmos` (the custom object and its
//! five records), `custom_object` (every comparable type), `standard_objects` (deals, people,
//! companies) and `combinators` (`&`, `|`, `!`, sorts, limit / offset, paging).

// First: `expect!` is in scope (textually) in the modules after it.
#[macro_use]
mod harness;

mod combinators;
mod custom_object;
mod gizmos;
mod objects;
mod standard_objects;
