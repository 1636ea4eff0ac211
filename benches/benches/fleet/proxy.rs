//! A round-robin proxy in front of the receivers, which loses the answer to one first delivery in
//! ten: it forwards the delivery, the receiver handles it and answers 200, and the proxy answers
//! 500 to the sandbox, which delivers it again later (to whichever receiver is next).

use std::collections::HashSet;
use std::hash::{BuildHasher as _, BuildHasherDefault, DefaultHasher};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;

/// The headers a delivery carries that the receivers read.
const FORWARDED: &[&str] = &[
    "content-type",
    "attio-signature",
    "x-attio-signature",
    "idempotency-key",
];

struct Proxy {
    replicas: Vec<String>,
    next: AtomicUsize,
    http: reqwest::Client,
    first_seen: Mutex<HashSet<String>>,
    lost: AtomicU64,
}

/// A running proxy: its URL, and how many answers it lost on purpose.
pub struct Running {
    pub url: String,
    proxy: Arc<Proxy>,
    stop: tokio::sync::oneshot::Sender<()>,
}

impl Running {
    /// How many first deliveries it answered 500 after the receiver handled them.
    pub fn lost(&self) -> u64 {
        self.proxy.lost.load(Ordering::Relaxed)
    }

    pub fn stop(self) {
        let _ = self.stop.send(());
    }
}

/// Whether the proxy loses the answer to the first delivery of `key`: one key in ten, the same
/// ones in every run (a hash with fixed keys).
fn loses(key: &str) -> bool {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(key) % 10 == 0
}

async fn forward(State(p): State<Arc<Proxy>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let first = p
        .first_seen
        .lock()
        .expect("not poisoned")
        .insert(key.clone());
    let replica = &p.replicas[p.next.fetch_add(1, Ordering::Relaxed) % p.replicas.len()];
    let mut request = p.http.post(format!("{replica}/attio")).body(body);
    for name in FORWARDED {
        if let Some(value) = headers.get(*name) {
            request = request.header(*name, value);
        }
    }
    match request.send().await {
        Ok(answer) if first && answer.status().is_success() && loses(&key) => {
            p.lost.fetch_add(1, Ordering::Relaxed);
            StatusCode::INTERNAL_SERVER_ERROR
        }
        Ok(answer) => {
            StatusCode::from_u16(answer.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY)
        }
        Err(_) => StatusCode::BAD_GATEWAY,
    }
}

/// Starts the proxy on a free loopback port in front of `replicas` (`http://127.0.0.1:PORT`).
pub async fn start(replicas: Vec<String>) -> Running {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let proxy = Arc::new(Proxy {
        replicas,
        next: AtomicUsize::new(0),
        http: reqwest::Client::new(),
        first_seen: Mutex::new(HashSet::new()),
        lost: AtomicU64::new(0),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    let app = axum::Router::new()
        .route("/attio", post(forward))
        .with_state(proxy.clone());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    Running { url, proxy, stop }
}
