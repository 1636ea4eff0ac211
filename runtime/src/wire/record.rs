//! Records as Attio returns them: [`Record<T>`] and its ids, decoded in one pass.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::values::{
    AttioList, AttioObject, FromInput, Key, ParentOf, RecordId, RecordObject, Ref, Timestamp, Token,
};

/// The three ids that identify a record: its workspace, its object (or its activity, for an
/// activity's record), and the record itself.
///
/// ```
/// let json = r#"{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}"#;
/// let id: attio::RecordIdentifier = serde_json::from_str(json).unwrap();
/// assert_eq!(id.record_id.as_str(), "bf071e1f-6035-429d-b874-d83ea64ea13b");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordIdentifier {
    /// The workspace the record belongs to.
    pub workspace_id: String,
    /// The object the record belongs to; for an activity record, the activity (Attio's
    /// `activity_id`).
    #[serde(alias = "activity_id")]
    pub object_id: String,
    /// The record.
    pub record_id: RecordId,
}

/// A record of an object described by `T`, as Attio returns it.
///
/// ```
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     user_id: String,
/// }
///
/// fn show(record: &attio::Record<User>) {
///     println!("{} created {} has user_id {}", record.id.record_id, record.created_at, record.values.user_id);
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Record<T> {
    /// The record's ids.
    pub id: RecordIdentifier,
    /// When the record was created.
    pub created_at: Timestamp,
    /// The record's page in Attio's web app, when the response includes it.
    pub web_url: Option<String>,
    /// The record's attribute values, as the struct declares them.
    pub values: T,
}

impl<'de, T: AttioObject> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RecordVisitor<T>(PhantomData<T>);

        impl<'de, T: AttioObject> Visitor<'de> for RecordVisitor<T> {
            type Value = Record<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an Attio `{}` record", T::SLUG)
            }

            // Only `values` depends on `T`: the loop over the keys and the record's own fields
            // are `read_record`'s, compiled once per map type rather than once per struct (a
            // user's build instantiates this for each struct); `T`'s part is the callback.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut values = None;
                let (id, created_at, web_url) = read_record(&mut map, &mut |map: &mut A| {
                    values = Some(map.next_value_seed(ValuesSeed::<T>(PhantomData))?);
                    Ok(())
                })?;
                match values {
                    Some(values) => Ok(Record {
                        id,
                        created_at,
                        web_url,
                        values,
                    }),
                    None => Err(de::Error::missing_field("values")),
                }
            }
        }

        d.deserialize_map(RecordVisitor(PhantomData))
    }
}

/// Reads a record's map: its own fields (an unknown key is skipped), and `values` through
/// `values`, which reads that key's value. The record's id, creation time and web URL, or the
/// first required one missing.
fn read_record<'de, A: MapAccess<'de>>(
    map: &mut A,
    values: &mut dyn FnMut(&mut A) -> Result<(), A::Error>,
) -> Result<(RecordIdentifier, Timestamp, Option<String>), A::Error> {
    let (mut id, mut created_at, mut web_url) = (None, None, None);
    while let Some(key) = map.next_key::<Key<'de>>()? {
        match key.as_str() {
            "id" => id = Some(map.next_value()?),
            "created_at" => created_at = Some(map.next_value()?),
            "web_url" => web_url = map.next_value()?,
            "values" => values(map)?,
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    match (id, created_at) {
        (Some(id), Some(created_at)) => Ok((id, created_at, web_url)),
        (None, _) => Err(de::Error::missing_field("id")),
        (_, None) => Err(de::Error::missing_field("created_at")),
    }
}

/// Decodes a record's `values` (or an entry's `entry_values`) object as `T`.
pub(crate) struct ValuesSeed<T>(PhantomData<T>);

impl<T> ValuesSeed<T> {
    pub(crate) fn new() -> Self {
        ValuesSeed(PhantomData)
    }
}

impl<'de, T: AttioObject> DeserializeSeed<'de> for ValuesSeed<T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: AttioObject> Visitor<'de> for ValuesSeed<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the values of a `{}` record", T::SLUG)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::decode_values(map)
    }
}

/// The reference to `record`.
impl<T: RecordObject> From<&Record<T>> for Ref<T> {
    fn from(record: &Record<T>) -> Self {
        Ref::new(record.id.record_id.clone())
    }
}

/// A record of the list's parent object, read from Attio: the parent of an entry added for it.
///
/// ```no_run
/// use attio::prelude::*;
/// # #[attio::attio_object(slug = "companies")] struct Company { name: String }
/// # #[attio::attio_list(slug = "sales_pipeline", parent = Company)] struct SalesEntry { stage: Option<attio::Status> }
/// # async fn run(client: attio::Client) -> attio::Result<()> {
/// let acme = Company { name: "Acme".into() }.create(&client).await?;
/// SalesEntry { stage: None }.add(&client, &acme).await?;
/// # Ok(()) }
/// ```
impl<L, P> ParentOf<L, P> for Record<P>
where
    L: AttioList<Parent = P>,
    P: RecordObject,
{
    fn parent_record_id(&self) -> Option<&RecordId> {
        Some(&self.id.record_id)
    }
}

/// A change set's `set_<field>` / `append_<field>` on a `Ref<T>` field takes a `&Record<T>`.
impl<T: RecordObject> FromInput<&Record<T>> for Ref<T> {
    #[inline]
    fn from_input(record: &Record<T>, _: Token) -> Self {
        Ref::from(record)
    }
}
