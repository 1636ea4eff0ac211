//! The receivers: worker processes that verify each delivery, ask deduplication whether it is
//! new, and "handle" each new event by printing its record id; and the run that sends them
//! 1,000 events through the proxy and counts what they handled.

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use attio::shared::RedisStore;
use attio::webhooks::{
    Dedup, Event, EventType, Freshness, Subscription, VerifiedDelivery, WebhookSecret,
};
use attio::{Client, RateLimits};
use attio_benches::update_user;
use attio_sandbox::{AttemptResult, Sandbox, WebhookRetry};
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;
use tokio::io::{AsyncBufReadExt as _, BufReader};

use super::{EVENTS, Outage, RECEIVERS, WRITE_SECONDS, proxy, spawn_self};

/// What a webhooks run counted.
pub struct Figures {
    /// Events handled, repeats included.
    handled: usize,
    distinct: usize,
    twice: usize,
    /// Answers the proxy lost on purpose.
    lost: u64,
    /// Attempts after the first, over all deliveries.
    retries: usize,
    /// Deliveries that never got a 2xx.
    undelivered: usize,
    /// Deliveries answered 503 because deduplication could not reach its store.
    unknown: usize,
}

pub fn print_header() {
    println!(
        "   {:<28} {:>8} {:>9} {:>6} {:>11} {:>8} {:>12}",
        "", "handled", "distinct", "twice", "answer lost", "retries", "undelivered"
    );
}

impl Figures {
    pub fn print(&self, label: &str) {
        println!(
            "   {label:<28} {:>8} {:>9} {:>6} {:>11} {:>8} {:>12}",
            self.handled, self.distinct, self.twice, self.lost, self.retries, self.undelivered
        );
        if self.unknown > 0 {
            println!(
                "   {:<28} {} deliveries answered 503 while Redis was down (deduplication unknown)",
                "", self.unknown
            );
        }
    }
}

/// A sandbox without limits; [`RECEIVERS`] receiver processes (deduplicating in Redis when
/// `redis` is given, else each in its memory) behind the proxy; [`EVENTS`] records created, all
/// at once, or paced over [`WRITE_SECONDS`] when an `outage` is planned so that deliveries span
/// it. Waits until every delivery got a 2xx (or a minute passed), then counts.
pub async fn run(redis: Option<String>, outage: Option<Outage>) -> Figures {
    // Retries spaced to outlast an outage of a few seconds, as Attio's (over days) do.
    let retry = WebhookRetry::default()
        .first_delay(Duration::from_millis(100))
        .attempts(9);
    let sandbox = Sandbox::builder()
        .record_requests(0)
        .webhook_retry(retry)
        .start()
        .await
        .expect("the sandbox starts");
    let limits = match outage {
        Some(_) => RateLimits::default().writes_per_second((EVENTS as u64 / WRITE_SECONDS) as u32),
        None => RateLimits::unlimited(),
    };
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .rate_limits(limits)
        .build()
        .expect("a client");

    // The receivers start first: each says where it listens on its first line.
    let mut children = Vec::new();
    let mut replicas = Vec::new();
    let mut readers = Vec::new();
    // The secret exists once the webhook does, and the webhook needs the proxy's URL, which
    // needs the receivers' addresses: so the receivers read the secret from their standard
    // input, after they said where they listen.
    for _ in 0..RECEIVERS {
        let mut env = vec![];
        if let Some(url) = &redis {
            env.push(("FLEET_REDIS_URL", url.clone()));
        }
        let mut child = spawn_self("receiver", &env);
        let stdout = child.stdout.take().expect("piped");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines
            .next_line()
            .await
            .expect("a receiver's first line")
            .expect("a receiver says where it listens");
        let addr = first
            .strip_prefix("listening ")
            .unwrap_or_else(|| panic!("a receiver said {first:?}"));
        replicas.push(format!("http://{addr}"));
        readers.push(lines);
        children.push(child);
    }
    let proxy = proxy::start(replicas).await;
    let created = client
        .create_webhook(
            &format!("{}/attio", proxy.url),
            &[Subscription::new(EventType::RecordCreated)],
        )
        .await
        .expect("the webhook is created");
    for child in &mut children {
        let stdin = child.stdin.as_mut().expect("piped");
        tokio::io::AsyncWriteExt::write_all(
            stdin,
            format!("{}\n", created.secret.expose_secret()).as_bytes(),
        )
        .await
        .expect("the receiver reads the secret");
    }
    let counting: Vec<_> = readers
        .into_iter()
        .map(|mut lines| {
            tokio::spawn(async move {
                let mut ids = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(id) = line.strip_prefix("handled ") {
                        ids.push(id.to_owned());
                    }
                }
                ids
            })
        })
        .collect();

    let creates: Vec<_> = (0..8)
        .map(|task| {
            let client = client.clone();
            tokio::spawn(async move {
                for i in (task..EVENTS).step_by(8) {
                    client
                        .create_record(&update_user(i))
                        .await
                        .expect("a create");
                }
            })
        })
        .collect();
    for task in creates {
        task.await.expect("the creating task ends");
    }
    let _ = sandbox
        .wait_for_delivered(EVENTS, Duration::from_secs(60))
        .await;
    // A retry still in flight when the last delivery succeeded has nothing left to do; a short
    // grace lets the receivers print what they handled.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for child in &mut children {
        let _ = child.kill().await;
    }
    let mut handled: HashMap<String, usize> = HashMap::new();
    for task in counting {
        for id in task.await.expect("the counting task ends") {
            *handled.entry(id).or_default() += 1;
        }
    }
    let attempts = sandbox.webhook_deliveries();
    let mut delivered = std::collections::HashSet::new();
    let mut keys = std::collections::HashSet::new();
    let mut unknown = 0;
    for a in &attempts {
        keys.insert(a.idempotency_key.clone());
        if a.delivered() {
            delivered.insert(a.idempotency_key.clone());
        }
        if a.result == AttemptResult::Status(503) {
            unknown += 1;
        }
    }
    let figures = Figures {
        handled: handled.values().sum(),
        distinct: handled.len(),
        twice: handled.values().filter(|n| **n > 1).count(),
        lost: proxy.lost(),
        retries: attempts.iter().filter(|a| a.attempt > 1).count(),
        undelivered: keys.len() - delivered.len(),
        unknown,
    };
    proxy.stop();
    sandbox.shutdown().await;
    figures
}

#[derive(Clone)]
struct Receiver {
    secret: WebhookSecret,
    dedup: Dedup,
}

impl FromRef<Receiver> for WebhookSecret {
    fn from_ref(r: &Receiver) -> WebhookSecret {
        r.secret.clone()
    }
}

async fn receive(
    State(r): State<Receiver>,
    VerifiedDelivery(delivery): VerifiedDelivery,
) -> StatusCode {
    match r.dedup.check(&delivery).await {
        Freshness::Seen => StatusCode::OK,
        Freshness::Unknown => StatusCode::SERVICE_UNAVAILABLE,
        Freshness::New => {
            let mut out = std::io::stdout().lock();
            for event in &delivery.events {
                if let Event::RecordCreated(e) = event {
                    let _ = writeln!(out, "handled {}", e.record_id);
                }
            }
            let _ = out.flush();
            StatusCode::OK
        }
    }
}

/// A receiver process: says where it listens, reads the webhook's secret from its standard
/// input, and serves until it is killed.
pub fn worker() {
    let rt = super::runtime();
    rt.block_on(async {
        let dedup = match std::env::var("FLEET_REDIS_URL") {
            Ok(url) => Dedup::new(Arc::new(RedisStore::new(&url).expect("a Redis store"))),
            Err(_) => Dedup::in_memory(100_000),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        println!("listening {}", listener.local_addr().expect("an address"));
        let mut secret = String::new();
        std::io::stdin()
            .read_line(&mut secret)
            .expect("the secret on standard input");
        let receiver = Receiver {
            secret: WebhookSecret::new(secret.trim()),
            dedup,
        };
        let app = axum::Router::new()
            .route("/attio", post(receive))
            .with_state(receiver);
        axum::serve(listener, app)
            .await
            .expect("the receiver serves");
    });
}
