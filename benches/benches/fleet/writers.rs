//! The writers: worker processes that update records on one token, and the run that starts them
//! and adds up what they report.

use attio::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use attio::shared::RedisStore;
use attio::{Client, RecordId};
use attio_benches::{ThreadSandbox, update_user};
use serde::{Deserialize, Serialize};
use tokio::io::AsyncReadExt as _;

use super::{WRITE_SECONDS, WRITERS, spawn_self};

/// Attio's write limit, which the sandbox enforces per second.
const LIMIT: f64 = 25.0;
/// Concurrent updates in each worker process.
const TASKS: usize = 6;
/// Records the workers update, round robin.
const RECORDS: usize = 40;

/// What one worker process reports.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Report {
    ok: u64,
    errors: u64,
    attempts: u64,
    rate_limited: u64,
    store_errors: u64,
    first_error: Option<String>,
}

/// What a run of all the workers adds up to.
pub struct Figures {
    seconds: f64,
    total: Report,
}

pub fn print_header() {
    println!(
        "   {:<28} {:>9} {:>8} {:>9} {:>6} {:>6} {:>7}",
        "", "writes/s", "of 25/s", "requests", "429s", "429 %", "errors"
    );
}

impl Figures {
    pub fn print(&self, label: &str) {
        let t = &self.total;
        let per_second = t.ok as f64 / self.seconds;
        let share = if t.attempts == 0 {
            0.0
        } else {
            100.0 * t.rate_limited as f64 / t.attempts as f64
        };
        println!(
            "   {label:<28} {per_second:>9.2} {:>7.1}% {:>9} {:>6} {share:>5.2}% {:>7}",
            100.0 * per_second / LIMIT,
            t.attempts,
            t.rate_limited,
            t.errors,
        );
        if t.store_errors > 0 {
            println!(
                "   {:<28} the limiter could not reach Redis {} times and used local limits",
                "", t.store_errors
            );
        }
        if let Some(e) = &t.first_error {
            println!("   {:<28} first error: {e}", "");
        }
    }
}

/// Starts a sandbox with Attio's limits on, then [`WRITERS`] worker processes (on Redis's
/// limiter when `redis` is given) for [`WRITE_SECONDS`], and adds up their reports.
pub async fn run(redis: Option<String>) -> Figures {
    let sandbox = tokio::task::spawn_blocking(|| ThreadSandbox::start(true, RECORDS))
        .await
        .expect("the sandbox starts");
    let ids = sandbox
        .ids
        .iter()
        .map(RecordId::as_str)
        .collect::<Vec<_>>()
        .join(",");
    let mut env = vec![
        ("FLEET_BASE_URL", sandbox.base_url.clone()),
        ("FLEET_API_KEY", sandbox.api_key.clone()),
        ("FLEET_SECONDS", WRITE_SECONDS.to_string()),
        ("FLEET_IDS", ids),
    ];
    if let Some(url) = redis {
        env.push(("FLEET_REDIS_URL", url));
    }
    let started = Instant::now();
    let children: Vec<_> = (0..WRITERS).map(|_| spawn_self("writer", &env)).collect();
    let mut total = Report::default();
    for mut child in children {
        let mut out = String::new();
        let mut stdout = child.stdout.take().expect("piped");
        stdout
            .read_to_string(&mut out)
            .await
            .expect("the worker's report");
        let status = child.wait().await.expect("the worker ends");
        assert!(status.success(), "a writer failed ({status}): {out}");
        let report: Report = serde_json::from_str(out.trim())
            .unwrap_or_else(|e| panic!("a writer's report {out:?}: {e}"));
        total.ok += report.ok;
        total.errors += report.errors;
        total.attempts += report.attempts;
        total.rate_limited += report.rate_limited;
        total.store_errors += report.store_errors;
        total.first_error = total.first_error.or(report.first_error);
    }
    let seconds = started.elapsed().as_secs_f64().max(WRITE_SECONDS as f64);
    tokio::task::spawn_blocking(move || drop(sandbox))
        .await
        .expect("the sandbox stops");
    Figures { seconds, total }
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

/// A worker process: updates records with [`TASKS`] tasks until its time is up, then prints its
/// [`Report`] as one line of JSON.
pub fn worker() {
    let rt = super::runtime();
    let report = rt.block_on(work());
    println!(
        "{}",
        serde_json::to_string(&report).expect("a report is JSON")
    );
}

async fn work() -> Report {
    let mut builder = Client::builder()
        .api_key(var("FLEET_API_KEY"))
        .base_url(var("FLEET_BASE_URL"));
    if let Ok(url) = std::env::var("FLEET_REDIS_URL") {
        let store = RedisStore::new(&url).expect("a Redis store");
        builder = builder.limiter_store(Arc::new(store));
    }
    let client = builder.build().expect("a client");
    let ids: Arc<Vec<RecordId>> = Arc::new(
        var("FLEET_IDS")
            .split(',')
            .map(|id| RecordId::new(id).expect("a record id"))
            .collect(),
    );
    let seconds: u64 = var("FLEET_SECONDS").parse().expect("FLEET_SECONDS");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let ok = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let first_error = Arc::new(Mutex::new(None));
    let tasks: Vec<_> = (0..TASKS)
        .map(|task| {
            let (client, ids) = (client.clone(), ids.clone());
            let (ok, errors, first_error) = (ok.clone(), errors.clone(), first_error.clone());
            tokio::spawn(async move {
                let mut i = task;
                while Instant::now() < deadline {
                    match update_user(i).update(&client, &ids[i % ids.len()]).await {
                        Ok(_) => ok.fetch_add(1, Ordering::Relaxed),
                        Err(e) => {
                            first_error
                                .lock()
                                .expect("not poisoned")
                                .get_or_insert_with(|| e.to_string());
                            errors.fetch_add(1, Ordering::Relaxed)
                        }
                    };
                    i += TASKS;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a writing task ends");
    }
    let stats = client.stats();
    let first_error = first_error.lock().expect("not poisoned").take();
    Report {
        ok: ok.load(Ordering::Relaxed),
        errors: errors.load(Ordering::Relaxed),
        attempts: stats.attempts,
        rate_limited: stats.rate_limited,
        store_errors: stats.limiter_store_errors,
        first_error,
    }
}
