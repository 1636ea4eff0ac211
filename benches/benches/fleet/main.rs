//! The fleet: several OS processes on one token and one Redis, against the sandbox with Attio's
//! limits on. `cargo bench -p attio-benches --bench fleet` prints three tables:
//!
//! 1. **Writers.** Four worker processes update records for [`WRITE_SECONDS`], first each with
//!    its own limiter in memory (one process's view: each believes it has the whole 25 writes/s),
//!    then with the limiter in Redis (one budget for all four). Aggregate writes per second
//!    against Attio's 25, the share of requests answered 429, the errors that reached the
//!    caller.
//! 2. **Webhooks.** Three receiver processes behind a round-robin proxy; 1,000 records created,
//!    so 1,000 `record.created` events; the proxy answers 500 to 10% of first deliveries *after*
//!    the receiver handled them (the answer is lost), so the sandbox's retry lands on another
//!    replica. Deduplication in each receiver's memory, then in Redis: events handled, distinct,
//!    handled twice.
//! 3. **Redis restarted.** Writers and receivers on Redis together, with Redis killed a third of
//!    the way through and started again two thirds through (with its append-only file, as a
//!    deployment that relies on it for deduplication keeps it). The limiter falls back to local
//!    limits meanwhile (the 429s show it); receivers answer 503 while deduplication is unknown,
//!    and the sandbox delivers again later.
//!
//! Each process is this benchmark's own executable started again with `ATTIO_FLEET_ROLE` set
//! (`writer` or `receiver`); it reports on its standard output. Without `redis-server` installed
//! the benchmark says so and stops.

mod proxy;
mod receivers;
mod writers;

use std::time::Duration;

use attio_tests::redis_server::RedisServer;

/// How long each writers' run lasts.
const WRITE_SECONDS: u64 = 20;
/// Worker processes that write.
const WRITERS: usize = 4;
/// Receiver processes.
const RECEIVERS: usize = 3;
/// Records created in a webhooks run: one event each.
const EVENTS: usize = 1_000;

fn main() {
    match std::env::var("ATTIO_FLEET_ROLE").as_deref() {
        Ok("writer") => return writers::worker(),
        Ok("receiver") => return receivers::worker(),
        Ok(other) => panic!("ATTIO_FLEET_ROLE={other}: expected `writer` or `receiver`"),
        Err(_) => {}
    }
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list`: nothing to list but this program
    }
    let Some(mut redis) = RedisServer::start_durable() else {
        println!("fleet: not run, redis-server is not installed (apt-get install redis-server)");
        return;
    };
    let rt = runtime();
    println!(
        "fleet: {} ({})",
        attio_benches::machine(),
        redis_version().unwrap_or_else(|| "redis-server".into())
    );

    println!(
        "\n1. {WRITERS} writer processes, one token, {WRITE_SECONDS} s each run, the sandbox at Attio's 25 writes/s"
    );
    writers::print_header();
    let local = rt.block_on(writers::run(None));
    local.print("limiter in each process");
    let shared = rt.block_on(writers::run(Some(redis.url())));
    shared.print("limiter in Redis");

    println!(
        "\n2. {RECEIVERS} receiver processes behind a round-robin proxy, {EVENTS} events, 10% of first deliveries answered 500 after handling"
    );
    receivers::print_header();
    let memory = rt.block_on(receivers::run(None, None));
    memory.print("dedup in each process");
    let shared_dedup = rt.block_on(receivers::run(Some(redis.url()), None));
    shared_dedup.print("dedup in Redis");

    let outage = Outage {
        down_at: Duration::from_secs(WRITE_SECONDS / 3),
        up_at: Duration::from_secs(WRITE_SECONDS * 2 / 3),
    };
    println!(
        "\n3. both on Redis at once, Redis killed at {} s and started again at {} s",
        outage.down_at.as_secs(),
        outage.up_at.as_secs()
    );
    let (written, received) = rt.block_on(async {
        let url = redis.url();
        let (tx, rx) = tokio::sync::oneshot::channel();
        let outage_task = tokio::task::spawn_blocking(move || {
            std::thread::sleep(outage.down_at);
            redis.kill();
            std::thread::sleep(outage.up_at - outage.down_at);
            redis.restart();
            let _ = tx.send(redis);
        });
        let both = tokio::join!(
            writers::run(Some(url.clone())),
            receivers::run(Some(url), Some(outage)),
        );
        outage_task.await.expect("the outage task ends");
        let _redis = rx.await.expect("the server is handed back");
        both
    });
    writers::print_header();
    written.print("limiter in Redis, outage");
    receivers::print_header();
    received.print("dedup in Redis, outage");

    println!(
        "\ntargets: shared limiter >= 95% of 25 writes/s, <= 1% of requests answered 429, 0 errors;"
    );
    println!("         dedup in Redis: {EVENTS} distinct, 0 twice, with and without the outage");
}

/// A Tokio runtime of two worker threads, for the parent and each worker process alike.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime")
}

/// When Redis goes down and comes back, from the start of a run.
#[derive(Debug, Clone, Copy)]
struct Outage {
    down_at: Duration,
    up_at: Duration,
}

/// `redis-server --version`'s version, if it answers.
fn redis_version() -> Option<String> {
    let out = std::process::Command::new("redis-server")
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.split_whitespace().find_map(|w| w.strip_prefix("v="))?;
    Some(format!("redis {version}"))
}

/// This executable started again in `role`, with `env`, its standard output piped back.
fn spawn_self(role: &str, env: &[(&str, String)]) -> tokio::process::Child {
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let mut command = tokio::process::Command::new(exe);
    command
        .env("ATTIO_FLEET_ROLE", role)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .kill_on_drop(true);
    command.spawn().expect("a worker process starts")
}
