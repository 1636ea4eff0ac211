//! [`AttioField`]: a struct field's shape (`T`, `Option<T>`, `Vec<T>`) over a value type, and how
//! the array of value objects Attio returns for an attribute becomes that field.

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};

use super::{AttioValue, ValueError, ValueObject, WritableValue};

/// How many values a field holds, as its Rust shape says.
///
/// ```
/// use attio::{AttioField, Cardinality};
/// assert_eq!(<String as AttioField>::CARDINALITY, Cardinality::Required);
/// assert_eq!(<Option<String> as AttioField>::CARDINALITY, Cardinality::Optional);
/// assert_eq!(<Vec<attio::EmailAddress> as AttioField>::CARDINALITY, Cardinality::Multiple);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cardinality {
    /// `T`: the attribute must have a value.
    Required,
    /// `Option<T>`: the attribute may be empty.
    Optional,
    /// `Vec<T>`: a multiselect attribute.
    Multiple,
}

/// A field of an `#[attio_object]` struct: `T`, `Option<T>` or `Vec<T>` of an [`AttioValue`].
///
/// ```
/// use attio::AttioField;
/// fn attribute_type<F: AttioField>() -> attio::AttributeType {
///     <F::Value as attio::AttioValue>::ATTRIBUTE_TYPE
/// }
/// assert_eq!(attribute_type::<Option<attio::Date>>(), attio::AttributeType::Date);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio attribute value type",
    label = "this field's type cannot hold an Attio attribute value",
    note = "a field of an #[attio_object] struct is `T`, `Option<T>` (optional) or `Vec<T>` (multiselect), where T is one of: String (text), bool (checkbox), f64/f32/i64/i32/i16/i8/u64/u32/u16/u8 (number), or attio::{{Currency, Date, Timestamp, Rating, Status, SelectOption, RecordReference, ActorReference, Location, Domain, EmailAddress, PhoneNumber, Interaction, PersonalName}}, optionally wrapped in attio::WithMeta<T>"
)]
pub trait AttioField: Sized {
    /// The value type inside the field.
    type Value: AttioValue;
    /// The field's cardinality.
    const CARDINALITY: Cardinality;

    /// Builds the field from the active values of the attribute, in response order.
    #[doc(hidden)]
    fn from_values(values: Vec<(Self::Value, bool)>) -> Result<Self, String>;

    /// Decodes the field from the array of value objects Attio returns for the attribute.
    #[doc(hidden)]
    fn decode<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let values = Self::decode_values(d)?;
        Self::from_values(values).map_err(de::Error::custom)
    }

    /// Reads the array of value objects, each with whether it is current.
    #[doc(hidden)]
    fn decode_values<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(Self::Value, bool)>, D::Error> {
        // `any`, not `seq`: a surprise `null` in place of the array reads as no values.
        d.deserialize_any(ValueArray::<Self::Value>(PhantomData))
    }

    /// The field's value when the response does not mention the attribute at all.
    #[doc(hidden)]
    fn absent() -> Option<Self>;
}

/// A field that can be written: its value type is a [`WritableValue`].
///
/// ```
/// fn sendable<F: attio::WritableField>() {}
/// sendable::<Vec<attio::EmailAddress>>();
/// sendable::<Option<attio::WithMeta<String>>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written to Attio",
    label = "this field's type cannot be written to Attio",
    note = "if it is a read-only Attio type (attio::Interaction), mark the field `#[attio(read_only)]` so it is decoded from responses but never sent; otherwise use one of the Attio value types listed with the error above"
)]
pub trait WritableField: AttioField<Value: WritableValue> {
    /// `true` when the field has nothing to send (`None`), so the attribute is left out of the body.
    #[doc(hidden)]
    fn is_absent(&self) -> bool;

    /// Checks every value in the field.
    #[doc(hidden)]
    fn validate(&self) -> Result<(), ValueError>;

    /// Writes the field's write form: a bare value, or an array for a multiselect.
    #[doc(hidden)]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

struct ValueArray<T>(PhantomData<T>);

impl<'de, T: AttioValue> Visitor<'de> for ValueArray<T> {
    type Value = Vec<(T, bool)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of Attio {} value objects", T::ATTRIBUTE_TYPE)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
        while let Some(v) = seq.next_element_seed(ValueObject::<T>::new())? {
            out.push(v);
        }
        Ok(out)
    }

    /// Attio always sends an array; a `null` is read as no values.
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

/// Encodes one value with its write form.
pub(crate) struct Write<'a, T>(pub &'a T);

impl<T: WritableValue> Serialize for Write<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.encode(s)
    }
}

impl<T: AttioValue> AttioField for T {
    type Value = T;
    const CARDINALITY: Cardinality = Cardinality::Required;

    fn from_values(values: Vec<(T, bool)>) -> Result<Self, String> {
        pick_active(values).ok_or_else(|| {
            format!(
                "the attribute has no current value, but the field's type requires one; declare it as Option<{}> if it can be empty",
                std::any::type_name::<T>()
            )
        })
    }

    fn absent() -> Option<Self> {
        None
    }
}

impl<T: WritableValue> WritableField for T {
    #[inline]
    fn is_absent(&self) -> bool {
        false
    }
    fn validate(&self) -> Result<(), ValueError> {
        WritableValue::validate(self)
    }
    #[inline]
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WritableValue::encode(self, s)
    }
}

impl<T: AttioValue> AttioField for Option<T> {
    type Value = T;
    const CARDINALITY: Cardinality = Cardinality::Optional;

    fn from_values(values: Vec<(T, bool)>) -> Result<Self, String> {
        Ok(pick_active(values))
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: WritableValue> WritableField for Option<T> {
    #[inline]
    fn is_absent(&self) -> bool {
        self.is_none()
    }
    fn validate(&self) -> Result<(), ValueError> {
        self.as_ref().map_or(Ok(()), WritableValue::validate)
    }
    #[inline]
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => v.encode(s),
            None => s.serialize_seq(Some(0))?.end(),
        }
    }
}

impl<T: AttioValue> AttioField for Vec<T> {
    type Value = T;
    const CARDINALITY: Cardinality = Cardinality::Multiple;

    fn from_values(values: Vec<(T, bool)>) -> Result<Self, String> {
        Ok(values
            .into_iter()
            .filter(|(_, active)| *active)
            .map(|(v, _)| v)
            .collect())
    }

    fn absent() -> Option<Self> {
        Some(Vec::new())
    }
}

impl<T: WritableValue> WritableField for Vec<T> {
    #[inline]
    fn is_absent(&self) -> bool {
        false
    }
    fn validate(&self) -> Result<(), ValueError> {
        self.iter().try_for_each(WritableValue::validate)
    }
    #[inline]
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for v in self {
            seq.serialize_element(&Write(v))?;
        }
        seq.end()
    }
}

/// The current value: the first with `active_until: null`. A value that is no longer active is
/// history, not the attribute's value (record responses carry only current values; the history
/// endpoint is read with [`Client::value_history`](crate::Client::value_history)).
fn pick_active<T>(values: Vec<(T, bool)>) -> Option<T> {
    values
        .into_iter()
        .find_map(|(v, active)| active.then_some(v))
}

/// The value type of a field type: `T` for `T`, `Option<T>` and `Vec<T>`; used by generated code.
#[doc(hidden)]
pub type ValueOf<F> = <F as AttioField>::Value;
