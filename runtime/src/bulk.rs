//! Many writes at once, at the rate limit: [`Bulk`], from [`Client::bulk`].
//!
//! A bulk run keeps up to [`Bulk::concurrency`] requests in flight; the client's shared write
//! limiter (25 writes per second by default, see [`RateLimits`](crate::RateLimits)) paces them, so
//! the limit stays full without being crossed, and a `429` that still happens is retried by the
//! client's [`RetryPolicy`](crate::RetryPolicy) rather than reaching you. Every item's outcome
//! comes back with running counts ([`Progress`]) that a command-line tool can turn into a progress
//! bar.
//!
//! ```no_run
//! use attio::{attio_object, Client, RecordId};
//!
//! #[attio_object(slug = "users")]
//! struct User {
//!     user_id: String,
//! }
//!
//! # async fn run(client: Client, ids: Vec<RecordId>) -> attio::Result<()> {
//! let items = ids.into_iter().enumerate().map(|(i, id)| (id, User { user_id: format!("u-{i}") }));
//! let report = client
//!     .bulk()
//!     .update_all(items, |p| eprint!("\r{}/{} done, {} failed", p.done, p.total.unwrap_or(0), p.failed))
//!     .await;
//! eprintln!();
//! for (index, error) in report.errors() {
//!     eprintln!("item {index}: {error}");
//! }
//! # Ok(()) }
//! ```

use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use futures::stream::{self, Stream, StreamExt};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::values::{AttioList, EntryId, ParentOf, RecordId, RecordStruct};
use crate::wire::{Entry, Record};

/// The default number of requests a bulk run keeps in flight: one second of Attio's write limit,
/// enough to keep it full at up to a second of latency per request.
pub const DEFAULT_BULK_CONCURRENCY: usize = 25;

/// A bulk run's settings: the client to use and how many requests to keep in flight.
///
/// Made by [`Client::bulk`]. Each run ([`Bulk::update`], [`Bulk::create`], or their `_all`
/// forms) takes the items as any `IntoIterator`, and reports every item's outcome with the
/// running counts.
///
/// ```
/// let client = attio::Client::builder().api_key("token").build()?;
/// let bulk = client.bulk().concurrency(10);
/// assert_eq!(bulk.get_concurrency(), 10);
/// # Ok::<(), attio::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Bulk {
    client: Client,
    concurrency: usize,
}

impl Client {
    /// Settings for writing many records concurrently at the client's rate limit.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, items: Vec<(attio::RecordId, User)>) {
    /// let report = client.bulk().update_all(items, |_| {}).await;
    /// println!("{} updated, {} failed", report.progress.succeeded, report.progress.failed);
    /// # }
    /// ```
    pub fn bulk(&self) -> Bulk {
        Bulk {
            client: self.clone(),
            concurrency: DEFAULT_BULK_CONCURRENCY,
        }
    }
}

impl Bulk {
    /// How many requests to keep in flight at once (at least 1; default
    /// [`DEFAULT_BULK_CONCURRENCY`]).
    ///
    /// The rate limiter, not this number, sets the pace: raise it only if requests take longer
    /// than `concurrency / writes_per_second` seconds each, so that the limit is not kept full.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("token").build()?;
    /// assert_eq!(client.bulk().concurrency(0).get_concurrency(), 1);
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// The number of requests kept in flight.
    ///
    /// ```
    /// let client = attio::Client::builder().api_key("token").build()?;
    /// assert_eq!(client.bulk().get_concurrency(), attio::DEFAULT_BULK_CONCURRENCY);
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn get_concurrency(&self) -> usize {
        self.concurrency
    }

    /// Updates every `(id, values)` record (`PATCH /v2/objects/{slug}/records/{id}`), yielding
    /// each item's outcome as it completes, in completion order.
    ///
    /// Nothing is sent until the stream is polled. Each [`BulkItem`] carries the item's position
    /// in `items` and the counts so far. As with [`Client::update_record`], values of multiselect
    /// attributes are appended.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, items: Vec<(attio::RecordId, User)>) {
    /// let mut results = std::pin::pin!(client.bulk().update(items));
    /// while let Some(item) = results.next().await {
    ///     if let Err(e) = &item.result {
    ///         eprintln!("item {} failed: {e}", item.index);
    ///     }
    ///     eprint!("\r{}/{}", item.progress.done, item.progress.total.unwrap_or(0));
    /// }
    /// # }
    /// ```
    pub fn update<T, I>(&self, items: I) -> impl Stream<Item = BulkItem<Record<T>>> + use<T, I>
    where
        T: RecordStruct,
        I: IntoIterator<Item = (RecordId, T)>,
    {
        let client = self.client.clone();
        self.run(items, move |(id, values): (RecordId, T)| {
            let client = client.clone();
            async move { client.update_record(&values, &id).await }
        })
    }

    /// Creates a record for every item (`POST /v2/objects/{slug}/records`), yielding each item's
    /// outcome as it completes, in completion order.
    ///
    /// A create is not idempotent, so a create that fails after reaching Attio is not retried
    /// (see [`RetryPolicy`](crate::RetryPolicy)); a `429` always is.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client) {
    /// let users = (0..100).map(|i| User { user_id: format!("u-{i}") });
    /// let created: Vec<_> = client.bulk().create(users).collect().await;
    /// assert_eq!(created.len(), 100);
    /// # }
    /// ```
    pub fn create<T, I>(&self, items: I) -> impl Stream<Item = BulkItem<Record<T>>> + use<T, I>
    where
        T: RecordStruct,
        I: IntoIterator<Item = T>,
    {
        let client = self.client.clone();
        self.run(items, move |values: T| {
            let client = client.clone();
            async move { client.create_record(&values).await }
        })
    }

    /// Updates every `(id, values)` record, calls `on_progress` after each item completes, and
    /// returns every result in the order of `items`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, items: Vec<(attio::RecordId, User)>) {
    /// let report = client
    ///     .bulk()
    ///     .update_all(items, |p| {
    ///         if p.done % 100 == 0 {
    ///             eprintln!("{} done at {:.1}/s", p.done, p.per_second());
    ///         }
    ///     })
    ///     .await;
    /// assert_eq!(report.progress.failed, report.errors().count());
    /// # }
    /// ```
    pub async fn update_all<T, I, F>(&self, items: I, on_progress: F) -> BulkReport<Record<T>>
    where
        T: RecordStruct,
        I: IntoIterator<Item = (RecordId, T)>,
        F: FnMut(&Progress),
    {
        BulkReport::collect(self.update(items), on_progress).await
    }

    /// Creates a record for every item, calls `on_progress` after each item completes, and
    /// returns every result in the order of `items`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client) {
    /// let users = (0..100).map(|i| User { user_id: format!("u-{i}") });
    /// let report = client.bulk().create_all(users, |_| {}).await;
    /// let records: Vec<_> = report.results.into_iter().filter_map(Result::ok).collect();
    /// # }
    /// ```
    pub async fn create_all<T, I, F>(&self, items: I, on_progress: F) -> BulkReport<Record<T>>
    where
        T: RecordStruct,
        I: IntoIterator<Item = T>,
        F: FnMut(&Progress),
    {
        BulkReport::collect(self.create(items), on_progress).await
    }

    /// Adds every `(parent, values)` item to the list `T` describes (`POST
    /// /v2/lists/{list}/entries`), yielding each item's outcome as it completes. Each `parent` is a
    /// record of the list's parent object, as for [`Client::add_entry`]: a
    /// [`Record`] or a [`Ref`](crate::Ref) (one kind per call). Like
    /// [`create`](Bulk::create), not retried once it reached Attio.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, companies: Vec<attio::Record<Company>>) {
    /// let leads = companies.into_iter().map(|company| (company, SalesEntry { stage: None }));
    /// let added: Vec<_> = client.bulk().add_entries(leads).collect().await;
    /// # }
    /// ```
    pub fn add_entries<T, P, I>(
        &self,
        items: I,
    ) -> impl Stream<Item = BulkItem<Entry<T>>> + use<T, P, I>
    where
        T: AttioList,
        P: ParentOf<T>,
        I: IntoIterator<Item = (P, T)>,
    {
        let client = self.client.clone();
        self.run(items, move |(parent, values): (P, T)| {
            let client = client.clone();
            async move { client.add_entry(&values, &parent).await }
        })
    }

    /// Updates every `(entry_id, values)` entry of the list `T` describes (`PATCH
    /// /v2/lists/{list}/entries/{entry_id}`; multiselect values are appended), yielding each
    /// item's outcome as it completes.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, items: Vec<(attio::EntryId, SalesEntry)>) {
    /// let updated: Vec<_> = client.bulk().update_entries(items).collect().await;
    /// # }
    /// ```
    pub fn update_entries<T, I>(
        &self,
        items: I,
    ) -> impl Stream<Item = BulkItem<Entry<T>>> + use<T, I>
    where
        T: AttioList,
        I: IntoIterator<Item = (EntryId, T)>,
    {
        let client = self.client.clone();
        self.run(items, move |(id, values): (EntryId, T)| {
            let client = client.clone();
            async move { client.update_entry(&values, &id).await }
        })
    }

    /// [`add_entries`](Bulk::add_entries), calling `on_progress` after each item, with every
    /// result in the order of `items`.
    pub async fn add_entries_all<T, P, I, F>(
        &self,
        items: I,
        on_progress: F,
    ) -> BulkReport<Entry<T>>
    where
        T: AttioList,
        P: ParentOf<T>,
        I: IntoIterator<Item = (P, T)>,
        F: FnMut(&Progress),
    {
        BulkReport::collect(self.add_entries(items), on_progress).await
    }

    /// [`update_entries`](Bulk::update_entries), calling `on_progress` after each item, with
    /// every result in the order of `items`.
    pub async fn update_entries_all<T, I, F>(
        &self,
        items: I,
        on_progress: F,
    ) -> BulkReport<Entry<T>>
    where
        T: AttioList,
        I: IntoIterator<Item = (EntryId, T)>,
        F: FnMut(&Progress),
    {
        BulkReport::collect(self.update_entries(items), on_progress).await
    }

    /// Runs `op` on every item with up to `concurrency` in flight, counting as results come in.
    fn run<I, Op, Fut, R>(
        &self,
        items: I,
        mut op: Op,
    ) -> impl Stream<Item = BulkItem<R>> + use<I, Op, Fut, R>
    where
        I: IntoIterator,
        Op: FnMut(I::Item) -> Fut,
        Fut: Future<Output = Result<R>>,
    {
        let items = items.into_iter();
        let total = match items.size_hint() {
            (lower, Some(upper)) if lower == upper => Some(lower),
            _ => None,
        };
        let client = self.client.clone();
        let retries_before = client.stats().retries;
        let mut progress = Progress {
            total,
            done: 0,
            succeeded: 0,
            failed: 0,
            retries: 0,
            elapsed: Duration::ZERO,
        };
        let started = Arc::new(OnceLock::new());
        let first_sent = started.clone();
        stream::iter(items.enumerate())
            .map(move |(index, item)| {
                first_sent.get_or_init(Instant::now);
                let fut = op(item);
                async move { (index, fut.await) }
            })
            .buffer_unordered(self.concurrency)
            .map(move |(index, result)| {
                let started = *started.get_or_init(Instant::now);
                progress.done += 1;
                match &result {
                    Ok(_) => progress.succeeded += 1,
                    Err(_) => progress.failed += 1,
                }
                progress.retries = client.stats().retries.saturating_sub(retries_before);
                progress.elapsed = started.elapsed();
                BulkItem {
                    index,
                    result,
                    progress,
                }
            })
    }
}

/// One item's outcome in a bulk run, with the counts after it.
///
/// ```
/// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
/// fn show(item: &attio::BulkItem<attio::Record<User>>) {
///     match &item.result {
///         Ok(record) => println!("item {}: {}", item.index, record.values.user_id),
///         Err(e) => println!("item {} failed: {e}", item.index),
///     }
///     println!("{} of {:?} done", item.progress.done, item.progress.total);
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct BulkItem<R> {
    /// The item's position in the input, from 0.
    pub index: usize,
    /// The record Attio returned, or the error after the client's retries.
    pub result: Result<R>,
    /// The counts after this item.
    pub progress: Progress,
}

/// Running counts of a bulk run: enough for a progress bar.
///
/// ```
/// let p = attio::Progress::default();
/// assert_eq!(p.done, 0);
/// assert_eq!(p.fraction(), None);
/// assert_eq!(p.per_second(), 0.0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[non_exhaustive]
pub struct Progress {
    /// How many items there are, when the input's iterator knows its exact length.
    pub total: Option<usize>,
    /// Items finished, successfully or not.
    pub done: usize,
    /// Items that succeeded.
    pub succeeded: usize,
    /// Items that failed (after the client's retries).
    pub failed: usize,
    /// Attempts the client retried during the run (a `429` retried counts here, not in `failed`).
    /// Counted on the client, so other work on the same client during the run counts too.
    pub retries: u64,
    /// Time since the first item was sent.
    pub elapsed: Duration,
}

impl Progress {
    /// The share of items done, from 0 to 1, when the total is known.
    ///
    /// ```
    /// let mut p = attio::Progress::default();
    /// (p.total, p.done) = (Some(4), 1);
    /// assert_eq!(p.fraction(), Some(0.25));
    /// ```
    pub fn fraction(&self) -> Option<f64> {
        match self.total {
            Some(0) => Some(1.0),
            Some(total) => Some(self.done as f64 / total as f64),
            None => None,
        }
    }

    /// Items finished per second so far.
    ///
    /// ```
    /// let mut p = attio::Progress::default();
    /// (p.done, p.elapsed) = (50, std::time::Duration::from_secs(2));
    /// assert_eq!(p.per_second(), 25.0);
    /// ```
    pub fn per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.done as f64 / secs
        } else {
            0.0
        }
    }
}

/// Every result of a bulk run, in input order, with the final counts.
///
/// ```no_run
/// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
/// # async fn run(client: attio::Client, items: Vec<(attio::RecordId, User)>) -> attio::Result<()> {
/// let report = client.bulk().update_all(items, |_| {}).await;
/// let records = report.into_records()?; // the first error, if any failed
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct BulkReport<R> {
    /// One result per input item, in input order.
    pub results: Vec<Result<R>>,
    /// The final counts.
    pub progress: Progress,
}

impl<R> BulkReport<R> {
    /// Drives `items` to the end, calling `on_progress` after each, and puts the results back in
    /// input order.
    async fn collect<S, F>(items: S, mut on_progress: F) -> Self
    where
        S: Stream<Item = BulkItem<R>>,
        F: FnMut(&Progress),
    {
        let mut items = std::pin::pin!(items);
        let mut slots: Vec<Option<Result<R>>> = Vec::new();
        let mut progress = Progress::default();
        while let Some(item) = items.next().await {
            if slots.len() <= item.index {
                slots.resize_with(item.index + 1, || None);
            }
            slots[item.index] = Some(item.result);
            progress = item.progress;
            on_progress(&progress);
        }
        let results = slots
            .into_iter()
            .map(|slot| slot.expect("every input item yields exactly one result"))
            .collect();
        BulkReport { results, progress }
    }

    /// The failed items: their input positions and errors.
    ///
    /// ```
    /// # fn show(report: &attio::BulkReport<()>) {
    /// for (index, error) in report.errors() {
    ///     eprintln!("item {index}: {error}");
    /// }
    /// # }
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = (usize, &Error)> {
        self.results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().err().map(|e| (i, e)))
    }

    /// Every result, or the first error in input order.
    ///
    /// ```
    /// # fn show(report: attio::BulkReport<u32>) -> attio::Result<()> {
    /// let values: Vec<u32> = report.into_records()?;
    /// # Ok(()) }
    /// ```
    pub fn into_records(self) -> Result<Vec<R>> {
        self.results.into_iter().collect()
    }
}
