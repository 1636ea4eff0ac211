//! Webhook deduplication shared through Redis: one key, several receivers, new once; a key
//! forgotten, or past its time to live, is new again.

use std::time::Duration;

use attio::webhooks::{Dedup, Freshness};
use attio_tests::redis_server::RedisServer;

use super::store;

#[tokio::test]
async fn one_key_is_new_once_across_receivers_then_new_again_after_its_ttl() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let ttl = Duration::from_millis(300);
    let a = Dedup::new(store(&redis)).ttl(ttl);
    let b = Dedup::new(store(&redis)).ttl(ttl);
    let key = "5d0b7b87-1b0c-4f5d-9d4e-0d1e2f3a4b5c";

    assert_eq!(a.check_key(key).await, Freshness::New);
    assert_eq!(b.check_key(key).await, Freshness::Seen, "another receiver");
    assert_eq!(a.check_key(key).await, Freshness::Seen, "the same receiver");

    // Handling failed on `b`: it forgets the key, and Attio's retry is new wherever it lands.
    b.forget_key(key).await.expect("Redis answers");
    assert_eq!(a.check_key(key).await, Freshness::New);
    assert_eq!(b.check_key(key).await, Freshness::Seen);

    tokio::time::sleep(ttl + Duration::from_millis(100)).await;
    assert_eq!(
        b.check_key(key).await,
        Freshness::New,
        "past its time to live"
    );
    assert_eq!(a.check_key(key).await, Freshness::Seen);
    assert_eq!(a.store_errors() + b.store_errors(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_eight_receivers_checking_one_key_at_once_one_finds_it_new() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let receivers: Vec<Dedup> = (0..8).map(|_| Dedup::new(store(&redis))).collect();
    let answers = futures::future::join_all(
        receivers
            .iter()
            .map(|d| async move { d.check_key("the-same-delivery").await }),
    )
    .await;
    assert_eq!(
        answers.iter().filter(|a| **a == Freshness::New).count(),
        1,
        "{answers:?}"
    );
    assert_eq!(
        answers.iter().filter(|a| **a == Freshness::Seen).count(),
        7,
        "{answers:?}"
    );
}
