//! Activities end to end against the sandbox: the record suite that objects pass, run on an
//! object and on an activity with the same fields (`suite`); the activities themselves, their
//! schema and what Attio refuses (`definitions`); and their webhook events (`events`).

mod definitions;
mod events;
mod suite;

use attio::{Client, EmailAddress, Ref, Timestamp, attio_activity, attio_object};
use attio_sandbox::Sandbox;

/// The standard `people` object, in part.
#[attio_object(slug = "people")]
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Multi-valued and unique.
    pub email_addresses: Vec<EmailAddress>,
}

/// A page of the website: a multiselect select attribute (Attio has no multiselect text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, attio::SelectEnum)]
pub enum Page {
    /// `/`
    Home,
    /// `/pricing`
    Pricing,
    /// `/docs`
    Docs,
    /// `/blog`
    Blog,
}

/// A custom object of visits: the suite's object side.
#[attio_object(slug = "visits", singular = "Visit", plural = "Visits")]
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// The key the suite upserts and syncs by.
    #[attio(unique)]
    pub visit_id: String,
    /// When.
    pub occurred_at: Timestamp,
    /// Multiselect: appended by `update`, replaced by `overwrite`.
    pub pages: Vec<Page>,
    /// Optional.
    pub note: Option<String>,
    /// Who.
    pub visitor: Option<Ref<Person>>,
}

/// The same fields as an activity extending `interactions`, which supplies `occurred_at`.
#[attio_activity(
    slug = "site_visits",
    extends = "interactions",
    singular = "Site visit",
    plural = "Site visits"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct SiteVisit {
    /// The key the suite upserts and syncs by.
    #[attio(unique)]
    pub visit_id: String,
    /// Inherited from `interactions`.
    pub occurred_at: Timestamp,
    /// Multiselect: appended by `update`, replaced by `overwrite`.
    pub pages: Vec<Page>,
    /// Optional.
    pub note: Option<String>,
    /// Who.
    pub visitor: Option<Ref<Person>>,
}

/// A sandbox and a client of it.
pub async fn setup() -> (Sandbox, Client) {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    (sandbox, client)
}
