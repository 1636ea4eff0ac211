//! Mirroring a collection into Attio, writing only what changed: [`SyncJob`], from
//! [`Client::sync`].
//!
//! A sync reads the object's records page by page (500 a page, Attio's largest), matches each to
//! an item by a key attribute, and compares them attribute by attribute. Then it writes: a create
//! for each item whose key Attio does not have, one request with only the changed attributes for
//! each record that differs (`PATCH`, or `PUT` when a multiselect changed, so that its values
//! become exactly the item's), nothing for equal ones, and, when asked, a delete for each record
//! whose key is no longer among the items. Pages are compared as they arrive and dropped, so
//! memory holds the items and the planned writes, not the records read.
//!
//! ```no_run
//! use attio::attio_object;
//!
//! #[attio_object(slug = "users")]
//! struct User {
//!     #[attio(unique)]
//!     user_id: String,
//!     primary_email_address: attio::EmailAddress,
//! }
//!
//! # async fn run(client: attio::Client, users: Vec<User>) -> attio::Result<()> {
//! let sync = client.sync(users).by(User::fields().user_id()).delete_missing(true);
//! println!("{}", sync.plan().await?); // a dry run: what it would write
//! # let users: Vec<User> = vec![];
//! let report = client
//!     .sync(users)
//!     .by(User::fields().user_id())
//!     .run(|p| eprint!("\r{} written, {} failed", p.done, p.failed))
//!     .await?;
//! println!("\n{report}");
//! # Ok(()) }
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::time::{Duration, Instant};

use futures::stream::{self, StreamExt as _, TryStreamExt as _};
use serde_json::Value;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation::records;
use crate::pages::Listing;
use crate::values::{AttributeHandle, Cardinality, RecordId, RecordStruct};
use crate::wire;

/// Attio's largest page of a record query.
const READ_PAGE: usize = 500;

/// The number of writes a sync keeps in flight (the client's limiter sets the pace).
pub const DEFAULT_SYNC_CONCURRENCY: usize = 25;

/// A sync of `items` into the object `T` describes, made by [`Client::sync`]. Say which
/// attribute is the key with [`SyncJob::by`], then [`plan`](SyncJob::plan) (a dry run) or
/// [`run`](SyncJob::run).
#[must_use = "a sync does nothing until `plan` or `run`"]
pub struct SyncJob<'c, T> {
    client: &'c Client,
    items: Vec<T>,
    key: Option<(&'static str, Cardinality)>,
    delete_missing: bool,
    concurrency: usize,
}

impl<T> fmt::Debug for SyncJob<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncJob")
            .field("items", &self.items.len())
            .field("key", &self.key.map(|k| k.0))
            .field("delete_missing", &self.delete_missing)
            .field("concurrency", &self.concurrency)
            .finish()
    }
}

impl Client {
    /// A sync of `items` into the object `T` describes: reads what Attio has, and writes only
    /// what differs. See the [module docs](crate::sync).
    ///
    /// ```no_run
    /// # #[attio::attio_object(slug = "users")] struct User { user_id: String }
    /// # async fn run(client: attio::Client, users: Vec<User>) -> attio::Result<()> {
    /// let report = client.sync(users).by(User::fields().user_id()).run(|_| {}).await?;
    /// assert!(report.failed.is_empty(), "{report}");
    /// # Ok(()) }
    /// ```
    pub fn sync<T: RecordStruct>(&self, items: impl IntoIterator<Item = T>) -> SyncJob<'_, T> {
        SyncJob {
            client: self,
            items: items.into_iter().collect(),
            key: None,
            delete_missing: false,
            concurrency: DEFAULT_SYNC_CONCURRENCY,
        }
    }
}

/// A key's canonical text: its write form, as JSON.
fn key_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether two write forms say the same: multiselect values compare as a multiset (Attio does
/// not keep their order).
fn same(old: Option<&Value>, new: Option<&Value>, multiple: bool) -> bool {
    let empty = |v: Option<&Value>| match v {
        None | Some(Value::Null) => true,
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    };
    if empty(old) && empty(new) {
        return true;
    }
    match (old, new) {
        (Some(Value::Array(a)), Some(Value::Array(b))) if multiple => {
            let sorted = |v: &Vec<Value>| {
                let mut s: Vec<String> = v.iter().map(Value::to_string).collect();
                s.sort();
                s
            };
            sorted(a) == sorted(b)
        }
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

impl<'c, T: RecordStruct + Send + 'static> SyncJob<'c, T> {
    /// The key attribute: what a record and an item are matched by. It should be unique in
    /// Attio (`#[attio(unique)]`) and single-valued. Required.
    pub fn by<H: AttributeHandle<T>>(mut self, key: H) -> Self {
        let slug = key.slug();
        let cardinality = T::FIELDS
            .iter()
            .find(|f| f.slug == slug)
            .map_or(Cardinality::Required, |f| f.cardinality);
        self.key = Some((slug, cardinality));
        self
    }

    /// Also deletes the records whose key is not among the items (default: keeps them).
    pub fn delete_missing(mut self, delete: bool) -> Self {
        self.delete_missing = delete;
        self
    }

    /// How many writes to keep in flight (at least 1; default [`DEFAULT_SYNC_CONCURRENCY`]).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// A dry run: reads the records and says what [`run`](SyncJob::run) would write, writing
    /// nothing.
    pub async fn plan(&self) -> Result<SyncPlan> {
        let mut updates = Vec::new();
        let mut plan = self.scan(|u| updates.push(u)).await?;
        plan.updates = updates;
        Ok(plan)
    }

    /// Reads every record and compares it with its item: each record that differs goes to
    /// `on_update` as soon as it is read (so that a run can write it while reading goes on);
    /// the rest of the plan comes back at the end.
    async fn scan(&self, mut on_update: impl FnMut(SyncUpdate)) -> Result<SyncPlan> {
        let (key, _) = self.key()?;
        let mut plan = SyncPlan {
            key,
            ..SyncPlan::default()
        };
        let index = self.index(&mut plan.refused);
        let mut seen = HashSet::new();
        let fields: Vec<_> = T::FIELDS.iter().filter(|f| !f.read_only).collect();
        let mut records = Listing::<crate::wire::Record<T>>::by_offset(
            self.client,
            READ_PAGE,
            0,
            None,
            |limit, offset| {
                records::query_page::<T>(&serde_json::json!({"limit": limit, "offset": offset}))
            },
        );
        while let Some(record) = records.try_next().await? {
            plan.read += 1;
            let old = wire::write_forms(&record.values)?;
            let Some(key_value) = old.get(key) else {
                continue;
            };
            let text = key_text(key_value);
            let Some(&i) = index.get(&text) else {
                if self.delete_missing {
                    plan.deletes.push((text, record.id.record_id));
                }
                continue;
            };
            if !seen.insert(i) {
                // A second record with the same key: the key is not unique in Attio.
                plan.refused.push(SyncFailure {
                    key: text,
                    error: Error::InvalidInput(format!(
                        "two records have the key `{key}` = {key_value}: make `{key}` unique in Attio (`#[attio(unique)]` and `ensure_schema`), then delete the duplicate {}",
                        record.id.record_id
                    )),
                });
                continue;
            }
            let new = wire::write_forms(&self.items[i])?;
            let mut changed = Vec::new();
            let mut multiple = false;
            for field in &fields {
                let many = field.cardinality == Cardinality::Multiple;
                if !same(old.get(field.slug), new.get(field.slug), many) {
                    let value = new
                        .get(field.slug)
                        .cloned()
                        .unwrap_or(Value::Array(Vec::new()));
                    multiple |= many;
                    changed.push((field.slug, value));
                }
            }
            if changed.is_empty() {
                plan.unchanged += 1;
            } else {
                plan.changed += 1;
                on_update(SyncUpdate {
                    key: text,
                    item: i,
                    record_id: record.id.record_id,
                    values: changed,
                    overwrite: multiple,
                });
            }
        }
        plan.creates = index
            .into_iter()
            .filter(|(_, i)| !seen.contains(i))
            .collect();
        plan.creates.sort_by_key(|(_, i)| *i);
        Ok(plan)
    }

    /// Reads, compares and writes: changed attributes (sent while reading goes on), then
    /// creates and (when asked) deletes, up to [`concurrency`](SyncJob::concurrency) at a time
    /// at the client's rate limit. `progress` is called after every write. An item that fails is
    /// reported in [`SyncReport::failed`] and the others carry on; a failure to read the records
    /// ends the sync with that error (writes already sent stay).
    pub async fn run(self, mut progress: impl FnMut(&SyncProgress)) -> Result<SyncReport> {
        let started = Instant::now();
        let client = self.client;
        let concurrency = self.concurrency;
        let mut report = SyncReport::default();
        let mut status = SyncProgress::default();
        let mut record = |kind: Kind,
                          key: String,
                          outcome: Result<()>,
                          report: &mut SyncReport,
                          status: &mut SyncProgress| {
            status.done += 1;
            match outcome {
                Ok(()) => match kind {
                    Kind::Create => report.created += 1,
                    Kind::Update => report.updated += 1,
                    Kind::Delete => report.deleted += 1,
                },
                Err(error) => {
                    status.failed += 1;
                    report.failed.push(SyncFailure { key, error });
                }
            }
            status.elapsed = started.elapsed();
            progress(status);
        };

        // Updates are written while the records are still being read.
        let (tx, rx) = futures::channel::mpsc::unbounded::<SyncUpdate>();
        let scan = async {
            let plan = self
                .scan(|u| {
                    // The receiver lives until the scan ends, so sending cannot fail.
                    let _ = tx.unbounded_send(u);
                })
                .await;
            drop(tx);
            plan
        };
        let updates = rx
            .map(|u| async move {
                let op = if u.overwrite {
                    records::put_entries::<T>(&u.record_id, &u.values)
                } else {
                    records::patch_entries::<T>(&u.record_id, &u.values, false)
                };
                (u.key, client.execute(op).await.map(drop))
            })
            .buffer_unordered(concurrency)
            .for_each(|(key, outcome)| {
                status.total = status.total.max(status.done + 1);
                record(Kind::Update, key, outcome, &mut report, &mut status);
                futures::future::ready(())
            });
        let (plan, ()) = tokio::join!(scan, updates);
        let plan = plan?;
        report.read = plan.read;
        report.unchanged = plan.unchanged;
        report.failed.extend(plan.refused);
        status.read = plan.read;
        status.total = plan.changed + plan.creates.len() + plan.deletes.len();

        let items = &self.items;
        let creates = plan.creates.into_iter().map(|(key, i)| {
            let item = &items[i];
            futures::future::Either::Left(async move {
                (
                    Kind::Create,
                    key,
                    client.create_record(item).await.map(drop),
                )
            })
        });
        let deletes = plan.deletes.into_iter().map(|(key, id)| {
            futures::future::Either::Right(async move {
                (Kind::Delete, key, client.delete_record::<T>(&id).await)
            })
        });
        let mut writes = stream::iter(creates.chain(deletes)).buffer_unordered(concurrency);
        while let Some((kind, key, outcome)) = writes.next().await {
            record(kind, key, outcome, &mut report, &mut status);
        }
        report.elapsed = started.elapsed();
        Ok(report)
    }

    fn key(&self) -> Result<(&'static str, Cardinality)> {
        match self.key {
            None => Err(Error::InvalidInput(
                "a sync needs its key attribute, what records and items are matched by: add .by(User::fields().user_id())".into(),
            )),
            Some((slug, Cardinality::Multiple)) => Err(Error::InvalidInput(format!(
                "the key `{slug}` is multiselect, so a record could match several items: key the sync by a single-value unique attribute"
            ))),
            Some(key) => Ok(key),
        }
    }

    /// The items by key text; items without a key or with a repeated key are refused.
    fn index(&self, refused: &mut Vec<SyncFailure>) -> HashMap<String, usize> {
        let key = self.key.map_or("", |k| k.0);
        let mut index = HashMap::with_capacity(self.items.len());
        for (i, item) in self.items.iter().enumerate() {
            let forms = match wire::write_forms(item) {
                Ok(forms) => forms,
                Err(error) => {
                    refused.push(SyncFailure {
                        key: format!("item {i}"),
                        error,
                    });
                    continue;
                }
            };
            match forms.get(key) {
                None => refused.push(SyncFailure {
                    key: format!("item {i}"),
                    error: Error::InvalidInput(format!(
                        "item {i} has no value for the key `{key}`, so it cannot be matched: give every item a key"
                    )),
                }),
                Some(value) => match index.entry(key_text(value)) {
                    std::collections::hash_map::Entry::Occupied(taken) => {
                        refused.push(SyncFailure {
                            error: Error::InvalidInput(format!(
                                "item {i} repeats the key `{key}` = {value} of an earlier item: each key is synced once, so it was left out"
                            )),
                            key: taken.key().clone(),
                        });
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(i);
                    }
                },
            }
        }
        index
    }
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Create,
    Update,
    Delete,
}

/// What a sync would write, from [`SyncJob::plan`].
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct SyncPlan {
    /// The key attribute.
    pub key: &'static str,
    /// Records read.
    pub read: usize,
    /// Records equal to their item.
    pub unchanged: usize,
    /// Records that differ from their item (`updates.len()` in a plan).
    pub changed: usize,
    /// Items to create: `(key, index in the items)`.
    pub creates: Vec<(String, usize)>,
    /// Records to change.
    pub updates: Vec<SyncUpdate>,
    /// Records to delete (with [`SyncJob::delete_missing`]): `(key, record id)`.
    pub deletes: Vec<(String, RecordId)>,
    /// Items left out (no key, a repeated key, a key two records share), with why.
    pub refused: Vec<SyncFailure>,
}

/// One record a sync changes.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SyncUpdate {
    /// The key.
    pub key: String,
    /// The item's index.
    pub item: usize,
    /// The record.
    pub record_id: RecordId,
    /// The changed attributes and their new write forms (`[]` clears).
    pub values: Vec<(&'static str, Value)>,
    /// Sent as `PUT` (a multiselect changed, and becomes exactly the item's values) rather than
    /// `PATCH`.
    pub overwrite: bool,
}

impl fmt::Display for SyncPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {} records by `{}`: {} to create, {} to update, {} unchanged, {} to delete, {} refused",
            self.read,
            self.key,
            self.creates.len(),
            self.updates.len(),
            self.unchanged,
            self.deletes.len(),
            self.refused.len()
        )?;
        for u in &self.updates {
            let slugs: Vec<&str> = u.values.iter().map(|(s, _)| *s).collect();
            write!(
                f,
                "\n  update {} ({}): {}",
                u.key,
                u.record_id,
                slugs.join(", ")
            )?;
        }
        for failure in &self.refused {
            write!(f, "\n  refused {}: {}", failure.key, failure.error)?;
        }
        Ok(())
    }
}

/// Running counts of a sync's writes, given to [`SyncJob::run`]'s callback.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyncProgress {
    /// Records read.
    pub read: usize,
    /// Writes planned.
    pub total: usize,
    /// Writes finished.
    pub done: usize,
    /// Writes that failed.
    pub failed: usize,
    /// Since the sync started.
    pub elapsed: Duration,
}

/// What a sync did, from [`SyncJob::run`].
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct SyncReport {
    /// Records read.
    pub read: usize,
    /// Records created.
    pub created: usize,
    /// Records changed.
    pub updated: usize,
    /// Records left as they were.
    pub unchanged: usize,
    /// Records deleted.
    pub deleted: usize,
    /// Every item or record that failed, with its key and error.
    pub failed: Vec<SyncFailure>,
    /// How long it took.
    pub elapsed: Duration,
}

impl fmt::Display for SyncReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {}, created {}, updated {}, unchanged {}, deleted {}, failed {} in {:.1?}",
            self.read,
            self.created,
            self.updated,
            self.unchanged,
            self.deleted,
            self.failed.len(),
            self.elapsed
        )?;
        for failure in &self.failed {
            write!(f, "\n  {}: {}", failure.key, failure.error)?;
        }
        Ok(())
    }
}

/// One item (or record) a sync could not write, by key.
#[derive(Debug)]
#[non_exhaustive]
pub struct SyncFailure {
    /// The key's value (or `item N` when the item has none).
    pub key: String,
    /// Why.
    pub error: Error,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn multiselects_compare_as_sets_and_empties_agree() {
        assert!(same(
            Some(&json!(["a", "b"])),
            Some(&json!(["b", "a"])),
            true
        ));
        assert!(!same(
            Some(&json!(["a", "b"])),
            Some(&json!(["b", "a"])),
            false
        ));
        assert!(same(None, Some(&json!([])), true));
        assert!(same(Some(&Value::Null), None, false));
        assert!(!same(Some(&json!("x")), None, false));
        assert!(!same(Some(&json!(["a"])), Some(&json!(["a", "a"])), true));
    }

    #[crate::attio_object(slug = "users")]
    struct User {
        user_id: String,
        tags: Vec<String>,
    }

    #[test]
    fn write_forms_are_by_slug() {
        let forms = crate::wire::write_forms(&User {
            user_id: "u".into(),
            tags: vec!["x".into()],
        })
        .unwrap();
        assert_eq!(forms["user_id"], json!("u"));
        assert_eq!(key_text(&forms["user_id"]), "u");
    }
}
