//! Webhooks in the sandbox: the management endpoints and their errors, and deliveries to a
//! receiver on loopback (a hyper server here): the documented events, signed, with one
//! `Idempotency-Key` across retries, filtered, and nothing left hanging at shutdown.
//!
//! One test binary; a module a subject: `receiver` (the loopback receiver), `harness` (a sandbox
//! with fast retries and webhook helpers), `management` (the endpoints and their errors),
//! `deliveries` (what arrives, signed and filtered) and `retries` (failures, retries, shutdown).

#[path = "../common/mod.rs"]
mod common;

mod deliveries;
mod harness;
mod management;
mod receiver;
mod retries;
