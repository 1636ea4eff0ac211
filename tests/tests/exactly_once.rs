//! Exactly once under faults: creates, multiselect appends and overwrites through a sandbox that
//! fails requests before processing them *and after applying them* (answers lost, a proxy's 502),
//! with the client's default retry policy; then Attio's state is read back and compared with what
//! every call reported (see `attio_tests::exactly_once`).
//!
//! ```sh
//! cargo test -p attio-tests --test exactly_once -- --nocapture                 # N = 300 per kind
//! ATTIO_EXACTLY_ONCE_N=2000 cargo test -p attio-tests --test exactly_once -- --nocapture
//! cargo run --release -p attio-benches --example exactly_once                   # N = 2,000, the table
//! ```
//!
//! Targets: for creates on a type with a unique attribute, appends and overwrites, nothing lost,
//! nothing duplicated, no call failed (so none failed although applied); for creates on a type
//! without one, nothing lost or duplicated, and every failure reported with outcome `Unknown`.

use attio_tests::exactly_once;

fn n() -> usize {
    std::env::var("ATTIO_EXACTLY_ONCE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n >= 10)
        .unwrap_or(300)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_in_doubt_are_resolved_exactly_once() {
    let n = n();
    let report = exactly_once::run(n).await;
    println!("{report}");
    for operation in [
        "create (unique)",
        "append (PATCH of a Vec field)",
        "overwrite (PUT)",
    ] {
        let row = report.row(operation);
        assert_eq!(row.attempted, n, "{report}");
        assert_eq!(
            (row.lost, row.duplicated, row.failed_but_applied, row.failed),
            (0, 0, 0, 0),
            "{operation}: lost, duplicated, failed but applied, failed\n{report}"
        );
    }
    let row = report.row("create (no unique attribute)");
    assert_eq!((row.lost, row.duplicated), (0, 0), "{report}");
    assert_eq!(
        row.failed_not_unknown, 0,
        "every failed create without a unique attribute says its outcome is unknown\n{report}"
    );
    assert!(
        row.failed > 0,
        "the faults make some creates without a unique attribute fail\n{report}"
    );
    assert!(
        report.requests > 4 * n,
        "the faults were injected and retried\n{report}"
    );
}
