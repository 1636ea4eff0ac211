//! [`RedisStore`]: the rate limiter's budgets and pauses, and the webhook keys seen, in Redis.

use std::fmt;
use std::time::Duration;

use futures::future::BoxFuture;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{ErrorKind, FromRedisValue, RedisError, ServerErrorKind, Value};

use super::{Acquire, Budget, DedupStore, LimiterStore, StoreError};
use crate::error::Error;

/// The limiter's atomic GCRA: one request spaced `interval` after the last one granted, unless a
/// pause runs. Times are microseconds on the Redis server's clock, the one clock every process
/// shares. Returns 0 to go, or the microseconds to wait before asking again.
const ACQUIRE: &str = r"
-- KEYS[1]: when the budget's next request may go (its theoretical arrival time)
-- KEYS[2]: until when a 429 paused the budget
-- ARGV[1]: the interval between two requests
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
if paused > now then
  return paused - now
end
local tat = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if tat > now then
  return tat - now
end
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', now + interval),
  'PX', math.floor(interval / 1000) + 1000)
return 0
";

/// A pause of the budget for `ARGV[1]` milliseconds from now, on the server's clock; a pause that
/// ends later is kept. `SET … PX`, so the key goes when the pause ends.
const PAUSE: &str = r"
-- KEYS[1]: until when a 429 paused the budget (microseconds)
-- ARGV[1]: how long to pause (milliseconds)
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local ms = tonumber(ARGV[1])
local ends = now + ms * 1000
local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if ends > current then
  redis.call('SET', KEYS[1], string.format('%.0f', ends), 'PX', ms)
  return 1
end
return 0
";

/// A Lua script and its SHA-1, for `EVALSHA` (and `EVAL` when the server does not know it yet).
#[derive(Clone)]
struct Lua {
    source: &'static str,
    sha: String,
}

impl Lua {
    fn new(source: &'static str) -> Self {
        Lua {
            source,
            sha: redis::Script::new(source).get_hash().to_owned(),
        }
    }
}

/// A [`LimiterStore`] and a [`DedupStore`] in one Redis server (feature `redis`), for a fleet of
/// processes on one workspace: N processes together stay within the budget, a `429` one of them
/// meets pauses all of them until its `Retry-After`, and a webhook delivery handled by one
/// receiver is a repeat to the others.
///
/// - **The limiter**: one atomic GCRA per request, in a Lua script run with `EVALSHA` (`EVAL`
///   when the server does not have it cached), on the Redis server's clock; it answers go, or
///   wait so long. A budget key is `{prefix}limit:{scope:kind}` (`attio:limit:{token-…:reads}`),
///   its pause `…:paused`; the braces keep both in one Redis Cluster slot.
/// - **Deduplication**: `SET {prefix}seen:KEY 1 NX PX ttl`.
/// - **When Redis cannot be reached**: the connection is made again in the background; each
///   request to Redis fails within about a second meanwhile, and the limiter falls back to
///   pacing the process alone (or waits, see [`StoreDown`](super::StoreDown)) while
///   [`Dedup`](crate::webhooks::Dedup) answers [`Freshness::Unknown`](crate::webhooks::Freshness).
///
/// Cloning is cheap: clones share the connection. Build one per process and hand it to the
/// client and to deduplication both.
///
/// ```no_run
/// use std::sync::Arc;
/// use attio::shared::RedisStore;
/// use attio::webhooks::Dedup;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let store = Arc::new(RedisStore::new("redis://127.0.0.1:6379/0")?);
/// store.ping().await?; // optional: fail at start-up rather than fall back
/// let client = attio::Client::builder()
///     .api_key("token")
///     .limiter_store(store.clone())
///     .build()?;
/// let dedup = Dedup::new(store);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    /// The URL without its password, for messages.
    address: String,
    prefix: String,
    acquire: Lua,
    pause: Lua,
}

impl RedisStore {
    /// A store on the Redis server at `url` (`redis://[:password@]host[:port][/db]`; this build
    /// has no TLS, so `rediss://` is refused), with the key prefix `attio:`.
    ///
    /// It connects on first use, not here, so a process starts even while Redis is down (and
    /// falls back meanwhile); call [`ping`](RedisStore::ping) to check at start-up. Must be
    /// called within a Tokio runtime, which keeps the connection.
    ///
    /// ```no_run
    /// # #[tokio::main] async fn main() -> attio::Result<()> {
    /// let store = attio::shared::RedisStore::new("redis://127.0.0.1:6379")?;
    /// # Ok(()) }
    /// ```
    pub fn new(url: &str) -> Result<Self, Error> {
        let address = without_password(url);
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(Error::Config(format!(
                "RedisStore::new(\"{address}\") was called outside a Tokio runtime; call it from \
                 async code (inside #[tokio::main]), where the connection can live"
            )));
        }
        let client = redis::Client::open(url).map_err(|e| {
            Error::Config(format!(
                "the Redis URL `{address}` cannot be used ({e}); write it as \
                 redis://[:password@]host[:port][/db]"
            ))
        })?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_millis(500)))
            .set_response_timeout(Some(Duration::from_millis(500)))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(200));
        let connection = ConnectionManager::new_lazy_with_config(client, config).map_err(|e| {
            Error::Config(format!(
                "cannot set up a connection to Redis at `{address}`: {e}"
            ))
        })?;
        Ok(RedisStore {
            connection,
            address,
            prefix: "attio:".to_owned(),
            acquire: Lua::new(ACQUIRE),
            pause: Lua::new(PAUSE),
        })
    }

    /// Prefixes every key with `prefix` instead of `attio:`: for several fleets (or tests) on
    /// one Redis database.
    ///
    /// ```no_run
    /// # #[tokio::main] async fn main() -> attio::Result<()> {
    /// let store = attio::shared::RedisStore::new("redis://127.0.0.1")?.prefix("crm-sync:");
    /// # Ok(()) }
    /// ```
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Asks Redis for `PONG`: whether it can be reached now.
    ///
    /// ```no_run
    /// # async fn run(store: attio::shared::RedisStore) {
    /// if let Err(e) = store.ping().await {
    ///     eprintln!("{e}"); // says where Redis was looked for, and what to check
    /// }
    /// # }
    /// ```
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut connection = self.connection.clone();
        redis::cmd("PING")
            .query_async::<String>(&mut connection)
            .await
            .map(drop)
            .map_err(|e| self.error(e))
    }

    /// Runs `lua` on `keys` and `args`: `EVALSHA`, then `EVAL` if the server does not know the
    /// script (a restarted or flushed server).
    async fn eval<T: FromRedisValue>(
        &self,
        lua: &Lua,
        keys: &[&str],
        args: &[u64],
    ) -> Result<T, StoreError> {
        let mut connection = self.connection.clone();
        let mut evalsha = redis::cmd("EVALSHA");
        evalsha.arg(&lua.sha).arg(keys.len()).arg(keys).arg(args);
        let answer = match evalsha.query_async(&mut connection).await {
            Err(e) if e.kind() == ErrorKind::Server(ServerErrorKind::NoScript) => {
                let mut eval = redis::cmd("EVAL");
                eval.arg(lua.source).arg(keys.len()).arg(keys).arg(args);
                eval.query_async(&mut connection).await
            }
            answer => answer,
        };
        answer.map_err(|e| self.error(e))
    }

    fn error(&self, e: RedisError) -> StoreError {
        let what = if e.is_io_error() || e.is_timeout() || e.is_connection_dropped() {
            "cannot be reached; check that it runs and that this host can connect to it"
        } else {
            "refused a request; check that it is Redis 5 or newer and that this user may run \
             scripts, GET, SET and DEL"
        };
        StoreError::with_source(format!("Redis at `{}` {what}", self.address), e)
    }

    fn limit_key(&self, key: &str) -> String {
        format!("{}limit:{{{key}}}", self.prefix)
    }
}

/// Milliseconds, at least one (Redis refuses `PX 0`).
fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

impl LimiterStore for RedisStore {
    fn acquire<'a>(
        &'a self,
        key: &'a str,
        budget: Budget,
    ) -> BoxFuture<'a, Result<Acquire, StoreError>> {
        Box::pin(async move {
            let tat = self.limit_key(key);
            let paused = format!("{tat}:paused");
            let interval = u64::try_from(budget.interval().as_micros()).unwrap_or(u64::MAX);
            let wait: i64 = self
                .eval(&self.acquire, &[&tat, &paused], &[interval])
                .await?;
            Ok(match u64::try_from(wait) {
                Ok(micros) if micros > 0 => Acquire::Wait(Duration::from_micros(micros)),
                _ => Acquire::Go,
            })
        })
    }

    fn pause<'a>(&'a self, key: &'a str, wait: Duration) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let paused = format!("{}:paused", self.limit_key(key));
            self.eval::<i64>(&self.pause, &[&paused], &[millis(wait)])
                .await
                .map(drop)
        })
    }
}

impl DedupStore for RedisStore {
    fn insert<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            let answer: Value = redis::cmd("SET")
                .arg(format!("{}seen:{key}", self.prefix))
                .arg(1)
                .arg("NX")
                .arg("PX")
                .arg(millis(ttl))
                .query_async(&mut connection)
                .await
                .map_err(|e| self.error(e))?;
            // `OK` when set (a new key), nil when the key was there.
            Ok(!matches!(answer, Value::Nil))
        })
    }

    fn remove<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut connection = self.connection.clone();
            redis::cmd("DEL")
                .arg(format!("{}seen:{key}", self.prefix))
                .query_async::<i64>(&mut connection)
                .await
                .map(drop)
                .map_err(|e| self.error(e))
        })
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .finish()
    }
}

/// `url` with its password (and user name) replaced, for messages and `Debug`.
fn without_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() || !parsed.username().is_empty() => {
            // Both fail only for URLs that cannot have credentials, which these have.
            let _ = parsed.set_password(Some("[redacted]"));
            let _ = parsed.set_username("");
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "(not a URL)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_reaches_a_message() {
        assert_eq!(
            without_password("redis://:hunter2@cache:6380/1"),
            "redis://:%5Bredacted%5D@cache:6380/1"
        );
        assert!(!without_password("redis://user:hunter2@cache").contains("hunter2"));
        assert_eq!(
            without_password("redis://127.0.0.1:6379"),
            "redis://127.0.0.1:6379"
        );
        assert_eq!(without_password("hunter2"), "(not a URL)");
    }

    #[test]
    fn outside_a_runtime_the_store_says_where_to_build_it() {
        let err = RedisStore::new("redis://127.0.0.1:1").unwrap_err();
        assert!(err.to_string().contains("Tokio runtime"), "{err}");
    }

    #[tokio::test]
    async fn a_bad_url_says_how_to_write_one() {
        let err = RedisStore::new("http://127.0.0.1").unwrap_err();
        assert!(err.to_string().contains("redis://"), "{err}");
        let store = RedisStore::new("redis://:pw@127.0.0.1:1/0").unwrap();
        assert!(!format!("{store:?}").contains("pw@"), "{store:?}");
    }

    #[test]
    fn scripts_are_named_by_their_sha1() {
        assert_eq!(Lua::new(ACQUIRE).sha.len(), 40);
        assert_ne!(Lua::new(ACQUIRE).sha, Lua::new(PAUSE).sha);
    }
}
