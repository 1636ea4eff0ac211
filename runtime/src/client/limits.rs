//! Client-side rate limiting: [`RateLimits`], and the limiter every clone of a client shares,
//! over a [`LimiterStore`] (in memory unless the builder was given another).

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::operation::Method;
use crate::shared::{Acquire, Budget, LimiterStore, MemoryLimiterStore, Outage, StoreDown};
use crate::values::path_matches;

/// A limit Attio puts on one operation, beside the workspace's reads and writes: at most
/// `per_second` requests a second to `method path`. The client keeps each in its own budget
/// (the key `{scope}:op:{method} {path}` in a shared store), paced 2% under the limit so that a
/// request delayed on its way does not land in the next second's window beside that second's own.
///
/// ```
/// use attio::{Method, OperationLimit};
///
/// let notes = OperationLimit::of(Method::Get, "/v2/notes?limit=10").unwrap();
/// assert_eq!(notes.per_second, 10);
/// assert!(OperationLimit::of(Method::Post, "/v2/notes").is_none()); // only the workspace's limit
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationLimit {
    /// The operation's method.
    pub method: Method,
    /// Its path template, as Attio's reference writes it.
    pub path: &'static str,
    /// Requests a second.
    pub per_second: u32,
}

/// Attio's per-operation limits, beside the workspace's 100 reads and 25 writes a second.
pub const OPERATION_LIMITS: &[OperationLimit] = &[
    // "Temporarily limited to 10 requests per second."
    OperationLimit {
        method: Method::Get,
        path: "/v2/notes",
        per_second: 10,
    },
    // At most one upload a second.
    OperationLimit {
        method: Method::Post,
        path: "/v2/files/upload",
        per_second: 1,
    },
];

impl OperationLimit {
    /// The limit of the operation `method path` (a concrete path; a query string is ignored),
    /// when Attio sets one.
    pub fn of(method: Method, path: &str) -> Option<&'static OperationLimit> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        OPERATION_LIMITS
            .iter()
            .find(|l| l.method == method && path_matches(l.path, path))
    }

    /// The budget the client paces it at: 2% under the limit.
    fn budget(&self) -> Option<Budget> {
        let requests = NonZeroU32::new(self.per_second)?;
        Some(Budget::new(requests, Duration::from_millis(1020)))
    }
}

/// Client-side request rates: Attio allows 100 reads and 25 writes per second per workspace.
///
/// Every clone of a [`Client`](crate::Client) shares one limiter, so concurrent work stays under
/// the limit instead of collecting 429s. Requests are paced evenly (no bursts), which keeps any
/// one-second window at or under the limit. Clients of several processes share one budget through
/// a shared store ([`ClientBuilder::limiter_store`](crate::ClientBuilder::limiter_store)); give
/// each of them the same limits.
///
/// ```
/// let limits = attio::RateLimits::default().reads_per_second(50).writes_per_second(10);
/// let client = attio::Client::builder().api_key("token").rate_limits(limits).build()?;
///
/// let unlimited = attio::Client::builder().api_key("token").rate_limits(attio::RateLimits::unlimited()).build()?;
/// # Ok::<(), attio::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    reads: Option<NonZeroU32>,
    writes: Option<NonZeroU32>,
    operations: bool,
}

impl Default for RateLimits {
    /// Attio's documented limits: 100 reads and 25 writes per second.
    fn default() -> Self {
        RateLimits {
            reads: NonZeroU32::new(100),
            writes: NonZeroU32::new(25),
            operations: true,
        }
    }
}

impl RateLimits {
    /// No client-side limiting (a 429 is still retried). A kind of request without a limit does
    /// not ask a shared limiter store either, so it does not wait for the pauses other clients
    /// record there.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("t").rate_limits(attio::RateLimits::unlimited()).build()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn unlimited() -> Self {
        RateLimits {
            reads: None,
            writes: None,
            operations: false,
        }
    }

    /// Reads (GET, and record and entry queries) per second; 0 means unlimited.
    ///
    /// ```
    /// let limits = attio::RateLimits::default().reads_per_second(50);
    /// ```
    pub fn reads_per_second(mut self, n: u32) -> Self {
        self.reads = NonZeroU32::new(n);
        self
    }

    /// Writes (POST, PUT, PATCH, DELETE) per second; 0 means unlimited.
    ///
    /// ```
    /// let limits = attio::RateLimits::default().writes_per_second(5);
    /// ```
    pub fn writes_per_second(mut self, n: u32) -> Self {
        self.writes = NonZeroU32::new(n);
        self
    }

    /// Whether the limits Attio puts on single operations ([`OPERATION_LIMITS`]: listing notes
    /// 10 a second, uploading a file 1 a second) are kept too: by default yes, and not with
    /// [`RateLimits::unlimited`].
    ///
    /// ```
    /// let limits = attio::RateLimits::default().operation_limits(false);
    /// ```
    pub fn operation_limits(mut self, keep: bool) -> Self {
        self.operations = keep;
        self
    }
}

/// How often a store that did not answer is asked again: meanwhile the limiter falls back (or
/// waits) without asking, so an outage does not cost every request a failed round trip.
const STORE_RETRY: Duration = Duration::from_millis(250);

/// The limiter of one client, shared by its clones: a budget per kind of request (reads, writes)
/// kept in a store, asked by one task of the client at a time per kind (the others queue here,
/// in order, rather than all asking the store).
pub(crate) struct Limiter {
    /// Reads, then writes: `None` is unlimited.
    budgets: [Option<Budget>; 2],
    /// The budgets' keys in the store: `{scope}:reads`, `{scope}:writes`.
    keys: [String; 2],
    gates: [tokio::sync::Mutex<()>; 2],
    /// A budget per row of [`OPERATION_LIMITS`] (none when they are not kept), its key
    /// `{scope}:op:{method} {path}` and its gate.
    operations: Vec<(
        &'static OperationLimit,
        Budget,
        String,
        tokio::sync::Mutex<()>,
    )>,
    /// `{scope}:query-score`: the pause of list queries (`…/records/query`, `…/entries/query`),
    /// which Attio also limits by their complexity score over 10 seconds. The score cannot be
    /// known before asking, so this kind has no pace of its own, only the pause a query's `429`
    /// sets: it holds the fleet's list queries and lets other reads go.
    score_key: String,
    /// The budgets in memory: the only store without a shared one, the fallback with one.
    local: MemoryLimiterStore,
    shared: Option<SharedStore>,
}

/// A store given with `ClientBuilder::limiter_store`, and what to do when it does not answer.
struct SharedStore {
    store: Arc<dyn LimiterStore>,
    down: StoreDown,
    outage: Outage,
    /// While the store is down: when to ask it again.
    retry_at: Mutex<Option<Instant>>,
}

impl Limiter {
    /// A limiter at `limits`; with a shared store, over it, with the budgets named after `scope`.
    pub(crate) fn new(
        limits: RateLimits,
        scope: &str,
        store: Option<Arc<dyn LimiterStore>>,
        down: StoreDown,
    ) -> Self {
        Limiter {
            budgets: [limits.reads, limits.writes].map(|n| n.map(Budget::per_second)),
            keys: [format!("{scope}:reads"), format!("{scope}:writes")],
            gates: Default::default(),
            operations: match limits.operations {
                true => OPERATION_LIMITS
                    .iter()
                    .filter_map(|limit| {
                        let key = format!("{scope}:op:{} {}", limit.method.as_str(), limit.path);
                        Some((limit, limit.budget()?, key, tokio::sync::Mutex::new(())))
                    })
                    .collect(),
                false => Vec::new(),
            },
            score_key: format!("{scope}:query-score"),
            local: MemoryLimiterStore::new(),
            shared: store.map(|store| SharedStore {
                store,
                down,
                outage: Outage::new("rate limiter"),
                retry_at: Mutex::new(None),
            }),
        }
    }

    /// Waits until one more request `method path` fits under its operation's limit, if Attio
    /// sets one, and then one more read (or write) under the workspace's.
    pub(crate) async fn acquire(&self, write: bool, method: Method, path: &str) {
        if let Some((_, budget, key, gate)) = self.operation(method, path) {
            let _turn = gate.lock().await;
            self.take(key, *budget).await;
        }
        if self.shared.is_some() && is_list_query(method, path) {
            // Only a pause: a budget no request can exhaust.
            self.take(&self.score_key, Budget::per_second(NonZeroU32::MAX))
                .await;
        }
        let kind = usize::from(write);
        let Some(budget) = self.budgets[kind] else {
            return;
        };
        let _turn = self.gates[kind].lock().await;
        self.take(&self.keys[kind], budget).await;
    }

    /// The budget of the operation `method path`, when it has one of its own.
    fn operation(
        &self,
        method: Method,
        path: &str,
    ) -> Option<&(
        &'static OperationLimit,
        Budget,
        String,
        tokio::sync::Mutex<()>,
    )> {
        let limit = OperationLimit::of(method, path)?;
        self.operations.iter().find(|(l, ..)| *l == limit)
    }

    /// Waits until the budget `key` has room for one more request.
    async fn take(&self, key: &str, budget: Budget) {
        loop {
            let answer = match &self.shared {
                None => self.local.check(key, budget),
                Some(shared) => match shared.ask(key, budget).await {
                    Some(answer) => answer,
                    None if shared.down == StoreDown::Wait => Acquire::Wait(shared.until_retry()),
                    None => self.local.check(key, budget),
                },
            };
            match answer {
                Acquire::Go => return,
                Acquire::Wait(wait) => tokio::time::sleep(wait).await,
            }
        }
    }

    /// A 429 asked to wait `wait`: with a shared store, every client on it pauses that kind of
    /// request as long (the in-memory fallback too, should the store be down). Without one, only
    /// the request that met the 429 waits, as its retry does.
    ///
    /// An operation with a limit of its own pauses that budget, the workspace's being none of
    /// its business; a list query pauses the list queries (most likely its complexity score was
    /// over: other reads that meet a 429 of their own pause the reads).
    pub(crate) async fn pause(&self, write: bool, method: Method, path: &str, wait: Duration) {
        let Some(shared) = &self.shared else {
            return;
        };
        let key = match self.operation(method, path) {
            Some((_, _, key, _)) => key,
            None if is_list_query(method, path) => &self.score_key,
            None => &self.keys[usize::from(write)],
        };
        self.local.pause_for(key, wait);
        match shared.store.pause(key, wait).await {
            Ok(()) => shared.outage.answered(),
            Err(e) => {
                shared.outage.failed(&e, shared.meanwhile());
            }
        }
    }

    /// How many times the shared store did not answer.
    pub(crate) fn store_errors(&self) -> u64 {
        self.shared.as_ref().map_or(0, |s| s.outage.errors())
    }
}

/// `POST …/records/query` or `POST …/entries/query`: what Attio limits by complexity score.
fn is_list_query(method: Method, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    method == Method::Post && (path.ends_with("/records/query") || path.ends_with("/entries/query"))
}

impl SharedStore {
    /// The store's answer, or `None` when it is down (it failed now, or did lately and it is not
    /// time to ask again).
    async fn ask(&self, key: &str, budget: Budget) -> Option<Acquire> {
        if self.outage.is_down() && self.until_retry() > Duration::ZERO {
            return None;
        }
        match self.store.acquire(key, budget).await {
            Ok(answer) => {
                self.outage.answered();
                Some(answer)
            }
            Err(e) => {
                self.outage.failed(&e, self.meanwhile());
                *self.retry_at.lock().unwrap_or_else(|e| e.into_inner()) =
                    Some(Instant::now() + STORE_RETRY);
                None
            }
        }
    }

    /// How long until the store is to be asked again.
    fn until_retry(&self) -> Duration {
        let retry_at = *self.retry_at.lock().unwrap_or_else(|e| e.into_inner());
        retry_at.map_or(Duration::ZERO, |at| {
            at.saturating_duration_since(Instant::now())
        })
    }

    fn meanwhile(&self) -> &'static str {
        match self.down {
            StoreDown::Local => {
                "this process paces itself alone, at the full limits, until it is back \
                 (StoreDown::Local)"
            }
            StoreDown::Wait => "requests wait until it is back (StoreDown::Wait)",
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    use futures::future::{self, BoxFuture};

    use super::*;
    use crate::shared::StoreError;

    /// A store over memory that can be switched off, and counts the pauses it records.
    #[derive(Debug, Default)]
    struct Switchable {
        memory: MemoryLimiterStore,
        down: AtomicBool,
        pauses: AtomicU64,
    }

    impl LimiterStore for Switchable {
        fn acquire<'a>(
            &'a self,
            key: &'a str,
            budget: Budget,
        ) -> BoxFuture<'a, Result<Acquire, StoreError>> {
            if self.down.load(Ordering::Relaxed) {
                return Box::pin(future::ready(Err(StoreError::new("down"))));
            }
            self.memory.acquire(key, budget)
        }
        fn pause<'a>(
            &'a self,
            key: &'a str,
            wait: Duration,
        ) -> BoxFuture<'a, Result<(), StoreError>> {
            self.pauses.fetch_add(1, Ordering::Relaxed);
            self.memory.pause(key, wait)
        }
    }

    fn limiter(store: &Arc<Switchable>, down: StoreDown) -> Limiter {
        let store: Arc<dyn LimiterStore> = store.clone();
        Limiter::new(RateLimits::default(), "s", Some(store), down)
    }

    #[tokio::test]
    async fn a_store_that_is_down_is_met_by_the_local_limiter_by_default() {
        let store = Arc::new(Switchable::default());
        store.down.store(true, Ordering::Relaxed);
        let limiter = limiter(&store, StoreDown::Local);
        for _ in 0..3 {
            limiter.acquire(false, Method::Get, "/v2/self").await;
        }
        let errors = limiter.store_errors();
        assert!(errors >= 1, "counted");
        store.down.store(false, Ordering::Relaxed);
        tokio::time::sleep(STORE_RETRY).await;
        limiter.acquire(true, Method::Post, "/v2/notes").await;
        limiter.acquire(true, Method::Post, "/v2/notes").await;
        assert_eq!(limiter.store_errors(), errors, "back: asked, and answering");
        assert!(!limiter.shared.as_ref().unwrap().outage.is_down());
    }

    #[tokio::test]
    async fn failing_closed_a_request_waits_until_the_store_answers() {
        let store = Arc::new(Switchable::default());
        store.down.store(true, Ordering::Relaxed);
        let limiter = Arc::new(limiter(&store, StoreDown::Wait));
        let waiting = tokio::spawn({
            let limiter = limiter.clone();
            async move { limiter.acquire(false, Method::Get, "/v2/self").await }
        });
        tokio::time::sleep(STORE_RETRY * 2).await;
        assert!(
            !waiting.is_finished(),
            "nothing goes while the store is down"
        );
        assert!(limiter.store_errors() >= 2, "asked again and again");
        store.down.store(false, Ordering::Relaxed);
        tokio::time::timeout(STORE_RETRY * 4, waiting)
            .await
            .expect("it goes once the store answers")
            .unwrap();
    }

    #[tokio::test]
    async fn a_429_pauses_a_shared_store_and_the_fallback_but_not_a_lone_client() {
        let store = Arc::new(Switchable::default());
        let shared = limiter(&store, StoreDown::Local);
        shared
            .pause(true, Method::Post, "/v2/notes", Duration::from_secs(5))
            .await;
        assert_eq!(store.pauses.load(Ordering::Relaxed), 1);
        let budget = Budget::per_second(NonZeroU32::MIN);
        assert!(matches!(
            shared.local.check("s:writes", budget),
            Acquire::Wait(_)
        ));
        assert_eq!(shared.local.check("s:reads", budget), Acquire::Go);

        let alone = Limiter::new(RateLimits::default(), "s", None, StoreDown::Local);
        alone
            .pause(true, Method::Post, "/v2/notes", Duration::from_secs(5))
            .await;
        assert_eq!(alone.local.check("s:writes", budget), Acquire::Go);
        assert_eq!(alone.store_errors(), 0);
    }

    #[tokio::test]
    async fn an_operation_with_a_limit_of_its_own_has_its_own_budget_and_pause() {
        let store = Arc::new(Switchable::default());
        let limiter = limiter(&store, StoreDown::Local);
        assert_eq!(limiter.operations.len(), OPERATION_LIMITS.len());
        let (_, _, key, _) = limiter
            .operation(Method::Get, "/v2/notes?limit=50&offset=0")
            .expect("listing notes has a limit of its own");
        assert_eq!(key, "s:op:GET /v2/notes");
        assert!(limiter.operation(Method::Get, "/v2/notes/n1").is_none());
        limiter
            .pause(false, Method::Get, "/v2/notes", Duration::from_secs(5))
            .await;
        let budget = Budget::per_second(NonZeroU32::MIN);
        assert!(matches!(
            limiter.local.check("s:op:GET /v2/notes", budget),
            Acquire::Wait(_)
        ));
        assert_eq!(limiter.local.check("s:reads", budget), Acquire::Go);
        let unlimited = Limiter::new(RateLimits::unlimited(), "s", None, StoreDown::Local);
        assert!(unlimited.operation(Method::Get, "/v2/notes").is_none());
    }
}
