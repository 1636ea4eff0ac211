//! Four clients on one Redis store stay within one budget together: counted at the sandbox, per
//! second, with Attio's rate limits on. The same four clients without the store collect 429s.

use std::collections::BTreeMap;
use std::time::UNIX_EPOCH;

use attio::{Client, RateLimits};
use attio_sandbox::{RecordedRequest, Sandbox};
use attio_tests::redis_server::RedisServer;

use super::{client_on, reads, store};

/// The reads per second the sandbox allows, as Attio allows 100.
const LIMIT: u32 = 20;
/// The reads per second the clients share: a little under the limit, so that a request granted
/// at the end of a second and still on its way at the start of the next cannot tip that second
/// over.
const BUDGET: u32 = 18;
const CLIENTS: usize = 4;
/// Reads per client: together enough for about three seconds of the budget.
const READS: usize = 12;

async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .rate_limits(true)
        .reads_per_second(LIMIT)
        .record_requests(1_000)
        .start()
        .await
        .expect("the sandbox starts")
}

/// The requests the sandbox received in each second (since the epoch, as its limits count them).
fn per_second(requests: &[RecordedRequest]) -> BTreeMap<u64, usize> {
    let mut seconds = BTreeMap::new();
    for r in requests {
        let second = r
            .received_at
            .duration_since(UNIX_EPOCH)
            .expect("after the epoch")
            .as_secs();
        *seconds.entry(second).or_default() += 1;
    }
    seconds
}

/// Every client reads `READS` times, three tasks each, all at once; the 429s they met.
async fn read_together(clients: &[Client]) -> u64 {
    let runs: Vec<_> = clients.iter().map(|c| reads(c, READS, 3)).collect();
    futures::future::join_all(runs).await;
    clients.iter().map(|c| c.stats().rate_limited).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_clients_on_one_redis_store_stay_within_one_budget() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let sb = sandbox().await;
    let clients: Vec<Client> = (0..CLIENTS)
        .map(|_| {
            client_on(&sb, store(&redis))
                .rate_limits(RateLimits::default().reads_per_second(BUDGET))
                .build()
                .expect("a client")
        })
        .collect();

    let rate_limited = read_together(&clients).await;

    let requests = sb.recent_requests();
    let seconds = per_second(&requests);
    assert_eq!(requests.len(), CLIENTS * READS, "one request per read");
    assert_eq!(
        rate_limited, 0,
        "no 429: together the clients kept under the sandbox's limit; per second: {seconds:?}"
    );
    assert!(
        seconds.values().all(|n| *n <= LIMIT as usize),
        "at most {LIMIT} reads in any second: {seconds:?}"
    );
    for client in &clients {
        assert_eq!(client.stats().limiter_store_errors, 0);
    }
    sb.shutdown().await;
}

/// The control: the same four clients, each with its own limiter in memory (today's default),
/// ask four times the budget and meet the sandbox's 429s. So the test above counts something.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_clients_each_alone_exceed_the_limit_together() {
    let sb = sandbox().await;
    let clients: Vec<Client> = (0..CLIENTS)
        .map(|_| {
            attio_tests::sandbox_client(&sb)
                .rate_limits(RateLimits::default().reads_per_second(BUDGET))
                .build()
                .expect("a client")
        })
        .collect();

    let rate_limited = read_together(&clients).await;

    assert!(
        rate_limited > 0,
        "{CLIENTS} clients at {BUDGET}/s each, against {LIMIT}/s: 429s expected; per second: {:?}",
        per_second(&sb.recent_requests())
    );
    sb.shutdown().await;
}
