//! The delivery task: POSTs each queued delivery to its webhook's target, signed, and retries
//! the failures with exponential backoff; every attempt is recorded for tests to inspect.
//!
//! Where the sandbox delivers: only to `http://` targets on loopback (`127.0.0.0/8`, `::1`,
//! `localhost`), so it never reaches beyond the machine and needs no TLS. A delivery to any other
//! target (an `https://` one, which the endpoints accept as Attio does) is recorded as
//! [`AttemptResult::NotSent`] with its exact body and signature, and not retried.
//!
//! How: first attempts are made one at a time, in the order the events happened; a delivery
//! whose first attempt failed (a non-2xx answer, no connection, no answer within the timeout) is
//! retried on its own task, so it does not hold up the others. After the last attempt fails the
//! webhook becomes `degraded` (Attio does that after about 3 days); a delivery that succeeds makes
//! it `active` again. Shutting the sandbox down stops every pending delivery at once.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper::body::Bytes;
use hyper::header::{CONTENT_TYPE, HOST, USER_AGENT};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use sha2::Sha256;
use tokio::net::TcpStream;
use tokio::sync::{mpsc, watch};

use crate::store::Outgoing;
use crate::util::lock;
use crate::webhook_url::{Target, parse_target};

/// How the sandbox retries a delivery that failed: `attempts` in all, the first retry
/// `first_delay` after the first attempt, each later one `factor` times longer than the one
/// before; an attempt without an answer within `timeout` has failed.
///
/// The default (5 attempts, retries after 1 s, 2 s, 4 s and 8 s, a 5 s timeout) is much faster
/// than Attio's (up to 10 retries over about 3 days), so tests see a retry quickly.
///
/// ```
/// use std::time::Duration;
/// use attio_sandbox::WebhookRetry;
///
/// let fast = WebhookRetry::default().first_delay(Duration::from_millis(20)).attempts(3);
/// assert_eq!(fast.delays(), [Duration::from_millis(20), Duration::from_millis(40)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookRetry {
    attempts: u32,
    first_delay: Duration,
    factor: u32,
    timeout: Duration,
}

impl Default for WebhookRetry {
    fn default() -> Self {
        WebhookRetry {
            attempts: 5,
            first_delay: Duration::from_secs(1),
            factor: 2,
            timeout: Duration::from_secs(5),
        }
    }
}

impl WebhookRetry {
    /// How many attempts in all, the first included (at least 1; 1 = no retries).
    ///
    /// ```
    /// let once = attio_sandbox::WebhookRetry::default().attempts(1);
    /// assert!(once.delays().is_empty());
    /// ```
    pub fn attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let r = attio_sandbox::WebhookRetry::default().first_delay(Duration::from_millis(5));
    /// assert_eq!(r.delays()[0], Duration::from_millis(5));
    /// ```
    pub fn first_delay(mut self, delay: Duration) -> Self {
        self.first_delay = delay;
        self
    }

    /// How much longer each wait is than the one before (at least 1).
    ///
    /// ```
    /// # use std::time::Duration;
    /// let r = attio_sandbox::WebhookRetry::default().first_delay(Duration::from_secs(1)).factor(3).attempts(3);
    /// assert_eq!(r.delays(), [Duration::from_secs(1), Duration::from_secs(3)]);
    /// ```
    pub fn factor(mut self, factor: u32) -> Self {
        self.factor = factor.max(1);
        self
    }

    /// How long an attempt waits for the target's answer.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let r = attio_sandbox::WebhookRetry::default().timeout(Duration::from_millis(500));
    /// # let _ = r;
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The waits before each retry, in order.
    ///
    /// ```
    /// # use std::time::Duration;
    /// assert_eq!(attio_sandbox::WebhookRetry::default().delays().len(), 4);
    /// ```
    pub fn delays(&self) -> Vec<Duration> {
        (2..=self.attempts).map(|n| self.delay_before(n)).collect()
    }

    /// The wait before attempt `n` (2 = the first retry).
    fn delay_before(&self, n: u32) -> Duration {
        let power = self.factor.saturating_pow(n.saturating_sub(2));
        self.first_delay.saturating_mul(power)
    }
}

/// What became of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttemptResult {
    /// The target answered with this HTTP status: delivered when 2xx, else retried.
    Status(u16),
    /// No answer (refused or dropped connection, or none within the timeout); retried.
    Failed(String),
    /// Not sent, and not retried: the target is not an `http://` loopback URL.
    NotSent(String),
}

/// One attempt to deliver one delivery (see [`Sandbox::webhook_deliveries`](crate::Sandbox::webhook_deliveries)).
///
/// ```no_run
/// # async fn demo(sandbox: attio_sandbox::Sandbox) -> Result<(), Box<dyn std::error::Error>> {
/// for a in sandbox.webhook_deliveries() {
///     println!("{} #{} {:?}: {}", a.idempotency_key, a.attempt, a.result, a.body);
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeliveryAttempt {
    /// The webhook delivered for.
    pub webhook_id: String,
    /// Where it was sent.
    pub target_url: String,
    /// The `Idempotency-Key` header: the same for every attempt of one delivery.
    pub idempotency_key: String,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: u32,
    /// What happened.
    pub result: AttemptResult,
    /// The exact body sent, `{"webhook_id", "events": [...]}`.
    pub body: String,
    /// The `Attio-Signature` (and `X-Attio-Signature`) header: hex HMAC-SHA256 of `body`.
    pub signature: String,
}

impl DeliveryAttempt {
    /// Whether the target answered with a 2xx.
    ///
    /// ```no_run
    /// # fn demo(sandbox: attio_sandbox::Sandbox) {
    /// let delivered = sandbox.webhook_deliveries().iter().filter(|a| a.delivered()).count();
    /// # }
    /// ```
    pub fn delivered(&self) -> bool {
        matches!(self.result, AttemptResult::Status(200..=299))
    }

    /// The body's events (`events[]`), parsed.
    ///
    /// ```no_run
    /// # fn demo(a: attio_sandbox::DeliveryAttempt) {
    /// for event in a.events() {
    ///     println!("{}", event["event_type"]);
    /// }
    /// # }
    /// ```
    pub fn events(&self) -> Vec<Value> {
        serde_json::from_str::<Value>(&self.body)
            .ok()
            .and_then(|v| v.get("events").and_then(Value::as_array).cloned())
            .unwrap_or_default()
    }
}

/// Waiting for deliveries took longer than allowed; holds every attempt made until then.
///
/// ```no_run
/// # async fn demo(sandbox: attio_sandbox::Sandbox) {
/// if let Err(e) = sandbox.wait_for_delivered(1, std::time::Duration::from_secs(5)).await {
///     eprintln!("{e}"); // says what did arrive
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryTimeout {
    /// How long was waited.
    pub waited: Duration,
    /// Every attempt made before the wait ended.
    pub attempts: Vec<DeliveryAttempt>,
}

impl std::fmt::Display for DeliveryTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "webhook deliveries did not arrive within {:?}; {} attempt(s) made",
            self.waited,
            self.attempts.len()
        )?;
        for a in &self.attempts {
            write!(
                f,
                "\n  {} attempt {} to {}: {:?}",
                a.idempotency_key, a.attempt, a.target_url, a.result
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for DeliveryTimeout {}

/// Hex HMAC-SHA256 of `body`, keyed by the secret string's bytes (reference §2.4).
pub(crate) fn sign(secret: &str, body: &[u8]) -> String {
    match <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()) {
        Ok(mut mac) => {
            mac.update(body);
            hex::encode(mac.finalize().into_bytes())
        }
        // HMAC takes keys of any length; this cannot happen.
        Err(_) => String::new(),
    }
}

/// How a webhook's deliveries are going, reported to set its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Health {
    /// A delivery succeeded: `active`.
    Delivered,
    /// A delivery's last attempt failed: `degraded`.
    Exhausted,
}

/// Called with a webhook id when a delivery for it ends.
pub(crate) type OnHealth = Arc<dyn Fn(&str, Health) + Send + Sync>;

#[derive(Debug)]
struct Log {
    attempts: Mutex<Vec<DeliveryAttempt>>,
    changed: watch::Sender<u64>,
}

impl Log {
    fn push(&self, attempt: DeliveryAttempt) {
        lock(&self.attempts).push(attempt);
        self.changed.send_modify(|n| *n += 1);
    }
}

/// The handle to the delivery task: queue deliveries, read and wait for attempts.
#[derive(Debug, Clone)]
pub(crate) struct Deliverer {
    log: Arc<Log>,
    tx: mpsc::UnboundedSender<Outgoing>,
}

impl Deliverer {
    /// Spawns the delivery task on the current runtime; it ends when `shutdown` turns true or
    /// its sender is dropped.
    pub(crate) fn start(
        retry: WebhookRetry,
        shutdown: watch::Receiver<bool>,
        on_health: OnHealth,
    ) -> Deliverer {
        let (tx, rx) = mpsc::unbounded_channel();
        let log = Arc::new(Log {
            attempts: Mutex::new(Vec::new()),
            changed: watch::channel(0).0,
        });
        tokio::spawn(run(rx, log.clone(), retry, shutdown, on_health));
        Deliverer { log, tx }
    }

    /// Queues deliveries, in order.
    pub(crate) fn send(&self, outgoing: Vec<Outgoing>) {
        for o in outgoing {
            // Fails only after shutdown, when nothing is delivered any more.
            let _ = self.tx.send(o);
        }
    }

    /// Every attempt so far, oldest first.
    pub(crate) fn attempts(&self) -> Vec<DeliveryAttempt> {
        lock(&self.log.attempts).clone()
    }

    /// Forgets the attempts made so far.
    pub(crate) fn clear(&self) {
        lock(&self.log.attempts).clear();
    }

    /// Waits until `done` holds for the attempts made, for at most `timeout`.
    pub(crate) async fn wait(
        &self,
        timeout: Duration,
        done: impl Fn(&[DeliveryAttempt]) -> bool,
    ) -> Result<Vec<DeliveryAttempt>, DeliveryTimeout> {
        let mut changed = self.log.changed.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            {
                let attempts = lock(&self.log.attempts);
                if done(&attempts) {
                    return Ok(attempts.clone());
                }
            }
            if !matches!(
                tokio::time::timeout_at(deadline, changed.changed()).await,
                Ok(Ok(()))
            ) {
                return Err(DeliveryTimeout {
                    waited: timeout,
                    attempts: self.attempts(),
                });
            }
        }
    }
}

/// Resolves once `shutdown` is true or its sender is gone.
async fn stopped(shutdown: &mut watch::Receiver<bool>) {
    while !*shutdown.borrow_and_update() {
        if shutdown.changed().await.is_err() {
            return;
        }
    }
}

async fn run(
    mut rx: mpsc::UnboundedReceiver<Outgoing>,
    log: Arc<Log>,
    retry: WebhookRetry,
    mut shutdown: watch::Receiver<bool>,
    on_health: OnHealth,
) {
    let retries = shutdown.clone();
    loop {
        let out = tokio::select! {
            out = rx.recv() => match out {
                Some(out) => out,
                None => return,
            },
            () = stopped(&mut shutdown) => return,
        };
        let outcome = tokio::select! {
            outcome = attempt(&out, 1, &retry, &log, &on_health) => outcome,
            () = stopped(&mut shutdown) => return,
        };
        if outcome == Outcome::Retry && retry.attempts > 1 {
            tokio::spawn(retry_later(
                out,
                log.clone(),
                retry,
                retries.clone(),
                on_health.clone(),
            ));
        }
    }
}

async fn retry_later(
    out: Outgoing,
    log: Arc<Log>,
    retry: WebhookRetry,
    mut shutdown: watch::Receiver<bool>,
    on_health: OnHealth,
) {
    for n in 2..=retry.attempts {
        let outcome = tokio::select! {
            outcome = async {
                tokio::time::sleep(retry.delay_before(n)).await;
                attempt(&out, n, &retry, &log, &on_health).await
            } => outcome,
            () = stopped(&mut shutdown) => return,
        };
        if outcome != Outcome::Retry {
            return;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Delivered,
    Retry,
    Final,
}

/// Makes attempt `n` of `out`; reports the webhook's health when the delivery ends (before the
/// attempt is logged, so a test that saw the attempt sees the status too), then logs it.
async fn attempt(
    out: &Outgoing,
    n: u32,
    retry: &WebhookRetry,
    log: &Log,
    on_health: &OnHealth,
) -> Outcome {
    let signature = sign(&out.secret, out.body.as_bytes());
    let result = match parse_target(&out.target_url) {
        Ok(t) if t.loopback && !t.https => post(&t, out, &signature, retry.timeout).await,
        Ok(_) => AttemptResult::NotSent(
            "the sandbox delivers only to http:// targets on loopback (127.0.0.1, ::1, \
             localhost): this delivery was recorded, not sent"
                .into(),
        ),
        Err(e) => AttemptResult::NotSent(e),
    };
    let outcome = match result {
        AttemptResult::Status(200..=299) => Outcome::Delivered,
        AttemptResult::Status(_) | AttemptResult::Failed(_) => Outcome::Retry,
        AttemptResult::NotSent(_) => Outcome::Final,
    };
    match outcome {
        Outcome::Delivered => on_health(&out.webhook_id, Health::Delivered),
        Outcome::Retry if n >= retry.attempts => on_health(&out.webhook_id, Health::Exhausted),
        _ => {}
    }
    log.push(DeliveryAttempt {
        webhook_id: out.webhook_id.clone(),
        target_url: out.target_url.clone(),
        idempotency_key: out.idempotency_key.clone(),
        attempt: n,
        result,
        body: out.body.clone(),
        signature,
    });
    outcome
}

async fn post(t: &Target, out: &Outgoing, signature: &str, timeout: Duration) -> AttemptResult {
    match tokio::time::timeout(timeout, send(t, out, signature)).await {
        Ok(Ok(status)) => AttemptResult::Status(status),
        Ok(Err(e)) => AttemptResult::Failed(e),
        Err(_) => AttemptResult::Failed(format!("no answer within {timeout:?}")),
    }
}

/// Aborts the connection's task when the attempt ends, however it ends.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn send(t: &Target, out: &Outgoing, signature: &str) -> Result<u16, String> {
    let stream = TcpStream::connect((t.host.as_str(), t.port))
        .await
        .map_err(|e| format!("could not connect to {}: {e}", t.authority))?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("HTTP handshake with {} failed: {e}", t.authority))?;
    let _conn = AbortOnDrop(tokio::spawn(async move {
        let _ = conn.await;
    }));
    let request = Request::post(t.path.as_str())
        .header(HOST, t.authority.as_str())
        .header(CONTENT_TYPE, "application/json")
        .header(USER_AGENT, "attio-sandbox")
        .header("Attio-Signature", signature)
        .header("X-Attio-Signature", signature)
        .header("Idempotency-Key", out.idempotency_key.as_str())
        .body(Full::new(Bytes::from(out.body.clone())))
        .map_err(|e| format!("the request could not be built: {e}"))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("{} did not answer: {e}", t.authority))?;
    let status = response.status().as_u16();
    // Read the answer to its end; its content does not matter.
    let _ = response.into_body().collect().await;
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_documented_hmac() {
        // Computed with Python: hmac.new(b"secret", b'{"a":1}', hashlib.sha256).hexdigest()
        assert_eq!(
            sign("secret", br#"{"a":1}"#),
            "aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494"
        );
    }

    #[test]
    fn backoff_is_exponential() {
        let r = WebhookRetry::default();
        assert_eq!(r.delays(), [1, 2, 4, 8].map(Duration::from_secs).to_vec());
    }
}
