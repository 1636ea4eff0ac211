//! Per-attribute change sets: [`ChangeSet`], behind the `<Struct>Changes` builder that
//! `#[attio_object]` generates (`User::changes()`).
//!
//! A change set says, attribute by attribute, what to do: *set* a single value, *clear* an
//! attribute, *append* values to a multiselect, or *replace* a multiselect's values. Attributes it
//! does not mention are untouched. It is sent as the fewest requests that can say it:
//!
//! | the change set has | requests |
//! |---|---|
//! | sets, single-value clears, appends | one `PATCH` (Attio's update appends to multiselects) |
//! | sets, clears, replacements | one `PUT` (Attio's overwrite replaces multiselects; attributes not sent are untouched) |
//! | appends **and** replacements or multiselect clears | a `PUT` (sets, clears, replacements), **then** a `PATCH` (appends) |
//! | nothing | one `GET`, for the record to return |
//!
//! In the two-request case the `PUT` goes first: if it fails, nothing has been written and the
//! error is returned; if the `PATCH` then fails, the `PUT`'s changes **are applied** and only the
//! appends are missing; the error returned is the `PATCH`'s.
//!
//! A step whose outcome is unknown (a dropped connection, a `5xx`) is resumed, not started over:
//! the `PUT` is safe to repeat, so the client retries it; a record's `PATCH` with appends is
//! resolved by reading the record back and sending again only the appended values it does not
//! show yet, never the `PUT`; an entry's change set ([`ChangeSet::apply_to_entry`]) reads the
//! entry back the same way.
//!
//! Several changes to one attribute fold into one: append then append appends both; replace (or
//! clear) then append replaces with the union; a set, clear or replace discards what came before.

use std::marker::PhantomData;

use serde_json::{Value, json};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation::{Operation, lists, records};
use crate::resolve;
use crate::values::{
    AttioField, AttioList, AttioObject, Cardinality, EntryId, FieldInput, RecordId, RecordStruct,
    WritableValue, Write, field_value,
};
use crate::wire::{Entry, Record};

/// What happens to one attribute.
#[derive(Debug, Clone, PartialEq)]
enum Change {
    /// A single value (write form).
    Set(Value),
    /// No value; `multi` for a multiselect attribute (only a `PUT` clears one).
    Clear { multi: bool },
    /// Values added to a multiselect.
    Append(Vec<Value>),
    /// A multiselect's values, exactly.
    Replace(Vec<Value>),
}

/// `slug: write form` pairs of one request body.
type Entries = Vec<(&'static str, Value)>;

/// Attribute-by-attribute changes to one record of `O`; see the [module docs](self).
///
/// Made through the generated builder, whose methods are named for the fields: `set_<field>`
/// (every writable field), `clear_<field>` (`Option<T>` and `Vec<T>` fields), and
/// `append_<field>` / `replace_<field>` (`Vec<T>` fields). Read-only fields have none.
///
/// ```no_run
/// #[attio::attio_object(slug = "companies")]
/// struct Company {
///     name: String,
///     description: Option<String>,
///     categories: Vec<attio::SelectOption>,
///     domains: Vec<attio::Domain>,
/// }
///
/// # async fn run(client: attio::Client, id: attio::RecordId) -> Result<(), Box<dyn std::error::Error>> {
/// let record = Company::changes()
///     .set_name("Acme")
///     .clear_description()
///     .append_domains(["acme.com".parse::<attio::Domain>()?])
///     .apply(&client, &id)
///     .await?; // one PATCH
/// # Ok(()) }
/// ```
#[must_use = "a change set does nothing until it is applied"]
pub struct ChangeSet<O> {
    changes: Vec<(&'static str, Change)>,
    error: Option<Error>,
    _object: PhantomData<fn() -> O>,
}

impl<O> std::fmt::Debug for ChangeSet<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeSet")
            .field("changes", &self.changes)
            .field("error", &self.error)
            .finish()
    }
}

impl<O: AttioObject> Default for ChangeSet<O> {
    fn default() -> Self {
        ChangeSet::new()
    }
}

fn encode<V: WritableValue>(v: &V) -> Result<Value> {
    serde_json::to_value(Write(v))
        .map_err(|e| Error::Invariant(format!("a value's write form is not JSON: {e}")))
}

impl<O: AttioObject> ChangeSet<O> {
    /// No changes.
    pub fn new() -> Self {
        ChangeSet {
            changes: Vec::new(),
            error: None,
            _object: PhantomData,
        }
    }

    /// Whether nothing has been changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many requests [`apply`](ChangeSet::apply) sends: 1, or 2 when the set has appends and
    /// replacements (or multiselect clears).
    pub fn request_count(&self) -> usize {
        let (put, patch) = self.split();
        if !put.is_empty() && !patch.is_empty() {
            2
        } else {
            1
        }
    }

    fn validated<V: WritableValue>(
        &mut self,
        field: &'static str,
        slug: &'static str,
        v: &V,
    ) -> Option<Value> {
        if self.error.is_some() {
            return None;
        }
        let checked = v
            .validate()
            .map_err(|source| Error::InvalidValue {
                object: O::SLUG,
                field,
                attribute: slug,
                source,
            })
            .and_then(|()| encode(v));
        match checked {
            Ok(json) => Some(json),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    fn put(&mut self, slug: &'static str, change: Change) {
        match self.changes.iter_mut().find(|(s, _)| *s == slug) {
            Some((_, old)) => *old = change,
            None => self.changes.push((slug, change)),
        }
    }

    /// Sets the single value of the field `field` (attribute `slug`); for a multiselect field,
    /// replaces its values with this one. Used by the generated `set_<field>`.
    #[doc(hidden)]
    pub fn set<F: FieldInput<I>, I>(&mut self, field: &'static str, slug: &'static str, value: I) {
        if let Some(v) = self.validated(field, slug, &field_value::<F, I>(value)) {
            let change = if F::CARDINALITY == Cardinality::Multiple {
                Change::Replace(vec![v])
            } else {
                Change::Set(v)
            };
            self.put(slug, change);
        }
    }

    /// Clears the attribute `slug`. Used by the generated `clear_<field>`.
    #[doc(hidden)]
    pub fn clear<F: AttioField>(&mut self, slug: &'static str) {
        self.put(
            slug,
            Change::Clear {
                multi: F::CARDINALITY == Cardinality::Multiple,
            },
        );
    }

    /// Every value's write form, or `None` once one fails (the failure is kept for `apply`).
    fn validated_all<V: WritableValue>(
        &mut self,
        field: &'static str,
        slug: &'static str,
        values: impl IntoIterator<Item = V>,
    ) -> Option<Vec<Value>> {
        values
            .into_iter()
            .map(|v| self.validated(field, slug, &v))
            .collect()
    }

    /// Adds `values` to the multiselect `slug`. Used by the generated `append_<field>`.
    #[doc(hidden)]
    pub fn append<F: FieldInput<I>, I>(
        &mut self,
        field: &'static str,
        slug: &'static str,
        values: impl IntoIterator<Item = I>,
    ) {
        let values = values.into_iter().map(field_value::<F, I>);
        let Some(new) = self.validated_all(field, slug, values) else {
            return;
        };
        let merged = match self.changes.iter_mut().find(|(s, _)| *s == slug) {
            Some((_, Change::Append(old) | Change::Replace(old))) => {
                old.extend(new);
                return;
            }
            Some((_, Change::Clear { .. })) => Change::Replace(new),
            _ => Change::Append(new),
        };
        self.put(slug, merged);
    }

    /// Makes `values` the multiselect `slug`'s values. Used by the generated `replace_<field>`.
    #[doc(hidden)]
    pub fn replace<F: FieldInput<I>, I>(
        &mut self,
        field: &'static str,
        slug: &'static str,
        values: impl IntoIterator<Item = I>,
    ) {
        let values = values.into_iter().map(field_value::<F, I>);
        let Some(new) = self.validated_all(field, slug, values) else {
            return;
        };
        self.put(slug, Change::Replace(new));
    }

    /// (`PUT` entries, `PATCH`-only entries); neutral entries (sets, single clears) go in the
    /// `PUT` when there is one.
    fn split(&self) -> (Entries, Entries) {
        let needs_put = self
            .changes
            .iter()
            .any(|(_, c)| matches!(c, Change::Replace(_) | Change::Clear { multi: true }));
        let mut put = Vec::new();
        let mut patch = Vec::new();
        for (slug, change) in &self.changes {
            let (json, must_patch) = match change {
                Change::Set(v) => (v.clone(), false),
                Change::Clear { .. } => (json!([]), false),
                Change::Append(vs) => (Value::Array(vs.clone()), true),
                Change::Replace(vs) => (Value::Array(vs.clone()), false),
            };
            if must_patch || !needs_put {
                patch.push((*slug, json));
            } else {
                put.push((*slug, json));
            }
        }
        (put, patch)
    }

    /// The requests, in order: the `PUT`, then the `PATCH`, or a `GET` when there is nothing to
    /// change; the three kinds of request are made by `put`, `patch` and `get` (a record's or an
    /// entry's).
    fn plan_with<R>(
        &self,
        put: impl FnOnce(&Entries) -> Operation<R>,
        patch: impl FnOnce(&Entries, bool) -> Operation<R>,
        get: impl FnOnce() -> Operation<R>,
    ) -> Vec<Operation<R>> {
        let (put_entries, patch_entries) = self.split();
        let mut out = Vec::new();
        if !put_entries.is_empty() {
            out.push(put(&put_entries));
        }
        if !patch_entries.is_empty() {
            let appends = self
                .changes
                .iter()
                .any(|(_, c)| matches!(c, Change::Append(_)));
            out.push(patch(&patch_entries, appends));
        }
        if out.is_empty() {
            out.push(get());
        }
        out
    }

    /// The attributes whose values the change set appends.
    fn appended(&self) -> Vec<&'static str> {
        self.changes
            .iter()
            .filter(|(_, c)| matches!(c, Change::Append(_)))
            .map(|(slug, _)| *slug)
            .collect()
    }

    /// The requests for the record `id`.
    fn plan(&self, id: &RecordId) -> Vec<Operation<Record<O>>> {
        self.plan_with(
            |put| records::put_entries::<O>(id, put),
            |patch, appends| records::patch_entries::<O>(id, patch, appends),
            || records::get::<O>(id),
        )
    }

    /// Sends the planned requests in order; the last answer is the result.
    async fn send<R>(self, client: &Client, plan: Vec<Operation<R>>) -> Result<R> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let mut last = None;
        for op in plan {
            last = Some(client.execute(op).await?);
        }
        last.ok_or_else(|| Error::Invariant("a change set planned no request".into()))
    }

    /// Sends the changes to the record `id` (see the [module docs](self) for which requests), and
    /// returns the record as it is afterwards. A value that breaks Attio's rules is reported
    /// before anything is sent. A list's change set is sent to an entry, by
    /// [`apply_to_entry`](ChangeSet::apply_to_entry).
    ///
    /// A write whose outcome is unknown is resumed from the step in doubt, not started over: the
    /// `PUT` is safe to repeat, so the client retries it; a `PATCH` with appends is resolved by
    /// reading the record back and sending only the appended values it does not show yet (see
    /// [`Client::update_record`]).
    // The bound is on the method, not on an impl block: rustc then reports a list's struct with
    // `RecordStruct`'s message rather than as a method whose bounds are not met.
    pub async fn apply(self, client: &Client, id: &RecordId) -> Result<Record<O>>
    where
        O: RecordStruct,
    {
        let (put, patch) = self.split();
        let appended = self.appended();
        if appended.is_empty() || self.error.is_some() {
            let plan = self.plan(id);
            return self.send(client, plan).await;
        }
        if !put.is_empty() {
            client.execute(records::put_entries::<O>(id, &put)).await?;
        }
        resolve::patch::<O>(client, id, patch, |slug| appended.contains(&slug)).await
    }
}

impl<E: AttioList> ChangeSet<E> {
    /// The requests for the entry `id`.
    fn plan_entry(&self, id: &EntryId) -> Vec<Operation<Entry<E>>> {
        self.plan_with(
            |put| lists::put_values::<E>(id, put),
            |patch, appends| lists::patch_values::<E>(id, patch, appends),
            || lists::get::<E>(id),
        )
    }

    /// Sends the changes to the entry `id` of the list `E` (the same requests as
    /// [`apply`](ChangeSet::apply) sends to a record, on `/v2/lists/{list}/entries/{entry_id}`),
    /// and returns the entry as it is afterwards. Used by the `apply` of a list's generated change
    /// set (`SalesEntry::changes()`).
    ///
    /// A step in doubt is resumed as for a record: the `PUT` is retried, and a `PATCH` with
    /// appends is resolved by reading the entry back and sending only what it does not show yet.
    pub async fn apply_to_entry(self, client: &Client, id: &EntryId) -> Result<Entry<E>> {
        let (put, patch) = self.split();
        let appended = self.appended();
        if appended.is_empty() || self.error.is_some() {
            let plan = self.plan_entry(id);
            return self.send(client, plan).await;
        }
        if !put.is_empty() {
            client.execute(lists::put_values::<E>(id, &put)).await?;
        }
        resolve::patch_entry::<E>(client, id, patch, |slug| appended.contains(&slug)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[crate::attio_object(slug = "companies")]
    struct Company {}

    fn bodies(c: &ChangeSet<Company>) -> Vec<(String, bool, Value)> {
        let id: RecordId = "r".parse().unwrap();
        c.plan(&id)
            .into_iter()
            .map(|r| {
                let body = r
                    .body
                    .map_or(Value::Null, |b| serde_json::from_slice(&b).unwrap());
                (r.method.as_str().to_owned(), r.idempotent, body)
            })
            .collect()
    }

    #[test]
    fn plans_the_fewest_requests() {
        let mut c = ChangeSet::<Company>::new();
        assert_eq!(bodies(&c)[0].0, "GET");
        c.set::<String, _>("name", "name", "Acme");
        c.append::<Vec<String>, _>("tags", "tags", ["a".to_owned()]);
        assert_eq!(
            bodies(&c),
            vec![(
                "PATCH".into(),
                false,
                json!({"data":{"values":{"name":"Acme","tags":["a"]}}})
            )]
        );
        c.clear::<Vec<String>>("other");
        assert_eq!(c.request_count(), 2);
        assert_eq!(
            bodies(&c),
            vec![
                (
                    "PUT".into(),
                    true,
                    json!({"data":{"values":{"name":"Acme","other":[]}}})
                ),
                (
                    "PATCH".into(),
                    false,
                    json!({"data":{"values":{"tags":["a"]}}})
                ),
            ]
        );
        // clear then append folds into a replacement: one PUT.
        let mut c = ChangeSet::<Company>::new();
        c.clear::<Vec<String>>("tags");
        c.append::<Vec<String>, _>("tags", "tags", ["b".to_owned()]);
        c.clear::<Option<String>>("description");
        assert_eq!(
            bodies(&c),
            vec![(
                "PUT".into(),
                true,
                json!({"data":{"values":{"tags":["b"],"description":[]}}})
            )]
        );
    }
}
