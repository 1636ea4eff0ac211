//! Entry operations on the [`Client`]: add an entry to a list (`POST`), assert one by its parent
//! record (`PUT`), get, update (`PATCH`), overwrite (`PUT`), delete, the value history of one of
//! the list's attributes; and a record's entries, in every list (the short form) or in one list
//! (typed).
//!
//! [`EntryExt`](crate::prelude::EntryExt), in `attio::prelude`, makes them methods of every
//! `#[attio_list]` struct (`entry.add(&client, &acme)`, `SalesEntry::get(&client, &id)`, ...);
//! they are also callable on the [`Client`] directly. An entry's parent is given typed, as a
//! record of the list's parent object ([`ParentOf`]): a `&Record<Company>` or a `&Ref<Company>`
//! for a list over companies. `update` and `overwrite` differ as for records (see
//! [`records`](crate::Client::update_record)): on multiselect (`Vec<T>`) fields, `update` adds
//! the values, `overwrite` replaces them.

use crate::client::Client;
use crate::error::{Error, ErrorCode, Result};
use crate::operation::{self, lists};
use crate::values::{
    AttioList, AttioObject, AttributeHandle, EntryId, ParentOf, RecordId, RecordObject, WithMeta,
    WritableValue,
};
use crate::wire::{Entry, RecordEntry};

/// How many short-form entries a record's entries request asks for at once (Attio's maximum).
const RECORD_ENTRIES_PAGE: usize = 1000;

impl Client {
    /// `POST /v2/lists/{list}/entries`: adds the record `parent` to the list `T` describes, with
    /// the struct's values, and returns the new entry. A list may hold several entries for one
    /// record, so this is not idempotent: it is retried only when the request never reached
    /// Attio.
    ///
    /// `parent` is a record of the list's parent object ([`ParentOf`]): the
    /// [`Record`](crate::Record) read from Attio, or a [`Ref`](crate::Ref) to it; a record of
    /// another object does not compile. Fails with [`ErrorCode::ValueNotFound`] when Attio has no
    /// record of the parent object with that id (its hint says the record may be another
    /// object's), and with [`Error::InvalidInput`], before anything is sent, for a
    /// [`Ref::by`](crate::Ref::by) reference, which has no id.
    ///
    /// ```no_run
    /// use attio::prelude::*;
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, acme_id: attio::RecordId) -> attio::Result<()> {
    /// let acme = Company::get(&client, &acme_id).await?;
    /// let entry = client.add_entry(&SalesEntry { stage: None }, &acme).await?;
    /// println!("added as {}", entry.id.entry_id);
    /// // An id known to be a company's, without reading the company:
    /// client.add_entry(&SalesEntry { stage: None }, &attio::Ref::<Company>::new(acme_id)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn add_entry<T: AttioList, P: ParentOf<T>>(
        &self,
        values: &T,
        parent: &P,
    ) -> Result<Entry<T>> {
        let parent = parent_id::<T>(parent.parent_record_id())?;
        self.execute(lists::add(values, parent)?).await
    }

    /// `PUT /v2/lists/{list}/entries`: the entry of the record `parent` in the list, created if
    /// the record has none, overwritten with the struct's values (multiselects replaced) if it has
    /// one. When the record has several entries in the list, Attio cannot tell which to change:
    /// the error is then [`Error::MultipleEntries`], and nothing is changed. `parent` is as for
    /// [`add_entry`](Client::add_entry).
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, acme: attio::Ref<Company>) -> attio::Result<()> {
    /// match client.assert_entry(&SalesEntry { stage: None }, &acme).await {
    ///     Ok(entry) => println!("{}", entry.id.entry_id),
    ///     Err(attio::Error::MultipleEntries { .. }) => println!("Acme is in the pipeline twice"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn assert_entry<T: AttioList, P: ParentOf<T>>(
        &self,
        values: &T,
        parent: &P,
    ) -> Result<Entry<T>> {
        let parent = parent_id::<T>(parent.parent_record_id())?;
        match self.execute(lists::assert_by_parent(values, parent)?).await {
            Err(Error::Api(e)) if e.code == ErrorCode::MultipleMatchResults => {
                Err(Error::MultipleEntries {
                    list: T::SLUG,
                    parent_record_id: parent.clone(),
                    source: Box::new(e),
                })
            }
            other => other,
        }
    }

    /// `GET /v2/lists/{list}/entries/{entry_id}`: reads one entry.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, id: attio::EntryId) -> attio::Result<()> {
    /// let entry = client.get_entry::<SalesEntry>(&id).await?;
    /// println!("{:?} for {}", entry.values.stage, entry.parent_record_id);
    /// # Ok(()) }
    /// ```
    pub async fn get_entry<T: AttioList>(&self, id: &EntryId) -> Result<Entry<T>> {
        self.execute(lists::get::<T>(id)).await
    }

    /// `PATCH /v2/lists/{list}/entries/{entry_id}`: writes the struct's values to the entry;
    /// single values are replaced, multiselect values **added**.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, id: attio::EntryId) -> Result<(), Box<dyn std::error::Error>> {
    /// let won = SalesEntry { stage: Some(attio::Status::by_title("Won")?) };
    /// client.update_entry(&won, &id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_entry<T: AttioList>(&self, values: &T, id: &EntryId) -> Result<Entry<T>> {
        self.execute(lists::update(values, id)?).await
    }

    /// `PUT /v2/lists/{list}/entries/{entry_id}`: makes the entry's attributes equal to the
    /// struct's values (multiselects **replaced**; an empty `Vec` clears one). Idempotent.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { tags: Vec<attio::SelectOption> }
    /// # async fn run(client: attio::Client, id: attio::EntryId) -> attio::Result<()> {
    /// client.overwrite_entry(&SalesEntry { tags: vec![] }, &id).await?; // no tags any more
    /// # Ok(()) }
    /// ```
    pub async fn overwrite_entry<T: AttioList>(
        &self,
        values: &T,
        id: &EntryId,
    ) -> Result<Entry<T>> {
        self.execute(lists::overwrite(values, id)?).await
    }

    /// `DELETE /v2/lists/{list}/entries/{entry_id}`: removes the entry from the list (the parent
    /// record stays).
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, id: attio::EntryId) -> attio::Result<()> {
    /// client.delete_entry::<SalesEntry>(&id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_entry<T: AttioList>(&self, id: &EntryId) -> Result<()> {
        self.execute(lists::delete::<T>(id)).await
    }

    /// `GET /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values?show_historic=true`:
    /// every value one of the list's attributes has had on the entry, oldest first, with its
    /// metadata: how long an entry stayed at each stage, say.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: attio::Status }
    /// # async fn run(client: attio::Client, id: attio::EntryId) -> attio::Result<()> {
    /// for stage in client.entry_value_history(&id, SalesEntry::fields().stage()).await? {
    ///     println!("{} from {:?}", stage.value, stage.meta.active_from);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn entry_value_history<T: AttioList, H: AttributeHandle<T>>(
        &self,
        id: &EntryId,
        attribute: H,
    ) -> Result<Vec<WithMeta<H::Value>>> {
        self.execute(lists::history::<T, H::Value>(id, attribute.slug())?)
            .await
    }

    /// `PUT /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values`: replaces the
    /// **entire** value history of one of the list's attributes on the entry, each value with
    /// its own `active_from` and `active_until`, and returns every value it now has, oldest
    /// first; the rules are those of [`write_value_history`](Client::write_value_history) (a
    /// stage history migrated from another CRM, say). Usually called as
    /// `SalesEntry::write_history(&client, &id, |f| f.stage(), &values)`.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: attio::Status }
    /// # async fn run(client: attio::Client, id: attio::EntryId) -> Result<(), Box<dyn std::error::Error>> {
    /// use attio::{Status, WithMeta};
    /// let stages = [
    ///     WithMeta::new(Status::by_title("Lead")?).active_from("2024-01-01T00:00:00Z".parse()?).active_until("2024-03-01T00:00:00Z".parse()?),
    ///     WithMeta::new(Status::by_title("Won")?).active_from("2024-03-01T00:00:00Z".parse()?),
    /// ];
    /// client.write_entry_value_history(&id, SalesEntry::fields().stage(), &stages).await?;
    /// # Ok(()) }
    /// ```
    pub async fn write_entry_value_history<T: AttioList, H: AttributeHandle<T>>(
        &self,
        id: &EntryId,
        attribute: H,
        values: &[WithMeta<H::Value>],
    ) -> Result<Vec<WithMeta<H::Value>>>
    where
        H::Value: WritableValue,
    {
        self.execute(operation::history::entry::<T, H::Value>(
            id,
            attribute.slug(),
            values,
        )?)
        .await
    }

    /// `GET /v2/objects/{object}/records/{record_id}/entries`: the record's entries in every
    /// list, in Attio's short form (list, entry id, creation time), every page.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # async fn run(client: attio::Client, acme: attio::RecordId) -> attio::Result<()> {
    /// for entry in client.record_entries::<Company>(&acme).await? {
    ///     println!("in {} as {}", entry.list_api_slug, entry.entry_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn record_entries<P: RecordObject>(&self, id: &RecordId) -> Result<Vec<RecordEntry>> {
        self.entries_of_record::<P>(id).await
    }

    /// Every page of the record's short-form entries; `P` is the record's object (a list's
    /// parent, for [`entries_of`](Client::entries_of)).
    async fn entries_of_record<P: AttioObject>(&self, id: &RecordId) -> Result<Vec<RecordEntry>> {
        let mut out = Vec::new();
        loop {
            let page = self
                .execute(lists::record_entries::<P>(
                    id,
                    RECORD_ENTRIES_PAGE,
                    out.len(),
                ))
                .await?;
            let done = page.len() < RECORD_ENTRIES_PAGE;
            out.extend(page);
            if done {
                return Ok(out);
            }
        }
    }

    /// The record `parent`'s entries in the list `T`, typed: its short-form entries in that list
    /// (see [`record_entries`](Client::record_entries)), each then read in full.
    ///
    /// `parent` is a record of the list's parent object ([`ParentOf`]), as for
    /// [`add_entry`](Client::add_entry): the `Record<Company>` a read returned, or a
    /// `Ref<Company>` (`Ref::new(id)` for an id you know is a company's). A record of another
    /// object does not compile.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, acme_id: attio::RecordId) -> attio::Result<()> {
    /// let acme = attio::Ref::<Company>::new(acme_id);
    /// let entries = client.entries_of::<SalesEntry, _>(&acme).await?;
    /// println!("Acme is in the pipeline {} time(s)", entries.len());
    /// # Ok(()) }
    /// ```
    pub async fn entries_of<T: AttioList, P: ParentOf<T>>(
        &self,
        parent: &P,
    ) -> Result<Vec<Entry<T>>> {
        let parent = parent_id::<T>(parent.parent_record_id())?;
        let mut out = Vec::new();
        for short in self.entries_of_record::<T::Parent>(parent).await? {
            if short.list_api_slug == T::SLUG {
                out.push(self.get_entry::<T>(&short.entry_id).await?);
            }
        }
        Ok(out)
    }
}

/// The id of an entry's parent record, or why there is none: a [`Ref::by`](crate::Ref::by)
/// reference names the record by a unique attribute, and Attio adds entries for ids only.
fn parent_id<T: AttioList>(id: Option<&RecordId>) -> Result<&RecordId> {
    id.ok_or_else(|| {
        let (list, object, ty) = (
            T::NAME,
            <T::Parent as AttioObject>::SLUG,
            <T::Parent as AttioObject>::NAME,
        );
        Error::InvalidInput(format!(
            "the parent of a `{list}` entry is a `Ref<{ty}>` made by `Ref::by` (a unique attribute's value), and Attio adds entries for a record id only: read the `{object}` record first (`{ty}::query().filter(..).first(&client)`, or `{ty}::assert_by`) and pass the `attio::Record<{ty}>` it returns"
        ))
    })
}
