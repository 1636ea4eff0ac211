//! Redis killed mid-run: the limiter falls back to pacing the process alone (the default) or
//! waits for Redis and resumes when it is back (fail closed); deduplication says unknown, never
//! new, until Redis answers again.

use std::time::{Duration, Instant};

use attio::shared::StoreDown;
use attio::webhooks::{Dedup, Freshness};
use attio_sandbox::Sandbox;
use attio_tests::redis_server::RedisServer;

use super::{client_on, reads, store};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

/// Calls `probe` every 100 ms until it says yes; fails after 10 s.
async fn eventually<F: Future<Output = bool>>(what: &str, mut probe: impl FnMut() -> F) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !probe().await {
        assert!(Instant::now() < deadline, "not within 10 s: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_limiter_falls_back_to_local_pacing_while_redis_is_down() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sb = sandbox().await;
    let client = client_on(&sb, store(&redis)).build().expect("a client");
    reads(&client, 3, 1).await;
    assert_eq!(client.stats().limiter_store_errors, 0);

    redis.kill();
    reads(&client, 6, 2).await;
    let stats = client.stats();
    assert!(stats.limiter_store_errors >= 1, "{stats:?}");
    assert_eq!(stats.failures, 0, "every request completed: {stats:?}");
    assert_eq!(sb.total_requests(), 9);

    // Back: the limiter asks Redis again, and stops counting errors.
    redis.restart();
    let client = &client;
    eventually("the limiter uses Redis again", || async move {
        let before = client.stats().limiter_store_errors;
        tokio::time::sleep(Duration::from_millis(300)).await;
        client.whoami().await.expect("a read");
        client.stats().limiter_store_errors == before
    })
    .await;
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_closed_the_limiter_waits_for_redis_and_resumes_when_it_is_back() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let sb = sandbox().await;
    let client = client_on(&sb, store(&redis))
        .limiter_store_down(StoreDown::Wait)
        .build()
        .expect("a client");
    reads(&client, 1, 1).await;

    redis.kill();
    let waiting = tokio::spawn({
        let client = client.clone();
        async move { client.whoami().await }
    });
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(!waiting.is_finished(), "the read waits for Redis");
    assert_eq!(
        sb.total_requests(),
        1,
        "nothing is sent while Redis is down"
    );
    assert!(client.stats().limiter_store_errors >= 1);

    redis.restart();
    tokio::time::timeout(Duration::from_secs(10), waiting)
        .await
        .expect("the read resumes once Redis is back")
        .expect("the task ends")
        .expect("the read succeeds");
    assert_eq!(sb.total_requests(), 2);
    sb.shutdown().await;
}

#[tokio::test]
async fn deduplication_says_unknown_while_redis_is_down() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let dedup = Dedup::new(store(&redis));
    assert_eq!(dedup.check_key("a").await, Freshness::New);

    redis.kill();
    assert_eq!(dedup.check_key("a").await, Freshness::Unknown, "not seen");
    assert_eq!(dedup.check_key("b").await, Freshness::Unknown, "not new");
    assert!(dedup.forget_key("a").await.is_err(), "forgetting fails too");
    assert_eq!(dedup.store_errors(), 3);

    // Back (empty: this server keeps nothing on disk), it answers again.
    redis.restart();
    let dedup = &dedup;
    eventually("deduplication uses Redis again", || async move {
        dedup.check_key("c").await != Freshness::Unknown
    })
    .await;
    assert_eq!(dedup.check_key("c").await, Freshness::Seen);
}
