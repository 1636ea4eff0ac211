//! SQL against typed queries: one join-and-aggregate question over 100,000 deals, asked of the
//! sandbox's `POST /v2/sql` (SQLite, its tables built from the store at each query) and through
//! streaming typed queries folded in Rust. Two figures side by side, and the part of the SQL
//! figure that is building the tables (`SELECT 1` builds them too). No target.
//!
//! `cargo bench -p attio-benches --bench sql` (SQL_N overrides 100,000 deals).

use attio::prelude::*;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use attio::{ActorReference, Client, Currency, RateLimits, Ref, Status, attio_list, attio_object};
use attio_benches::machine;
use futures::TryStreamExt as _;
use serde::Deserialize;

#[attio_object(slug = "companies")]
struct Company {
    name: String,
}

#[attio_object(slug = "deals")]
struct Deal {
    stage: Status,
    owner: ActorReference,
    value: Option<Currency>,
    associated_company: Option<Ref<Company>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, attio::SelectEnum)]
enum Segment {
    Enterprise,
    Startup,
}

#[attio_list(slug = "key_accounts", parent = Company)]
struct KeyAccount {
    segment: Segment,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Row {
    stage: String,
    deals: i64,
    value: f64,
}

const QUERY: &str = "SELECT d.stage AS stage, count(*) AS deals, sum(d.value) AS value \
     FROM deals d JOIN lists.key_accounts k \
       ON d.associated_company ->> 'entity_instance_id' = k.parent_record ->> 'entity_instance_id' \
     GROUP BY d.stage ORDER BY d.stage";

const COMPANIES: usize = 1_000;

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return; // `cargo test --benches`: seeding 100,000 records is for `cargo bench` only.
    }
    let n: usize = std::env::var("SQL_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run(n));
}

async fn run(n: usize) {
    let sandbox = attio_sandbox::Sandbox::builder()
        .record_requests(0)
        .seed(7)
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .rate_limits(RateLimits::unlimited())
        .build()
        .unwrap();
    let seeding = Instant::now();
    let members = client.workspace_members().await.unwrap();
    let companies: Vec<String> = (0..COMPANIES)
        .map(|i| format!("00000000-0000-4000-8000-{i:012}"))
        .collect();
    sandbox
        .insert_records(
            "companies",
            companies.iter().enumerate().map(|(i, id)| {
                (
                    id.clone(),
                    serde_json::json!({"name": format!("Company {i}")}),
                )
            }),
        )
        .unwrap();
    let stages = ["Lead", "In Progress", "Won 🎉", "Lost"];
    let deals = (0..n).map(|i| {
        let values = serde_json::json!({
            "name": format!("Deal {i}"),
            "stage": stages[(i / 7) % stages.len()],
            "owner": members[i % members.len()].email_address.to_string(),
            "value": (i % 997) as f64 * 10.0,
            "associated_company": [{"target_object": "companies", "target_record_id": companies[i % COMPANIES]}],
        });
        (format!("10000000-0000-4000-8000-{i:012}"), values)
    });
    sandbox.insert_records("deals", deals).unwrap();
    KeyAccount::create_list(&client, "Key accounts")
        .await
        .unwrap();
    client
        .create_list_attribute(KeyAccount::fields().segment(), "Segment")
        .await
        .unwrap();
    for title in ["Enterprise", "Startup"] {
        client
            .create_list_choice(KeyAccount::fields().segment(), title)
            .await
            .unwrap();
    }
    for (i, id) in companies.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        let segment = if i % 4 == 0 {
            Segment::Enterprise
        } else {
            Segment::Startup
        };
        let company: Ref<Company> = Ref::new(id.parse().unwrap());
        KeyAccount { segment }.add(&client, &company).await.unwrap();
    }
    println!("{}", machine());
    println!(
        "seeded {n} deals over {COMPANIES} companies, {} of them in the list, in {:.1?}",
        COMPANIES / 2,
        seeding.elapsed()
    );

    let (sql, sql_time) = best_of(3, || async { client.sql::<Row>(QUERY).await.unwrap() }).await;
    let (_, build_time) = best_of(3, || async { client.sql_rows("SELECT 1").await.unwrap() }).await;
    let (typed, typed_time) = best_of(3, || fold(&client)).await;
    assert_eq!(sql.len(), typed.len(), "{sql:?} vs {typed:?}");
    for (a, b) in sql.iter().zip(&typed) {
        assert!(
            a.stage == b.stage && a.deals == b.deals && (a.value - b.value).abs() < 1e-6,
            "{a:?} vs {b:?}"
        );
    }
    println!(
        "join of deals with lists.key_accounts, grouped by stage: {} rows, the same both ways",
        sql.len()
    );
    println!("  POST /v2/sql (sandbox, SQLite)           {sql_time:>9.2?}");
    println!("  typed streams (Deal, KeyAccount) + fold  {typed_time:>9.2?}");
    println!("  (POST /v2/sql with SELECT 1, which only builds the tables: {build_time:.2?})");
}

/// The same answer: every key account's company, then every deal streamed and folded.
async fn fold(client: &Client) -> Vec<Row> {
    let mut key: HashMap<String, ()> = HashMap::new();
    let mut entries = KeyAccount::query().stream(client);
    while let Some(entry) = entries.try_next().await.unwrap() {
        key.insert(entry.parent_record_id.to_string(), ());
    }
    let mut by_stage: HashMap<String, (i64, f64)> = HashMap::new();
    let mut deals = Deal::query().stream(client);
    while let Some(deal) = deals.try_next().await.unwrap() {
        let company = deal
            .values
            .associated_company
            .as_ref()
            .and_then(Ref::record_id);
        if company.is_some_and(|c| key.contains_key(c.as_str())) {
            let slot = by_stage
                .entry(deal.values.stage.title().unwrap_or_default().to_owned())
                .or_default();
            slot.0 += 1;
            slot.1 += deal.values.value.as_ref().map_or(0.0, Currency::to_f64);
        }
    }
    let mut rows: Vec<Row> = by_stage
        .into_iter()
        .map(|(stage, (deals, value))| Row {
            stage,
            deals,
            value,
        })
        .collect();
    rows.sort_by(|a, b| a.stage.cmp(&b.stage));
    rows
}

async fn best_of<R, F: std::future::Future<Output = R>>(
    runs: usize,
    mut f: impl FnMut() -> F,
) -> (R, Duration) {
    let mut best: Option<(R, Duration)> = None;
    for _ in 0..runs {
        let started = Instant::now();
        let r = f().await;
        let took = started.elapsed();
        if best.as_ref().is_none_or(|(_, b)| took < *b) {
            best = Some((r, took));
        }
    }
    best.unwrap()
}
