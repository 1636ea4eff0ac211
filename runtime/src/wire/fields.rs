//! The per-field encode and decode steps that `#[attio_object]`'s generated impl calls (they are
//! re-exported for generated code): written once here, generic over the field's type.

use std::marker::PhantomData;

use serde::Serialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess};
use serde::ser::{SerializeMap, Serializer};

use crate::values::{AttioField, FieldError, WritableField};

use super::json_path;

/// Writes `slug: <write form>` when the field has something to send.
#[inline]
pub fn encode_field<M: SerializeMap, F: WritableField>(
    map: &mut M,
    slug: &'static str,
    field: &F,
) -> std::result::Result<(), M::Error> {
    if field.is_absent() {
        return Ok(());
    }
    map.serialize_entry(slug, &FieldWrite(field))
}

struct FieldWrite<'a, F>(&'a F);

impl<F: WritableField> Serialize for FieldWrite<'_, F> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.encode(s)
    }
}

/// Reads one attribute's array of value objects into `slot`, refusing a second occurrence.
#[inline]
pub fn read_field<'de, A: MapAccess<'de>, F: AttioField>(
    map: &mut A,
    slot: &mut Option<F>,
    slug: &'static str,
) -> std::result::Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::custom(format_args!(
            "the attribute `{slug}` appears twice"
        )));
    }
    *slot = Some(map.next_value_seed(FieldSeed::<F>(PhantomData, slug))?);
    Ok(())
}

/// Skips the value of an attribute the struct does not declare.
#[inline]
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> std::result::Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

struct FieldSeed<F>(PhantomData<F>, &'static str);

impl<'de, F: AttioField> DeserializeSeed<'de> for FieldSeed<F> {
    type Value = F;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<F, D::Error> {
        let values = F::decode_values(d)?;
        F::from_values(values).map_err(|message| {
            json_path::note_failed_attribute(self.1);
            de::Error::custom(message)
        })
    }
}

/// The field's value once every key is read: what was read, or its value when the response does
/// not mention the attribute.
#[inline]
pub fn finish_field<F: AttioField, E: de::Error>(
    slot: Option<F>,
    slug: &'static str,
) -> std::result::Result<F, E> {
    match slot {
        Some(v) => Ok(v),
        None => F::absent().ok_or_else(|| {
            json_path::note_failed_attribute(slug);
            de::Error::custom(format_args!("the record has no attribute `{slug}`"))
        }),
    }
}

/// Checks one writable field, naming it in the error.
#[inline]
pub fn validate_field<F: WritableField>(
    object: &'static str,
    field: &'static str,
    attribute: &'static str,
    value: &F,
) -> Result<(), FieldError> {
    value
        .validate()
        .map_err(|source| FieldError::new(object, field, attribute, source))
}

/// A compile-time check that a field's type can be written (its error names the field's type).
pub const fn assert_writable<F: WritableField>() {}

/// A compile-time check that a field's type can be read.
pub const fn assert_readable<F: AttioField>() {}

/// A compile-time check that a field's type can be a list's attribute (its error names the
/// field's type).
pub const fn assert_list_field<F: AttioField<Value: crate::values::ListValue>>() {}
