//! The exactly-once fault suite at full size: 2,000 calls of each kind (creates on a type with a
//! unique attribute, multiselect appends, overwrites, creates on a type without one, creates of
//! people by email and of companies by domain) through a
//! sandbox that fails requests before processing them and after applying them, with the client's
//! default retry policy; prints the table of what the calls reported against what Attio holds.
//!
//! ```text
//! cargo run --release -p attio-benches --example exactly_once          # N = 2,000
//! cargo run --release -p attio-benches --example exactly_once -- 500   # another N
//! ```
//!
//! The suite itself is `attio_tests::exactly_once`; `tests/tests/exactly_once.rs` runs it smaller
//! and asserts its targets.

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2_000);
    let report = attio_tests::exactly_once::run(n).await;
    println!("exactly-once fault suite, N = {n} per kind, default retry policy");
    println!("{report}");
}
