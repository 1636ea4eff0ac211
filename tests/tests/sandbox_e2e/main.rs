//! The methods `#[attio_object]` generates, end to end against the in-process sandbox: every
//! writable attribute type round-trips as Attio normalises it, multiselect updates append, values
//! Attio would refuse never leave the process, Attio's errors arrive typed, and `read_only` /
//! `rename` shape what is sent.
//!
//! Run: `cargo test -p attio-tests --test sandbox_e2e`.
//!
//! One test binary; a module a subject: `structs` (the objects), `env` (the sandbox harness and
//! the `gadgets` custom object), `user` (the seed's User end to end), `round_trips` (every
//! writable type), `multiselect` (PATCH appends), `refused` (values refused before sending),
//! `errors` (Attio's errors, typed) and `read_only` (`read_only` / `rename`, and idempotency).

mod env;
mod errors;
mod multiselect;
mod read_only;
mod refused;
mod round_trips;
mod structs;
mod user;
