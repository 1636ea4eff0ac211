//! The traits that connect a Rust value type to one Attio value object: [`AttioValue`] (read)
//! and [`WritableValue`] (write), and the machinery that reads one value object.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serializer};

use super::{AttributeType, ValueError, ValueMeta};

/// A Rust type that can hold one value of an Attio attribute, decoded from a record response.
///
/// Implemented for every type in the table in the [module docs](crate::values). Writing a value needs
/// [`WritableValue`] as well; read-only types such as [`Interaction`](super::Interaction) implement only this trait.
///
/// ```
/// use attio::{AttioValue, AttributeType};
/// assert_eq!(<attio::EmailAddress as AttioValue>::ATTRIBUTE_TYPE, AttributeType::EmailAddress);
/// assert_eq!(<f64 as AttioValue>::ATTRIBUTE_TYPE, AttributeType::Number);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio attribute value type",
    label = "this field's type cannot hold an Attio attribute value",
    note = "a field of an #[attio_object] struct is `T`, `Option<T>` (optional) or `Vec<T>` (multiselect), where T is one of: String (text), bool (checkbox), f64/f32/i64/i32/i16/i8/u64/u32/u16/u8 (number), or attio::{{Currency, Date, Timestamp, Rating, Status, SelectOption, RecordReference, ActorReference, Location, Domain, EmailAddress, PhoneNumber, Interaction, PersonalName}}, optionally wrapped in attio::WithMeta<T>"
)]
pub trait AttioValue: Sized {
    /// The Attio attribute type this Rust type holds.
    const ATTRIBUTE_TYPE: AttributeType;

    /// What the type promises beyond its attribute type (an enum's titles, a typed reference's
    /// object), for schema checks.
    const CONTRACT: super::ValueContract = super::ValueContract::PLAIN;

    /// The keys of one value object that this type reads (beyond the common metadata keys).
    #[doc(hidden)]
    type Shape: ReadShape;

    /// Builds the value from the keys read from one value object and that object's metadata.
    ///
    /// Types that do not keep metadata ignore `meta`. The error message says what is missing or
    /// wrong; the caller adds the attribute and the JSON path.
    #[doc(hidden)]
    fn from_shape(shape: Self::Shape, meta: ValueMeta) -> Result<Self, String>;
}

/// A value type that can be written to Attio.
///
/// Read-only types ([`Interaction`](super::Interaction), and values Attio computes) do not implement it; a field of
/// such a type must be marked `#[attio(read_only)]`.
///
/// ```
/// use attio::WritableValue;
/// let huge = "x".repeat(10 * 1024 * 1024 + 1);
/// assert!(huge.validate().is_err());
/// assert!(String::from("fine").validate().is_ok());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written to Attio",
    label = "this field's type is read-only in Attio",
    note = "mark the field `#[attio(read_only)]` so it is decoded from responses but never sent"
)]
pub trait WritableValue: AttioValue {
    /// Checks the rules Attio enforces that the type itself cannot (for example the 10 MB limit
    /// on text). Types that validate at construction keep the default.
    fn validate(&self) -> Result<(), ValueError> {
        Ok(())
    }

    /// Writes one of Attio's documented write forms for this value.
    #[doc(hidden)]
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// The keys of one value object that a value type reads: filled key by key as the object is read.
///
/// `read` is called for every key that is not one of the common metadata keys (`active_from`,
/// `active_until`, `created_by_actor`, `attribute_type`); it consumes the key's value from `map`
/// and returns `true`, or returns `false` without touching `map` for a key it does not know (which
/// is then skipped).
#[doc(hidden)]
pub trait ReadShape: Default {
    /// Reads `key`'s value if this shape knows the key.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// Declares a read shape: a struct of `Option` fields, each filled from the key of the same name
/// (or from the `"wire"` name given after `=`).
///
/// ```ignore
/// read_shape! { pub struct TextShape { value: String } }
/// read_shape! { pub struct PhoneShape { phone_number: String = "phone_number" | "normalized_phone_number" } }
/// ```
macro_rules! read_shape {
    ($(#[$m:meta])* $vis:vis struct $name:ident { $($field:ident : $ty:ty $(= $($wire:literal)|+)?),* $(,)? }) => {
        $(#[$m])*
        #[derive(Default, Debug)]
        #[doc(hidden)]
        $vis struct $name {
            $(
                #[doc = concat!("The `", stringify!($field), "` key, if present and not null.")]
                pub $field: ::core::option::Option<$ty>,
            )*
        }
        impl $crate::values::ReadShape for $name {
            fn read<'de, A: ::serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> ::core::result::Result<bool, A::Error> {
                match key {
                    $(
                        $crate::values::read_shape!(@key $field $($($wire)|+)?) => {
                            self.$field = map.next_value::<::core::option::Option<$ty>>()?;
                            Ok(true)
                        }
                    )*
                    _ => Ok(false),
                }
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $($wire:literal)|+) => { $($wire)|+ };
}
pub(crate) use read_shape;

/// The shape of value objects whose payload is the single key `value`.
#[doc(hidden)]
#[derive(Debug)]
pub struct Value<V>(pub Option<V>);

impl<V> Default for Value<V> {
    fn default() -> Self {
        Value(None)
    }
}

impl<V: for<'de> Deserialize<'de>> ReadShape for Value<V> {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        if key == "value" {
            self.0 = map.next_value::<Option<V>>()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
}

impl<V> Value<V> {
    /// The `value` key's content, or a message naming the missing key.
    pub fn require(self, type_name: &str) -> Result<V, String> {
        self.0
            .ok_or_else(|| format!("a {type_name} value object needs a non-null `value` key"))
    }
}

/// A key of a JSON object, borrowed from the input when it can be.
#[doc(hidden)]
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Decodes one value object (`{"active_from": …, "attribute_type": …, <type keys>}`) as `T`.
#[doc(hidden)]
pub struct ValueObject<T>(PhantomData<T>);

impl<T> ValueObject<T> {
    /// A seed that decodes one value object as `T`.
    pub fn new() -> Self {
        ValueObject(PhantomData)
    }
}

impl<T> Default for ValueObject<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: AttioValue> DeserializeSeed<'de> for ValueObject<T> {
    type Value = (T, bool);

    /// Returns the value and whether it is active (`active_until` is null).
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: AttioValue> Visitor<'de> for ValueObject<T> {
    type Value = (T, bool);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an Attio {} value object", T::ATTRIBUTE_TYPE)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut shape = T::Shape::default();
        let mut meta = ValueMeta::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "active_from" => meta.active_from = map.next_value()?,
                "active_until" => meta.active_until = map.next_value()?,
                "created_by_actor" => meta.created_by_actor = map.next_value()?,
                "attribute_type" => meta.attribute_type = map.next_value()?,
                other => {
                    if !shape.read(other, &mut map)? {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
        }
        let active = meta.active_until.is_none();
        let seen = meta.attribute_type.clone();
        match T::from_shape(shape, meta) {
            Ok(value) => Ok((value, active)),
            Err(msg) => Err(de::Error::custom(match seen {
                Some(seen) if seen != T::ATTRIBUTE_TYPE => format!(
                    "expected a `{}` value, found a `{seen}` value: {msg}",
                    T::ATTRIBUTE_TYPE
                ),
                _ => msg,
            })),
        }
    }
}
