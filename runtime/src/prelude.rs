//! The typed operations of your structs, as methods: `use attio::prelude::*;` and an
//! `#[attio_object]` struct has `user.create(&client)`, `User::get(&client, &id)`, …; an
//! `#[attio_list]` struct has `entry.add(&client, &parent)`, `SalesEntry::get(&client, &id)`, ….
//!
//! ```no_run
//! use attio::prelude::*;
//!
//! #[attio::attio_object(slug = "users")]
//! struct User { user_id: String }
//!
//! # async fn run(client: attio::Client) -> attio::Result<()> {
//! let created = User { user_id: "123".into() }.create(&client).await?;
//! let read = User::get(&client, &created.id.record_id).await?;
//! # Ok(()) }
//! ```
//!
//! Each trait has one blanket implementation, for the structs of one kind, so they need nothing
//! from you but the import; the macros generate only what is particular to a struct (its field
//! table, codec, filter handles and change set). Without the import, rustc says which trait to
//! bring into scope:
//!
//! ```text
//! error[E0599]: no function or associated item named `get` found for struct `User` in the current scope
//!   = help: trait `RecordExt` which provides `get` is implemented but not in scope; perhaps you want to import it
//!   + use attio::prelude::RecordExt;
//! ```
//!
//! | trait | for | methods |
//! |---|---|---|
//! | [`RecordExt`] | `#[attio_object]` and `#[attio_activity]` structs | `update`, `overwrite`, `create`, `assert_by`, `get`, `delete`; for objects only: `history`, `write_history`, `merge`, `entries`, `views` |
//! | [`ActivityExt`] | `#[attio_activity]` structs | `activity_info` |
//! | [`EntryExt`] | `#[attio_list]` structs | `add`, `assert_by_parent`, `update`, `overwrite`, `get`, `delete`, `history`, `write_history`, `entries_of`, `list_info`, `create_list`, `views` |
//!
//! Every method forwards to a [`Client`] method of the same meaning (`create` to
//! [`Client::create_record`], `add` to [`Client::add_entry`], …), which can also be called
//! directly; the futures are `Send` when the struct is.

use std::future::Future;

use crate::activities::Activity;
use crate::client::Client;
use crate::error::Result;
use crate::query::Queryable;
use crate::values::{
    ActivityObject, AttioList, AttributeHandle, EntryId, ParentOf, RecordId, RecordObject,
    RecordStruct, WithMeta, WritableValue,
};
use crate::wire::List;
use crate::wire::{Entry, ListView, ObjectView, Record, RecordEntry};

/// The record operations of `#[attio_object]` and `#[attio_activity]` structs: write, create,
/// assert, read and delete one record; and, for an object's records only, value histories,
/// merges, the lists a record is in and the object's saved views. Implemented for every such
/// struct.
///
/// The object-only methods say so in their bounds (`where Self: RecordObject`), so that calling
/// one on an activity's struct is a compile error that says what activities have instead, not a
/// method that is missing.
pub trait RecordExt: RecordStruct + Queryable {
    /// `PATCH`es the record `id` with this struct's values: single values are replaced,
    /// multiselect values (`Vec<T>` fields) **added** to the record's. [`Client::update_record`].
    ///
    /// ```no_run
    /// use attio::prelude::*;
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    /// let record = User { user_id: "123".into() }.update(&client, &id).await?;
    /// # Ok(()) }
    /// ```
    fn update<'a>(
        &'a self,
        client: &'a Client,
        id: &'a RecordId,
    ) -> impl Future<Output = Result<Record<Self>>>;

    /// `PUT`s this struct's values on the record `id`: multiselect values **replace** the
    /// record's (an empty `Vec` clears them). [`Client::overwrite_record`].
    fn overwrite<'a>(
        &'a self,
        client: &'a Client,
        id: &'a RecordId,
    ) -> impl Future<Output = Result<Record<Self>>>;

    /// Creates a record with this struct's values (`POST`). [`Client::create_record`].
    fn create<'a>(&'a self, client: &'a Client) -> impl Future<Output = Result<Record<Self>>>;

    /// Creates the record, or updates the one whose unique attribute `matching` picks has this
    /// struct's value (`PUT …/records?matching_attribute=…`). [`Client::assert_record`].
    ///
    /// ```no_run
    /// use attio::prelude::*;
    /// # #[attio::attio_object(slug = "users")] struct User { #[attio(unique)] user_id: String }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let record = User { user_id: "123".into() }.assert_by(&client, |f| f.user_id()).await?;
    /// # Ok(()) }
    /// ```
    fn assert_by<'a, H: AttributeHandle<Self>>(
        &'a self,
        client: &'a Client,
        matching: impl FnOnce(&Self::Fields) -> H,
    ) -> impl Future<Output = Result<Record<Self>>>;

    /// Reads the record `id`. [`Client::get_record`].
    fn get<'a>(client: &'a Client, id: &'a RecordId) -> impl Future<Output = Result<Record<Self>>>;

    /// Deletes the record `id`. [`Client::delete_record`].
    fn delete<'a>(client: &'a Client, id: &'a RecordId) -> impl Future<Output = Result<()>>;

    /// Every value one attribute of the record `id` has had, with its metadata, oldest first.
    /// [`Client::value_history`].
    ///
    /// ```no_run
    /// use attio::prelude::*;
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    /// for title in Person::history(&client, &id, |f| f.job_title()).await? {
    ///     println!("{} since {:?}", title.value, title.meta.active_from);
    /// }
    /// # Ok(()) }
    /// ```
    fn history<'a, H: AttributeHandle<Self>>(
        client: &'a Client,
        id: &'a RecordId,
        attribute: impl FnOnce(&Self::Fields) -> H,
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>
    where
        Self: RecordObject;

    /// Replaces the **whole** value history of one attribute of the record `id` with `values`,
    /// each with its `active_from` and `active_until`. [`Client::write_value_history`].
    fn write_history<'a, H: AttributeHandle<Self>>(
        client: &'a Client,
        id: &'a RecordId,
        attribute: impl FnOnce(&Self::Fields) -> H,
        values: &'a [WithMeta<H::Value>],
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>
    where
        H::Value: WritableValue,
        Self: RecordObject;

    /// Merges the record `secondary` into `primary` (whose values win) and returns the record
    /// the merge makes. [`Client::merge_record`].
    fn merge<'a>(
        client: &'a Client,
        primary: &'a RecordId,
        secondary: &'a RecordId,
    ) -> impl Future<Output = Result<Record<Self>>>
    where
        Self: RecordObject;

    /// The record `id`'s entries in every list, in Attio's short form.
    /// [`Client::record_entries`].
    fn entries<'a>(
        client: &'a Client,
        id: &'a RecordId,
    ) -> impl Future<Output = Result<Vec<RecordEntry>>>
    where
        Self: RecordObject;

    /// The object's saved views (archived ones left out). [`Client::object_views_of`].
    fn views(client: &Client) -> impl Future<Output = Result<Vec<ObjectView>>>
    where
        Self: RecordObject;
}

impl<T: RecordStruct + Queryable> RecordExt for T {
    #[inline]
    fn update<'a>(
        &'a self,
        client: &'a Client,
        id: &'a RecordId,
    ) -> impl Future<Output = Result<Record<T>>> {
        client.update_record(self, id)
    }

    #[inline]
    fn overwrite<'a>(
        &'a self,
        client: &'a Client,
        id: &'a RecordId,
    ) -> impl Future<Output = Result<Record<T>>> {
        client.overwrite_record(self, id)
    }

    #[inline]
    fn create<'a>(&'a self, client: &'a Client) -> impl Future<Output = Result<Record<T>>> {
        client.create_record(self)
    }

    #[inline]
    fn assert_by<'a, H: AttributeHandle<T>>(
        &'a self,
        client: &'a Client,
        matching: impl FnOnce(&T::Fields) -> H,
    ) -> impl Future<Output = Result<Record<T>>> {
        client.assert_record(self, matching(&T::fields()))
    }

    #[inline]
    fn get<'a>(client: &'a Client, id: &'a RecordId) -> impl Future<Output = Result<Record<T>>> {
        client.get_record::<T>(id)
    }

    #[inline]
    fn delete<'a>(client: &'a Client, id: &'a RecordId) -> impl Future<Output = Result<()>> {
        client.delete_record::<T>(id)
    }

    #[inline]
    fn history<'a, H: AttributeHandle<T>>(
        client: &'a Client,
        id: &'a RecordId,
        attribute: impl FnOnce(&T::Fields) -> H,
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>
    where
        T: RecordObject,
    {
        client.value_history::<T, H>(id, attribute(&T::fields()))
    }

    #[inline]
    fn write_history<'a, H: AttributeHandle<T>>(
        client: &'a Client,
        id: &'a RecordId,
        attribute: impl FnOnce(&T::Fields) -> H,
        values: &'a [WithMeta<H::Value>],
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>
    where
        H::Value: WritableValue,
        T: RecordObject,
    {
        client.write_value_history::<T, H>(id, attribute(&T::fields()), values)
    }

    #[inline]
    fn merge<'a>(
        client: &'a Client,
        primary: &'a RecordId,
        secondary: &'a RecordId,
    ) -> impl Future<Output = Result<Record<T>>>
    where
        T: RecordObject,
    {
        client.merge_record::<T>(primary, secondary)
    }

    #[inline]
    fn entries<'a>(
        client: &'a Client,
        id: &'a RecordId,
    ) -> impl Future<Output = Result<Vec<RecordEntry>>>
    where
        T: RecordObject,
    {
        client.record_entries::<T>(id)
    }

    #[inline]
    fn views(client: &Client) -> impl Future<Output = Result<Vec<ObjectView>>>
    where
        T: RecordObject,
    {
        client.object_views_of::<T>()
    }
}

/// What only an `#[attio_activity]` struct has: the activity itself.
pub trait ActivityExt: ActivityObject {
    /// The activity (`GET /v2/activities/{slug}`). [`Client::activity_of`].
    fn activity_info(client: &Client) -> impl Future<Output = Result<Activity>>;
}

impl<T: ActivityObject> ActivityExt for T {
    #[inline]
    fn activity_info(client: &Client) -> impl Future<Output = Result<Activity>> {
        client.activity_of::<T>()
    }
}

/// The entry operations of `#[attio_list]` structs: add a record to the list, write, read and
/// remove entries, their value histories, and the list itself.
pub trait EntryExt: AttioList + Queryable {
    /// Adds the record `parent` to the list with this struct's values (`POST`). `parent` is a
    /// `&Record<P>` or a `&Ref<P>` of the list's parent object `P`; a record of another object
    /// does not compile. [`Client::add_entry`].
    ///
    /// ```no_run
    /// use attio::prelude::*;
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
    /// # async fn run(client: attio::Client, acme_id: attio::RecordId) -> attio::Result<()> {
    /// let acme = attio::Ref::<Company>::new(acme_id);
    /// let entry = SalesEntry { stage: None }.add(&client, &acme).await?;
    /// # Ok(()) }
    /// ```
    fn add<'a>(
        &'a self,
        client: &'a Client,
        parent: &'a impl ParentOf<Self>,
    ) -> impl Future<Output = Result<Entry<Self>>>;

    /// Creates or overwrites the entry of the record `parent` (`PUT`). [`Client::assert_entry`].
    fn assert_by_parent<'a>(
        &'a self,
        client: &'a Client,
        parent: &'a impl ParentOf<Self>,
    ) -> impl Future<Output = Result<Entry<Self>>>;

    /// `PATCH`es the entry `id` with this struct's values (multiselects are appended to).
    /// [`Client::update_entry`].
    fn update<'a>(
        &'a self,
        client: &'a Client,
        id: &'a EntryId,
    ) -> impl Future<Output = Result<Entry<Self>>>;

    /// `PUT`s this struct's values on the entry `id` (multiselects are replaced).
    /// [`Client::overwrite_entry`].
    fn overwrite<'a>(
        &'a self,
        client: &'a Client,
        id: &'a EntryId,
    ) -> impl Future<Output = Result<Entry<Self>>>;

    /// Reads the entry `id`. [`Client::get_entry`].
    fn get<'a>(client: &'a Client, id: &'a EntryId) -> impl Future<Output = Result<Entry<Self>>>;

    /// Removes the entry `id` from the list. [`Client::delete_entry`].
    fn delete<'a>(client: &'a Client, id: &'a EntryId) -> impl Future<Output = Result<()>>;

    /// Every value one attribute of the entry `id` has had, with its metadata.
    /// [`Client::entry_value_history`].
    fn history<'a, H: AttributeHandle<Self>>(
        client: &'a Client,
        id: &'a EntryId,
        attribute: impl FnOnce(&Self::Fields) -> H,
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>;

    /// Replaces the **whole** value history of one attribute of the entry `id` with `values`.
    /// [`Client::write_entry_value_history`].
    fn write_history<'a, H: AttributeHandle<Self>>(
        client: &'a Client,
        id: &'a EntryId,
        attribute: impl FnOnce(&Self::Fields) -> H,
        values: &'a [WithMeta<H::Value>],
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>
    where
        H::Value: WritableValue;

    /// The entries of the record `parent` in this list, typed. [`Client::entries_of`].
    fn entries_of<'a>(
        client: &'a Client,
        parent: &'a impl ParentOf<Self>,
    ) -> impl Future<Output = Result<Vec<Entry<Self>>>>;

    /// The list itself (`GET /v2/lists/{slug}`). [`Client::list_of`].
    fn list_info(client: &Client) -> impl Future<Output = Result<List>>;

    /// Creates the list this struct describes, named `name` (`POST /v2/lists`).
    /// [`Client::create_list_of`].
    fn create_list<'a>(client: &'a Client, name: &'a str) -> impl Future<Output = Result<List>>;

    /// The list's saved views (archived ones left out). [`Client::list_views_of`].
    fn views(client: &Client) -> impl Future<Output = Result<Vec<ListView>>>;
}

impl<T: AttioList + Queryable> EntryExt for T {
    #[inline]
    fn add<'a>(
        &'a self,
        client: &'a Client,
        parent: &'a impl ParentOf<T>,
    ) -> impl Future<Output = Result<Entry<T>>> {
        client.add_entry(self, parent)
    }

    #[inline]
    fn assert_by_parent<'a>(
        &'a self,
        client: &'a Client,
        parent: &'a impl ParentOf<T>,
    ) -> impl Future<Output = Result<Entry<T>>> {
        client.assert_entry(self, parent)
    }

    #[inline]
    fn update<'a>(
        &'a self,
        client: &'a Client,
        id: &'a EntryId,
    ) -> impl Future<Output = Result<Entry<T>>> {
        client.update_entry(self, id)
    }

    #[inline]
    fn overwrite<'a>(
        &'a self,
        client: &'a Client,
        id: &'a EntryId,
    ) -> impl Future<Output = Result<Entry<T>>> {
        client.overwrite_entry(self, id)
    }

    #[inline]
    fn get<'a>(client: &'a Client, id: &'a EntryId) -> impl Future<Output = Result<Entry<T>>> {
        client.get_entry::<T>(id)
    }

    #[inline]
    fn delete<'a>(client: &'a Client, id: &'a EntryId) -> impl Future<Output = Result<()>> {
        client.delete_entry::<T>(id)
    }

    #[inline]
    fn history<'a, H: AttributeHandle<T>>(
        client: &'a Client,
        id: &'a EntryId,
        attribute: impl FnOnce(&T::Fields) -> H,
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>> {
        client.entry_value_history::<T, H>(id, attribute(&T::fields()))
    }

    #[inline]
    fn write_history<'a, H: AttributeHandle<T>>(
        client: &'a Client,
        id: &'a EntryId,
        attribute: impl FnOnce(&T::Fields) -> H,
        values: &'a [WithMeta<H::Value>],
    ) -> impl Future<Output = Result<Vec<WithMeta<H::Value>>>>
    where
        H::Value: WritableValue,
    {
        client.write_entry_value_history::<T, H>(id, attribute(&T::fields()), values)
    }

    #[inline]
    fn entries_of<'a>(
        client: &'a Client,
        parent: &'a impl ParentOf<T>,
    ) -> impl Future<Output = Result<Vec<Entry<T>>>> {
        client.entries_of::<T, _>(parent)
    }

    #[inline]
    fn list_info(client: &Client) -> impl Future<Output = Result<List>> {
        client.list_of::<T>()
    }

    #[inline]
    fn create_list<'a>(client: &'a Client, name: &'a str) -> impl Future<Output = Result<List>> {
        client.create_list_of::<T>(name)
    }

    #[inline]
    fn views(client: &Client) -> impl Future<Output = Result<Vec<ListView>>> {
        client.list_views_of::<T>()
    }
}
