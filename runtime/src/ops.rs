//! Record operations beyond `update`: create, get, overwrite (`PUT`), assert (upsert by a unique
//! attribute), delete, and the value history of one attribute.
//!
//! `#[attio_object]` generates thin forwarders to these methods on the struct (`user.create(&client)`,
//! `User::get(&client, &id)`, ...); they are also callable on the [`Client`] directly.
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

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use crate::client::Client;
use crate::error::Result;
use crate::object::AttioObject;
use crate::query::AttributeHandle;
use crate::record::{Record, RecordId};
use crate::request::Request;
use crate::values::{AttioValue, ValueObject, WithMeta};

impl Client {
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
    pub async fn overwrite_record<T: AttioObject>(
        &self,
        values: &T,
        id: &RecordId,
    ) -> Result<Record<T>> {
        self.execute(Request::overwrite(values, id)?).await
    }

    /// `DELETE /v2/objects/{slug}/records/{record_id}`: deletes the record.
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, id: attio::RecordId) -> attio::Result<()> {
    /// client.delete_record::<User>(&id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_record<T: AttioObject>(&self, id: &RecordId) -> Result<()> {
        self.send(Request::delete::<T>(id)).await.map(|_| ())
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
    pub async fn assert_record<T: AttioObject, H: AttributeHandle<T>>(
        &self,
        values: &T,
        matching: H,
    ) -> Result<Record<T>> {
        self.execute(Request::assert(values, matching.slug())?)
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
    pub async fn value_history<T: AttioObject, H: AttributeHandle<T>>(
        &self,
        id: &RecordId,
        attribute: H,
    ) -> Result<Vec<WithMeta<H::Value>>> {
        let values: ValueList<WithMeta<H::Value>> = self
            .execute(Request::history::<T>(id, attribute.slug())?)
            .await?;
        Ok(values.0)
    }
}

/// An array of value objects, each decoded as `V` (whether active or not).
struct ValueList<V>(Vec<V>);

impl<'de, V: AttioValue> Deserialize<'de> for ValueList<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct ListVisitor<V>(PhantomData<V>);
        impl<'de, V: AttioValue> Visitor<'de> for ListVisitor<V> {
            type Value = ValueList<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an array of Attio {} value objects", V::ATTRIBUTE_TYPE)
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((v, _active)) = seq.next_element_seed(ValueObject::<V>::new())? {
                    out.push(v);
                }
                Ok(ValueList(out))
            }
        }
        d.deserialize_seq(ListVisitor(PhantomData))
    }
}
