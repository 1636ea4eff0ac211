//! List and entry operations: add an entry (`POST`), assert one by its parent (`PUT`), get,
//! update (`PATCH`), overwrite (`PUT`), delete, value history, a query page, a change set's
//! `PUT`/`PATCH`, a record's entries in every list; and the lists themselves: all, get, create,
//! update.
//!
//! # Which entry writes are safe to repeat
//!
//! As for records (see [`records`](super::records)): a `PUT` is, a `PATCH` is unless it writes a
//! multiselect (Attio appends its values), an add (`POST`) is not (a list may hold several entries
//! for one record), a delete is. An assert by parent overwrites multiselects and finds the entry
//! the first one created, so it is.

use std::borrow::Cow;

use serde_json::{Value, json};

use super::records::{history_path, writes_multiselect};
use super::{ErrorHint, Method, Operation, data_body};
use crate::error::{Error, ErrorCode, Result};
use crate::values::{
    AttioList, AttioObject, AttioValue, AttributeType, EntryId, RecordId, WithMeta,
    check_path_segment,
};
use crate::wire::schema::NewAttribute;
use crate::wire::{self, Entry, List, ListUpdate, NewList, RecordEntry};

/// Whether Attio's error is a `404 not_found` about a list (`List with slug/ID "x" not found.`,
/// or `Could not find list with slug/ID "x".`), not about an entry or a record the request names.
fn about_a_list(code: &ErrorCode, message: &str) -> bool {
    *code == ErrorCode::NotFound && message.to_ascii_lowercase().contains("list with slug/id")
}

/// The hint for a 404 about the list `list`, declared by the struct `declared_by` when the
/// request is typed.
fn missing_list_hint(list: &str, declared_by: Option<&'static str>) -> String {
    match declared_by {
        Some(ty) => format!(
            "The list `{list}` that `{ty}` describes does not exist, or the token cannot see it: \
             create it with `{ty}::create_list(&client, \"Name\")` (or \
             `client.create_list_of::<{ty}>(\"Name\")`), or, if it exists under another slug, \
             write that slug in `#[attio_list(slug = \"...\")]` (a list's slug is in its settings \
             in Attio's web app, and `client.lists()` returns every list the token can see)"
        ),
        None => format!(
            "No list that the token can see has the slug or id `{list}`: check it against \
             `client.lists()` (every list the token can see) or the list's settings in Attio's \
             web app, or create the list, with `client.create_list(&attio::NewList::new(\"Name\", \
             \"{list}\", \"companies\"))` or, for an #[attio_list] struct `T`, \
             `client.create_list_of::<T>(\"Name\")`"
        ),
    }
}

/// The hint for a 404 about the list that `T` (an `#[attio_list]` struct) describes.
pub(super) fn missing_list<T: AttioObject>() -> ErrorHint {
    let full = std::any::type_name::<T>();
    ErrorHint {
        about: about_a_list,
        render: missing_list_hint,
        name: Cow::Borrowed(T::SLUG),
        declared_by: Some(full.rsplit("::").next().unwrap_or(full)),
    }
}

/// The hint for a 404 about the list named `list` by the caller.
fn missing_named_list(list: &str) -> ErrorHint {
    ErrorHint {
        about: about_a_list,
        render: missing_list_hint,
        name: Cow::Owned(list.to_owned()),
        declared_by: None,
    }
}

/// Whether Attio's error is about the parent record an entry write names: `Parent record with
/// slug/ID "x" not found.` (`400 value_not_found`; a `404 not_found` is taken too).
fn about_the_parent(code: &ErrorCode, message: &str) -> bool {
    matches!(code, ErrorCode::ValueNotFound | ErrorCode::NotFound)
        && message
            .to_ascii_lowercase()
            .contains("parent record with slug/id")
}

/// The hint for a parent record Attio did not find among the records of `T`'s parent object.
///
/// Attio looks the id up among the parent object's records only, so a record of another object
/// (a company's id added to a list of deals) is "not found" although it exists. Which object it
/// belongs to would take a request per object to find out; the hint says where to look instead.
fn missing_parent_hint<T: AttioList>(_: &str, _: Option<&'static str>) -> String {
    let (list, list_ty) = (T::SLUG, T::NAME);
    let (object, ty) = (
        <T::Parent as AttioObject>::SLUG,
        <T::Parent as AttioObject>::NAME,
    );
    format!(
        "The entries of the list `{list}` (`{list_ty}`) have `{object}` records (`{ty}`) as their \
         parents, and Attio found no `{object}` record with this id: if the record exists, it is \
         another object's (a record id does not say which object it belongs to). Check that it is \
         a `{object}` record, e.g. with `{ty}::get(&client, &id)`, and pass the parent as the \
         `attio::Record<{ty}>` or `attio::Ref<{ty}>` read from `{object}`; an id made into a \
         `Ref<{ty}>` with `Ref::new` is not checked"
    )
}

/// The hint for a parent record of `T`'s entries that Attio did not find.
fn missing_parent<T: AttioList>() -> ErrorHint {
    ErrorHint {
        about: about_the_parent,
        render: missing_parent_hint::<T>,
        name: Cow::Borrowed(T::SLUG),
        declared_by: None,
    }
}

/// `/v2/lists/{list}/entries`.
fn entries_path<T: AttioObject>() -> String {
    format!("/v2/lists/{}/entries", T::SLUG)
}

/// `/v2/lists/{list}/entries/{entry_id}`; both parts are checked path segments.
fn entry_path<T: AttioObject>(id: &EntryId) -> String {
    format!("/v2/lists/{}/entries/{}", T::SLUG, id.as_str())
}

/// `POST /v2/lists/{list}/entries`: a new entry for `parent`.
pub(crate) fn add<T: AttioList>(values: &T, parent: &RecordId) -> Result<Operation<Entry<T>>> {
    Ok(Operation::write(
        Method::Post,
        entries_path::<T>(),
        Some(wire::encode_entry(values, Some(parent))?),
        false,
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>())
    .with_hint(missing_parent::<T>()))
}

/// `PUT /v2/lists/{list}/entries`: the entry of `parent`, created or overwritten.
pub(crate) fn assert_by_parent<T: AttioList>(
    values: &T,
    parent: &RecordId,
) -> Result<Operation<Entry<T>>> {
    Ok(Operation::write(
        Method::Put,
        entries_path::<T>(),
        Some(wire::encode_entry(values, Some(parent))?),
        true,
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>())
    .with_hint(missing_parent::<T>()))
}

/// `GET /v2/lists/{list}/entries/{entry_id}`.
pub(crate) fn get<T: AttioObject>(id: &EntryId) -> Operation<Entry<T>> {
    Operation::read(
        Method::Get,
        entry_path::<T>(id),
        None,
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>())
}

/// `GET /v2/lists/{list}/entries/{entry_id}`, decoded both as an `Entry<T>` and as the raw
/// `entry_values` object, to compare a write with.
pub(crate) fn get_with_values<T: AttioObject>(
    id: &EntryId,
) -> Operation<(Entry<T>, serde_json::Map<String, Value>)> {
    fn decode<T: AttioObject>(
        body: &[u8],
    ) -> std::result::Result<(Entry<T>, serde_json::Map<String, Value>), crate::error::DecodeError>
    {
        let entry = wire::decode_entry::<T>(body)?;
        let data: Value = wire::decode_data(body)?;
        let values = match data.get("entry_values") {
            Some(Value::Object(values)) => values.clone(),
            _ => serde_json::Map::new(),
        };
        Ok((entry, values))
    }
    Operation::read(Method::Get, entry_path::<T>(id), None, decode::<T>).declaring::<T>()
}

/// `PATCH /v2/lists/{list}/entries/{entry_id}` with the struct's values.
pub(crate) fn update<T: AttioList>(values: &T, id: &EntryId) -> Result<Operation<Entry<T>>> {
    Ok(Operation::write(
        Method::Patch,
        entry_path::<T>(id),
        Some(wire::encode_entry(values, None)?),
        !writes_multiselect::<T>(None),
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>()))
}

/// `PUT /v2/lists/{list}/entries/{entry_id}` with the struct's values.
pub(crate) fn overwrite<T: AttioList>(values: &T, id: &EntryId) -> Result<Operation<Entry<T>>> {
    Ok(Operation::write(
        Method::Put,
        entry_path::<T>(id),
        Some(wire::encode_entry(values, None)?),
        true,
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>()))
}

/// `DELETE /v2/lists/{list}/entries/{entry_id}`.
pub(crate) fn delete<T: AttioObject>(id: &EntryId) -> Operation<()> {
    Operation::write(
        Method::Delete,
        entry_path::<T>(id),
        None,
        true,
        wire::decode_nothing,
    )
    .with_hint(missing_list::<T>())
}

/// `GET /v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values?show_historic=true`.
pub(crate) fn history<T: AttioObject, V: AttioValue>(
    id: &EntryId,
    attribute: &'static str,
) -> Result<Operation<Vec<WithMeta<V>>>> {
    Ok(Operation::read(
        Method::Get,
        history_path::<T>(&entry_path::<T>(id), attribute)?,
        None,
        wire::decode_history::<V>,
    )
    .with_hint(missing_list::<T>()))
}

/// `POST /v2/lists/{list}/entries/query` with `body`: a read. The page of a list's `Query`,
/// named by generated code.
pub fn query_page<T: AttioObject>(body: &Value) -> Operation<Vec<Entry<T>>> {
    Operation::read(
        Method::Post,
        format!("{}/query", entries_path::<T>()),
        // Serializing a `serde_json::Value` into a Vec cannot fail.
        Some(serde_json::to_vec(body).unwrap_or_default()),
        wire::decode_entry_page::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>())
}

/// A change set's `PUT` of prepared `slug: write form` entry values: repeatable.
pub(crate) fn put_values<T: AttioObject>(
    id: &EntryId,
    values: &[(&'static str, Value)],
) -> Operation<Entry<T>> {
    Operation::write(
        Method::Put,
        entry_path::<T>(id),
        Some(wire::keyed_entries_body("entry_values", values)),
        true,
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>())
}

/// A change set's `PATCH` of prepared entry values; not repeatable when it `appends`.
pub(crate) fn patch_values<T: AttioObject>(
    id: &EntryId,
    values: &[(&'static str, Value)],
    appends: bool,
) -> Operation<Entry<T>> {
    Operation::write(
        Method::Patch,
        entry_path::<T>(id),
        Some(wire::keyed_entries_body("entry_values", values)),
        !appends,
        wire::decode_entry::<T>,
    )
    .declaring::<T>()
    .with_hint(missing_list::<T>())
}

/// `GET /v2/objects/{object}/records/{record_id}/entries?limit=&offset=`: one page of a record's
/// entries in every list, in the short form.
pub(crate) fn record_entries<P: AttioObject>(
    id: &RecordId,
    limit: usize,
    offset: usize,
) -> Operation<Vec<RecordEntry>> {
    Operation::read(
        Method::Get,
        format!(
            "/v2/objects/{}/records/{}/entries?limit={limit}&offset={offset}",
            P::SLUG,
            id.as_str()
        ),
        None,
        wire::decode_data::<Vec<RecordEntry>>,
    )
}

/// A list named by its slug or id, checked to be a path segment.
fn list_path(list: &str) -> Result<String> {
    check_path_segment(list).map_err(|reason| {
        Error::InvalidInput(format!(
            "the list {list:?} cannot be named in a path: {reason}"
        ))
    })?;
    Ok(format!("/v2/lists/{list}"))
}

/// `GET /v2/lists`: every list the token can see (not paginated).
pub(crate) fn lists() -> Operation<Vec<List>> {
    Operation::read(Method::Get, "/v2/lists".into(), None, wire::decode_data)
}

/// `GET /v2/lists/{list}`.
pub(crate) fn get_list(list: &str) -> Result<Operation<List>> {
    Ok(
        Operation::read(Method::Get, list_path(list)?, None, wire::decode_data)
            .with_hint(missing_named_list(list)),
    )
}

/// `GET /v2/lists/{list}` for the list `T` describes: a 404's hint names `T`.
pub(crate) fn list_of<T: AttioList>() -> Result<Operation<List>> {
    Ok(get_list(T::SLUG)?.with_hint(missing_list::<T>()))
}

/// `POST /v2/lists`: not repeatable (a repeat meets `slug_conflict`).
pub(crate) fn create_list(new: &NewList) -> Result<Operation<List>> {
    Ok(Operation::write(
        Method::Post,
        "/v2/lists".into(),
        Some(data_body(new)?),
        false,
        wire::decode_data,
    ))
}

/// `PATCH /v2/lists/{list}`: repeatable (it sets what it names).
pub(crate) fn update_list(list: &str, update: &ListUpdate) -> Result<Operation<List>> {
    if update.is_empty() {
        return Err(Error::InvalidInput(format!(
            "the update of the list {list:?} changes nothing (Attio refuses an empty update): set a name, slug or access, e.g. ListUpdate::new().name(\"Pipeline\")"
        )));
    }
    Ok(Operation::write(
        Method::Patch,
        list_path(list)?,
        Some(data_body(update)?),
        true,
        wire::decode_data,
    )
    .with_hint(missing_named_list(list)))
}

/// `POST /v2/lists/{list}/attributes`: a list attribute of `attribute_type` (with Attio's
/// required fields; a currency attribute defaults to USD). A record-reference attribute needs the
/// objects its records may belong to (`allowed_objects`, slugs or ids; Attio's
/// `config.record_reference.allowed_objects`), and no other type takes any. Not repeatable
/// (`slug_conflict`).
pub(crate) fn create_attribute<T: AttioObject>(
    slug: &'static str,
    title: &str,
    attribute_type: &AttributeType,
    multiselect: bool,
    allowed_objects: &[&str],
) -> Result<Operation<()>> {
    check_path_segment(slug).map_err(|reason| {
        Error::InvalidInput(format!(
            "the attribute slug {slug:?} cannot be sent: {reason}"
        ))
    })?;
    if *attribute_type == AttributeType::RecordReference {
        if allowed_objects.is_empty() {
            let full = std::any::type_name::<T>();
            let ty = full.rsplit("::").next().unwrap_or(full);
            let field = T::FIELDS
                .iter()
                .find(|f| f.slug == slug)
                .map_or(slug, |f| f.name);
            return Err(Error::InvalidInput(format!(
                "the record-reference attribute `{slug}` of the list `{}` needs the objects its records may belong to, which Attio requires and an `attio::RecordReference` field does not say: name them, e.g. `client.create_list_reference_attribute({ty}::fields().{field}(), {title:?}, [\"companies\"])`, or declare the field as `attio::Ref<T>`, where T is the #[attio_object] struct of the object, and `create_list_attribute` sends T's object",
                T::SLUG
            )));
        }
        if let Some(bad) = allowed_objects
            .iter()
            .find(|o| check_path_segment(o).is_err())
        {
            return Err(Error::InvalidInput(format!(
                "the allowed object {bad:?} of the attribute `{slug}` is not an object's slug or id"
            )));
        }
    } else if !allowed_objects.is_empty() {
        return Err(Error::InvalidInput(format!(
            "the attribute `{slug}` of the list `{}` is of type {attribute_type}, which references no records: only a record-reference attribute takes allowed objects",
            T::SLUG
        )));
    }
    // The body, with Attio's required keys and a currency's default, is the schema API's.
    let new = NewAttribute::new(slug, title, attribute_type.clone())
        .multiselect(multiselect)
        .allowed_objects(allowed_objects.iter().copied());
    if let Some(problem) = new.problem() {
        return Err(Error::InvalidInput(problem));
    }
    Ok(Operation::write(
        Method::Post,
        format!("/v2/lists/{}/attributes", T::SLUG),
        Some(data_body(&new)?),
        false,
        wire::decode_nothing,
    )
    .with_hint(missing_list::<T>()))
}

/// `POST /v2/lists/{list}/attributes/{attribute}/statuses` (for a status attribute) or
/// `…/options` (for a select): a new status or option titled `title`. Not repeatable.
pub(crate) fn create_choice<T: AttioObject>(
    slug: &'static str,
    attribute_type: &AttributeType,
    title: &str,
) -> Result<Operation<()>> {
    let kind = match attribute_type {
        AttributeType::Status => "statuses",
        AttributeType::Select => "options",
        other => {
            return Err(Error::InvalidInput(format!(
                "the attribute `{slug}` of the list `{}` is of type {other}, which has no options or statuses: create them on a select or status attribute",
                T::SLUG
            )));
        }
    };
    check_path_segment(slug).map_err(|reason| {
        Error::InvalidInput(format!(
            "the attribute slug {slug:?} cannot be sent: {reason}"
        ))
    })?;
    Ok(Operation::write(
        Method::Post,
        format!("/v2/lists/{}/attributes/{slug}/{kind}", T::SLUG),
        Some(data_body(&json!({ "title": title }))?),
        false,
        wire::decode_nothing,
    )
    .with_hint(missing_list::<T>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[crate::attio_object(slug = "companies")]
    struct Company {
        name: String,
    }

    #[crate::attio_list(slug = "sales", parent = Company)]
    struct Sales {
        stage: Option<String>,
        tags: Vec<String>,
    }

    #[test]
    fn paths_bodies_and_idempotency() {
        let parent: RecordId = "r1".parse().unwrap();
        let id: EntryId = "e1".parse().unwrap();
        let v = Sales {
            stage: Some("Lead".into()),
            tags: vec![],
        };
        let add = add(&v, &parent).unwrap();
        assert_eq!(
            (add.method, add.path.as_str()),
            (Method::Post, "/v2/lists/sales/entries")
        );
        assert!(!add.idempotent && add.write);
        assert_eq!(
            add.body.as_deref(),
            Some(&br#"{"data":{"parent_record_id":"r1","parent_object":"companies","entry_values":{"stage":"Lead","tags":[]}}}"#[..])
        );
        let put = assert_by_parent(&v, &parent).unwrap();
        assert_eq!((put.method, put.idempotent), (Method::Put, true));
        let patch = update(&v, &id).unwrap();
        assert_eq!(patch.path, "/v2/lists/sales/entries/e1");
        assert!(!patch.idempotent, "PATCH appends to tags");
        assert!(overwrite(&v, &id).unwrap().idempotent);
        assert!(delete::<Sales>(&id).idempotent);
        let h = history::<Sales, String>(&id, "stage").unwrap();
        assert_eq!(
            h.path,
            "/v2/lists/sales/entries/e1/attributes/stage/values?show_historic=true"
        );
        let q = query_page::<Sales>(&serde_json::json!({}));
        assert_eq!(q.path, "/v2/lists/sales/entries/query");
        assert!(!q.write);
        let r = record_entries::<Company>(&parent, 100, 0);
        assert_eq!(
            r.path,
            "/v2/objects/companies/records/r1/entries?limit=100&offset=0"
        );
        assert!(update_list("sales", &ListUpdate::new()).is_err());
        assert!(get_list("a/b").is_err());
        assert_eq!(
            patch_values::<Sales>(&id, &[("stage", "Won".into())], false)
                .body
                .as_deref(),
            Some(&br#"{"data":{"entry_values":{"stage":"Won"}}}"#[..])
        );
    }

    fn body(op: &Operation<()>) -> Value {
        serde_json::from_slice(op.body.as_deref().unwrap_or_default()).unwrap()
    }

    #[test]
    fn record_reference_attributes_send_their_allowed_objects() {
        let op = create_attribute::<Sales>(
            "champion",
            "Champion",
            &AttributeType::RecordReference,
            false,
            &["people"],
        )
        .unwrap();
        assert_eq!(op.path, "/v2/lists/sales/attributes");
        assert_eq!(
            body(&op)["data"]["config"],
            json!({"record_reference": {"allowed_objects": ["people"]}})
        );
        let op = create_attribute::<Sales>("n", "N", &AttributeType::Text, false, &[]).unwrap();
        assert_eq!(body(&op)["data"]["config"], json!({}));
        let refused = [
            create_attribute::<Sales>("r", "R", &AttributeType::RecordReference, false, &[]),
            create_attribute::<Sales>("r", "R", &AttributeType::RecordReference, true, &["a/b"]),
            create_attribute::<Sales>("n", "N", &AttributeType::Text, false, &["people"]),
        ];
        for op in refused {
            assert!(matches!(op, Err(Error::InvalidInput(_))), "{op:?}");
        }
    }

    fn not_found(message: &str) -> Error {
        let body = json!({"status_code": 404, "type": "invalid_request_error", "code": "not_found", "message": message});
        Error::Api(serde_json::from_value(body).unwrap())
    }

    fn hint(e: &Error) -> Option<&str> {
        match e {
            Error::Api(e) => e.hint(),
            _ => None,
        }
    }

    #[test]
    fn a_404_about_the_list_gets_a_hint_and_one_about_an_entry_does_not() {
        let id: EntryId = "e1".parse().unwrap();
        let op = get::<Sales>(&id);
        let e = op.explain(not_found("List with slug/ID \"sales\" not found."));
        let text = hint(&e).unwrap();
        assert!(
            text.contains("`sales`") && text.contains("Sales::create_list(&client"),
            "{text}"
        );
        let e = add(
            &Sales {
                stage: None,
                tags: vec![],
            },
            &"r".parse().unwrap(),
        )
        .unwrap()
        .explain(not_found("Could not find list with slug/ID \"sales\"."));
        assert!(hint(&e).is_some());
        assert_eq!(
            hint(&op.explain(not_found("Entry with ID \"e1\" not found."))),
            None
        );
        let e = get_list("nope")
            .unwrap()
            .explain(not_found("List with slug/ID \"nope\" not found."));
        assert!(
            e.to_string()
                .contains("No list that the token can see has the slug or id `nope`"),
            "{e}"
        );
        // The struct's hint is added over the named list's, and wins.
        let e = list_of::<Sales>()
            .unwrap()
            .explain(not_found("List with slug/ID \"sales\" not found."));
        assert!(hint(&e).unwrap().contains("Sales::create_list(&client"));
        // Other errors pass through untouched.
        let e = op.explain(Error::InvalidInput("x".into()));
        assert!(matches!(e, Error::InvalidInput(_)));
    }

    #[test]
    fn a_parent_record_not_found_says_which_object_it_was_looked_for_in() {
        let parent: RecordId = "c1".parse().unwrap();
        let v = Sales {
            stage: None,
            tags: vec![],
        };
        let message = "Parent record with slug/ID \"c1\" not found.";
        let body = json!({"status_code": 400, "type": "invalid_request_error", "code": "value_not_found", "message": message});
        for op in [
            add(&v, &parent).unwrap(),
            assert_by_parent(&v, &parent).unwrap(),
        ] {
            let e = op.explain(Error::Api(serde_json::from_value(body.clone()).unwrap()));
            let text = hint(&e).unwrap();
            assert!(
                text.contains("`sales` (`Sales`)")
                    && text.contains("`companies` records (`Company`)")
                    && text.contains("another object's")
                    && text.contains("Company::get(&client, &id)"),
                "{text}"
            );
            // The list hint still answers for the list.
            let e = op.explain(not_found("List with slug/ID \"sales\" not found."));
            assert!(hint(&e).unwrap().contains("Sales::create_list"));
        }
        // Another value_not_found (an unknown option, say) gets no parent hint.
        let other = json!({"status_code": 400, "type": "invalid_request_error", "code": "value_not_found", "message": "Cannot find select option with title \"Nope\"."});
        let e = add(&v, &parent)
            .unwrap()
            .explain(Error::Api(serde_json::from_value(other).unwrap()));
        assert_eq!(hint(&e), None);
    }
}
