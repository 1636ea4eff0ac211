//! A blocking client, for programs and threads that do not drive an async runtime. Enable the
//! `blocking` feature.
//!
//! It has the same operations as [`crate::client::Client`], without `.await`: each call runs the async
//! client on a small runtime the blocking client owns, so retries, rate limits and timeouts behave
//! exactly as they do there.
//!
//! ```no_run
//! use attio::blocking::Client;
//!
//! #[attio::attio_object(slug = "users")]
//! struct User {
//!     user_id: String,
//!     primary_email_address: attio::EmailAddress,
//! }
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let client = Client::from_env()?;
//!     let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
//!     let user = User { user_id: "123".into(), primary_email_address: "person@company.com".parse()? };
//!     let record = client.update_record(&user, &id)?;
//!     println!("{}", record.id.record_id);
//!     Ok(())
//! }
//! ```
//!
//! In a program that does run tokio, blocking code (a synchronous library's callback, a batch
//! job) can use it from [`tokio::task::spawn_blocking`], or from any thread of its own:
//!
//! ```no_run
//! # #[attio::attio_object(slug = "users")] struct User { user_id: String }
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let client = attio::blocking::Client::from_env()?;
//!     let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
//!     let record = tokio::task::spawn_blocking(move || client.get_record::<User>(&id)).await??;
//!     println!("{}", record.values.user_id);
//!     Ok(())
//! }
//! ```
//!
//! Where it is called decides how it waits:
//!
//! - on a thread with no tokio runtime (the main thread of a synchronous program, a
//!   [`std::thread::spawn`] thread), or on a blocking thread of any runtime
//!   ([`tokio::task::spawn_blocking`]), it simply blocks that thread;
//! - inside a multi-thread runtime (a task on one of its workers, or the future its
//!   `Runtime::block_on` runs), it blocks through [`tokio::task::block_in_place`], which first hands
//!   the worker's other tasks to another thread; tasks running concurrently *within the same task*
//!   (`join!`, `select!`) still wait for it;
//! - on the thread that drives a current-thread runtime (`#[tokio::main(flavor = "current_thread")]`,
//!   `#[tokio::test]`, a task or the `block_on` future of such a runtime) it is refused with
//!   [`Error::InvalidInput`]: blocking there would stall every task of that runtime, and deadlock if
//!   one of them serves the request. Move the call into `spawn_blocking`, or use the async client.

use std::future::Future;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::values::{AttioList, EntryId, ParentOf, RecordId, RecordStruct};
use crate::wire::{Entry, Record};

/// A blocking connection to Attio: the async [`crate::client::Client`] driven to completion on each call.
///
/// Cheap to clone; clones share the runtime, the rate limits and the counters. It can be called
/// from any thread that does not drive async tasks: plain threads, [`tokio::task::spawn_blocking`],
/// and (through [`tokio::task::block_in_place`]) a multi-thread runtime. On the thread that drives a
/// current-thread runtime, where blocking would stall that runtime's every task, a call is refused
/// with [`Error::InvalidInput`]; the [module docs](crate::blocking) say more.
///
/// ```
/// let client = attio::blocking::Client::new(attio::Client::builder().api_key("token").build()?)?;
/// let same = client.clone();
/// # Ok::<(), attio::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: crate::client::Client,
    runtime: Arc<OwnedRuntime>,
}

/// The runtime, shut down without blocking when the last clone goes: dropping a runtime the
/// ordinary way panics inside an async context, and a blocking client may well be dropped there.
#[derive(Debug)]
struct OwnedRuntime(Option<tokio::runtime::Runtime>);

impl Drop for OwnedRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

impl Client {
    /// Wraps an async client (built with [`crate::Client::builder`]).
    ///
    /// ```
    /// let async_client = attio::Client::builder().api_key("token").build()?;
    /// let client = attio::blocking::Client::new(async_client)?;
    /// assert_eq!(client.base_url(), "https://api.attio.com");
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn new(inner: crate::client::Client) -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| {
                Error::Config(format!(
                    "could not start the blocking client's runtime: {e}"
                ))
            })?;
        Ok(Client {
            inner,
            runtime: Arc::new(OwnedRuntime(Some(runtime))),
        })
    }

    /// A client from `ATTIO_API_KEY` and the optional `ATTIO_BASE_URL`, as
    /// [`crate::Client::from_env`].
    ///
    /// ```no_run
    /// let client = attio::blocking::Client::from_env()?;
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn from_env() -> Result<Self> {
        Client::new(crate::Client::from_env()?)
    }

    /// The base URL requests go to.
    ///
    /// ```
    /// let client = attio::blocking::Client::new(attio::Client::builder().api_key("t").build()?)?;
    /// assert_eq!(client.base_url(), "https://api.attio.com");
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn base_url(&self) -> &str {
        self.inner.base_url()
    }

    /// The async client inside, for code that has a runtime after all.
    ///
    /// Its pooled connections belong to this blocking client's own runtime: run its futures
    /// with [`run`](Client::run). Awaited on another runtime, a request that reuses such a
    /// connection stalls until the client's timeout.
    ///
    /// ```
    /// let client = attio::blocking::Client::new(attio::Client::builder().api_key("t").build()?)?;
    /// let async_client: &attio::Client = client.as_async();
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn as_async(&self) -> &crate::client::Client {
        &self.inner
    }

    /// Counts of attempts, retries and failures, as [`crate::Client::stats`].
    ///
    /// ```
    /// let client = attio::blocking::Client::new(attio::Client::builder().api_key("t").build()?)?;
    /// assert_eq!(client.stats().attempts, 0);
    /// # Ok::<(), attio::Error>(())
    /// ```
    pub fn stats(&self) -> crate::client::ClientStats {
        self.inner.stats()
    }

    /// `PATCH /v2/objects/{slug}/records/{record_id}`, as [`crate::Client::update_record`]:
    /// single values are replaced, multiselect values appended.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # fn run(client: attio::blocking::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
    /// let record = client.update_record(&User { user_id: "123".into() }, &id)?;
    /// # Ok(()) }
    /// ```
    pub fn update_record<T: RecordStruct>(&self, values: &T, id: &RecordId) -> Result<Record<T>> {
        self.block_on(self.inner.update_record(values, id))
    }

    /// `POST /v2/objects/{slug}/records`, as [`crate::Client::create_record`].
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # fn run(client: attio::blocking::Client) -> attio::Result<()> {
    /// let record = client.create_record(&User { user_id: "123".into() })?;
    /// println!("created {}", record.id.record_id);
    /// # Ok(()) }
    /// ```
    pub fn create_record<T: RecordStruct>(&self, values: &T) -> Result<Record<T>> {
        self.block_on(self.inner.create_record(values))
    }

    /// `GET /v2/objects/{slug}/records/{record_id}`, as [`crate::Client::get_record`].
    ///
    /// ```
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # fn run(client: attio::blocking::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse()?;
    /// let record = client.get_record::<User>(&id)?;
    /// # Ok(()) }
    /// ```
    pub fn get_record<T: RecordStruct>(&self, id: &RecordId) -> Result<Record<T>> {
        self.block_on(self.inner.get_record(id))
    }

    /// `POST /v2/lists/{list}/entries`, as [`crate::Client::add_entry`]: adds the record `parent`
    /// (a `&Record<P>` or `&Ref<P>` of the list's parent object `P`) to the list.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # fn run(client: attio::blocking::Client, acme: attio::Record<Company>) -> attio::Result<()> {
    /// let entry = client.add_entry(&SalesEntry { stage: None }, &acme)?;
    /// println!("added as {}", entry.id.entry_id);
    /// # Ok(()) }
    /// ```
    pub fn add_entry<T: AttioList, P: ParentOf<T>>(
        &self,
        values: &T,
        parent: &P,
    ) -> Result<Entry<T>> {
        self.block_on(self.inner.add_entry(values, parent))
    }

    /// `GET /v2/lists/{list}/entries/{entry_id}`, as [`crate::Client::get_entry`].
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # fn run(client: attio::blocking::Client, id: attio::EntryId) -> attio::Result<()> {
    /// let entry = client.get_entry::<SalesEntry>(&id)?;
    /// # Ok(()) }
    /// ```
    pub fn get_entry<T: AttioList>(&self, id: &EntryId) -> Result<Entry<T>> {
        self.block_on(self.inner.get_entry(id))
    }

    /// `PATCH /v2/lists/{list}/entries/{entry_id}`, as [`crate::Client::update_entry`]: single
    /// values are replaced, multiselect values appended.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # fn run(client: attio::blocking::Client, id: attio::EntryId) -> attio::Result<()> {
    /// let entry = client.update_entry(&SalesEntry { stage: None }, &id)?;
    /// # Ok(()) }
    /// ```
    pub fn update_entry<T: AttioList>(&self, values: &T, id: &EntryId) -> Result<Entry<T>> {
        self.block_on(self.inner.update_entry(values, id))
    }

    /// `PUT /v2/lists/{list}/entries`, as [`crate::Client::assert_entry`]: the entry of the record
    /// `parent`, created if it has none, overwritten (multiselects replaced) if it has one. When
    /// the record has several entries in the list the error is [`Error::MultipleEntries`], and
    /// nothing is changed.
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # fn run(client: attio::blocking::Client, acme: attio::Ref<Company>) -> attio::Result<()> {
    /// match client.assert_entry(&SalesEntry { stage: None }, &acme) {
    ///     Ok(entry) => println!("Acme's entry is {}", entry.id.entry_id),
    ///     Err(attio::Error::MultipleEntries { .. }) => println!("Acme is in the pipeline twice"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn assert_entry<T: AttioList, P: ParentOf<T>>(
        &self,
        values: &T,
        parent: &P,
    ) -> Result<Entry<T>> {
        self.block_on(self.inner.assert_entry(values, parent))
    }

    /// `PUT /v2/lists/{list}/entries/{entry_id}`, as [`crate::Client::overwrite_entry`]: the
    /// entry's attributes become equal to the struct's values (multiselects replaced; an empty
    /// `Vec` clears one).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { tags: Vec<attio::SelectOption> }
    /// # fn run(client: attio::blocking::Client, id: attio::EntryId) -> attio::Result<()> {
    /// let entry = client.overwrite_entry(&SalesEntry { tags: vec![] }, &id)?; // no tags any more
    /// assert!(entry.values.tags.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn overwrite_entry<T: AttioList>(&self, values: &T, id: &EntryId) -> Result<Entry<T>> {
        self.block_on(self.inner.overwrite_entry(values, id))
    }

    /// `DELETE /v2/lists/{list}/entries/{entry_id}`, as [`crate::Client::delete_entry`]: removes
    /// the entry from the list (the parent record stays).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # fn run(client: attio::blocking::Client, id: attio::EntryId) -> attio::Result<()> {
    /// client.delete_entry::<SalesEntry>(&id)?;
    /// # Ok(()) }
    /// ```
    pub fn delete_entry<T: AttioList>(&self, id: &EntryId) -> Result<()> {
        self.block_on(self.inner.delete_entry::<T>(id))
    }

    /// Runs any operation of the async client to completion, for operations this type does not
    /// mirror yet.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # fn run(client: attio::blocking::Client, id: attio::RecordId) -> attio::Result<()> {
    /// let record = client.run(|c| async move { c.get_record::<User>(&id).await })?;
    /// # Ok(()) }
    /// ```
    pub fn run<'a, F, Fut, T>(&'a self, op: F) -> Result<T>
    where
        F: FnOnce(&'a crate::client::Client) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        self.block_on(op(&self.inner))
    }

    fn block_on<T>(&self, fut: impl Future<Output = Result<T>>) -> Result<T> {
        let Some(runtime) = &self.runtime.0 else {
            return Err(Error::Invariant(
                "the blocking client's runtime has shut down".into(),
            ));
        };
        let Ok(current) = tokio::runtime::Handle::try_current() else {
            // No runtime on this thread: block it.
            return runtime.block_on(fut);
        };
        if current.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread {
            // On a worker, `block_in_place` moves the worker's other tasks to a new thread and
            // leaves the runtime context (so that our own runtime's `block_on` is allowed) before
            // running the closure; in the runtime's `block_on` future it only leaves the context,
            // and on a blocking thread, which is not in it, it just runs the closure.
            return tokio::task::block_in_place(|| runtime.block_on(fut));
        }
        // A current-thread runtime (or a flavor this code does not know): its blocking threads
        // (`spawn_blocking`) enter its handle but do not drive it, so blocking them is fine;
        // `worker_index` is `Some` only on the thread that drives it, where blocking would stall
        // every task on it.
        if tokio::runtime::worker_index().is_some() {
            return Err(Error::InvalidInput(DRIVER_THREAD_REFUSAL.into()));
        }
        runtime.block_on(fut)
    }
}

/// Why a call on the thread driving a current-thread runtime is refused, and where to move it.
const DRIVER_THREAD_REFUSAL: &str = "the blocking client was called on the thread that drives a \
current-thread async runtime (tokio), where blocking would stall every task on it (a deadlock if \
one of them serves this request); call it inside `tokio::task::spawn_blocking(move || ...)`, or \
use `attio::Client` with `.await`";
