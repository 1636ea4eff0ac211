//! Fuzzy search over records: names, domains, email addresses, phone numbers and handles of
//! people and companies, and the labels of other records (`POST /v2/objects/records/search`).
//!
//! Attio's search is in beta, returns at most 25 results, and is **eventually consistent**: a
//! record created a moment ago may not be found yet. For exact, up-to-date results use a typed
//! query (`T::query()`).
//!
//! ```no_run
//! #[attio::attio_object(slug = "people")]
//! struct Person { email_addresses: Vec<attio::EmailAddress> }
//! #[attio::attio_object(slug = "companies")]
//! struct Company { name: String }
//!
//! # async fn run(client: attio::Client) -> attio::Result<()> {
//! let hits = client.search("alan").within::<Person>().within::<Company>().send().await?;
//! for hit in &hits {
//!     println!("{} ({})", hit.record_text, hit.object_slug);
//! }
//! let people: Vec<attio::Ref<Person>> = hits.iter().filter_map(|h| h.to_ref()).collect();
//! # Ok(()) }
//! ```

use serde_json::{Value, json};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::values::{ActorReference, RecordObject, Ref};
use crate::wire::search::search_body;

pub use crate::wire::search::SearchHit;

/// Attio's most results per search.
pub const MAX_RESULTS: u8 = 25;

impl SearchHit {
    /// A typed reference to the record, when it is a `T` (by object slug).
    ///
    /// ```
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// # let hit: attio::search::SearchHit = serde_json::from_str(r#"{"id":{"workspace_id":"w","object_id":"o","record_id":"r"},"record_text":"A","record_image":null,"object_slug":"people"}"#).unwrap();
    /// let person: Option<attio::Ref<Person>> = hit.to_ref();
    /// assert_eq!(person.unwrap().record_id().unwrap().as_str(), "r");
    /// ```
    pub fn to_ref<T: RecordObject>(&self) -> Option<Ref<T>> {
        (self.object_slug == T::SLUG).then(|| Ref::new(self.id.record_id.clone()))
    }
}

/// A search; made by [`Client::search`].
#[derive(Debug)]
#[must_use = "a search does nothing until it is sent with `.send().await`"]
pub struct Search<'c> {
    client: &'c Client,
    query: String,
    objects: Vec<String>,
    request_as: Result<Value>,
    limit: u8,
}

impl Client {
    /// A fuzzy search for `query` (at most 256 characters; empty returns a default set): name
    /// the objects to search with [`Search::within`] or [`Search::objects`], then
    /// [`send`](Search::send) it.
    pub fn search(&self, query: impl Into<String>) -> Search<'_> {
        Search {
            client: self,
            query: query.into(),
            objects: Vec::new(),
            request_as: Ok(json!({"type": "workspace"})),
            limit: MAX_RESULTS,
        }
    }
}

impl Search<'_> {
    /// Searches the records of `T`'s object (call again for more objects).
    pub fn within<T: RecordObject>(mut self) -> Self {
        self.objects.push(T::SLUG.to_owned());
        self
    }

    /// Searches these objects, by slug or id.
    pub fn objects<S: Into<String>>(mut self, objects: impl IntoIterator<Item = S>) -> Self {
        self.objects.extend(objects.into_iter().map(Into::into));
        self
    }

    /// Only what `member` can see (default: everything the token can see).
    pub fn as_member(mut self, member: &ActorReference) -> Self {
        self.request_as = match (member.id(), member.email()) {
            (Some(id), _) => Ok(json!({"type": "workspace-member", "workspace_member_id": id})),
            (None, Some(email)) => Ok(json!({"type": "workspace-member", "email_address": email.to_string()})),
            (None, None) => Err(Error::InvalidInput(
                "a search can be run as a workspace member only: write `ActorReference::workspace_member(id)` or `ActorReference::workspace_member_by_email(email)`".into(),
            )),
        };
        self
    }

    /// At most `n` results, 1 to 25 (default 25).
    pub fn limit(mut self, n: u8) -> Self {
        self.limit = n;
        self
    }

    /// Runs the search: the records found, best first. A read, so retried like one.
    pub async fn send(self) -> Result<Vec<SearchHit>> {
        if self.objects.is_empty() {
            return Err(Error::InvalidInput(
                "a search needs at least one object: add `.within::<T>()` or `.objects([\"people\"])`".into(),
            ));
        }
        if !(1..=MAX_RESULTS).contains(&self.limit) {
            return Err(Error::InvalidInput(format!(
                "a search returns 1 to {MAX_RESULTS} results, and {} was asked for",
                self.limit
            )));
        }
        let chars = self.query.chars().count();
        if chars > 256 {
            return Err(Error::InvalidInput(format!(
                "a search query is at most 256 characters, and this one has {chars}"
            )));
        }
        let request_as = self.request_as?;
        let body = search_body(&self.query, &self.objects, &request_as, self.limit);
        self.client.execute(operation::search::search(body)).await
    }
}
