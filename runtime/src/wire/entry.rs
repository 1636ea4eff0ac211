//! List entries as Attio returns them: [`Entry<T>`] and its ids, decoded in one pass; a record's
//! entries in every list, in the short form Attio gives them ([`RecordEntry`]); and the write
//! bodies of entries.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::record::ValuesSeed;
use crate::values::{AttioObject, EntryId, Key, ListId, RecordId, Timestamp, WorkspaceId};

/// The three ids that identify an entry: its workspace, its list, and the entry itself.
///
/// ```
/// let json = r#"{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0","entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156"}"#;
/// let id: attio::EntryIdentifier = serde_json::from_str(json).unwrap();
/// assert_eq!(id.entry_id.as_str(), "2e6e29ea-c4e0-4f44-842d-78a891f8c156");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntryIdentifier {
    /// The workspace the entry belongs to.
    pub workspace_id: WorkspaceId,
    /// The list the entry is in.
    pub list_id: ListId,
    /// The entry.
    pub entry_id: EntryId,
}

/// An entry of a list described by `T` (an `#[attio_list]` struct), as Attio returns it: which
/// record it is about (`parent_record_id`, of the object `parent_object`) and the list's own
/// attribute values (`values`; the parent record's values are not part of an entry).
///
/// ```
/// #[attio::attio_object(slug = "companies")]
/// struct Company { name: String }
///
/// #[attio::attio_list(slug = "sales_pipeline", parent = Company)]
/// struct SalesEntry { stage: attio::Status }
///
/// fn show(entry: &attio::Entry<SalesEntry>) {
///     println!("{} is at {} for company {}", entry.id.entry_id, entry.values.stage, entry.parent_record_id);
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Entry<T> {
    /// The entry's ids.
    pub id: EntryIdentifier,
    /// The record the entry is about.
    pub parent_record_id: RecordId,
    /// The slug (or id) of the parent record's object. Attio writes it as a string in an entry,
    /// and as an array of one where a list names its parent; both are read.
    pub parent_object: String,
    /// When the entry was created.
    pub created_at: Timestamp,
    /// The list's attribute values of the entry, as the struct declares them.
    pub values: T,
}

impl<'de, T: AttioObject> Deserialize<'de> for Entry<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor<T>(PhantomData<T>);

        impl<'de, T: AttioObject> Visitor<'de> for EntryVisitor<T> {
            type Value = Entry<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an entry of the Attio list `{}`", T::SLUG)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut id = None;
                let mut parent_record_id = None;
                let mut parent_object: Option<ParentObjects> = None;
                let mut created_at = None;
                let mut values = None;
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "id" => id = Some(map.next_value()?),
                        "parent_record_id" => parent_record_id = Some(map.next_value()?),
                        "parent_object" => parent_object = Some(map.next_value()?),
                        "created_at" => created_at = Some(map.next_value()?),
                        "entry_values" => {
                            values = Some(map.next_value_seed(ValuesSeed::<T>::new())?)
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let parent_object = parent_object
                    .ok_or_else(|| de::Error::missing_field("parent_object"))?
                    .0
                    .into_iter()
                    .next()
                    .ok_or_else(|| de::Error::custom("`parent_object` names no object"))?;
                Ok(Entry {
                    id: id.ok_or_else(|| de::Error::missing_field("id"))?,
                    parent_record_id: parent_record_id
                        .ok_or_else(|| de::Error::missing_field("parent_record_id"))?,
                    parent_object,
                    created_at: created_at.ok_or_else(|| de::Error::missing_field("created_at"))?,
                    values: values.ok_or_else(|| de::Error::missing_field("entry_values"))?,
                })
            }
        }

        d.deserialize_map(EntryVisitor(PhantomData))
    }
}

/// `parent_object` as Attio writes it: a string (in an entry, and on create) or an array of
/// strings (in a list, where legacy lists may have several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParentObjects(pub(crate) Vec<String>);

impl<'de> Deserialize<'de> for ParentObjects {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ParentObjects;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object slug, or an array of object slugs")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ParentObjects, E> {
                Ok(ParentObjects(vec![s.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ParentObjects, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(ParentObjects(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// One of a record's entries, in the short form of `GET
/// /v2/objects/{object}/records/{record_id}/entries`: which list, which entry, and when it was
/// created (not the entry's values: read those with the list's `get`).
///
/// ```
/// let json = r#"{"list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0","list_api_slug":"sales_pipeline","entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156","created_at":"2022-11-21T13:22:49.061281000Z"}"#;
/// let entry: attio::RecordEntry = serde_json::from_str(json).unwrap();
/// assert_eq!(entry.list_api_slug, "sales_pipeline");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordEntry {
    /// The list the entry is in.
    pub list_id: ListId,
    /// The list's api slug.
    pub list_api_slug: String,
    /// The entry.
    pub entry_id: EntryId,
    /// When the entry was created.
    pub created_at: Timestamp,
}

/// The write body of an entry: `{"data": {"entry_values": {...}}}`, preceded on a create or an
/// assert by the parent (`parent_record_id`, `parent_object`). Nothing is validated.
pub(crate) struct EntryBody<'a, T> {
    pub(crate) parent: Option<&'a RecordId>,
    pub(crate) parent_object: &'static str,
    pub(crate) values: &'a T,
}

impl<T: AttioObject> Serialize for EntryBody<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Data<'b, 'a, T>(&'b EntryBody<'a, T>);
        impl<T: AttioObject> Serialize for Data<'_, '_, T> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut data = s.serialize_map(None)?;
                if let Some(parent) = self.0.parent {
                    data.serialize_entry("parent_record_id", parent)?;
                    data.serialize_entry("parent_object", self.0.parent_object)?;
                }
                data.serialize_entry("entry_values", &super::Values(self.0.values))?;
                data.end()
            }
        }
        let mut outer = s.serialize_map(Some(1))?;
        outer.serialize_entry("data", &Data(self))?;
        outer.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[crate::attio_object(slug = "companies")]
    #[derive(Debug, PartialEq)]
    struct Company {
        name: String,
    }

    #[crate::attio_list(slug = "sales", parent = Company)]
    #[derive(Debug, PartialEq)]
    struct Sales {
        stage: Option<String>,
    }

    const ENTRY: &str = r#"{"data":{"id":{"workspace_id":"w","list_id":"l","entry_id":"e"},
        "parent_record_id":"r","parent_object":PARENT,"created_at":"2022-11-21T13:22:49.061281000Z",
        "entry_values":{"stage":[{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,
            "created_by_actor":{"type":"system","id":null},"attribute_type":"text","value":"Lead"}],
            "created_at":[]}}}"#;

    #[test]
    fn parent_object_is_read_as_a_string_or_an_array() {
        for parent in [r#""companies""#, r#"["companies"]"#] {
            let body = ENTRY.replace("PARENT", parent);
            let entry = crate::wire::decode_entry::<Sales>(body.as_bytes()).unwrap();
            assert_eq!(entry.parent_object, "companies");
            assert_eq!(entry.parent_record_id.as_str(), "r");
            assert_eq!(entry.id.entry_id.as_str(), "e");
            assert_eq!(entry.values.stage.as_deref(), Some("Lead"));
        }
        let body = ENTRY.replace("PARENT", "[]");
        let err = crate::wire::decode_entry::<Sales>(body.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("names no object"), "{err}");
    }

    #[test]
    fn a_wrong_entry_value_names_the_field() {
        let body = ENTRY
            .replace("PARENT", r#""companies""#)
            .replace(r#""value":"Lead""#, r#""value":7"#);
        let err = crate::wire::decode_entry::<Sales>(body.as_bytes()).unwrap_err();
        assert_eq!(err.path(), "data.entry_values.stage[0].value");
        assert!(err.to_string().contains("Sales"), "{err}");
    }

    #[test]
    fn write_bodies() {
        let values = Sales {
            stage: Some("Won".into()),
        };
        let parent: RecordId = "r1".parse().unwrap();
        let create = EntryBody {
            parent: Some(&parent),
            parent_object: "companies",
            values: &values,
        };
        assert_eq!(
            serde_json::to_string(&create).unwrap(),
            r#"{"data":{"parent_record_id":"r1","parent_object":"companies","entry_values":{"stage":"Won"}}}"#
        );
        let update = EntryBody {
            parent: None,
            parent_object: "companies",
            values: &values,
        };
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            r#"{"data":{"entry_values":{"stage":"Won"}}}"#
        );
    }
}
