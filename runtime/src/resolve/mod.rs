//! Writes whose outcome is unknown, resolved instead of surfaced.
//!
//! A write that meets a dropped connection, a timeout or a `5xx` may or may not have been applied
//! by Attio ([`Outcome::Unknown`]). The client retries such a write on its own only when repeating
//! it is harmless (see [`RetryPolicy`](crate::RetryPolicy)); the two writes that are not harmless
//! to repeat are settled here, by reading Attio back, so that the caller gets the record as if
//! nothing had gone wrong:
//!
//! | write | how its unknown outcome is resolved |
//! |---|---|
//! | create (`POST`) on a struct with a single-value unique field (`#[attio(unique)] user_id: String`) | sent again; a `uniqueness_conflict` then means the first attempt landed, and the record holding the value is looked up and returned |
//! | create on a struct whose unique field is multi-valued (`#[attio(unique)] email_addresses: Vec<EmailAddress>`) | sent again; after a `uniqueness_conflict` the records holding any of its values are looked up: one record holding them all is returned; values spread over several records (or held in part) are a real conflict, [`Error::UniqueValuesHeld`], naming each value's record |
//! | create on a struct without one | cannot be resolved: [`Error::Unresolved`], whose outcome is unknown and whose message says to mark a unique attribute |
//! | `PATCH` that appends to a multiselect (`Vec<T>` field, a change set's `append_…`) | the record is read back; appended values already there are done, the missing ones (and single values not yet equal) are sent again |
//!
//! A field is unique when marked `#[attio(unique)]`, or when the client has read the live schema
//! of its object (`client.check_schema::<T>()`, or the schema cache after an error) and Attio says
//! the attribute is unique. A single-value unique field is preferred to a multi-valued one.
//!
//! Why not re-send the create as an assert (`PUT …?matching_attribute=`)? Had the first attempt
//! not landed, an assert would *update* a record another program made with one of the values
//! (adding the create's values to it, overwriting its other multiselects) where the create should
//! fail with a `uniqueness_conflict`; the look-up changes nothing.
//!
//! Each round after the first waits as a retry would, and there are at most as many rounds as the
//! policy's [`max_attempts`](crate::RetryPolicy::max_attempts); with
//! [`RetryPolicy::disabled`](crate::RetryPolicy::disabled) nothing is resolved (a create without a
//! unique field still says why its outcome is unknown).

mod unique;

use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::{Error, HeldValue, Outcome, Result};
use crate::operation::{Operation, lists, records};
use crate::values::{AttioObject, Cardinality, EntryId, RecordId};
use crate::wire::{self, Entry, Record};
use unique::{Holding, Key, holding, unique_key, unique_slugs};

/// `slug: write form` pairs of one request body.
type Entries = Vec<(&'static str, Value)>;

/// `POST /v2/objects/{slug}/records`, resolving an unknown outcome through `T`'s unique attribute.
pub(crate) async fn create<T: AttioObject>(client: &Client, values: &T) -> Result<Record<T>> {
    let learned = |slug: &str| client.knows_unique(T::SLUG, slug);
    let key = unique_key::<T>(&entries_of(values)?, learned);
    let rounds = client.retry_policy().attempts();
    let mut in_doubt = false;
    let mut round = 0;
    loop {
        round += 1;
        let error = match client.execute(records::create(values)?).await {
            Ok(record) => return Ok(record),
            Err(e) => e,
        };
        let Some(key) = &key else {
            return Err(match error.outcome() {
                Outcome::Unknown => unresolved_create::<T>(error, &unique_slugs::<T>(learned)),
                _ => error,
            });
        };
        let settled = error.outcome() != Outcome::Unknown;
        if in_doubt && (settled || round >= rounds) {
            // An earlier attempt may have landed (a `uniqueness_conflict` now says it did): the
            // record holding our unique value (all of them, for a multi-valued attribute) is then
            // ours.
            match find::<T>(client, key).await {
                Ok(Found::Record(record)) => return Ok(*record),
                Ok(Found::Nothing) => {}
                Err(lookup) => {
                    let slug = key.slug();
                    return Err(unresolved(
                        error,
                        format!(
                            "an earlier attempt may have created the record, and looking it up by `{slug}` failed ({lookup}); look the record up by `{slug}` before creating it again"
                        ),
                    ));
                }
                Ok(Found::Held(held)) => {
                    return Err(Error::UniqueValuesHeld {
                        object: T::SLUG,
                        attribute: key.slug(),
                        held,
                        source: Box::new(error),
                    });
                }
            }
        }
        if settled {
            return Err(error);
        }
        if round >= rounds {
            let slug = key.slug();
            return Err(unresolved(
                error,
                format!(
                    "the create's outcome stayed unknown after {round} attempt(s) (the policy's max_attempts); look the record up by `{slug}` before creating it again"
                ),
            ));
        }
        in_doubt = true;
        client.pause_before_resolving(round).await;
    }
}

/// `PATCH /v2/objects/{slug}/records/{id}` with the struct's values, resolving an unknown outcome
/// by reading the record back.
pub(crate) async fn update<T: AttioObject>(
    client: &Client,
    values: &T,
    id: &RecordId,
) -> Result<Record<T>> {
    let entries = entries_of(values)?;
    patch::<T>(client, id, entries, |slug| is_multiselect::<T>(slug)).await
}

/// A `PATCH` of prepared entries, where `appends(slug)` says which add values to a multiselect;
/// an unknown outcome is resolved by reading the record back and sending again only what is not
/// there yet.
pub(crate) async fn patch<T: AttioObject>(
    client: &Client,
    id: &RecordId,
    entries: Entries,
    appends: impl Fn(&str) -> bool,
) -> Result<Record<T>> {
    patch_with(
        client,
        entries,
        appends,
        |entries, appending| records::patch_entries::<T>(id, entries, appending),
        || records::get_with_values::<T>(id),
    )
    .await
}

/// The same for a list's entry: its `PATCH` of `entry_values`, resolved by reading the entry
/// back.
pub(crate) async fn patch_entry<E: AttioObject>(
    client: &Client,
    id: &EntryId,
    entries: Entries,
    appends: impl Fn(&str) -> bool,
) -> Result<Entry<E>> {
    patch_with(
        client,
        entries,
        appends,
        |entries, appending| lists::patch_values::<E>(id, entries, appending),
        || lists::get_with_values::<E>(id),
    )
    .await
}

/// A `PATCH` sent by `send(entries, appending)`, whose unknown outcome is resolved by `read`ing
/// the record (or entry) back with its raw values and sending again only what is not there.
async fn patch_with<R>(
    client: &Client,
    mut entries: Entries,
    appends: impl Fn(&str) -> bool,
    send: impl Fn(&Entries, bool) -> Operation<R>,
    read: impl Fn() -> Operation<(R, Map<String, Value>)>,
) -> Result<R> {
    let rounds = client.retry_policy().attempts();
    let mut round = 0;
    loop {
        round += 1;
        let appending = entries.iter().any(|(slug, _)| appends(slug));
        let error = match client.execute(send(&entries, appending)).await {
            Ok(record) => return Ok(record),
            Err(e) => e,
        };
        // A PATCH without appends is repeatable, so the client already retried it.
        if !appending || error.outcome() != Outcome::Unknown || round >= rounds {
            return Err(error);
        }
        client.pause_before_resolving(round).await;
        let (record, current) = match client.execute(read()).await {
            Ok(read) => read,
            // The record cannot be read back: the PATCH stays in doubt.
            Err(_) => return Err(error),
        };
        entries = remaining(&entries, &appends, &current);
        if entries.is_empty() {
            return Ok(record);
        }
    }
}

/// The error for a create in doubt with no unique value to look the record up by: the struct has
/// no unique field (`unique` is empty), or the create wrote no value to the ones it has.
fn unresolved_create<T: AttioObject>(error: Error, unique: &[&str]) -> Error {
    let slug = T::SLUG;
    let advice = if unique.is_empty() {
        format!(
            "the create could not be resolved: the struct for `{slug}` has no field marked #[attio(unique)] to look the record up by, so whether the record now exists is unknown; mark the field of an attribute Attio keeps unique, e.g. `#[attio(unique)] user_id: String` or `#[attio(unique)] email_addresses: Vec<EmailAddress>` (or check the struct with `client.check_schema`, which teaches the client the attributes Attio keeps unique), and a create whose answer is lost is resolved instead"
        )
    } else {
        let unique = unique.join("`, `");
        format!(
            "the create could not be resolved: it wrote no value to the unique attribute(s) `{unique}` of `{slug}` to look the record up by, so whether the record now exists is unknown; give the create a value for one of them, and a create whose answer is lost is resolved instead"
        )
    };
    unresolved(error, advice)
}

fn unresolved(source: Error, advice: String) -> Error {
    Error::Unresolved {
        advice,
        source: Box::new(source),
    }
}

/// Most values one look-up names; a create writing more is looked up in several queries.
const VALUES_PER_QUERY: usize = 20;

/// What the look-up of a create's unique values found.
enum Found<T: AttioObject> {
    /// The record holding them: the create's.
    Record(Box<Record<T>>),
    /// No record holds them.
    Nothing,
    /// Records other than one the create could have made hold them.
    Held(Vec<HeldValue>),
}

/// The record of `T` holding the create's unique value (or, for a multi-valued attribute, all of
/// its values, each of which no other record holds).
async fn find<T: AttioObject>(client: &Client, key: &Key) -> Result<Found<T>> {
    let (slug, values) = match key {
        Key::One { slug, value } => {
            let page = client.execute(records::find_by::<T>(slug, value)).await?;
            return Ok(match page.into_iter().next() {
                Some(record) => Found::Record(Box::new(record)),
                None => Found::Nothing,
            });
        }
        Key::Every { slug, values } => (*slug, values),
    };
    let mut found: Vec<(Record<T>, Vec<Value>)> = Vec::new();
    for chunk in values.chunks(VALUES_PER_QUERY) {
        let page = client
            .execute(records::find_holding::<T>(slug, chunk))
            .await?;
        for (record, mut raw) in page {
            if found
                .iter()
                .any(|(r, _)| r.id.record_id == record.id.record_id)
            {
                continue;
            }
            let reads = match raw.remove(slug) {
                Some(Value::Array(reads)) => reads,
                _ => Vec::new(),
            };
            found.push((record, reads));
        }
    }
    let holders: Vec<(&RecordId, &[Value])> = found
        .iter()
        .map(|(record, reads)| (&record.id.record_id, reads.as_slice()))
        .collect();
    Ok(match holding(values, &holders) {
        Holding::Nobody => Found::Nothing,
        Holding::Split(held) => Found::Held(held),
        Holding::One(i) => match found.into_iter().nth(i) {
            Some((record, _)) => Found::Record(Box::new(record)),
            None => Found::Nothing,
        },
    })
}

/// The struct's write body as `slug: write form` entries, once its values are checked.
fn entries_of<T: AttioObject>(values: &T) -> Result<Entries> {
    values.validate()?;
    let map = wire::write_forms(values)?;
    Ok(T::FIELDS
        .iter()
        .filter_map(|f| map.get(f.slug).map(|v| (f.slug, v.clone())))
        .collect())
}

/// Whether the writable field of `T` with attribute `slug` is a multiselect (a `PATCH` appends).
fn is_multiselect<T: AttioObject>(slug: &str) -> bool {
    T::FIELDS
        .iter()
        .any(|f| f.slug == slug && !f.read_only && f.cardinality == Cardinality::Multiple)
}

/// What of `entries` the record (its `values` as read, `current`) does not show yet: the appended
/// values it lacks, and the single values that differ. Empty when the write is complete.
pub(crate) fn remaining(
    entries: &[(&'static str, Value)],
    appends: impl Fn(&str) -> bool,
    current: &Map<String, Value>,
) -> Entries {
    let mut out = Vec::new();
    for (slug, sent) in entries {
        let reads: &[Value] = current
            .get(*slug)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice);
        let sent_values: Vec<&Value> = match sent {
            Value::Array(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            single => vec![single],
        };
        if appends(slug) {
            let missing: Vec<Value> = sent_values
                .into_iter()
                .filter(|v| !reads.iter().any(|r| shows(r, v)))
                .cloned()
                .collect();
            if !missing.is_empty() {
                out.push((*slug, Value::Array(missing)));
            }
        } else {
            let done = sent_values.len() == reads.len()
                && sent_values
                    .iter()
                    .all(|v| reads.iter().any(|r| shows(r, v)));
            if !done {
                out.push((*slug, sent.clone()));
            }
        }
    }
    out
}

/// Whether `read`, a value as Attio returns it (`{"email_address": …, "attribute_type": …}`), is
/// the value whose write form is `sent` (`"person@company.com"`, `{"option": "SaaS"}`, …).
///
/// A write form names a value by some of its properties: an object's keys must each be shown by
/// the read value's property of that name; a bare scalar must equal one of the read value's
/// properties, at any depth (an option's title or id, an email address, a number's `value`).
fn shows(read: &Value, sent: &Value) -> bool {
    match sent {
        Value::Object(keys) => keys
            .iter()
            .all(|(k, v)| read.get(k).is_some_and(|r| shows(r, v))),
        Value::Array(items) => items.iter().all(|v| shows(read, v)),
        scalar => has_leaf(read, scalar),
    }
}

fn has_leaf(read: &Value, scalar: &Value) -> bool {
    match read {
        Value::Object(map) => map.values().any(|v| has_leaf(v, scalar)),
        Value::Array(items) => items.iter().any(|v| has_leaf(v, scalar)),
        Value::Number(a) => scalar.as_f64().zip(a.as_f64()).is_some_and(|(x, y)| x == y),
        other => other == scalar,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[crate::attio_object(slug = "users")]
    struct User {
        #[attio(unique)]
        user_id: String,
        nickname: Option<String>,
        tags: Vec<crate::SelectOption>,
    }

    #[crate::attio_object(slug = "people")]
    struct Person {
        job_title: Option<String>,
    }

    fn values(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn the_unique_key_is_the_first_unique_field_written() {
        let user = User {
            user_id: "u1".into(),
            nickname: None,
            tags: vec![],
        };
        let entries = entries_of(&user).unwrap();
        assert_eq!(
            unique_key::<User>(&entries, |_| false),
            Some(Key::One {
                slug: "user_id",
                value: json!("u1")
            })
        );
        let entries = entries_of(&Person { job_title: None }).unwrap();
        assert_eq!(unique_key::<Person>(&entries, |_| false), None);
        assert!(is_multiselect::<User>("tags"));
        assert!(!is_multiselect::<User>("nickname"));
    }

    #[test]
    fn read_values_show_the_write_forms_that_name_them() {
        let email = json!({"email_address": "a@b.com", "original_email_address": "A@b.com", "attribute_type": "email-address"});
        assert!(shows(&email, &json!("A@b.com")));
        assert!(!shows(&email, &json!("c@b.com")));
        let option = json!({"option": {"id": {"option_id": "o1"}, "title": "SaaS", "is_archived": false}, "attribute_type": "select"});
        assert!(shows(&option, &json!({"option": "SaaS"})));
        assert!(shows(&option, &json!({"option": "o1"})));
        assert!(shows(&option, &json!("SaaS")));
        assert!(!shows(&option, &json!({"option": "B2B"})));
        let number = json!({"value": 3.0, "attribute_type": "number"});
        assert!(shows(&number, &json!(3)));
        assert!(!shows(&number, &json!(4)));
        let reference = json!({"target_object": "people", "target_record_id": "r1"});
        assert!(shows(
            &reference,
            &json!({"target_object": "people", "target_record_id": "r1"})
        ));
        assert!(!shows(
            &reference,
            &json!({"target_object": "people", "target_record_id": "r2"})
        ));
    }

    #[test]
    fn only_what_the_record_lacks_is_sent_again() {
        let appends = |slug: &str| slug == "tags";
        let entries: Entries = vec![
            ("nickname", json!("Bo")),
            ("tags", json!([{"option": "a"}, {"option": "b"}])),
        ];
        // Nothing landed: everything is sent again.
        assert_eq!(remaining(&entries, appends, &values(json!({}))), entries);
        // "a" landed (with the nickname, in the same request): only "b" is missing.
        let some = values(json!({
            "nickname": [{"value": "Bo"}],
            "tags": [{"option": {"title": "a"}}, {"option": {"title": "z"}}],
        }));
        assert_eq!(
            remaining(&entries, appends, &some),
            vec![("tags", json!([{"option": "b"}]))]
        );
        // Everything landed: nothing is sent again.
        let all = values(json!({
            "nickname": [{"value": "Bo"}],
            "tags": [{"option": {"title": "b"}}, {"option": {"title": "a"}}],
        }));
        assert!(remaining(&entries, appends, &all).is_empty());
        // A single value that differs is sent again (a repeat of it is harmless); a clear is done
        // when the attribute is empty.
        let other = values(
            json!({"nickname": [{"value": "Al"}], "tags": [{"option": {"title": "a"}}, {"option": {"title": "b"}}]}),
        );
        assert_eq!(
            remaining(&entries, appends, &other),
            vec![("nickname", json!("Bo"))]
        );
        let clear: Entries = vec![("nickname", json!([]))];
        assert!(remaining(&clear, appends, &values(json!({"nickname": []}))).is_empty());
        assert_eq!(remaining(&clear, appends, &other), clear);
    }
}
