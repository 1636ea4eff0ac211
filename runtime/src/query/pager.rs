//! [`Query`] and [`Records`]: a query's filters, sorts and bounds, and the stream of records
//! that fetches page after page.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::Stream;
use serde_json::{Map, Value};

use super::Queryable;
use crate::client::Client;
use crate::error::Result;
use crate::pages::Listing;
use crate::query::{Filter, IntoFilter, IntoSort, Sort};

/// Attio's default (and this SDK's) number of records per query page.
///
/// ```
/// assert_eq!(attio::DEFAULT_PAGE_SIZE, 500);
/// ```
pub const DEFAULT_PAGE_SIZE: usize = 500;

/// A query on the records of `T`: filters, sorts, limit and offset, run as a stream of records
/// that fetches page after page ([`Query::stream`]), or all at once ([`Query::collect_all`]).
///
/// Made by the generated `T::query()` (or [`Query::new`]). Filters and sorts name attributes
/// through `T`'s handles (`|f| f.user_id().eq("123")`), so only operators Attio accepts for the
/// attribute type, with values of its Rust type, compile.
///
/// ```no_run
/// #[attio::attio_object(slug = "users")]
/// struct User { user_id: String, primary_email_address: attio::EmailAddress }
///
/// # async fn run(client: attio::Client) -> attio::Result<()> {
/// let users = User::query()
///     .filter(|f| f.primary_email_address().email_domain().eq("company.com"))
///     .sort(|f| f.user_id().asc())
///     .collect_all(&client)
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a query does nothing until it is run with stream, collect_all or first"]
pub struct Query<T> {
    filter: Option<Filter<T>>,
    sorts: Vec<Sort<T>>,
    limit: Option<usize>,
    offset: usize,
    page_size: usize,
}

impl<T> Clone for Query<T> {
    fn clone(&self) -> Self {
        Query {
            filter: self.filter.clone(),
            sorts: self.sorts.clone(),
            limit: self.limit,
            offset: self.offset,
            page_size: self.page_size,
        }
    }
}

impl<T> fmt::Debug for Query<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query")
            .field("filter", &self.filter)
            .field("sorts", &self.sorts)
            .field("limit", &self.limit)
            .field("offset", &self.offset)
            .field("page_size", &self.page_size)
            .finish()
    }
}

impl<T: Queryable> Default for Query<T> {
    fn default() -> Self {
        Query::new()
    }
}

impl<T: Queryable> Query<T> {
    /// Every record of `T`, in Attio's order.
    pub fn new() -> Self {
        Query {
            filter: None,
            sorts: Vec::new(),
            limit: None,
            offset: 0,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }

    /// Keeps the records that match; called again, the conditions are ANDed.
    pub fn filter<F: IntoFilter<T>>(mut self, f: impl FnOnce(&T::Fields) -> F) -> Self {
        let new = f(&T::fields()).into_filter();
        self.filter = Some(match self.filter.take() {
            Some(old) => old.and(new),
            None => new,
        });
        self
    }

    /// Orders the records; called again, the new sort breaks ties of the earlier ones.
    pub fn sort<S: IntoSort<T>>(mut self, f: impl FnOnce(&T::Fields) -> S) -> Self {
        self.sorts.push(f(&T::fields()).into_sort());
        self
    }

    /// At most `n` records in all (across pages).
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = Some(n);
        self
    }

    /// Skips the first `n` matching records.
    pub fn offset(mut self, n: usize) -> Self {
        self.offset = n;
        self
    }

    /// Records per request (default and Attio's default: 500). At least 1.
    pub fn page_size(mut self, n: usize) -> Self {
        self.page_size = n.max(1);
        self
    }

    /// The body of one page's request.
    fn body(&self, limit: usize, offset: usize) -> Value {
        let mut m = Map::new();
        if let Some(f) = &self.filter {
            m.insert("filter".into(), f.to_json().clone());
        }
        if !self.sorts.is_empty() {
            m.insert(
                "sorts".into(),
                Value::Array(self.sorts.iter().map(|s| s.to_json().clone()).collect()),
            );
        }
        m.insert("limit".into(), limit.into());
        m.insert("offset".into(), offset.into());
        Value::Object(m)
    }

    /// The request body of the first page, as Attio's JSON.
    ///
    /// ```
    /// #[attio::attio_object(slug = "users")]
    /// struct User { user_id: String }
    /// let q = User::query().filter(|f| f.user_id().eq("1")).sort(|f| f.user_id().desc()).limit(10);
    /// assert_eq!(
    ///     q.to_json().to_string(),
    ///     r#"{"filter":{"user_id":{"$eq":"1"}},"limit":10,"offset":0,"sorts":[{"attribute":"user_id","direction":"desc"}]}"#
    /// );
    /// ```
    pub fn to_json(&self) -> Value {
        let first = self.limit.map_or(self.page_size, |l| l.min(self.page_size));
        self.body(first, self.offset)
    }
}

impl<T: Queryable + Send + 'static> Query<T> {
    /// The matching records (or a list's entries), one at a time, fetching the next page (`POST
    /// /v2/objects/{slug}/records/query`, or `POST /v2/lists/{slug}/entries/query`, with `limit`
    /// and `offset`) when the previous one is used up. It ends after a page shorter than the page
    /// size (Attio's end of data), or at the limit. A full page that comes back byte for byte as
    /// the one before it (a server that ignores `offset`) ends it with
    /// [`Error::Paging`](crate::Error::Paging), rather than paging forever. An error ends it
    /// after being yielded.
    pub fn stream(self, client: &Client) -> Records<T> {
        let (page_size, offset, limit) = (self.page_size, self.offset, self.limit);
        let pages = Listing::by_offset(client, page_size, offset, limit, move |limit, offset| {
            T::page(&self.body(limit, offset))
        });
        Records(Box::pin(pages))
    }

    /// Every matching record (every page), or the first error.
    pub async fn collect_all(self, client: &Client) -> Result<Vec<T::Item>> {
        use futures::TryStreamExt as _;
        self.stream(client).try_collect().await
    }

    /// The first matching record, if any: one request, with `limit: 1`.
    pub async fn first(self, client: &Client) -> Result<Option<T::Item>> {
        use futures::TryStreamExt as _;
        self.limit(1).stream(client).try_next().await
    }
}

/// The records (or entries) a [`Query`] finds, as a [`Stream`] of [`Record<T>`](crate::Record)
/// (of [`Entry<T>`](crate::Entry) for a list); see [`Query::stream`].
#[must_use = "streams do nothing unless polled"]
pub struct Records<T: Queryable>(Pin<Box<dyn Stream<Item = Result<T::Item>> + Send>>);

impl<T: Queryable> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Records { .. }")
    }
}

impl<T: Queryable> Stream for Records<T> {
    type Item = Result<T::Item>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}
