//!
//! One chapter per subject. Every Rust example in it compiles as a doctest
//! (`cargo test -p attio --doc`); the ones that need a server are compiled but not run.
//!
//! The [README](https://github.com/attio-rs/attio#readme) gives the tour and the two commands;
//! this is where the detail lives. Read it on docs.rs, or build it with the rest of the API:
//! `cargo doc -p attio --open`, then open `attio::guide`.
//!
//! | chapter | what it holds |
//! |---|---|
//! | [`records`](crate::guide::records) | structs as Attio objects: the Rust type of each attribute type, the macro's options, record operations, typed queries, change sets, typed references and option enums |
//! | [`activities`](crate::guide::activities) | events logged against records: `#[attio_activity]`, the record API activities share with objects, what only objects have, the activities themselves |
//! | [`lists`](crate::guide::lists) | lists and entries: `#[attio_list]`, entry operations, entry queries that filter on the parent, the list's attributes, entry events |
//! | [`schema`](crate::guide::schema) | holding a struct against the workspace: check, plan, ensure; the typed schema API; what cannot change (types, cardinality, system attributes) |
//! | [`webhooks`](crate::guide::webhooks) | creating webhooks, verifying and decoding deliveries (with axum or without), re-reading what an event names, repeats, testing a handler against the sandbox and what it delivers |
//! | [`resources`](crate::guide::resources) | notes, tasks, comments, meetings and call recordings, files, members, search |
//! | [`sync`](crate::guide::sync) | many records at once: bulk writes at the rate limit, and `sync`, which writes only what changed |
//! | [`errors`](crate::guide::errors) | errors and their outcome, retries, writes whose answer is lost, what a broken server cannot do, rate limits, tracing, the blocking client |
//! | [`generate`](crate::guide::generate) | the `attio` command: structs generated from a workspace, the schema as a table |
//! | [`sql`](crate::guide::sql) | SQL over the workspace: rows as structs, joining an object with a list, grouping and counting, the schema, what is refused, the time limit, the sandbox's engine |
//! | [`raw`](crate::guide::raw) | who the token is and its scopes; endpoints newer than this SDK |
//! | [`oauth`](crate::guide::oauth) | an app many workspaces install: the authorize URL and its `state`, the code exchange, a client per workspace from a token store, revoked tokens, the sandbox's OAuth endpoints |
//! | [`processes`](crate::guide::processes) | running more than one process: what is kept per process, what a shared store (Redis) shares (the rate limits, the pause of a `429`, webhook keys), and what happens when it is down |
//! | [`benchmarks`](crate::guide::benchmarks) | how the typed layer is measured against hand-written code, and the latest figures |
//!
//! # Cargo features
//!
//! | feature | adds |
//! |---|---|
//! | `blocking` | `attio::blocking::Client`: the same operations without `.await`, for synchronous code and `spawn_blocking` (see [`errors`](crate::guide::errors)) |
//! | `axum` | `attio::webhooks::VerifiedDelivery`, an axum 0.8 extractor that verifies and decodes a webhook delivery (verification itself, `verify`, and `SeenKeys` need no feature; see [`webhooks`](crate::guide::webhooks)) |
//! | `redis` | `attio::shared::RedisStore`: the rate limiter's budgets and `429` pauses, and webhook deduplication, shared by several processes through one Redis server (the traits, `Dedup` and the in-memory stores need no feature; see [`processes`](crate::guide::processes)) |
//!
//! This module is documentation only: it has no items and imports nothing.

#[doc = include_str!("records.md")]
pub mod records {}

#[doc = include_str!("activities.md")]
pub mod activities {}

#[doc = include_str!("lists.md")]
pub mod lists {}

#[doc = include_str!("schema.md")]
pub mod schema {}

#[doc = include_str!("webhooks.md")]
pub mod webhooks {}

#[doc = include_str!("resources.md")]
pub mod resources {}

#[doc = include_str!("sync.md")]
pub mod sync {}

#[doc = include_str!("errors.md")]
pub mod errors {}

#[doc = include_str!("generate.md")]
pub mod generate {}

#[doc = include_str!("sql.md")]
pub mod sql {}

#[doc = include_str!("raw.md")]
pub mod raw {}

#[doc = include_str!("oauth.md")]
pub mod oauth {}

#[doc = include_str!("processes.md")]
pub mod processes {}

#[doc = include_str!("benchmarks.md")]
pub mod benchmarks {}
