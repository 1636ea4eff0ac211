//! Record operations on the [`Client`]: update (`PATCH`), create, get, overwrite (`PUT`), assert
//! (upsert by a unique attribute), delete, and the value history of one attribute.
//!
//! [`RecordExt`](crate::prelude::RecordExt), in `attio::prelude`, makes them methods of every
//! `#[attio_object]` struct (`user.create(&client)`, `User::get(&client, &id)`, ...); they are
//! also callable on the [`Client`] directly.
//!
//! # `update` (PATCH) or `overwrite` (PUT)?
//!
//! Both write every writable field of the struct that has something to send, and both replace
//! single-value attributes. They differ on **multiselect attributes** (`Vec<T>` fields):
//!
//! | | `update` — `PATCH` | `overwrite` — `PUT` |
//! |---|---|---|
//! | `Vec<T>` field | values are **added** to the record's; nothing is removed | the record's values become **exactly** the `Vec` (an empty `Vec` clears them) |
//! | safe to repeat | only without multiselect fields | yes |
//!
//! To change one attribute at a time (append to one multiselect, replace another, clear a third),
//! use the generated change set (`User::changes()`, see [`ChangeSet`](crate::ChangeSet)).

mod merge;

use crate::client::Client;
use crate::error::Result;
use crate::operation;
use crate::resolve;
use crate::values::AttributeHandle;
use crate::values::{RecordId, RecordObject, RecordStruct, WithMeta, WritableValue};
use crate::wire::Record;

impl Client {
    /// `PATCH /v2/objects/{slug}/records/{record_id}`: writes the struct's values to the record.
    ///
    /// Single-value attributes are replaced; values of multiselect attributes (`Vec<T>` fields)
    /// are **added** to the ones the record already has. Usually called as
    /// `user.update(&client, &id)` ([`RecordExt::update`](crate::prelude::RecordExt::update)).
    ///
    /// Such an append is not safe to repeat blindly, so when its outcome is unknown (a dropped
    /// connection, a `5xx`) the record is read back: the values already there are done, and only
    /// the missing ones are sent again. The call then returns the record as if nothing had gone
    /// wrong.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    /// let record = client.update_record(&User { user_id: "123".into() }, &id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_record<T: RecordStruct>(
        &self,
        values: &T,
        id: &RecordId,
    ) -> Result<Record<T>> {
        if operation::records::writes_multiselect::<T>(None) {
            // An append whose outcome is unknown is resolved by reading the record back.
            return resolve::update(self, values, id).await;
        }
        self.execute(operation::records::update(values, id)?).await
    }

    /// `POST /v2/objects/{slug}/records`: creates a record with the struct's values.
    ///
    /// Fails with [`ErrorCode::UniquenessConflict`](crate::ErrorCode::UniquenessConflict) when a
    /// unique attribute already has the value on another record. A create is not idempotent, so
    /// the client does not simply send it again when its outcome is unknown (a dropped connection,
    /// a `5xx`: it may have landed). Instead:
    ///
    /// - when the struct has a unique field with a value (marked `#[attio(unique)]`, or unique in
    ///   the live schema once the client has checked the struct with
    ///   [`check_schema`](Client::check_schema)), the create is sent again, and if that meets a
    ///   `uniqueness_conflict` (the first attempt did land), the record is looked up by the
    ///   unique value and returned: the call succeeds as if nothing had gone wrong, and exactly
    ///   one record exists;
    /// - for a multi-valued unique field (`#[attio(unique)] email_addresses: Vec<EmailAddress>`)
    ///   the records holding any of its values are looked up: one record holding them all is
    ///   returned; values spread over several records (or some held, some not) are a real
    ///   conflict, [`Error::UniqueValuesHeld`](crate::Error::UniqueValuesHeld), which says which
    ///   record holds which value;
    /// - otherwise the error is [`Error::Unresolved`](crate::Error::Unresolved), whose
    ///   [`outcome`](crate::Error::outcome) is [`Outcome::Unknown`](crate::Outcome::Unknown) and
    ///   whose message says to mark a unique attribute.
    ///
    /// A record that another program created with the same unique value (all of them, for a
    /// multi-valued field) in the meantime is returned in the same way.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String, primary_email_address: attio::EmailAddress }
    /// # async fn run(client: attio::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let user = User { user_id: "123".into(), primary_email_address: "person@company.com".parse()? };
    /// let record = client.create_record(&user).await?;
    /// println!("created {}", record.id.record_id);
    /// # Ok(()) }
    /// ```
    pub async fn create_record<T: RecordStruct>(&self, values: &T) -> Result<Record<T>> {
        resolve::create(self, values).await
    }

    /// `GET /v2/objects/{slug}/records/{record_id}`: reads one record.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let id: attio::RecordId = "5e3fb280-007b-495a-a530-9354bde01de1".parse().unwrap();
    /// let record = client.get_record::<User>(&id).await?;
    /// println!("{}", record.values.user_id);
    /// # Ok(()) }
    /// ```
    pub async fn get_record<T: RecordStruct>(&self, id: &RecordId) -> Result<Record<T>> {
        self.execute(operation::records::get::<T>(id)).await
    }

    /// `PUT /v2/objects/{slug}/records/{record_id}`: makes the record's attributes **equal** to
    /// the struct's values. Unlike [`update_record`](Client::update_record) (`PATCH`), which adds
    /// the values of multiselect (`Vec<T>`) fields to the record's, this replaces them: values not
    /// in the `Vec` are removed, and an empty `Vec` clears the attribute. Attributes the struct
    /// leaves out (`None`, read-only fields, attributes it does not declare) are untouched.
    /// Idempotent, so retried on any transient failure.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String, categories: Vec<attio::SelectOption> }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> Result<(), Box<dyn std::error::Error>> {
    /// let company = Company { name: "Acme".into(), categories: vec![attio::SelectOption::by_title("SaaS")?] };
    /// // categories is now exactly ["SaaS"]
    /// let record = client.overwrite_record(&company, &id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn overwrite_record<T: RecordStruct>(
        &self,
        values: &T,
        id: &RecordId,
    ) -> Result<Record<T>> {
        self.execute(operation::records::overwrite(values, id)?)
            .await
    }

    /// `DELETE /v2/objects/{slug}/records/{record_id}`: deletes the record.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    /// client.delete_record::<User>(&id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_record<T: RecordStruct>(&self, id: &RecordId) -> Result<()> {
        self.execute(operation::records::delete::<T>(id)).await
    }

    /// `PUT /v2/objects/{slug}/records?matching_attribute={attribute}`: creates the record, or
    /// updates the one whose unique attribute `matching` has the struct's value (an upsert).
    ///
    /// The struct must hold a value for `matching`, and the attribute must be unique in Attio
    /// (`users.user_id`, `people.email_addresses`, `companies.domains`, ...), or Attio answers
    /// 400. On an update, single values are replaced, the multiselect values of the matching
    /// attribute are added to the record's, and every other multiselect attribute is overwritten
    /// (Attio's documented behaviour).
    ///
    /// It is retried on transient failures only when the object has no writable multiselect field
    /// besides `matching`: a repeat then finds the same record and writes the same values.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String, primary_email_address: attio::EmailAddress }
    /// # async fn run(client: attio::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let user = User { user_id: "123".into(), primary_email_address: "person@company.com".parse()? };
    /// let record = client.assert_record(&user, User::fields().user_id()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn assert_record<T: RecordStruct, H: AttributeHandle<T>>(
        &self,
        values: &T,
        matching: H,
    ) -> Result<Record<T>> {
        self.execute(operation::records::assert(values, matching.slug())?)
            .await
    }

    /// `GET /v2/objects/{slug}/records/{record_id}/attributes/{attribute}/values?show_historic=true`:
    /// every value the attribute has had, current and past, oldest first, each with its
    /// metadata (`active_from`, `active_until` for a past value, `created_by_actor`).
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "people")] struct Person { job_title: Option<String> }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    /// for title in client.value_history(&id, Person::fields().job_title()).await? {
    ///     println!("{} from {:?} until {:?}", title.value, title.meta.active_from, title.meta.active_until);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn value_history<T: RecordObject, H: AttributeHandle<T>>(
        &self,
        id: &RecordId,
        attribute: H,
    ) -> Result<Vec<WithMeta<H::Value>>> {
        self.execute(operation::records::history::<T, H::Value>(
            id,
            attribute.slug(),
        )?)
        .await
    }

    /// `PUT /v2/objects/{slug}/records/{record_id}/attributes/{attribute}/values`: replaces the
    /// attribute's **entire** value history with `values`, each written with its own
    /// `active_from` and `active_until` (`WithMeta::new(v).active_from(at).active_until(at)`;
    /// no `active_until` for a value still active), and returns every value the attribute now
    /// has, oldest first. This is how a history is migrated from another CRM: read back with
    /// [`value_history`](Client::value_history), it is the same values with the same intervals.
    /// Usually called as `User::write_history(&client, &id, |f| f.user_id(), &values)`
    /// ([`RecordExt::write_history`](crate::prelude::RecordExt::write_history)).
    ///
    /// Every value the attribute had is destroyed, those not sent included. Values may come in
    /// any order, with gaps between them; for a single-valued attribute at most one is active at
    /// a time (intervals may not overlap; one at most has no `active_until`). No timestamp may be
    /// in the future. No webhook fires. Relationship, formula, enriched and read-only system
    /// attributes cannot be written. Refused before sending: no value, more than 400, a value
    /// without `active_from`, one that ends before it begins. Repeatable, so retried on
    /// transient failures.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> Result<(), Box<dyn std::error::Error>> {
    /// use attio::WithMeta;
    /// let history = [
    ///     WithMeta::new("Acme (old name)".to_string())
    ///         .active_from("2020-01-01T00:00:00Z".parse()?)
    ///         .active_until("2021-06-15T09:30:00Z".parse()?),
    ///     WithMeta::new("Acme Corporation".to_string()).active_from("2021-06-15T09:30:00Z".parse()?),
    /// ];
    /// client.write_value_history(&id, Company::fields().name(), &history).await?;
    /// # Ok(()) }
    /// ```
    pub async fn write_value_history<T: RecordObject, H: AttributeHandle<T>>(
        &self,
        id: &RecordId,
        attribute: H,
        values: &[WithMeta<H::Value>],
    ) -> Result<Vec<WithMeta<H::Value>>>
    where
        H::Value: WritableValue,
    {
        self.execute(operation::history::record::<T, H::Value>(
            id,
            attribute.slug(),
            values,
        )?)
        .await
    }
}
