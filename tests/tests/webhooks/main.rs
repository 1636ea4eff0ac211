//! Webhooks from the SDK's side: verification against vectors computed outside this crate, every
//! event type of the OpenAPI document, the management operations against a recording stub
//! (method, path, body), fetching the record an event names, and the axum extractor, alone and
//! end to end (create → deliver to a loopback receiver → verify → fetch).
//!
//! Here a test plays Attio's part with signatures precomputed by Python; `webhooks_e2e.rs` has the
//! sandbox deliver them.
//!
//! One test binary; a module a subject: `vectors` (the signed bodies), `answers` (the stub's
//! canned answers and a client for it), `verification`, `events` (every event type),
//! `management`, `fetch` (the record an event names), `extractor` (the axum extractor) and
//! `end_to_end` (on loopback).

mod answers;
mod end_to_end;
mod events;
mod extractor;
mod fetch;
mod management;
mod vectors;
mod verification;
