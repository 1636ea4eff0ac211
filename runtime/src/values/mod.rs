//! Rust types for Attio's attribute values, and the traits that connect them to the wire.
//!
//! Every Attio attribute has one of 17 types. Each has a Rust representation here:
//!
//! | Attio type | Rust type |
//! |---|---|
//! | `text` | [`String`] |
//! | `number` | [`f64`], [`f32`], [`i64`], [`i32`], [`u32`], [`u64`] … |
//! | `checkbox` | [`bool`] |
//! | `currency` | [`Currency`] |
//! | `date` | [`Date`] |
//! | `timestamp` | [`Timestamp`] |
//! | `rating` | [`Rating`] |
//! | `status` | [`Status`] |
//! | `select` | [`SelectOption`] |
//! | `record-reference` | [`RecordReference`] |
//! | `actor-reference` | [`ActorReference`] |
//! | `location` | [`Location`] |
//! | `domain` | [`Domain`] |
//! | `email-address` | [`EmailAddress`] |
//! | `phone-number` | [`PhoneNumber`] |
//! | `interaction` | [`Interaction`] (read-only) |
//! | `personal-name` | [`PersonalName`] |
//!
//! A field's shape says its cardinality: `T` for a required attribute, `Option<T>` for an optional
//! one, `Vec<T>` for a multiselect one. Wrap any value type in [`WithMeta`] to keep the metadata
//! Attio returns with every value (`active_from`, `active_until`, `created_by_actor`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::record::ValueMeta;

mod timestamp;

pub use timestamp::Timestamp;

/// The 17 attribute types Attio knows, plus any type a newer API version may add.
///
/// ```
/// use attio::AttributeType;
/// assert_eq!(AttributeType::EmailAddress.as_str(), "email-address");
/// assert_eq!("record-reference".parse::<AttributeType>().unwrap(), AttributeType::RecordReference);
/// assert_eq!("hologram".parse::<AttributeType>().unwrap().as_str(), "hologram");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AttributeType {
    /// `text`
    Text,
    /// `number`
    Number,
    /// `checkbox`
    Checkbox,
    /// `currency`
    Currency,
    /// `date`
    Date,
    /// `timestamp`
    Timestamp,
    /// `rating`
    Rating,
    /// `status`
    Status,
    /// `select`
    Select,
    /// `record-reference`
    RecordReference,
    /// `actor-reference`
    ActorReference,
    /// `location`
    Location,
    /// `domain`
    Domain,
    /// `email-address`
    EmailAddress,
    /// `phone-number`
    PhoneNumber,
    /// `interaction`
    Interaction,
    /// `personal-name`
    PersonalName,
    /// A type this version of the SDK does not know.
    Other(Cow<'static, str>),
}

impl AttributeType {
    /// Every attribute type this SDK knows, in Attio's documentation order.
    ///
    /// ```
    /// assert_eq!(attio::AttributeType::ALL.len(), 17);
    /// assert!(attio::AttributeType::ALL.contains(&attio::AttributeType::Status));
    /// ```
    pub const ALL: [AttributeType; 17] = [
        AttributeType::Text,
        AttributeType::Number,
        AttributeType::Checkbox,
        AttributeType::Currency,
        AttributeType::Date,
        AttributeType::Timestamp,
        AttributeType::Rating,
        AttributeType::Status,
        AttributeType::Select,
        AttributeType::RecordReference,
        AttributeType::ActorReference,
        AttributeType::Location,
        AttributeType::Domain,
        AttributeType::EmailAddress,
        AttributeType::PhoneNumber,
        AttributeType::Interaction,
        AttributeType::PersonalName,
    ];

    /// The wire name, e.g. `"email-address"`.
    ///
    /// ```
    /// assert_eq!(attio::AttributeType::PersonalName.as_str(), "personal-name");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            AttributeType::Text => "text",
            AttributeType::Number => "number",
            AttributeType::Checkbox => "checkbox",
            AttributeType::Currency => "currency",
            AttributeType::Date => "date",
            AttributeType::Timestamp => "timestamp",
            AttributeType::Rating => "rating",
            AttributeType::Status => "status",
            AttributeType::Select => "select",
            AttributeType::RecordReference => "record-reference",
            AttributeType::ActorReference => "actor-reference",
            AttributeType::Location => "location",
            AttributeType::Domain => "domain",
            AttributeType::EmailAddress => "email-address",
            AttributeType::PhoneNumber => "phone-number",
            AttributeType::Interaction => "interaction",
            AttributeType::PersonalName => "personal-name",
            AttributeType::Other(s) => s,
        }
    }

    /// Whether Attio accepts writes of this type through the API.
    ///
    /// ```
    /// assert!(!attio::AttributeType::Interaction.is_writable());
    /// assert!(attio::AttributeType::Text.is_writable());
    /// ```
    pub fn is_writable(&self) -> bool {
        !matches!(self, AttributeType::Interaction | AttributeType::Other(_))
    }
}

impl std::str::FromStr for AttributeType {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(AttributeType::ALL
            .iter()
            .find(|t| t.as_str() == s)
            .cloned()
            .unwrap_or_else(|| AttributeType::Other(Cow::Owned(s.to_owned()))))
    }
}

impl fmt::Display for AttributeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AttributeType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AttributeType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        Ok(key.as_str().parse().unwrap_or_else(|never| match never {}))
    }
}

/// Why a value is not one Attio would accept, or not one this type can hold.
///
/// Returned by the constructors and parsers of the value types (`"x".parse::<EmailAddress>()`),
/// and carried by [`Error::InvalidValue`](crate::Error::InvalidValue) when a record is checked
/// before it is sent.
///
/// ```
/// let err = "not an email".parse::<attio::EmailAddress>().unwrap_err();
/// assert_eq!(err.attribute_type(), &attio::AttributeType::EmailAddress);
/// println!("{err}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    attribute_type: AttributeType,
    message: Cow<'static, str>,
}

impl ValueError {
    /// A new error for a value of `attribute_type`; `message` says what is wrong and what is expected.
    ///
    /// ```
    /// let e = attio::ValueError::new(attio::AttributeType::Rating, "a rating is 0 to 5, got 7");
    /// assert_eq!(e.message(), "a rating is 0 to 5, got 7");
    /// ```
    pub fn new(attribute_type: AttributeType, message: impl Into<Cow<'static, str>>) -> Self {
        ValueError {
            attribute_type,
            message: message.into(),
        }
    }

    /// The attribute type whose rule was broken.
    ///
    /// ```
    /// let err = "7".parse::<attio::Rating>().unwrap_err();
    /// assert_eq!(err.attribute_type(), &attio::AttributeType::Rating);
    /// ```
    pub fn attribute_type(&self) -> &AttributeType {
        &self.attribute_type
    }

    /// What is wrong, and what is expected.
    ///
    /// ```
    /// let err = attio::ValueError::new(attio::AttributeType::Text, "too long");
    /// assert_eq!(err.message(), "too long");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} value: {}", self.attribute_type, self.message)
    }
}

impl std::error::Error for ValueError {}

/// A Rust type that can hold one value of an Attio attribute, decoded from a record response.
///
/// Implemented for every type in the table in the [module docs](self). Writing a value needs
/// [`WritableValue`] as well; read-only types such as [`Interaction`] implement only this trait.
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
/// Read-only types ([`Interaction`], and values Attio computes) do not implement it; a field of
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
                        read_shape!(@key $field $($($wire)|+)?) => {
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
    fn is_absent(&self) -> bool {
        false
    }
    fn validate(&self) -> Result<(), ValueError> {
        WritableValue::validate(self)
    }
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
    fn is_absent(&self) -> bool {
        self.is_none()
    }
    fn validate(&self) -> Result<(), ValueError> {
        self.as_ref().map_or(Ok(()), WritableValue::validate)
    }
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
    fn is_absent(&self) -> bool {
        false
    }
    fn validate(&self) -> Result<(), ValueError> {
        self.iter().try_for_each(WritableValue::validate)
    }
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

/// A value together with the metadata Attio keeps for it.
///
/// Use it as a field's value type when you want to know when a value became active, until when it
/// was active (for historic values), and who wrote it. It dereferences to the value, and writes
/// exactly as the value does (the metadata is the server's and is never sent).
///
/// ```
/// use attio::{WithMeta, EmailAddress};
///
/// #[attio::attio_object(slug = "users")]
/// struct User {
///     user_id: String,
///     primary_email_address: WithMeta<EmailAddress>,
/// }
///
/// fn who_set_the_email(user: &User) -> Option<&attio::Actor> {
///     user.primary_email_address.meta.created_by_actor.as_ref()
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WithMeta<T> {
    /// The value.
    pub value: T,
    /// When it became active, until when, and who wrote it.
    pub meta: ValueMeta,
}

impl<T> WithMeta<T> {
    /// A value with empty metadata, for writing.
    ///
    /// ```
    /// let v = attio::WithMeta::new(String::from("hello"));
    /// assert_eq!(*v, "hello");
    /// ```
    pub fn new(value: T) -> Self {
        WithMeta {
            value,
            meta: ValueMeta::default(),
        }
    }

    /// The value, without its metadata.
    ///
    /// ```
    /// let v = attio::WithMeta::new(3_i64);
    /// assert_eq!(v.into_inner(), 3);
    /// ```
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> From<T> for WithMeta<T> {
    fn from(value: T) -> Self {
        WithMeta::new(value)
    }
}

impl<T> std::ops::Deref for WithMeta<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> std::ops::DerefMut for WithMeta<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T: fmt::Display> fmt::Display for WithMeta<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: AttioValue> AttioValue for WithMeta<T> {
    const ATTRIBUTE_TYPE: AttributeType = T::ATTRIBUTE_TYPE;
    type Shape = T::Shape;

    fn from_shape(shape: Self::Shape, meta: ValueMeta) -> Result<Self, String> {
        Ok(WithMeta {
            value: T::from_shape(shape, ValueMeta::default())?,
            meta,
        })
    }
}

impl<T: WritableValue> WritableValue for WithMeta<T> {
    fn validate(&self) -> Result<(), ValueError> {
        self.value.validate()
    }
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.encode(s)
    }
}

mod actor_reference;
mod checkbox;
mod choice;
mod country_code;
mod currency;
mod date;
mod digits;
mod domain;
mod email_address;
mod interaction;
mod location;
mod number;
mod personal_name;
mod phone_number;
mod rating;
mod record_reference;
mod select;
pub(crate) mod select_enum;
mod status;
mod text;
mod typed_reference;

pub use actor_reference::ActorReference;
pub use country_code::CountryCode;
pub use currency::Currency;
pub use date::Date;
pub use domain::Domain;
pub use email_address::EmailAddress;
pub use interaction::{Interaction, InteractionType};
pub use location::Location;
pub use personal_name::PersonalName;
pub use phone_number::PhoneNumber;
pub use rating::Rating;
pub use record_reference::RecordReference;
pub use select::{SelectOption, SelectOptionId};
pub use select_enum::SelectEnum;
pub use status::{Status, StatusId};
pub use text::MAX_TEXT_BYTES;
pub use typed_reference::{Ref, RefFilter};

/// Test helpers shared by the value types' unit tests.
#[cfg(test)]
pub(crate) mod test_util {
    use super::{AttioValue, ValueObject, WritableValue, Write};
    use serde::de::DeserializeSeed;

    /// The write form of `v`, as JSON.
    pub fn encode<T: WritableValue>(v: &T) -> serde_json::Value {
        serde_json::to_value(Write(v)).unwrap()
    }

    /// Decodes one value object.
    pub fn decode<T: AttioValue>(json: &str) -> Result<T, String> {
        let mut d = serde_json::Deserializer::from_str(json);
        ValueObject::<T>::new()
            .deserialize(&mut d)
            .map(|(v, _)| v)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod cardinality_tests {
    use super::AttioField;

    fn decode<F: AttioField>(json: &str) -> Result<F, serde_json::Error> {
        F::decode(&mut serde_json::Deserializer::from_str(json))
    }

    const HISTORIC: &str = r#"{"active_from":"2023-01-01T00:00:00.000000000Z","active_until":"2023-02-01T00:00:00.000000000Z","attribute_type":"text","value":"old"}"#;
    const CURRENT: &str = r#"{"active_from":"2023-02-01T00:00:00.000000000Z","active_until":null,"attribute_type":"text","value":"new"}"#;

    #[test]
    fn only_current_values_are_the_attributes_value() {
        let both = format!("[{HISTORIC},{CURRENT}]");
        let only_old = format!("[{HISTORIC}]");
        assert_eq!(decode::<String>(&both).unwrap(), "new");
        assert_eq!(
            decode::<Option<String>>(&both).unwrap().as_deref(),
            Some("new")
        );
        assert_eq!(
            decode::<Vec<String>>(&both).unwrap(),
            vec!["new".to_owned()]
        );
        assert_eq!(decode::<Option<String>>(&only_old).unwrap(), None);
        assert!(decode::<Vec<String>>(&only_old).unwrap().is_empty());
        let err = decode::<String>(&only_old).unwrap_err().to_string();
        assert!(err.contains("no current value"), "{err}");
        assert_eq!(decode::<Option<String>>("[]").unwrap(), None);
        assert_eq!(decode::<Option<String>>("null").unwrap(), None);
    }
}
