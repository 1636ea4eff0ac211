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

/// One create whose answer is lost after Attio applied it, on a type with a unique attribute:
/// sent again, recognised by its `uniqueness_conflict`, looked up and returned; one record.
#[tokio::test]
async fn a_create_whose_answer_was_lost_is_found_by_its_unique_attribute() {
    use attio::{Error, Outcome};
    use attio_sandbox::{Fault, Sandbox};
    use exactly_once::{Anonymous, Member};

    let sb = Sandbox::builder().seed(1).start().await.unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    let member = Member {
        user_id: "u1".into(),
        primary_email_address: "u1@exactly-once.example".parse().unwrap(),
        tags: vec![],
    };
    exactly_once::setup(&client).await;
    let before = sb.recent_requests().len();
    sb.inject_fault(Fault::DropAfterApply, 1);
    let record = member.create(&client).await.expect("resolved");
    assert_eq!(record.values.user_id, "u1");
    let methods: Vec<(String, String)> = sb.recent_requests()[before..]
        .iter()
        .map(|r| (r.method.clone(), r.path.clone()))
        .collect();
    assert_eq!(
        methods,
        [
            ("POST".into(), "/v2/objects/users/records".into()),
            ("POST".into(), "/v2/objects/users/records".into()),
            ("POST".into(), "/v2/objects/users/records/query".into()),
        ],
        "the create, its repeat (a uniqueness_conflict), the look-up"
    );
    let users = Member::query().stream(&client);
    let all: Vec<_> = futures::TryStreamExt::try_collect::<Vec<_>>(users)
        .await
        .unwrap();
    assert_eq!(all.len(), 1, "exactly one record");
    assert_eq!(all[0].id.record_id, record.id.record_id);

    // A create refused before processing: sent again, created once.
    sb.inject_fault(Fault::Status(503), 1);
    let second = Member {
        user_id: "u2".into(),
        primary_email_address: "u2@exactly-once.example".parse().unwrap(),
        tags: vec![],
    }
    .create(&client)
    .await
    .expect("resolved");
    assert_eq!(second.values.user_id, "u2");

    // Without a unique attribute, the create cannot be resolved: the error says so.
    sb.inject_fault(Fault::StatusAfterApply(502), 1);
    let err = Anonymous {
        job_title: Some("nobody".into()),
    }
    .create(&client)
    .await
    .unwrap_err();
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert!(matches!(err, Error::Unresolved { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("may or may not have been applied")
            && message.contains("#[attio(unique)]"),
        "{message}"
    );
    assert_eq!(err.status(), Some(502));
    sb.shutdown().await;
}
