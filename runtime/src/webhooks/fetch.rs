//! Re-reading what an event names: events carry ids only, so a handler fetches the record.
//!
//! What is checked: the record is read at `/v2/objects/{T::SLUG}/records/{record_id}`, so a
//! record of another object is not found there (Attio answers 404, as for a record deleted since
//! the event); and the record read must belong to the object the event names (`object_id`), or
//! the fetch fails with a decode error at `data.id.object_id`. An event does not say its object's
//! slug, so whether `T` is the event's object cannot be known before asking.

use super::Event;
use super::events::{ActivityRecordEvent, EntryEvent, NoteEvent, RecordEvent, RecordMergedEvent};
use crate::client::Client;
use crate::error::{DecodeError, Error, Result};
use crate::operation;
use crate::values::{ActivityObject, AttioList, ObjectId, RecordId, RecordObject, RecordStruct};
use crate::wire::{Entry, Record};

/// `GET /v2/objects/{T::SLUG}/records/{record_id}`, checked to be a record of `object_id`.
async fn fetch_record<T: RecordObject>(
    client: &Client,
    object_id: &ObjectId,
    record_id: &RecordId,
) -> Result<Record<T>> {
    fetch_checked(client, object_id.as_str(), record_id).await
}

/// `GET /v2/{objects|activities}/{T::SLUG}/records/{record_id}`, checked to be a record of the
/// object or activity `owner` (an id; an activity record's `activity_id` reads as `object_id`).
async fn fetch_checked<T: RecordStruct>(
    client: &Client,
    owner: &str,
    record_id: &RecordId,
) -> Result<Record<T>> {
    let op = operation::records::get::<T>(record_id);
    let line = op.line();
    let record = client.execute(op).await?;
    if record.id.object_id != owner {
        let noun = T::KIND.noun();
        return Err(Error::Decode(
            DecodeError::new(
                format!("data.id.{noun}_id"),
                format!(
                    "the record belongs to {noun} `{}`, but the event names {noun} `{owner}`: the \
                     event is not about a `{}` record; fetch it as the struct of its {noun}",
                    record.id.object_id,
                    T::SLUG
                ),
                None,
            )
            .with_request(line),
        ));
    }
    Ok(record)
}

impl ActivityRecordEvent {
    /// Reads the activity record the event names, as a `T` (the `#[attio_activity]` struct of
    /// its activity): `GET /v2/activities/{T::SLUG}/records/{record_id}`.
    ///
    /// A record of another activity than `T`'s is not found (Attio answers 404), and one whose
    /// activity is not the event's `activity_id` fails with a decode error; so does the record of
    /// an `activity-record.deleted` event, which no longer exists (404).
    ///
    /// ```no_run
    /// # #[attio::attio_activity(slug = "site_visits", extends = "interactions")] struct SiteVisit { occurred_at: attio::Timestamp }
    /// # async fn run(client: attio::Client, event: attio::webhooks::ActivityRecordEvent) -> attio::Result<()> {
    /// let visit = event.fetch::<SiteVisit>(&client).await?;
    /// println!("a visit at {}", visit.values.occurred_at);
    /// # Ok(()) }
    /// ```
    pub async fn fetch<T: ActivityObject>(&self, client: &Client) -> Result<Record<T>> {
        fetch_checked(client, self.activity_id.as_str(), &self.record_id).await
    }
}

impl RecordEvent {
    /// Reads the record the event names, as a `T`: `GET /v2/objects/{T::SLUG}/records/{record_id}`.
    ///
    /// A record of another object than `T`'s is not found (Attio answers 404), and one whose
    /// object is not the event's `object_id` fails with a decode error; so does the record of a
    /// `record.deleted` event, which no longer exists (404).
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "deals")] struct Deal { name: String }
    /// # async fn run(client: attio::Client, event: attio::webhooks::RecordEvent) -> attio::Result<()> {
    /// let deal: attio::Record<Deal> = event.fetch(&client).await?;
    /// println!("{} is now {}", deal.id.record_id, deal.values.name);
    /// # Ok(()) }
    /// ```
    pub async fn fetch<T: RecordObject>(&self, client: &Client) -> Result<Record<T>> {
        fetch_record(client, &self.object_id, &self.record_id).await
    }
}

impl RecordMergedEvent {
    /// Reads the record that remains after the merge, as a `T`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # async fn run(client: attio::Client, event: attio::webhooks::RecordMergedEvent) -> attio::Result<()> {
    /// let company = event.fetch::<Company>(&client).await?;
    /// # Ok(()) }
    /// ```
    pub async fn fetch<T: RecordObject>(&self, client: &Client) -> Result<Record<T>> {
        fetch_record(client, &self.object_id, &self.record_id).await
    }
}

impl EntryEvent {
    /// Reads the entry the event names, as an `E` (the `#[attio_list]` struct of its list):
    /// `GET /v2/lists/{E::SLUG}/entries/{entry_id}`.
    ///
    /// As for records: an entry of another list than `E`'s is not found there (Attio answers
    /// 404, as for an entry deleted since the event, and a `list-entry.deleted` event's entry);
    /// one whose list is not the event's `list_id` fails with a decode error at
    /// `data.id.list_id`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)] #[attio(status)] enum Stage { Lead, Won }
    /// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
    /// struct SalesEntry { stage: Stage }
    ///
    /// # async fn run(client: attio::Client, event: attio::webhooks::EntryEvent) -> attio::Result<()> {
    /// let entry = event.fetch::<SalesEntry>(&client).await?;
    /// println!("{} is at {:?}", entry.parent_record_id, entry.values.stage);
    /// # Ok(()) }
    /// ```
    pub async fn fetch<E: AttioList>(&self, client: &Client) -> Result<Entry<E>> {
        let op = operation::lists::get::<E>(&self.entry_id);
        let line = op.line();
        let entry = client.execute(op).await?;
        if entry.id.list_id != self.list_id {
            return Err(Error::Decode(
                DecodeError::new(
                    "data.id.list_id".into(),
                    format!(
                        "the entry is in list `{}`, but the event names list `{}`: the event is \
                         not about a `{}` entry; fetch it as the struct of its list",
                        entry.id.list_id,
                        self.list_id,
                        E::SLUG
                    ),
                    None,
                )
                .with_request(line),
            ));
        }
        Ok(entry)
    }

    /// Reads the record the entry is for (`parent_record_id`), as a `T`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # async fn run(client: attio::Client, event: attio::webhooks::EntryEvent) -> attio::Result<()> {
    /// let company = event.fetch_parent::<Company>(&client).await?;
    /// # Ok(()) }
    /// ```
    pub async fn fetch_parent<T: RecordObject>(&self, client: &Client) -> Result<Record<T>> {
        fetch_record(client, &self.parent_object_id, &self.parent_record_id).await
    }
}

impl NoteEvent {
    /// Reads the record the note is on (`parent_record_id`), as a `T`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// # async fn run(client: attio::Client, event: attio::webhooks::NoteEvent) -> attio::Result<()> {
    /// let person = event.fetch_parent::<Person>(&client).await?;
    /// # Ok(()) }
    /// ```
    pub async fn fetch_parent<T: RecordObject>(&self, client: &Client) -> Result<Record<T>> {
        fetch_record(client, &self.parent_object_id, &self.parent_record_id).await
    }
}

impl Event {
    /// Reads the record a `record.created`, `record.updated` or `record.merged` event names, as a
    /// `T` (see [`RecordEvent::fetch`] for what is checked).
    ///
    /// Any other event is refused with [`Error::InvalidInput`] before anything is sent: a
    /// `record.deleted` event's record no longer exists; a `list-entry.*` event names an entry,
    /// not a record (read the entry with [`fetch_entry`](Event::fetch_entry), and the record it
    /// is for with [`EntryEvent::fetch_parent`]); other events do not name a record.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "deals")] struct Deal { name: String }
    /// # async fn run(client: attio::Client, delivery: attio::webhooks::Delivery) -> attio::Result<()> {
    /// for event in &delivery.events {
    ///     if event.as_record().is_some() {
    ///         let deal = event.fetch::<Deal>(&client).await?;
    ///         println!("{}", deal.values.name);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn fetch<T: RecordObject>(&self, client: &Client) -> Result<Record<T>> {
        match self {
            Event::RecordCreated(e) | Event::RecordUpdated(e) => e.fetch(client).await,
            Event::RecordMerged(e) => e.fetch(client).await,
            Event::RecordDeleted(e) => Err(Error::InvalidInput(format!(
                "a `record.deleted` event names record {}, which no longer exists, so it cannot \
                 be fetched as a `{}`",
                e.record_id,
                T::SLUG
            ))),
            Event::ListEntryCreated(_)
            | Event::ListEntryUpdated(_)
            | Event::ListEntryDeleted(_) => Err(Error::InvalidInput(format!(
                "a `{}` event names a list entry, not a record: read the entry with \
                 `event.fetch_entry::<YourEntry>(&client)` (the `#[attio_list]` struct of its \
                 list), and the record it is for with `EntryEvent::fetch_parent`",
                self.event_type(),
            ))),
            Event::ActivityRecordCreated(_) | Event::ActivityRecordDeleted(_) => {
                Err(Error::InvalidInput(format!(
                    "a `{}` event names an activity record, not an object's: read it with \
                     `ActivityRecordEvent::fetch::<YourActivity>(&client)` (the \
                     `#[attio_activity]` struct of its activity)",
                    self.event_type(),
                )))
            }
            other => Err(Error::InvalidInput(format!(
                "a `{}` event does not name a record: only `record.created`, `record.updated` \
                 and `record.merged` events can be fetched as a record",
                other.event_type()
            ))),
        }
    }
}

impl Event {
    /// Reads the entry a `list-entry.created` or `list-entry.updated` event names, as an `E`
    /// (see [`EntryEvent::fetch`] for what is checked).
    ///
    /// Any other event is refused with [`Error::InvalidInput`] before anything is sent: a
    /// `list-entry.deleted` event's entry no longer exists; a `record.*` event names a record
    /// (read it with [`fetch`](Event::fetch)); other events do not name an entry.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, delivery: attio::webhooks::Delivery) -> attio::Result<()> {
    /// for event in &delivery.events {
    ///     if event.as_entry().is_some() {
    ///         let entry = event.fetch_entry::<SalesEntry>(&client).await?;
    ///         println!("{:?}", entry.values.stage);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn fetch_entry<E: AttioList>(&self, client: &Client) -> Result<Entry<E>> {
        match self {
            Event::ListEntryCreated(e) | Event::ListEntryUpdated(e) => e.fetch(client).await,
            Event::ListEntryDeleted(e) => Err(Error::InvalidInput(format!(
                "a `list-entry.deleted` event names entry {}, which no longer exists, so it \
                 cannot be fetched as a `{}` entry",
                e.entry_id,
                E::SLUG
            ))),
            other => Err(Error::InvalidInput(format!(
                "a `{}` event does not name a list entry: only `list-entry.created` and \
                 `list-entry.updated` events can be fetched as an entry{}",
                other.event_type(),
                if other.as_record().is_some() {
                    " (this one names a record: `event.fetch::<YourObject>(&client)`)"
                } else {
                    ""
                }
            ))),
        }
    }
}
