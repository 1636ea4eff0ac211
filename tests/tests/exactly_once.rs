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
//! Targets: for creates on a type with a unique attribute (single-valued like `users.user_id`, or
//! multi-valued like `people.email_addresses` and `companies.domains`), appends and overwrites,
//! nothing lost, nothing duplicated, no call failed (so none failed although applied); for
//! creates on a type without one, nothing lost or duplicated, and every failure reported with
//! outcome `Unknown`.

use attio::prelude::*;
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
        "create (unique emails)",
        "create (unique domains)",
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

/// A create keyed by a multi-valued unique attribute (people by email) whose answer is lost:
/// sent again, recognised by its `uniqueness_conflict`, the records holding its addresses looked
/// up, and the one holding them all returned; one record.
#[tokio::test]
async fn a_create_by_email_whose_answer_was_lost_is_found_by_its_addresses() {
    use attio_sandbox::{Fault, Sandbox};
    use exactly_once::{Contact, contact_emails};

    let sb = Sandbox::builder().seed(2).start().await.unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    let contact = Contact {
        email_addresses: contact_emails(1),
        job_title: Some("contact 1".into()),
    };
    let before = sb.recent_requests().len();
    sb.inject_fault(Fault::StatusAfterApply(502), 1);
    let record = contact.create(&client).await.expect("resolved");
    let methods: Vec<(String, String)> = sb.recent_requests()[before..]
        .iter()
        .map(|r| (r.method.clone(), r.path.clone()))
        .collect();
    assert_eq!(
        methods,
        [
            ("POST".into(), "/v2/objects/people/records".into()),
            ("POST".into(), "/v2/objects/people/records".into()),
            ("POST".into(), "/v2/objects/people/records/query".into()),
        ],
        "the create, its repeat (a uniqueness_conflict), the look-up"
    );
    let all: Vec<_> =
        futures::TryStreamExt::try_collect::<Vec<_>>(Contact::query().stream(&client))
            .await
            .unwrap();
    let mine: Vec<_> = all
        .iter()
        .filter(|r| r.values.job_title.as_deref() == Some("contact 1"))
        .collect();
    assert_eq!(mine.len(), 1, "exactly one record");
    assert_eq!(mine[0].id.record_id, record.id.record_id);
    assert_eq!(record.values.email_addresses.len(), 2);
    sb.shutdown().await;
}

/// A create in doubt whose addresses turn out to belong to two other people is a real conflict:
/// the error names which record holds which address, and nothing is created.
#[tokio::test]
async fn addresses_spread_over_other_records_are_a_conflict_that_names_them() {
    use attio::{Error, ErrorCode, Outcome};
    use attio_sandbox::{Fault, Sandbox};
    use exactly_once::Contact;

    let sb = Sandbox::builder().seed(3).start().await.unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    let person = |emails: &[&str], title: &str| Contact {
        email_addresses: emails.iter().map(|e| e.parse().unwrap()).collect(),
        job_title: Some(title.into()),
    };
    let a = person(&["a@split.example"], "a")
        .create(&client)
        .await
        .unwrap();
    let b = person(&["b@split.example"], "b")
        .create(&client)
        .await
        .unwrap();
    // The first attempt fails before it is processed, but the client cannot know that.
    sb.inject_fault(Fault::Status(503), 1);
    let err = person(
        &["A@split.example", "b@split.example", "c@split.example"],
        "c",
    )
    .create(&client)
    .await
    .unwrap_err();
    let Error::UniqueValuesHeld {
        object,
        attribute,
        held,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!((*object, *attribute), ("people", "email_addresses"));
    let held: Vec<(String, Option<attio::RecordId>)> = held
        .iter()
        .map(|h| (h.value.clone(), h.record_id.clone()))
        .collect();
    assert_eq!(
        held,
        [
            ("A@split.example".into(), Some(a.id.record_id.clone())),
            ("b@split.example".into(), Some(b.id.record_id.clone())),
            ("c@split.example".into(), None),
        ]
    );
    assert_eq!(err.outcome(), Outcome::NotApplied);
    assert_eq!(err.code(), Some(&ErrorCode::UniquenessConflict));
    let message = err.to_string();
    assert!(
        message.contains(a.id.record_id.as_str())
            && message.contains("`c@split.example` is held by no record")
            && message.contains("nothing was created"),
        "{message}"
    );
    let all: Vec<_> =
        futures::TryStreamExt::try_collect::<Vec<_>>(Contact::query().stream(&client))
            .await
            .unwrap();
    assert_eq!(all.len(), 2, "nothing was created");
    sb.shutdown().await;
}

/// A struct that does not mark `domains` unique: a create in doubt cannot be resolved until the
/// client has checked the struct against the live schema, which says `companies.domains` is
/// unique; from then on it is resolved through it.
#[tokio::test]
async fn a_checked_schema_supplies_the_unique_attribute() {
    use attio::{Error, Outcome, attio_object};
    use attio_sandbox::{Fault, Sandbox};

    #[attio_object(slug = "companies")]
    #[derive(Debug)]
    struct Company {
        name: Option<String>,
        domains: Vec<attio::Domain>,
    }
    let company = |i: usize| Company {
        name: Some(format!("company {i}")),
        domains: exactly_once::firm_domains(i),
    };

    let sb = Sandbox::builder().seed(4).start().await.unwrap();
    let client = attio_tests::sandbox_client(&sb).build().unwrap();
    sb.inject_fault(Fault::DropAfterApply, 1);
    let err = company(1).create(&client).await.unwrap_err();
    assert!(matches!(err, Error::Unresolved { .. }), "{err:?}");
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert!(err.to_string().contains("check_schema"), "{err}");

    client.check_schema::<Company>().await.unwrap();
    sb.inject_fault(Fault::DropAfterApply, 1);
    let record = company(2).create(&client).await.expect("resolved");
    let all: Vec<_> =
        futures::TryStreamExt::try_collect::<Vec<_>>(Company::query().stream(&client))
            .await
            .unwrap();
    let mine: Vec<_> = all
        .iter()
        .filter(|r| r.values.name.as_deref() == Some("company 2"))
        .collect();
    assert_eq!(mine.len(), 1, "exactly one record");
    assert_eq!(mine[0].id.record_id, record.id.record_id);
    sb.shutdown().await;
}

/// When the look-up that would settle a create in doubt fails too, the create stays in doubt:
/// `Unresolved`, outcome `Unknown`, saying the look-up failed; never the look-up's own error,
/// whose outcome (a read's) would wrongly say nothing was applied.
#[tokio::test]
async fn a_failed_look_up_leaves_the_create_in_doubt() {
    use attio::{Error, Outcome, RetryPolicy};
    use attio_sandbox::{Fault, Sandbox};
    use exactly_once::{Contact, contact_emails};

    let sb = Sandbox::builder().seed(5).start().await.unwrap();
    let policy = RetryPolicy::default()
        .max_attempts(2)
        .initial_backoff(std::time::Duration::from_millis(1));
    let client = attio_tests::sandbox_client(&sb)
        .retry_policy(policy)
        .build()
        .unwrap();
    // The create lands but its answer is lost; its repeat, and both tries of the look-up, meet
    // a 503.
    sb.inject_fault(Fault::DropAfterApply, 1);
    sb.inject_fault(Fault::Status(503), 3);
    let err = Contact {
        email_addresses: contact_emails(7),
        job_title: None,
    }
    .create(&client)
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Unresolved { .. }), "{err:?}");
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert!(
        err.to_string()
            .contains("looking it up by `email_addresses` failed"),
        "{err}"
    );
    sb.shutdown().await;
}
