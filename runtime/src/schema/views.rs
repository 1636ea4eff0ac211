//! Saved views of objects and lists: `GET /v2/objects/{object}/views` and
//! `GET /v2/lists/{list}/views`, paged by cursor through a [`Listing`].

use std::fmt;

use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation::views::{self, DEFAULT_PAGE, MAX_PAGE, Owner};
use crate::pages::Listing;
use crate::values::{AttioList, RecordObject};
use crate::wire::{ListView, ObjectView};

impl Client {
    /// The saved views of the object `object` (a slug or id), ordered by view id, as a
    /// [`ViewListing`]: archived ones left out unless asked for, paged by cursor.
    /// Needs the `object_configuration:read` scope.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for view in client.object_views("companies").show_archived(true).collect_all().await? {
    ///     println!("{} ({})", view.title, view.id.view_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn object_views(&self, object: &str) -> ViewListing<'_, ObjectView> {
        ViewListing::new(self, Owner::new("objects", object))
    }

    /// The saved views of the list `list` (a slug or id), ordered by view id, as a
    /// [`ViewListing`]. Needs the `list_configuration:read` scope.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let boards = client.list_views("sales_pipeline").collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub fn list_views(&self, list: &str) -> ViewListing<'_, ListView> {
        ViewListing::new(self, Owner::new("lists", list))
    }

    /// Every saved view (archived ones left out) of the object an `#[attio_object]` struct
    /// describes. Usually called as `Company::views(&client)`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let views = client.object_views_of::<Company>().await?;
    /// # Ok(()) }
    /// ```
    pub async fn object_views_of<T: RecordObject>(&self) -> Result<Vec<ObjectView>> {
        self.object_views(T::SLUG).collect_all().await
    }

    /// Every saved view (archived ones left out) of the list an `#[attio_list]` struct
    /// describes. Usually called as `SalesEntry::views(&client)`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: attio::Status }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let views = client.list_views_of::<SalesEntry>().await?;
    /// # Ok(()) }
    /// ```
    pub async fn list_views_of<T: AttioList>(&self) -> Result<Vec<ListView>> {
        self.list_views(T::SLUG).collect_all().await
    }
}

/// Which views of an object or a list to list; made by [`Client::object_views`] and
/// [`Client::list_views`]. A stream of views ([`stream`](ViewListing::stream)) that pages by
/// cursor, ending with [`Error::Paging`](crate::Error::Paging) should Attio hand back a cursor it
/// already gave.
#[must_use = "a listing does nothing until it is streamed or collected"]
pub struct ViewListing<'c, V> {
    client: &'c Client,
    owner: Result<Owner>,
    show_archived: bool,
    page_size: usize,
    view: std::marker::PhantomData<fn() -> V>,
}

impl<V> fmt::Debug for ViewListing<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ViewListing")
            .field("owner", &self.owner.as_ref().map(|o| (o.kind, &o.key)))
            .field("show_archived", &self.show_archived)
            .field("page_size", &self.page_size)
            .finish()
    }
}

impl<'c, V: DeserializeOwned + Send + 'static> ViewListing<'c, V> {
    fn new(client: &'c Client, owner: Result<Owner>) -> Self {
        ViewListing {
            client,
            owner,
            show_archived: false,
            page_size: DEFAULT_PAGE,
            view: std::marker::PhantomData,
        }
    }

    /// With archived views too (`show_archived=true`).
    pub fn show_archived(mut self, yes: bool) -> Self {
        self.show_archived = yes;
        self
    }

    /// How many views each request asks for: 1 to 1000 (Attio's bound; 500 by default). Another
    /// number fails the stream before anything is sent.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let views = client.object_views("people").page_size(100).collect_all().await?;
    /// # Ok(()) }
    /// ```
    pub fn page_size(mut self, views: usize) -> Self {
        self.page_size = views;
        self
    }

    /// The views, fetched page by page as the stream is polled.
    pub fn stream(self) -> Listing<V> {
        let owner = match self.owner {
            Ok(owner) => owner,
            Err(e) => return Listing::failed(e),
        };
        if !(1..=MAX_PAGE).contains(&self.page_size) {
            return Listing::failed(Error::InvalidInput(format!(
                "page_size({}) is outside the 1 to {MAX_PAGE} views Attio serves a page of; \
                 leave it out for {DEFAULT_PAGE}",
                self.page_size
            )));
        }
        let (size, archived) = (self.page_size, self.show_archived);
        Listing::by_cursor(self.client, move |cursor| {
            views::page::<V>(&owner, size, archived, cursor)
        })
    }

    /// Every view, or the first error.
    pub async fn collect_all(self) -> Result<Vec<V>> {
        self.stream().collect_all().await
    }
}
