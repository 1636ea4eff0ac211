//! [`Listing`]: one stream type for every listing that Attio pages, whatever its style.
//!
//! Attio pages its listings four ways (see the API reference's pagination table): not at all
//! (objects, lists, members), by `limit`/`offset` in the body (record and entry queries) or in the
//! query string (notes, tasks, threads, webhooks, attribute values), by `limit` only (search),
//! and by `cursor` (meetings, call recordings, transcripts). A listing here is a stream of items
//! that fetches the next page when the previous one is used up, and ends after a page shorter
//! than asked for (offset style) or without a next cursor (cursor style).

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::{self, Stream, StreamExt as _, TryStreamExt as _};

use url::form_urlencoded;

use crate::client::Client;
use crate::error::Result;
use crate::operation::Operation;
use crate::wire::CursorPage;
use crate::wire::parent::ParentRecord;

/// Items of a listing, fetched page by page as the stream is polled.
///
/// ```no_run
/// use futures::TryStreamExt as _;
///
/// # async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
/// let company = attio::RecordReference::new("companies", id);
/// let mut notes = client.notes().on(&company).stream();
/// while let Some(note) = notes.try_next().await? {
///     println!("{}", note.title);
/// }
/// # Ok(()) }
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct Listing<T>(Pin<Box<dyn Stream<Item = Result<T>> + Send>>);

impl<T> fmt::Debug for Listing<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Listing { .. }")
    }
}

impl<T> Stream for Listing<T> {
    type Item = Result<T>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}

impl<T: Send + 'static> Listing<T> {
    /// Every item (every page), or the first error.
    pub async fn collect_all(self) -> Result<Vec<T>> {
        self.try_collect().await
    }

    /// Pages by `limit` and `offset`: `page(limit, offset)` builds one page's request. Starts at
    /// `offset`, asks for `page_size` items at a time (fewer for the last page of a `limit`), and
    /// ends after a shorter page or at the limit. An error ends it after being yielded.
    pub(crate) fn by_offset<F>(
        client: &Client,
        page_size: usize,
        offset: usize,
        limit: Option<usize>,
        page: F,
    ) -> Self
    where
        F: Fn(usize, usize) -> Operation<Vec<T>> + Send + Sync + 'static,
    {
        let page_size = page_size.max(1);
        let start = (client.clone(), offset, limit, false);
        let pages = stream::unfold(start, move |(client, offset, left, done)| {
            let op = (!done && left != Some(0)).then(|| {
                let want = left.map_or(page_size, |l| l.min(page_size));
                (want, page(want, offset))
            });
            async move {
                let (want, op) = op?;
                Some(match client.execute(op).await {
                    Ok(items) => {
                        let got = items.len();
                        let left = left.map(|l| l.saturating_sub(got));
                        let next = (client, offset + got, left, got < want);
                        (items.into_iter().map(Ok).collect::<Vec<_>>(), next)
                    }
                    Err(e) => (vec![Err(e)], (client, offset, left, true)),
                })
            }
        });
        Listing(Box::pin(pages.flat_map(stream::iter)))
    }

    /// Pages by cursor: `page(cursor)` builds one page's request (`None` for the first); ends when
    /// the answer has no next cursor. An error ends it after being yielded.
    pub(crate) fn by_cursor<F>(client: &Client, page: F) -> Self
    where
        F: Fn(Option<&str>) -> Operation<CursorPage<T>> + Send + Sync + 'static,
    {
        let start = (client.clone(), None::<String>, false);
        let pages = stream::unfold(start, move |(client, cursor, done)| {
            let op = (!done).then(|| page(cursor.as_deref()));
            async move {
                Some(match client.execute(op?).await {
                    Ok(answer) => {
                        let done = answer.next_cursor.is_none();
                        let items = answer.data.into_iter().map(Ok).collect::<Vec<_>>();
                        (items, (client, answer.next_cursor, done))
                    }
                    Err(e) => (vec![Err(e)], (client, None, true)),
                })
            }
        });
        Listing(Box::pin(pages.flat_map(stream::iter)))
    }

    /// A listing that yields `error` and ends (input refused before sending).
    pub(crate) fn failed(error: crate::error::Error) -> Self {
        Listing(Box::pin(stream::iter([Err(error)])))
    }

    /// A listing Attio answers in one response (no paging).
    #[allow(dead_code)] // objects, lists, members, options and statuses are answered whole
    pub(crate) fn whole(client: &Client, op: Operation<Vec<T>>) -> Self {
        let client = client.clone();
        let items = stream::once(async move { client.execute(op).await })
            .map(|answer| match answer {
                Ok(items) => stream::iter(items.into_iter().map(Ok).collect::<Vec<_>>()),
                Err(e) => stream::iter(vec![Err(e)]),
            })
            .flatten();
        Listing(Box::pin(items))
    }
}

/// The query-string filters of a listing (`?linked_object=…&is_completed=…`), gathered by its
/// builder's methods. The first one that cannot be written is kept, and refused when the listing
/// is streamed, so builders stay chainable.
#[derive(Debug)]
pub(crate) struct Filters(Result<Vec<(&'static str, String)>>);

impl Filters {
    /// No filter yet.
    pub(crate) fn new() -> Self {
        Filters(Ok(Vec::new()))
    }

    /// Adds `key=value`, or keeps `value`'s error (unless an earlier one is kept already).
    pub(crate) fn push(&mut self, key: &'static str, value: Result<String>) {
        if let Ok(pairs) = &mut self.0 {
            match value {
                Ok(value) => pairs.push((key, value)),
                Err(e) => self.0 = Err(e),
            }
        }
    }

    /// `linked_object` and `linked_record_id`: only what is linked to `record`.
    pub(crate) fn linked_to(&mut self, record: &impl ParentRecord) {
        match record.to_parent() {
            Ok(r) => {
                self.push("linked_object", Ok(r.target_object().to_owned()));
                self.push("linked_record_id", Ok(r.target_record_id().to_string()));
            }
            Err(e) => self.push("linked_object", Err(e)),
        }
    }

    /// The filters, percent-encoded into a query string to add to, or the first error.
    pub(crate) fn into_query(self) -> Result<form_urlencoded::Serializer<'static, String>> {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(self.0?);
        Ok(query)
    }
}
