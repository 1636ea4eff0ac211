//! Comments and threads: on a record, on a list entry, or in reply to a thread.
//!
//! ```no_run
//! use attio::comments::NewComment;
//!
//! #[attio::attio_object(slug = "deals")]
//! struct Deal { name: String }
//!
//! # async fn run(client: attio::Client, deal: attio::RecordId, alice: attio::values::WorkspaceMemberId) -> attio::Result<()> {
//! let deal = attio::Ref::<Deal>::new(deal);
//! let first = client
//!     .create_comment(NewComment::on_record(&deal, &alice, "Let's close this, bob@attio.com"))
//!     .await?;
//! client
//!     .create_comment(NewComment::reply(&first.thread_id, &alice, "Closed."))
//!     .await?;
//! for thread in client.threads().on_record(&deal).collect_all().await? {
//!     println!("{} comment(s)", thread.comments.len());
//! }
//! # Ok(()) }
//! ```

use serde_json::{Value, json};
use url::form_urlencoded;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::pages::Listing;
use crate::values::{CommentId, EntryId, ThreadId, Timestamp, WorkspaceMemberId};
use crate::wire::comment::create_body;
use crate::wire::parent::ParentRecord;

pub use crate::wire::comment::{
    Comment, CommentEntry, CommentIdentifier, CommentRecord, Thread, ThreadIdentifier,
};

/// Attio's largest page of threads.
const MAX_PAGE: usize = 50;

/// A comment to post: on a record, on a list entry, or in reply to a thread; exactly one, as
/// Attio requires, by construction. The author is a workspace member (an API token may write on a
/// member's behalf).
#[derive(Debug)]
#[must_use = "a comment is posted by `client.create_comment(comment)`"]
pub struct NewComment {
    content: String,
    author: WorkspaceMemberId,
    created_at: Option<Timestamp>,
    target: Result<(&'static str, Value)>,
}

impl NewComment {
    fn new(
        author: &WorkspaceMemberId,
        content: &str,
        target: Result<(&'static str, Value)>,
    ) -> Self {
        NewComment {
            content: content.to_owned(),
            author: author.clone(),
            created_at: None,
            target,
        }
    }

    /// Starts a thread on a record (named by its id). Mention members by their email address.
    pub fn on_record(
        record: &impl ParentRecord,
        author: &WorkspaceMemberId,
        content: &str,
    ) -> Self {
        let target = record.to_parent().map(|r| {
            let on = json!({"object": r.target_object(), "record_id": r.target_record_id()});
            ("record", on)
        });
        NewComment::new(author, content, target)
    }

    /// Starts a thread on an entry of `list` (the list's slug or id).
    pub fn on_entry(
        list: &str,
        entry: &EntryId,
        author: &WorkspaceMemberId,
        content: &str,
    ) -> Self {
        let target = Ok(("entry", json!({"list": list, "entry_id": entry})));
        NewComment::new(author, content, target)
    }

    /// Replies in an existing thread.
    pub fn reply(thread: &ThreadId, author: &WorkspaceMemberId, content: &str) -> Self {
        NewComment::new(author, content, Ok(("thread_id", json!(thread))))
    }

    /// Backdates the comment (for a migration, say): from 1970 up to now. Default: now.
    pub fn created_at(mut self, at: Timestamp) -> Self {
        self.created_at = Some(at);
        self
    }

    fn body(self) -> Result<Vec<u8>> {
        if self.content.trim().is_empty() {
            return Err(Error::InvalidInput(
                "a comment's content must not be empty".into(),
            ));
        }
        let target = self.target?;
        Ok(create_body(
            &self.content,
            &self.author,
            self.created_at.as_ref(),
            target,
        ))
    }
}

impl Client {
    /// `POST /v2/comments`. Not repeatable (a repeat posts a second comment), so it is retried
    /// only when it was never sent.
    pub async fn create_comment(&self, comment: NewComment) -> Result<Comment> {
        self.execute(operation::comments::create(comment.body()?))
            .await
    }

    /// `GET /v2/comments/{comment_id}`.
    pub async fn get_comment(&self, id: &CommentId) -> Result<Comment> {
        self.execute(operation::comments::get(id)).await
    }

    /// `DELETE /v2/comments/{comment_id}`; deleting a thread's first comment deletes the thread.
    pub async fn delete_comment(&self, id: &CommentId) -> Result<()> {
        self.execute(operation::comments::delete(id)).await
    }

    /// `GET /v2/threads/{thread_id}`: a thread and every comment in it, oldest first (Attio
    /// answers 250 comments a page; the pages after the first are fetched through
    /// [`Client::thread_comments`]'s listing).
    pub async fn get_thread(&self, id: &ThreadId) -> Result<Thread> {
        let first = self
            .execute(operation::comments::thread_page(id, "", None))
            .await?;
        let mut thread = first.thread;
        if let Some(next) = first.next_cursor {
            let id = id.clone();
            let rest = Listing::by_cursor_from(self, Some(next), move |cursor| {
                operation::comments::thread_comments_page(&id, "", cursor)
            });
            thread.comments.extend(rest.collect_all().await?);
        }
        Ok(thread)
    }

    /// A thread's comments, oldest first, as a stream that pages by itself (by cursor, 250 a
    /// page); [`ThreadComments::created_after`] keeps only the newer ones, to poll a thread for
    /// replies.
    ///
    /// ```no_run
    /// use futures::TryStreamExt as _;
    ///
    /// # async fn run(client: attio::Client, thread: attio::values::ThreadId, seen: attio::Timestamp) -> attio::Result<()> {
    /// let mut replies = client.thread_comments(&thread).created_after(seen).stream();
    /// while let Some(comment) = replies.try_next().await? {
    ///     println!("{}", comment.content_plaintext);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn thread_comments(&self, id: &ThreadId) -> ThreadComments<'_> {
        ThreadComments {
            client: self,
            thread: id.clone(),
            created_after: None,
            page_size: MAX_THREAD_PAGE,
        }
    }

    /// The threads on a record or an entry: say which with [`ThreadListing::on_record`] or
    /// [`ThreadListing::on_entry`].
    pub fn threads(&self) -> ThreadListing<'_> {
        ThreadListing {
            client: self,
            on: Err(Error::InvalidInput(
                "threads are listed for one record or entry: add `.on_record(&record)` or \
                 `.on_entry(list, &entry_id)`"
                    .into(),
            )),
        }
    }
}

/// Attio's largest page of a thread's comments.
pub const MAX_THREAD_PAGE: usize = 250;

/// Which comments of a thread to list; made by [`Client::thread_comments`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct ThreadComments<'c> {
    client: &'c Client,
    thread: ThreadId,
    created_after: Option<Timestamp>,
    page_size: usize,
}

impl ThreadComments<'_> {
    /// Only the comments created after `at` (the comment that opened the thread too, only if it
    /// is one of them).
    pub fn created_after(mut self, at: Timestamp) -> Self {
        self.created_after = Some(at);
        self
    }

    /// Comments per request, 1 to [`MAX_THREAD_PAGE`] (the default); out of range is clamped.
    pub fn page_size(mut self, n: usize) -> Self {
        self.page_size = n.clamp(1, MAX_THREAD_PAGE);
        self
    }

    /// The comments, fetched page after page as the stream is polled.
    pub fn stream(self) -> Listing<Comment> {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("limit", &self.page_size.to_string());
        if let Some(at) = &self.created_after {
            query.append_pair("created_after", &at.to_string());
        }
        let (query, thread) = (query.finish(), self.thread);
        Listing::by_cursor(self.client, move |cursor| {
            operation::comments::thread_comments_page(&thread, &query, cursor)
        })
    }

    /// Every comment, or the first error.
    pub async fn collect_all(self) -> Result<Vec<Comment>> {
        self.stream().collect_all().await
    }
}

/// Which threads to list; made by [`Client::threads`].
#[derive(Debug)]
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct ThreadListing<'c> {
    client: &'c Client,
    on: Result<String>,
}

impl ThreadListing<'_> {
    /// The threads on `record` (named by its id).
    pub fn on_record(mut self, record: &impl ParentRecord) -> Self {
        self.on = record.to_parent().map(|r| {
            form_urlencoded::Serializer::new(String::new())
                .append_pair("object", r.target_object())
                .append_pair("record_id", r.target_record_id().as_str())
                .finish()
        });
        self
    }

    /// The threads on an entry of `list` (the list's slug or id).
    pub fn on_entry(mut self, list: &str, entry: &EntryId) -> Self {
        self.on = Ok(form_urlencoded::Serializer::new(String::new())
            .append_pair("list", list)
            .append_pair("entry_id", entry.as_str())
            .finish());
        self
    }

    /// The threads, fetched page after page as the stream is polled.
    pub fn stream(self) -> Listing<Thread> {
        match self.on {
            Ok(on) => Listing::by_offset(self.client, MAX_PAGE, 0, None, move |limit, offset| {
                operation::comments::threads_page(&on, limit, offset)
            }),
            Err(e) => Listing::failed(e),
        }
    }

    /// Every thread, or the first error.
    pub async fn collect_all(self) -> Result<Vec<Thread>> {
        self.stream().collect_all().await
    }
}
