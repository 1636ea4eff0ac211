//! `Client::bulk` against the sandbox: 500 updates at Attio's write limit with no failure reaching
//! the caller, and the per-item stream's order, counts and errors.
//!
//! Run: `cargo test -p attio-tests --test bulk -- --nocapture` (the first test takes ~20 s: it
//! runs at 25 writes per second; its timing is printed, and measured in
//! `cargo bench -p attio-benches --bench bulk`).

use std::time::Instant;

use attio::{Client, EmailAddress, ErrorCode, RateLimits, RecordId, attio_object};
use attio_sandbox::Sandbox;
use futures::StreamExt;
use serde_json::json;

#[attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    user_id: String,
    primary_email_address: EmailAddress,
}

fn user(i: usize, tag: &str) -> User {
    User {
        user_id: format!("{tag}-{i}"),
        primary_email_address: format!("person{i}@company.com").parse().unwrap(),
    }
}

/// Inserts `n` users and returns their ids.
fn seed_users(sb: &Sandbox, n: usize) -> Vec<RecordId> {
    (0..n)
        .map(|i| {
            let id = format!("00000000-0000-4000-a000-{i:012}");
            sb.insert_record(
                "users",
                &id,
                json!({"user_id": format!("seed-{i}"), "primary_email_address": format!("person{i}@company.com")}),
            )
            .unwrap();
            id.parse().unwrap()
        })
        .collect()
}

fn client(sb: &Sandbox, limits: RateLimits) -> Client {
    attio_tests::sandbox_client(sb)
        .rate_limits(limits)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_updates_at_the_write_limit_all_succeed_with_no_429_surfaced() {
    let sb = Sandbox::builder().rate_limits(true).start().await.unwrap();
    let ids = seed_users(&sb, 500);
    let client = client(&sb, RateLimits::default());
    let items: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), user(i, "bulk")))
        .collect();

    let started = Instant::now();
    let mut callbacks = 0;
    let mut last_done = 0;
    let report = client
        .bulk()
        .update_all(items, |p| {
            callbacks += 1;
            assert_eq!(p.done, last_done + 1, "one callback per item, counting up");
            last_done = p.done;
            assert_eq!(p.total, Some(500));
        })
        .await;
    let elapsed = started.elapsed();
    let stats = client.stats();
    println!(
        "500 updates in {:.2} s ({:.1} writes/s); 429s absorbed: {}, retries: {}",
        elapsed.as_secs_f64(),
        500.0 / elapsed.as_secs_f64(),
        stats.rate_limited,
        stats.retries
    );

    assert_eq!(callbacks, 500);
    assert_eq!(report.progress.done, 500);
    assert_eq!(report.progress.succeeded, 500);
    assert_eq!(report.progress.failed, 0);
    assert_eq!(
        stats.failures, 0,
        "no 429 (or anything else) reached the caller"
    );
    let records = report.into_records().unwrap();
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record.id.record_id, ids[i], "results are in input order");
        assert_eq!(record.values, user(i, "bulk"));
    }
    assert_eq!(
        sb.request_count("PATCH", &format!("/v2/objects/users/records/{}", ids[0])),
        1
    );
}

#[tokio::test]
async fn the_stream_reports_each_item_with_its_index_counts_and_error() {
    let sb = Sandbox::start().await.unwrap();
    let mut ids = seed_users(&sb, 20);
    // Item 7 names a record that does not exist.
    ids[7] = "00000000-0000-4000-a000-999999999999".parse().unwrap();
    let client = client(&sb, RateLimits::unlimited());
    let items: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), user(i, "stream")))
        .collect();

    let bulk = client.bulk().concurrency(4);
    let outcomes: Vec<_> = bulk.update(items).collect().await;
    assert_eq!(outcomes.len(), 20);
    let mut seen: Vec<usize> = outcomes.iter().map(|o| o.index).collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..20).collect::<Vec<_>>());
    let last = outcomes.last().unwrap().progress;
    assert_eq!(
        (last.done, last.succeeded, last.failed, last.total),
        (20, 19, 1, Some(20))
    );
    for (k, o) in outcomes.iter().enumerate() {
        assert_eq!(o.progress.done, k + 1);
        match (&o.result, o.index) {
            (Err(attio::Error::Api(e)), 7) => assert_eq!(e.code, ErrorCode::NotFound),
            (Ok(r), i) => assert_eq!(r.values, user(i, "stream")),
            (other, i) => panic!("item {i}: {other:?}"),
        }
    }

    // Creates, through the collecting form: results come back in input order.
    let new_users = (100..110).map(|i| user(i, "created"));
    let report = client.bulk().create_all(new_users, |_| {}).await;
    assert_eq!(report.progress.succeeded, 10);
    assert_eq!(report.errors().count(), 0);
    let created = report.into_records().unwrap();
    for (k, r) in created.iter().enumerate() {
        assert_eq!(r.values.user_id, format!("created-{}", 100 + k));
    }
}
