//! Shared state through a real Redis server: clients built separately (as separate processes
//! are: their own builder, their own memory, their own connection to Redis) share one rate-limit
//! budget and the pauses of `429`s, receivers share the webhook keys they have seen, and what
//! happens when Redis is killed mid-run.
//!
//! Each test starts its own `redis-server` (`attio_tests::redis_server`) on a free loopback port,
//! with no persistence. Without `redis-server` installed the tests print one line saying so and
//! pass without running, unless `CI` is set, where they fail.
//!
//! One test binary; a module a subject: `budget` (N clients within one budget, counted per second
//! at the sandbox), `pause` (a 429 one client meets holds the other), `dedup` (one key, several
//! receivers, a time to live) and `outage` (Redis killed: the limiter falls back or waits, and
//! deduplication says unknown).

mod budget;
mod dedup;
mod outage;
mod pause;

use std::sync::Arc;

use attio::shared::RedisStore;
use attio::{Client, ClientBuilder};
use attio_sandbox::Sandbox;
use attio_tests::redis_server::RedisServer;

/// A store of its own on `redis`: a connection of its own, as another process would have.
fn store(redis: &RedisServer) -> Arc<RedisStore> {
    Arc::new(RedisStore::new(&redis.url()).expect("a Redis store"))
}

/// A builder for a client of `sandbox` whose limiter keeps its budgets in `store`.
fn client_on(sandbox: &Sandbox, store: Arc<RedisStore>) -> ClientBuilder {
    attio_tests::sandbox_client(sandbox).limiter_store(store)
}

/// `n` reads (`GET /v2/self`) by `client`, `tasks` at a time.
async fn reads(client: &Client, n: usize, tasks: usize) {
    let per_task = n / tasks;
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                for _ in 0..per_task {
                    client.whoami().await.expect("a read succeeds");
                }
            })
        })
        .collect();
    for handle in handles {
        handle.await.expect("the reading task ends");
    }
}
