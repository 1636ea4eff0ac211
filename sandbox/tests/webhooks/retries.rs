//! Failed deliveries are retried with the same key and body, run out of attempts, do not hold up
//! shutdown; waiting too long says what arrived.

use std::time::Duration;

use attio_sandbox::{AttemptResult, Sandbox, WebhookRetry};
use serde_json::json;

use crate::common::Env;
use crate::harness::{WAIT, env, every, fast, hmac_hex, subscribe};
use crate::receiver::Receiver;

#[tokio::test]
async fn a_failed_delivery_is_retried_with_the_same_key_and_body() {
    let env = env().await;
    let receiver = Receiver::start(vec![500, 503]).await;
    let (wid, secret) = subscribe(&env, &receiver.url, every(&["record.created"])).await;
    env.create("people", json!({"job_title": "A"})).await;
    let delivered = env.sb.wait_for_delivered(1, WAIT).await.unwrap();
    let attempts = env.sb.webhook_deliveries();
    let results: Vec<(u32, AttemptResult)> = attempts
        .iter()
        .map(|a| (a.attempt, a.result.clone()))
        .collect();
    assert_eq!(
        results,
        [
            (1, AttemptResult::Status(500)),
            (2, AttemptResult::Status(503)),
            (3, AttemptResult::Status(200)),
        ]
    );
    let got = receiver.got();
    assert_eq!(got.len(), 3);
    for g in &got {
        assert_eq!(g.header("idempotency-key"), delivered[0].idempotency_key);
        assert_eq!(g.body, got[0].body);
        assert_eq!(g.header("attio-signature"), hmac_hex(&secret, &g.body));
    }
    let webhook = env.ok("GET", &format!("/v2/webhooks/{wid}"), None).await;
    assert_eq!(webhook["status"], "active");
}

#[tokio::test]
async fn a_delivery_that_runs_out_of_attempts_degrades_the_webhook() {
    let env = Env::with(
        Sandbox::builder()
            .webhook_retry(fast().timeout(Duration::from_millis(100)))
            .start()
            .await
            .unwrap(),
    )
    .await;
    // A listener that never accepts: connections wait in its backlog, and no answer comes.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let (wid, _) = subscribe(
        &env,
        &format!("http://{}/silent", silent.local_addr().unwrap()),
        every(&["record.created"]),
    )
    .await;
    env.create("people", json!({"job_title": "A"})).await;
    let attempts = env
        .sb
        .wait_for_deliveries(WAIT, |a| a.len() >= 3)
        .await
        .unwrap();
    assert!(
        attempts
            .iter()
            .all(|a| matches!(&a.result, AttemptResult::Failed(why) if why.contains("no answer"))),
        "{attempts:?}"
    );
    assert_eq!(
        attempts.iter().map(|a| a.attempt).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let webhook = env.ok("GET", &format!("/v2/webhooks/{wid}"), None).await;
    assert_eq!(webhook["status"], "degraded");
}

#[tokio::test]
async fn shutdown_does_not_wait_for_pending_retries() {
    let sb = Sandbox::builder()
        .webhook_retry(WebhookRetry::default().first_delay(Duration::from_secs(3600)))
        .start()
        .await
        .unwrap();
    let env = Env::with(sb).await;
    let receiver = Receiver::start(vec![500]).await;
    subscribe(&env, &receiver.url, every(&["record.created"])).await;
    env.create("people", json!({"job_title": "A"})).await;
    env.sb
        .wait_for_deliveries(WAIT, |a| !a.is_empty())
        .await
        .unwrap();
    let Env { sb, .. } = env;
    tokio::time::timeout(WAIT, sb.shutdown())
        .await
        .expect("shutdown returns with a retry pending");
}

#[tokio::test]
async fn waiting_too_long_says_what_arrived() {
    let env = env().await;
    let err = env
        .sb
        .wait_for_delivered(1, Duration::from_millis(10))
        .await
        .unwrap_err();
    assert!(err.attempts.is_empty());
    assert!(err.to_string().contains("did not arrive"), "{err}");
}
