//! A fleet on one Redis: three worker processes write on one token, two webhook receivers share
//! one port, and Redis holds what they must agree on (the rate-limit budget and the deliveries
//! already handled).
//!
//! ```sh
//! cargo run --example fleet                              # starts redis-server itself
//! REDIS_URL=redis://127.0.0.1:6379 cargo run --example fleet  # or uses yours
//! ```
//!
//! It needs `redis-server` on the `PATH` (`apt-get install redis-server`) unless `REDIS_URL`
//! says where a Redis is. Attio is played by the sandbox, in this process, with Attio's limits on
//! (25 writes a second): the three workers together keep under them, because their limiter asks
//! Redis before every request. The receivers listen on one port (`SO_REUSEPORT`: the kernel hands
//! each connection to one of them, as a load balancer would), and each delivery is handled by
//! exactly one, because `Dedup` records its key in Redis.
//!
//! This file is the parent and, started again with an argument, each worker (`worker N`) and
//! each receiver (`receiver N PORT`): the processes share nothing but the environment they are
//! given, Redis and Attio, as they would on separate machines.

use attio::prelude::*;
use std::sync::Arc;
use std::time::{Duration, Instant};

use attio::shared::RedisStore;
use attio::webhooks::{Dedup, Event, EventType, Freshness, Subscription, VerifiedDelivery};
use attio::webhooks::{WebhookSecret, http::StatusCode};
use attio::{Client, attio_object};
use axum::extract::{FromRef, State};
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::process::{Child, Command};

/// A company: the standard `companies` object, the attribute this program writes.
#[attio_object(slug = "companies")]
#[derive(Debug, Clone)]
pub struct Company {
    /// The company's name.
    pub name: String,
}

const WORKERS: usize = 3;
const RECEIVERS: usize = 2;
/// Companies each worker creates, then renames: two writes each.
const COMPANIES: usize = 20;

type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["worker", n] => worker(n).await,
        ["receiver", n, port] => receiver(n, port.parse()?).await,
        [] => parent().await,
        _ => Err(format!(
            "unexpected arguments {args:?}: run `cargo run --example fleet` with none"
        )
        .into()),
    }
}

/// Redis's URL: `REDIS_URL`, or a `redis-server` this program starts on a free port.
fn redis() -> Result<(String, Option<Child>)> {
    if let Ok(url) = std::env::var("REDIS_URL") {
        return Ok((url, None));
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let child = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| {
            format!(
                "could not start redis-server ({e}): install it (apt-get install redis-server) \
                 or set REDIS_URL=redis://HOST:6379 to use a Redis you run"
            )
        })?;
    // Until it accepts connections.
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err("redis-server did not accept connections within 10 s".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok((format!("redis://127.0.0.1:{port}"), Some(child)))
}

async fn parent() -> Result<()> {
    let (redis_url, _redis_server) = redis()?;
    let sandbox = attio_sandbox::Sandbox::builder()
        .rate_limits(true) // Attio's: 100 reads and 25 writes a second
        .start()
        .await?;
    println!("sandbox at {}, Redis at {redis_url}", sandbox.base_url());
    let me = std::env::current_exe()?;
    let env = [
        ("ATTIO_API_KEY", sandbox.api_key().to_owned()),
        ("ATTIO_BASE_URL", sandbox.base_url()),
        ("REDIS_URL", redis_url),
    ];
    let spawn = |args: &[String]| {
        Command::new(&me)
            .args(args)
            .envs(env.iter().cloned())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
    };

    // The receivers, on one port; the webhook points there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()?;
    let webhook = client
        .create_webhook(
            &format!("http://127.0.0.1:{port}/attio"),
            &[
                Subscription::new(EventType::RecordCreated),
                Subscription::new(EventType::RecordUpdated),
            ],
        )
        .await?;
    let mut receivers = Vec::new();
    for n in 1..=RECEIVERS {
        let mut child = spawn(&["receiver".into(), n.to_string(), port.to_string()])?;
        let mut stdin = child.stdin.take().ok_or("no stdin")?;
        stdin
            .write_all(format!("{}\n", webhook.secret.expose_secret()).as_bytes())
            .await?;
        let mut lines = BufReader::new(child.stdout.take().ok_or("no stdout")?).lines();
        lines.next_line().await?; // "listening": it is ready
        receivers.push((child, lines));
    }
    println!(
        "{RECEIVERS} receivers on port {port}, webhook {}",
        webhook.webhook.id.webhook_id
    );

    // The workers, all at once; each prints one line when it is done.
    let started = Instant::now();
    let mut workers = Vec::new();
    for n in 1..=WORKERS {
        workers.push(spawn(&["worker".into(), n.to_string()])?);
    }
    for worker in workers {
        let out = worker.wait_with_output().await?;
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            return Err(format!("a worker failed: {}", out.status).into());
        }
    }
    let writes = WORKERS * COMPANIES * 2;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{writes} writes in {seconds:.1} s: {:.1} writes/s together, under Attio's 25",
        writes as f64 / seconds
    );

    // Every write is an event; wait for them, then ask each receiver what it handled.
    sandbox
        .wait_for_delivered(writes, Duration::from_secs(60))
        .await?;
    let (mut handled, mut lost, mut seen) = (0, 0, 0);
    for (n, (mut child, mut lines)) in receivers.into_iter().enumerate() {
        child.start_kill()?;
        let mut mine = 0;
        while let Some(line) = lines.next_line().await? {
            match line.split_whitespace().next() {
                Some("handled") => mine += 1,
                Some("lost") => lost += 1,
                Some("seen") => seen += 1,
                _ => {}
            }
        }
        println!("receiver {} handled {mine} events", n + 1);
        handled += mine;
    }
    println!(
        "{lost} answers were lost on purpose after handling, so the sandbox delivered those again; \
         {seen} repeats were recognised as seen"
    );
    if handled == writes {
        println!("{handled} events handled for {writes} writes: each exactly once");
    } else {
        return Err(format!("{handled} events handled for {writes} writes").into());
    }
    sandbox.shutdown().await;
    Ok(())
}

/// A worker: a client whose limiter keeps its budget in Redis, creating and renaming companies.
async fn worker(n: &str) -> Result<()> {
    let redis = std::env::var("REDIS_URL")?;
    let client = Client::builder()
        .api_key(std::env::var("ATTIO_API_KEY")?)
        .base_url(std::env::var("ATTIO_BASE_URL")?)
        .limiter_store(Arc::new(RedisStore::new(&redis)?)) // one budget for the whole fleet
        .build()?;
    for i in 0..COMPANIES {
        let mut company = Company {
            name: format!("Worker {n} company {i}"),
        };
        let created = client.create_record(&company).await?;
        company.name.push_str(" (renamed)");
        company.update(&client, &created.id.record_id).await?;
    }
    let stats = client.stats();
    println!(
        "worker {n}: {} writes, {} answered 429",
        COMPANIES * 2,
        stats.rate_limited
    );
    Ok(())
}

#[derive(Clone)]
struct Receiver {
    secret: WebhookSecret,
    dedup: Dedup,
    /// New deliveries handled, to lose the answer to one in eight.
    count: Arc<std::sync::atomic::AtomicUsize>,
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
        Freshness::Seen => {
            println!("seen {:?}", delivery.idempotency_key); // handled already, here or there
            StatusCode::OK
        }
        Freshness::Unknown => StatusCode::SERVICE_UNAVAILABLE, // Redis is down: Attio retries
        Freshness::New => {
            for event in &delivery.events {
                if let Event::RecordCreated(e) | Event::RecordUpdated(e) = event {
                    println!("handled {} {}", event.event_type().as_str(), e.record_id);
                }
            }
            // A crash between handling and answering, now and then: the sandbox delivers it
            // again, perhaps to the other receiver, which must recognise it.
            if r.count.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 8 == 7 {
                println!("lost {:?}", delivery.idempotency_key);
                return StatusCode::INTERNAL_SERVER_ERROR;
            }
            StatusCode::OK
        }
    }
}

/// A receiver: reads the webhook's secret from its standard input, listens on the shared port
/// and serves until it is stopped.
async fn receiver(_n: &str, port: u16) -> Result<()> {
    let mut secret = String::new();
    BufReader::new(tokio::io::stdin())
        .read_line(&mut secret)
        .await?;
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseport(true)?; // several processes on one port
    socket.bind(([127, 0, 0, 1], port).into())?;
    let listener = socket.listen(128)?;
    println!("listening");
    let state = Receiver {
        secret: WebhookSecret::new(secret.trim()),
        dedup: Dedup::new(Arc::new(RedisStore::new(&std::env::var("REDIS_URL")?)?)),
        count: Arc::default(),
    };
    let app = axum::Router::new()
        .route("/attio", axum::routing::post(receive))
        .with_state(state);
    axum::serve(listener, app).await?;
    Ok(())
}
