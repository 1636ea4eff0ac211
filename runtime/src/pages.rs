//! [`Listing`]: one stream type for every listing that Attio pages, whatever its style.
//!
//! Attio pages its listings four ways (see the API reference's pagination table): not at all
//! (objects, lists, members), by `limit`/`offset` in the body (record and entry queries) or in the
//! query string (notes, tasks, threads, webhooks, attribute values), by `limit` only (search),
//! and by `cursor` (meetings, call recordings, transcripts). A listing here is a stream of items
//! that fetches the next page when the previous one is used up.
//!
//! What ends a listing:
//!
//! - the end of the data: a page shorter than asked for (offset style), an answer without a next
//!   cursor (cursor style), or the listing's `limit`;
//! - an error, which it yields first;
//! - answers that do not advance, which it yields as [`Error::Paging`]: a full page whose body is
//!   the previous page's byte for byte (the server ignores `offset`; the page is not yielded
//!   again), or a next cursor the listing has already sent (after that answer's items). A
//!   server that did either would otherwise be paged forever.

use std::collections::HashSet;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::{self, Stream, StreamExt as _, TryStreamExt as _};

use url::form_urlencoded;

use crate::client::Client;
use crate::error::{Error, PagingProblem, RequestLine, Result};
use crate::operation::Operation;
use crate::wire::CursorPage;
use crate::wire::parent::ParentRecord;

/// Items of a listing, fetched page by page as the stream is polled.
///
/// It ends at the end of the data, or after yielding an error: one from a request, or
/// [`Error::Paging`] when the server's answers stop advancing (a cursor it already gave, the
/// same full page again), which would otherwise page forever.
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
    /// ends after a shorter page or at the limit. A full page whose body is the previous page's,
    /// byte for byte, means the server ignores `offset`: it ends with [`Error::Paging`] instead
    /// of those items again. An error ends it after being yielded.
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
        struct State {
            client: Client,
            offset: usize,
            left: Option<usize>,
            done: bool,
            pages: usize,
            /// The hash of the previous page's body.
            last: Option<u64>,
        }
        let page_size = page_size.max(1);
        let start = State {
            client: client.clone(),
            offset,
            left: limit,
            done: false,
            pages: 0,
            last: None,
        };
        let pages = stream::unfold(start, move |mut s| {
            let op = (!s.done && s.left != Some(0)).then(|| {
                let want = s.left.map_or(page_size, |l| l.min(page_size));
                (want, page(want, s.offset))
            });
            async move {
                let (want, op) = op?;
                let request = op.line();
                let (items, hash) = match s.client.execute_page(op).await {
                    Ok(answer) => answer,
                    Err(e) => {
                        s.done = true;
                        return Some((vec![Err(e)], s));
                    }
                };
                s.pages += 1;
                let got = items.len();
                if got >= want && s.last.replace(hash) == Some(hash) {
                    s.done = true;
                    let problem = PagingProblem::RepeatedPage {
                        offset: s.offset,
                        limit: want,
                    };
                    return Some((vec![Err(paging(&request, problem, s.pages))], s));
                }
                s.offset += got;
                s.left = s.left.map(|l| l.saturating_sub(got));
                s.done = got < want;
                Some((items.into_iter().map(Ok).collect::<Vec<_>>(), s))
            }
        });
        Listing(Box::pin(pages.flat_map(stream::iter)))
    }

    /// Pages by cursor: `page(cursor)` builds one page's request (`None` for the first); ends when
    /// the answer has no next cursor. An answer whose next cursor is one already sent ends it
    /// with [`Error::Paging`], after that answer's items. An error ends it after being yielded.
    pub(crate) fn by_cursor<F>(client: &Client, page: F) -> Self
    where
        F: Fn(Option<&str>) -> Operation<CursorPage<T>> + Send + Sync + 'static,
    {
        Listing::by_cursor_from(client, None, page)
    }

    /// As [`Listing::by_cursor`], starting at `first` (a cursor an earlier answer gave) rather
    /// than at the first page.
    pub(crate) fn by_cursor_from<F>(client: &Client, first: Option<String>, page: F) -> Self
    where
        F: Fn(Option<&str>) -> Operation<CursorPage<T>> + Send + Sync + 'static,
    {
        struct State {
            client: Client,
            /// The cursor of the next request (the last one received).
            cursor: Option<String>,
            /// The cursors sent before `cursor`.
            sent: HashSet<String>,
            done: bool,
            pages: usize,
        }
        let start = State {
            client: client.clone(),
            cursor: first,
            sent: HashSet::new(),
            done: false,
            pages: 0,
        };
        let pages = stream::unfold(start, move |mut s| {
            let op = (!s.done).then(|| page(s.cursor.as_deref()));
            async move {
                let op = op?;
                let request = op.line();
                let answer = match s.client.execute(op).await {
                    Ok(answer) => answer,
                    Err(e) => {
                        s.done = true;
                        return Some((vec![Err(e)], s));
                    }
                };
                s.pages += 1;
                let mut items = answer.data.into_iter().map(Ok).collect::<Vec<_>>();
                match answer.next_cursor {
                    None => s.done = true,
                    Some(next) if s.cursor.as_ref() == Some(&next) || s.sent.contains(&next) => {
                        s.done = true;
                        // The cursor is the server's text, shown in the error: redacted.
                        let cursor = s.client.redact(&next);
                        let problem = PagingProblem::RepeatedCursor { cursor };
                        items.push(Err(paging(&request, problem, s.pages)));
                    }
                    Some(next) => {
                        if let Some(previous) = s.cursor.replace(next) {
                            s.sent.insert(previous);
                        }
                    }
                }
                Some((items, s))
            }
        });
        Listing(Box::pin(pages.flat_map(stream::iter)))
    }

    /// A listing that yields `error` and ends (input refused before sending).
    pub(crate) fn failed(error: Error) -> Self {
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

/// The error that ends a listing whose `pages`-th answer, to `request`, did not advance.
fn paging(request: &RequestLine, problem: PagingProblem, pages: usize) -> Error {
    Error::Paging {
        request: request.without_query(),
        problem,
        pages,
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
