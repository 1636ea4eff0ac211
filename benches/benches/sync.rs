//! `client.sync(items).by(key)` at Attio's rate limits, against the sandbox.
//!
//! 1. **Wall time.** 10,000 user records, 5% of them changed, the sandbox and the client at
//!    100 reads and 25 writes per second. The floor is what the limits allow at best:
//!    `pages / 100 + changed / 25` seconds (20 pages of 500: 0.2 s + 500 / 25 = 20 s = 20.2 s).
//!    Target: the sync's wall time ≤ 1.1 × the floor. Printed beside the naive alternative,
//!    asserting every record (`10,000 / 25` = 400 s at the write limit), as a ratio.
//! 2. **Memory.** A sync of 1,000 items against 100,000 records (rate limits off) streams every
//!    record; the client's peak heap above the baseline during it (the sandbox's thread is not
//!    counted) is printed in bytes and in pages of the answer's JSON (target: a few pages, flat
//!    in the number of records read), beside the same for 20,000 records.
//!
//! `cargo bench -p attio-benches --bench sync` (SYNC_N overrides 10,000; SYNC_STREAM_N 100,000).

use std::time::Instant;

use attio::Client;
use attio_benches::{ThreadSandbox, User, alloc, machine, update_user};

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn client(sb: &ThreadSandbox) -> Client {
    Client::builder()
        .api_key(&sb.api_key)
        .base_url(&sb.base_url)
        .build()
        .unwrap()
}

/// Item `i` of the wall-time run: every 20th has a new email address (5% changed).
fn item(i: usize) -> User {
    let mut user = update_user(i);
    if i.is_multiple_of(20) {
        user.primary_email_address = format!("changed{i}@company.com").parse().unwrap();
    }
    user
}

fn wall_time() {
    let n = env("SYNC_N", 10_000);
    let sb = ThreadSandbox::start(true, n);
    let rt = runtime();
    let client = client(&sb);
    let items: Vec<User> = (0..n).map(item).collect();
    let changed = items
        .iter()
        .enumerate()
        .filter(|(i, _)| i.is_multiple_of(20))
        .count();
    let pages = n.div_ceil(500);
    let floor = pages as f64 / 100.0 + changed as f64 / 25.0;
    let naive = n as f64 / 25.0;
    println!(
        "== sync: {n} records, {changed} changed, sandbox and client at 100 reads/s and 25 writes/s ({}) ==",
        machine()
    );
    let started = Instant::now();
    let report = rt
        .block_on(client.sync(items).by(User::fields().user_id()).run(|p| {
            if p.done.is_multiple_of(100) {
                println!("  {}/{} written, {} failed", p.done, p.total, p.failed);
            }
        }))
        .unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    println!("  {report}");
    println!(
        "sync: {:.2} s, floor {:.2} s ({pages} pages / 100 + {changed} changed / 25), ratio to floor = {:.3} (target <= 1.1); naive assert of every record at 25 writes/s = {:.0} s, naive / sync = {:.1}x; {} failed, {} 429s retried",
        elapsed,
        floor,
        elapsed / floor,
        naive,
        naive / elapsed,
        report.failed.len(),
        client.stats().rate_limited,
    );
    assert_eq!(
        report.updated, changed,
        "every changed record is written once"
    );
    assert_eq!(report.unchanged, n - changed);
}

/// The peak heap above the baseline while a sync of 1,000 items streams `records` records.
fn stream_peak(records: usize) -> (u64, u64) {
    let sb = ThreadSandbox::start(false, records);
    let rt = runtime();
    let client = client(&sb);
    let items: Vec<User> = (0..1_000).map(update_user).collect();
    // One page's JSON, the unit of the answer.
    let page_bytes = attio_benches::user_page(500).len() as u64;
    let base = alloc::live();
    alloc::reset_peak();
    let plan = rt
        .block_on(client.sync(items).by(User::fields().user_id()).plan())
        .unwrap();
    assert_eq!(plan.read, records);
    ((alloc::peak() - base).max(0) as u64, page_bytes)
}

fn memory() {
    let big = env("SYNC_STREAM_N", 100_000);
    let small = big / 5;
    println!(
        "== sync: streaming memory, 1,000 items against {small} and {big} records (rate limits off) =="
    );
    let (peak_small, page) = stream_peak(small);
    let (peak_big, _) = stream_peak(big);
    println!(
        "sync stream: peak heap above baseline {:.1} MB for {small} records, {:.1} MB for {big} records ({:.1} and {:.1} pages of {:.0} kB JSON); growth {:.2}x for {:.0}x the records (target: a few pages, flat)",
        peak_small as f64 / 1e6,
        peak_big as f64 / 1e6,
        peak_small as f64 / page as f64,
        peak_big as f64 / page as f64,
        page as f64 / 1e3,
        peak_big as f64 / peak_small.max(1) as f64,
        big as f64 / small as f64,
    );
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return; // `cargo test --benches`: this one takes about 25 s, so it runs only under `cargo bench`.
    }
    wall_time();
    memory();
}
