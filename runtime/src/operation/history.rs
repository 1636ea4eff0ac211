//! Attribute-history writes: `PUT …/attributes/{attribute}/values` of a record or of a list
//! entry, which replaces the attribute's whole value history with the values sent, each with its
//! `active_from` and `active_until`. Repeatable: a repeat writes the same history again.

use super::records::history_path;
use super::{Method, Operation};
use crate::error::Result;
use crate::values::{AttioObject, EntryId, RecordId, WithMeta, WritableValue};
use crate::wire;

/// `PUT /v2/objects/{slug}/records/{record_id}/attributes/{attribute}/values`.
pub(crate) fn record<T: AttioObject, V: WritableValue>(
    id: &RecordId,
    attribute: &'static str,
    values: &[WithMeta<V>],
) -> Result<Operation<Vec<WithMeta<V>>>> {
    let base = format!("/v2/objects/{}/records/{}", T::SLUG, id.as_str());
    let what = format!("`{}.{attribute}` on the record {}", T::SLUG, id.as_str());
    put::<T, V>(&base, attribute, values, &what)
}

/// `PUT /v2/lists/{slug}/entries/{entry_id}/attributes/{attribute}/values`.
pub(crate) fn entry<T: AttioObject, V: WritableValue>(
    id: &EntryId,
    attribute: &'static str,
    values: &[WithMeta<V>],
) -> Result<Operation<Vec<WithMeta<V>>>> {
    let base = format!("/v2/lists/{}/entries/{}", T::SLUG, id.as_str());
    let what = format!("`{}.{attribute}` on the entry {}", T::SLUG, id.as_str());
    Ok(put::<T, V>(&base, attribute, values, &what)?.with_hint(super::lists::missing_list::<T>()))
}

fn put<T: AttioObject, V: WritableValue>(
    base: &str,
    attribute: &'static str,
    values: &[WithMeta<V>],
    what: &str,
) -> Result<Operation<Vec<WithMeta<V>>>> {
    let path = history_path::<T>(base, attribute)?;
    // The write's path has no query: `show_historic` is the read's.
    let path = path.trim_end_matches("?show_historic=true").to_owned();
    Ok(Operation::write(
        Method::Put,
        path,
        Some(wire::encode_history(values, what)?),
        true,
        wire::decode_history::<V>,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Timestamp;

    #[crate::attio_object(slug = "companies")]
    struct Company {
        name: String,
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_body_holds_each_value_with_its_interval() {
        let id: RecordId = "bf071e1f-6035-429d-b874-d83ea64ea13b".parse().unwrap();
        let values = [
            WithMeta::new("Acme (old name)".to_owned())
                .active_from(at("2020-01-01T00:00:00Z"))
                .active_until(at("2021-06-15T09:30:00Z")),
            WithMeta::new("Acme Corporation".to_owned()).active_from(at("2021-06-15T09:30:00Z")),
        ];
        let op = record::<Company, String>(&id, "name", &values).unwrap();
        assert_eq!(op.method, Method::Put);
        assert_eq!(
            op.path,
            "/v2/objects/companies/records/bf071e1f-6035-429d-b874-d83ea64ea13b/attributes/name/values"
        );
        assert!(op.write && op.idempotent);
        let body: serde_json::Value = serde_json::from_slice(op.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"data": {"values": [
                {"value": "Acme (old name)", "active_from": "2020-01-01T00:00:00.000000000Z", "active_until": "2021-06-15T09:30:00.000000000Z"},
                {"value": "Acme Corporation", "active_from": "2021-06-15T09:30:00.000000000Z", "active_until": null},
            ], "replace_history": true}})
        );
    }

    #[test]
    fn what_attio_would_refuse_is_refused_before_sending() {
        let id: EntryId = "e".parse().unwrap();
        let none: [WithMeta<String>; 0] = [];
        let err = entry::<Company, String>(&id, "name", &none).unwrap_err();
        assert!(err.to_string().contains("with 0 values"), "{err}");
        let undated = [WithMeta::new("x".to_owned())];
        let err = entry::<Company, String>(&id, "name", &undated).unwrap_err();
        assert!(err.to_string().contains("has no active_from"), "{err}");
        let backwards = [WithMeta::new("x".to_owned())
            .active_from(at("2021-01-01T00:00:00Z"))
            .active_until(at("2020-01-01T00:00:00Z"))];
        let err = entry::<Company, String>(&id, "name", &backwards).unwrap_err();
        assert!(err.to_string().contains("ends before it begins"), "{err}");
        let err = entry::<Company, String>(&id, "a/b", &backwards).unwrap_err();
        assert!(err.to_string().contains("cannot be sent"), "{err}");
    }
}
