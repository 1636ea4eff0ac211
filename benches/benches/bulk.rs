//! Bulk work at the rate limit: 500 updates through `Client::bulk` against the sandbox with
//! Attio's rate limits on (25 writes per second), with the client's default limits. Prints the
//! elapsed time, the writes per second, and the 429s the client absorbed. Target: about 21 s or
//! less (20 s is the limit itself), no failures.
//!
//! `cargo bench -p attio-benches --bench bulk` (BULK_N overrides 500).

use std::time::Instant;

use attio::Client;
use attio_benches::{ThreadSandbox, machine, update_user};

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return; // `cargo test --benches`: this one takes 20 s, so it runs only under `cargo bench`.
    }
    let n: usize = std::env::var("BULK_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let sb = ThreadSandbox::start(true, n);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder()
        .api_key(&sb.api_key)
        .base_url(&sb.base_url)
        .build()
        .unwrap();
    let items: Vec<_> = sb
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), update_user(i)))
        .collect();

    println!(
        "== bulk: {n} updates, sandbox and client at 25 writes/s ({}) ==",
        machine()
    );
    let started = Instant::now();
    let mut callbacks = 0usize;
    let report = rt.block_on(client.bulk().update_all(items, |p| {
        callbacks += 1;
        if p.done.is_multiple_of(100) || Some(p.done) == p.total {
            println!(
                "  {}/{} done, {} failed, {:.1}/s",
                p.done,
                p.total.unwrap_or(0),
                p.failed,
                p.per_second()
            );
        }
    }));
    let elapsed = started.elapsed();
    let stats = client.stats();
    println!(
        "bulk: {n} updates in {:.2} s = {:.2} writes/s (limit 25/s, ideal {:.2} s); succeeded {}, failed {}, 429s retried {}, progress callbacks {}  ratio to ideal = {:.3}  (target: <= ~21 s, 0 failed)",
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        (n as f64 - 1.0) / 25.0,
        report.progress.succeeded,
        report.progress.failed,
        stats.rate_limited,
        callbacks,
        elapsed.as_secs_f64() / ((n as f64 - 1.0) / 25.0),
    );
    assert_eq!(report.progress.failed, 0);
    assert_eq!(stats.failures, 0);
}
