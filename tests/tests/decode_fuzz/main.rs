//! Arbitrary bytes never panic the response decoder.
//!
//! cargo-fuzz needs nightly Rust; this workspace builds on stable, so the decoder is fuzzed with
//! proptest instead. Every input goes to `attio::wire::decode_record` (what the client runs on
//! every success body) for two targets: `Record<User>` (the seed document's struct) and
//! `Record<Everything>` (a struct with every value type, in every shape: `T`, `Option<T>`,
//! `Vec<T>`, `WithMeta<T>`, every integer width, `read_only`). The property is always the same: the
//! decoder returns `Ok` or `Err` and never panics, and an `Ok` is sane (the input was JSON, every
//! value keeps its type's invariants, the values re-encode, `Display`/`Debug` work).
//!
//! Inputs: arbitrary bytes; arbitrary JSON (a recursive strategy over `serde_json::Value`, biased
//! towards Attio's keys); grammar-aware records with arbitrary value objects; and mutations of the
//! seed response and of a record holding every type's documented read example — truncation at
//! every byte offset, byte flips, every value swapped for every JSON type, nulls, removed keys,
//! unknown and wrong `attribute_type`s, extra fields anywhere.
//!
//! Default: 256 cases per property (proptest's default), so `cargo test` stays fast. Long run:
//!
//! ```sh
//! PROPTEST_CASES=2000000 cargo test -p attio-tests --release --test decode_fuzz -- --nocapture
//! ```
//!
//! A panic is reported by proptest with the (shrunk) input; the deterministic mutation tests
//! print the mutated document.
//!
//! One test binary; a module a subject: `structs` (the two targets), `documents` (the seed
//! response and the every-type record), `strategies` (proptest's inputs), `property` (decoding
//! and what a sane `Ok` is), `unmutated`, `mutations` (the deterministic ones), `properties`, and
//! `streaming` (the same inputs served over HTTP, each way of framing and cutting an answer,
//! against a random bound on what the client reads).

mod documents;
mod mutations;
mod properties;
mod property;
mod strategies;
mod streaming;
mod structs;
mod unmutated;
