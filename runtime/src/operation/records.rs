//! Record operations: create, get, update (`PATCH`), overwrite (`PUT`), assert, delete, value
//! history, a query page, and the `PUT`/`PATCH` of a change set.
//!
//! # Which record writes are safe to repeat
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | `PUT` (overwrite, a change set's replacements) | yes | it makes attributes *equal* to what is sent |
//! | `PATCH` writing no multiselect | yes | single values are replaced |
//! | `PATCH` writing a multiselect | no | Attio *appends* multiselect values: a repeat adds them twice |
//! | assert (`PUT ?matching_attribute=`) | only with no multiselect besides the matching one | a repeat finds the record the first created; other multiselects might be appended |
//! | create (`POST`) | no | a repeat creates a second record |
//! | delete | yes | a repeat finds nothing to delete |

use serde_json::Value;

use super::{Method, Operation};
use crate::error::{Error, Result};
use crate::values::{AttioObject, AttioValue, Cardinality, RecordId, WithMeta, check_path_segment};
use crate::wire::{self, Record};

/// `/v2/objects/{slug}/records` for an object's struct, `/v2/activities/{slug}/records` for an
/// activity's: where `T`'s records live. The slug is a checked path segment.
fn records_path<T: AttioObject>() -> String {
    format!("/v2/{}/{}/records", T::KIND.collection(), T::SLUG)
}

/// `/v2/objects/{slug}/records/{record_id}` (or `/v2/activities/…`); both parts are checked path
/// segments.
fn record_path<T: AttioObject>(id: &RecordId) -> String {
    format!("{}/{}", records_path::<T>(), id.as_str())
}

/// Whether `T` has a writable multiselect field (other than `except`), whose values a `PATCH`
/// appends.
pub(crate) fn writes_multiselect<T: AttioObject>(except: Option<&str>) -> bool {
    T::FIELDS
        .iter()
        .any(|f| !f.read_only && f.cardinality == Cardinality::Multiple && Some(f.slug) != except)
}

/// `PATCH /v2/objects/{slug}/records/{record_id}` with the struct's values.
pub(crate) fn update<T: AttioObject>(values: &T, id: &RecordId) -> Result<Operation<Record<T>>> {
    Ok(Operation::write(
        Method::Patch,
        record_path::<T>(id),
        Some(wire::encode_values(values)?),
        !writes_multiselect::<T>(None),
        wire::decode_record::<T>,
    )
    .declaring::<T>())
}

/// `POST /v2/objects/{slug}/records` with the struct's values.
pub(crate) fn create<T: AttioObject>(values: &T) -> Result<Operation<Record<T>>> {
    Ok(Operation::write(
        Method::Post,
        records_path::<T>(),
        Some(wire::encode_values(values)?),
        false,
        wire::decode_record::<T>,
    )
    .declaring::<T>())
}

/// `GET /v2/objects/{slug}/records/{record_id}`.
pub(crate) fn get<T: AttioObject>(id: &RecordId) -> Operation<Record<T>> {
    Operation::read(
        Method::Get,
        record_path::<T>(id),
        None,
        wire::decode_record::<T>,
    )
    .declaring::<T>()
}

/// `PUT /v2/objects/{slug}/records/{record_id}` with the struct's values.
pub(crate) fn overwrite<T: AttioObject>(values: &T, id: &RecordId) -> Result<Operation<Record<T>>> {
    Ok(Operation::write(
        Method::Put,
        record_path::<T>(id),
        Some(wire::encode_values(values)?),
        true,
        wire::decode_record::<T>,
    )
    .declaring::<T>())
}

/// `DELETE /v2/objects/{slug}/records/{record_id}`.
pub(crate) fn delete<T: AttioObject>(id: &RecordId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        record_path::<T>(id),
        None,
        true,
        wire::decode_nothing,
    )
    .on_records_of::<T>()
}

/// `PUT /v2/objects/{slug}/records?matching_attribute={attribute}` with the struct's values.
///
/// Attio documents that an assert *overwrites* the multiselects other than the matching one, which
/// would be repeatable, but that is not verified against the live API; were they appended, a repeat
/// would add their values twice, so such asserts count as not repeatable.
pub(crate) fn assert<T: AttioObject>(
    values: &T,
    attribute: &'static str,
) -> Result<Operation<Record<T>>> {
    check_path_segment(attribute).map_err(|reason| {
        Error::InvalidInput(format!(
            "the matching attribute {attribute:?} of an assert on `{}` cannot be sent: {reason}",
            T::SLUG
        ))
    })?;
    Ok(Operation::write(
        Method::Put,
        format!("{}?matching_attribute={attribute}", records_path::<T>()),
        Some(wire::encode_values(values)?),
        !writes_multiselect::<T>(Some(attribute)),
        wire::decode_record::<T>,
    )
    .declaring::<T>())
}

/// `GET /v2/objects/{slug}/records/{record_id}/attributes/{attribute}/values?show_historic=true`.
pub(crate) fn history<T: AttioObject, V: AttioValue>(
    id: &RecordId,
    attribute: &'static str,
) -> Result<Operation<Vec<WithMeta<V>>>> {
    Ok(Operation::read(
        Method::Get,
        history_path::<T>(&record_path::<T>(id), attribute)?,
        None,
        wire::decode_history::<V>,
    ))
}

/// `{base}/attributes/{attribute}/values?show_historic=true`, the value history of a record's or
/// an entry's attribute, once the slug is checked.
pub(super) fn history_path<T: AttioObject>(base: &str, attribute: &'static str) -> Result<String> {
    check_path_segment(attribute).map_err(|reason| {
        Error::InvalidInput(format!(
            "the attribute slug {attribute:?} of a value history on `{}` cannot be sent: {reason}",
            T::SLUG
        ))
    })?;
    Ok(format!(
        "{base}/attributes/{attribute}/values?show_historic=true"
    ))
}

/// `POST /v2/objects/{object}/records/merge`: merges `secondary` into `primary` (the primary's
/// values win), answered with the id of the **new** record the merge makes. Not repeatable: a
/// repeat finds both originals gone and is answered `404`.
pub(crate) fn merge(
    object: &str,
    primary: &RecordId,
    secondary: &RecordId,
) -> Result<Operation<RecordId>> {
    #[derive(serde::Deserialize)]
    struct Merged {
        new_record_id: RecordId,
    }
    fn decode(body: &[u8]) -> Result<RecordId, crate::error::DecodeError> {
        wire::decode_data::<Merged>(body).map(|m| m.new_record_id)
    }
    check_path_segment(object).map_err(|reason| {
        Error::InvalidInput(format!(
            "the object {object:?} of a merge cannot be sent: {reason}"
        ))
    })?;
    let body = super::data_body(&serde_json::json!({
        "primary_record_id": primary.as_str(),
        "secondary_record_id": secondary.as_str(),
    }))?;
    Ok(Operation::write(
        Method::Post,
        format!("/v2/objects/{object}/records/merge"),
        Some(body),
        false,
        decode,
    )
    .with_hint(super::ErrorHint {
        about: |code, _| *code == crate::error::ErrorCode::SelfMerge,
        render: |_, _| {
            "a record cannot be merged with itself: pass the record to keep as `primary` and its \
             duplicate as `secondary`"
                .into()
        },
        name: std::borrow::Cow::Borrowed(""),
        declared_by: None,
    })
    .with_hint(super::ErrorHint {
        about: |code, _| *code == crate::error::ErrorCode::NotFound,
        render: |object, _| {
            format!(
                "both records must exist in `{object}`; a record merged before is gone (a merge \
                 makes a new record): merge the record id the earlier merge returned"
            )
        },
        name: std::borrow::Cow::Owned(object.to_owned()),
        declared_by: None,
    }))
}

/// `GET /v2/objects/{object}/records/{record_id}`, the answer unread: whether the record can be
/// read (a merge's new record, while Attio applies the merge, cannot).
pub(crate) fn probe(object: &str, id: &RecordId) -> Operation<()> {
    Operation::read(
        Method::Get,
        format!("/v2/objects/{object}/records/{}", id.as_str()),
        None,
        wire::decode_nothing,
    )
}

/// `POST /v2/objects/{slug}/records/query` with `body`: a read. The page of an object's
/// `Query`, named by generated code.
pub fn query_page<T: AttioObject>(body: &Value) -> Operation<Vec<Record<T>>> {
    Operation::read(
        Method::Post,
        format!("{}/query", records_path::<T>()),
        // Serializing a `serde_json::Value` into a Vec cannot fail.
        Some(serde_json::to_vec(body).unwrap_or_default()),
        wire::decode_page::<T>,
    )
    .declaring::<T>()
}

/// `GET /v2/objects/{slug}/records/{record_id}`, decoded both as a `Record<T>` and as the raw
/// `values` object (every attribute's values as Attio returns them), to compare a write with.
pub(crate) fn get_with_values<T: AttioObject>(
    id: &RecordId,
) -> Operation<(Record<T>, serde_json::Map<String, Value>)> {
    fn decode<T: AttioObject>(
        body: &[u8],
    ) -> Result<(Record<T>, serde_json::Map<String, Value>), crate::error::DecodeError> {
        let record = wire::decode_record::<T>(body)?;
        let data: Value = wire::decode_data(body)?;
        let values = match data.get("values") {
            Some(Value::Object(values)) => values.clone(),
            _ => serde_json::Map::new(),
        };
        Ok((record, values))
    }
    Operation::read(Method::Get, record_path::<T>(id), None, decode::<T>).declaring::<T>()
}

/// `POST /v2/objects/{slug}/records/query` for the records whose (unique) attribute `slug` has
/// the value whose write form is `value`, by Attio's shorthand equality filter: a read.
pub(crate) fn find_by<T: AttioObject>(slug: &str, value: &Value) -> Operation<Vec<Record<T>>> {
    query_page::<T>(&serde_json::json!({"filter": {slug: value}, "limit": 2}))
}

/// A page of records, each with its raw `values` as Attio returned them.
pub(crate) type RawPage<T> = Vec<(Record<T>, serde_json::Map<String, Value>)>;

/// `POST /v2/objects/{slug}/records/query` for the records whose (unique, multi-valued)
/// attribute `slug` holds any of the values whose write forms are `values` (an `$or` of Attio's
/// shorthand equality filters), each record also as its raw `values`, to tell which record holds
/// which value: a read. At most one record holds each value, so the page has room for all.
pub(crate) fn find_holding<T: AttioObject>(slug: &str, values: &[Value]) -> Operation<RawPage<T>> {
    fn decode<T: AttioObject>(body: &[u8]) -> Result<RawPage<T>, crate::error::DecodeError> {
        let records = wire::decode_page::<T>(body)?;
        let raw: Vec<Value> = wire::decode_data(body)?;
        let values = raw.into_iter().map(|record| match record {
            Value::Object(mut record) => match record.remove("values") {
                Some(Value::Object(values)) => values,
                _ => serde_json::Map::new(),
            },
            _ => serde_json::Map::new(),
        });
        Ok(records.into_iter().zip(values).collect())
    }
    let filter = match values {
        [one] => serde_json::json!({ slug: one }),
        many => serde_json::json!({
            "$or": many.iter().map(|v| serde_json::json!({ slug: v })).collect::<Vec<_>>()
        }),
    };
    let body = serde_json::json!({"filter": filter, "limit": values.len() + 1});
    Operation::read(
        Method::Post,
        format!("{}/query", records_path::<T>()),
        // Serializing a `serde_json::Value` into a Vec cannot fail.
        Some(serde_json::to_vec(&body).unwrap_or_default()),
        decode::<T>,
    )
}

/// A change set's `PUT` of prepared `slug: write form` entries: repeatable.
pub(crate) fn put_entries<T: AttioObject>(
    id: &RecordId,
    entries: &[(&'static str, Value)],
) -> Operation<Record<T>> {
    Operation::write(
        Method::Put,
        record_path::<T>(id),
        Some(wire::entries_body(entries)),
        true,
        wire::decode_record::<T>,
    )
    .declaring::<T>()
}

/// A change set's `PATCH` of prepared entries; `appends` when one of them adds values to a
/// multiselect, which makes it not repeatable.
pub(crate) fn patch_entries<T: AttioObject>(
    id: &RecordId,
    entries: &[(&'static str, Value)],
    appends: bool,
) -> Operation<Record<T>> {
    Operation::write(
        Method::Patch,
        record_path::<T>(id),
        Some(wire::entries_body(entries)),
        !appends,
        wire::decode_record::<T>,
    )
    .declaring::<T>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[crate::attio_object(slug = "users")]
    struct Users {}

    #[crate::attio_object(slug = "people")]
    struct People {
        email_addresses: Vec<String>,
        name: Option<String>,
    }

    #[test]
    fn record_path_places_the_id_verbatim() {
        let id: RecordId = "72ef5feaf-4919-4208-b332-1339ab8ba040".parse().unwrap();
        let op = update(&Users {}, &id).unwrap();
        assert_eq!(op.method, Method::Patch);
        assert_eq!(
            op.path,
            "/v2/objects/users/records/72ef5feaf-4919-4208-b332-1339ab8ba040"
        );
        assert_eq!(op.body.as_deref(), Some(&br#"{"data":{"values":{}}}"#[..]));
        assert!(op.idempotent, "no multiselect fields");
        assert!(op.write);
    }

    #[test]
    fn idempotency_follows_the_table() {
        let id: RecordId = "r".parse().unwrap();
        let p = People {
            email_addresses: vec![],
            name: None,
        };
        assert!(!update(&p, &id).unwrap().idempotent, "PATCH appends");
        assert!(overwrite(&p, &id).unwrap().idempotent);
        assert!(!create(&p).unwrap().idempotent);
        assert!(
            assert(&p, "email_addresses").unwrap().idempotent,
            "the only multiselect is the matching one"
        );
        assert!(!assert(&p, "name").unwrap().idempotent);
        assert!(delete::<People>(&id).idempotent);
        let q = query_page::<People>(&serde_json::json!({}));
        assert!(!q.write && q.idempotent);
        assert!(!patch_entries::<People>(&id, &[], true).idempotent);
        assert!(patch_entries::<People>(&id, &[], false).idempotent);
        let err = assert(&p, "a/b").unwrap_err().to_string();
        assert!(
            err.contains("matching attribute \"a/b\"") && err.contains("nothing was sent"),
            "{err}"
        );
    }

    #[test]
    fn the_holders_of_unique_values_are_found_by_any_of_them() {
        let one = find_holding::<People>("email_addresses", &[serde_json::json!("a@b.com")]);
        assert_eq!(
            one.body.as_deref(),
            Some(&br#"{"filter":{"email_addresses":"a@b.com"},"limit":2}"#[..])
        );
        let two = find_holding::<People>(
            "email_addresses",
            &[serde_json::json!("a@b.com"), serde_json::json!("c@b.com")],
        );
        assert_eq!(
            two.body.as_deref(),
            Some(
                &br#"{"filter":{"$or":[{"email_addresses":"a@b.com"},{"email_addresses":"c@b.com"}]},"limit":3}"#[..]
            )
        );
        assert_eq!(two.path, "/v2/objects/people/records/query");
        assert!(!two.write && two.idempotent);
        let body = br#"{"data":[{"id":{"workspace_id":"w","object_id":"o","record_id":"r1"},"created_at":"2022-11-21T13:22:49.061281000Z",
            "values":{"email_addresses":["a@b.com"],"name":[]}}]}"#;
        // The typed record and its raw values side by side.
        let op = find_holding::<Users>("email_addresses", &[serde_json::json!("a@b.com")]);
        let page = (op.decode)(body).unwrap();
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].0.id.record_id.as_str(), "r1");
        assert_eq!(page[0].1["email_addresses"], serde_json::json!(["a@b.com"]));
    }
}
