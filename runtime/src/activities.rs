//! Activities: kinds of events logged against records (a site visit, a phone call, a webinar
//! attended), and their records.
//!
//! An activity is to events what an object is to things: it has attributes, and its *activity
//! records* have values, written and read exactly like an object's records. Describe one with
//! [`#[attio_activity]`](crate::attio_activity), and the record API that objects use works on it:
//! `visit.create(&client)`, `SiteVisit::get`, `update` (appends to multiselects), `overwrite`,
//! `assert_by` (an upsert by a unique attribute), `SiteVisit::delete`, typed queries and streams,
//! change sets, bulk writes and sync. `client.ensure_schema::<SiteVisit>()` creates the activity
//! (with the schema it extends) and its attributes.
//!
//! Every activity extends one of four schemas ([`ActivitySchema`](crate::ActivitySchema)), which
//! supplies the attributes it inherits; the schema is chosen on creation and fixed from then on.
//! An activity record links to people and companies through its own record-reference attributes
//! (`Ref<Person>` fields). What only object records have (a [`Ref<T>`](crate::Ref) pointing at
//! one, merging, value histories, being the parent of list entries, notes or tasks) is a compile
//! error for an activity's struct, whose message names the API to use.
//!
//! This module holds the activities themselves: list, get, create, update, and delete (which
//! deletes every record with it). Activities are in alpha at Attio; they need the
//! `activity_configuration:read` scope (`:read-write` to change them), and their records
//! `activity_record:read` (`:read-write`) with `activity_configuration:read`,
//! `object_configuration:read` and `record_permission:read`.
//!
//! ```no_run
//! use attio::prelude::*;
//! use attio::{ActivitySchema, activities::NewActivity};
//!
//! #[attio::attio_object(slug = "people")]
//! struct Person { email_addresses: Vec<attio::EmailAddress> }
//!
//! // A multiselect select: Attio has no multiselect text.
//! #[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
//! enum Page { Home, Pricing, Docs }
//!
//! #[attio::attio_activity(slug = "site_visits", extends = "interactions")]
//! struct SiteVisit {
//!     occurred_at: attio::Timestamp,
//!     visitor: Option<attio::Ref<Person>>,
//!     pages: Vec<Page>,
//! }
//!
//! # async fn run(client: attio::Client, person: attio::Ref<Person>) -> Result<(), Box<dyn std::error::Error>> {
//! client.ensure_schema::<SiteVisit>().await?;
//! let visit = SiteVisit {
//!     occurred_at: "2026-11-21T13:22:49Z".parse()?,
//!     visitor: Some(person),
//!     pages: vec![Page::Pricing],
//! };
//! let record = visit.create(&client).await?;
//! let since: attio::Timestamp = "2026-11-01T00:00:00Z".parse()?;
//! let recent = SiteVisit::query()
//!     .filter(|f| f.occurred_at().gte(since))
//!     .collect_all(&client)
//!     .await?;
//! # Ok(()) }
//! ```

use crate::client::Client;
use crate::error::Result;
use crate::operation::activities as ops;
use crate::pages::Listing;
use crate::values::ActivityObject;

pub use crate::wire::activity::{
    Activity, ActivityIdentifier, ActivityUpdate, ExtendedSchema, NewActivity,
};

impl Client {
    /// `GET /v2/activities`: every activity of the workspace, system (phone calls) and custom,
    /// paged by cursor.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for activity in client.activities().collect_all().await? {
    ///     println!("{} extends {:?}", activity.api_slug, activity.schema());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn activities(&self) -> Listing<Activity> {
        Listing::by_cursor(self, ops::page)
    }

    /// `GET /v2/activities/{activity}`: one activity, by slug or id.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let calls = client.activity("phone_calls").await?;
    /// assert!(calls.is_system_activity);
    /// # Ok(()) }
    /// ```
    pub async fn activity(&self, activity: &str) -> Result<Activity> {
        self.execute(ops::get(activity)?).await
    }

    /// The activity an `#[attio_activity]` struct describes. Usually called as
    /// `SiteVisit::activity_info(&client)`.
    ///
    /// ```no_run
    /// # #[attio::attio_activity(slug = "site_visits", extends = "interactions")] struct SiteVisit { occurred_at: attio::Timestamp }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let activity = client.activity_of::<SiteVisit>().await?;
    /// # Ok(()) }
    /// ```
    pub async fn activity_of<T: ActivityObject>(&self) -> Result<Activity> {
        self.activity(T::SLUG).await
    }

    /// `POST /v2/activities`: creates a custom activity. Fails with
    /// [`ErrorCode::SlugConflict`](crate::ErrorCode::SlugConflict) when the slug is taken. To
    /// create an activity and the attributes a struct declares, use
    /// [`ensure_schema`](Client::ensure_schema) instead.
    ///
    /// ```no_run
    /// use attio::{ActivitySchema, activities::NewActivity};
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let new = NewActivity::new("site_visits", "Site visit", "Site visits", ActivitySchema::Interactions);
    /// let activity = client.create_activity(&new).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_activity(&self, new: &NewActivity) -> Result<Activity> {
        self.execute(ops::create(new)?).await
    }

    /// `PATCH /v2/activities/{activity}`: changes an activity's slug or nouns. The schema it
    /// extends cannot change (Attio refuses it); an empty update is refused before sending.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// use attio::activities::ActivityUpdate;
    /// client.update_activity("site_visits", &ActivityUpdate::new().plural_noun("Visits")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_activity(
        &self,
        activity: &str,
        update: &ActivityUpdate,
    ) -> Result<Activity> {
        self.execute(ops::update(activity, update)?).await
    }

    /// `DELETE /v2/activities/{activity}`: deletes a custom activity **and every one of its
    /// records**, for good. The system activity (phone calls) cannot be deleted. Needs
    /// `activity_configuration:read-write`.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// client.delete_activity_and_all_its_records("site_visits").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_activity_and_all_its_records(&self, activity: &str) -> Result<()> {
        self.execute(ops::delete(activity)?).await
    }
}
