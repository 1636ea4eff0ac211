//! [`FromInput`]: what the generated change-set methods (`set_<field>`, `append_<field>`,
//! `replace_<field>`) accept for a field, and how it becomes the field's value.
//!
//! The conversions are keyed on the *value* type, so that where the argument's type is still open
//! (`append_email_addresses(["a@b.com".parse()?])`), the field's value type decides it: a value
//! type such as [`EmailAddress`](super::EmailAddress) accepts exactly one input type, itself, and
//! rustc infers the element type from that one impl. (A bound such as `impl Into<V>` cannot do
//! this: every type has many `Into` targets, so the element type stays unknown and the user reads
//! `the trait bound `!: FromStr` is not satisfied`.)

use std::borrow::Cow;

use super::{
    ActorReference, AttioField, Cardinality, Currency, Date, Domain, EmailAddress, Interaction,
    Location, PersonalName, PhoneNumber, Rating, RecordReference, Ref, SelectEnum, SelectOption,
    Status, Timestamp, WithMeta, WritableValue,
};
use super::{RecordId, RecordObject};

mod sealed {
    /// A value type that is not a wrapper: it accepts itself (and the conversions listed below).
    /// Every Attio value type but [`WithMeta`](super::WithMeta), which accepts what its value
    /// type accepts.
    pub trait Plain {}

    /// Keeps [`FromInput`](super::FromInput) implemented only here: its method takes a `Token`,
    /// which no other crate can name.
    #[derive(Clone, Copy)]
    pub struct Token;
}

use sealed::Plain;
pub(crate) use sealed::Token;

/// A value of an Attio attribute, made from what a change set was given for it: `I`.
///
/// This is the bound on the argument of a generated `set_<field>` (and on the items of
/// `append_<field>` and `replace_<field>`): `Self` is the field's value type (`T` for a field of
/// type `T`, `Option<T>` or `Vec<T>`). Every value type accepts itself, and:
///
/// | value type | also accepts |
/// |---|---|
/// | `String` | `&str`, `&String`, `&mut str`, `Box<str>`, `Cow<str>`, `char` |
/// | `f64` | `f32`, `i32`, `i16`, `i8`, `u32`, `u16`, `u8` |
/// | `f32`, `i64`, `i32`, `i16`, `u64`, `u32`, `u16` | the narrower integers (as `From` converts them) |
/// | [`Currency`] | `i64`, `i32` (an amount without a currency code) |
/// | [`Ref<T>`](Ref) | [`RecordId`], [`&Record<T>`](crate::Record) |
/// | [`WithMeta<T>`] | what `T` accepts (metadata is never sent); not a `WithMeta<T>`: pass its `.value` |
///
/// As a value type such as [`EmailAddress`] accepts only itself, an argument whose type is left
/// to inference takes the field's type:
///
/// ```
/// #[attio::attio_object(slug = "people")]
/// struct Person {
///     name: attio::PersonalName,
///     email_addresses: Vec<attio::EmailAddress>,
///     job_title: Option<String>,
///     score: Option<f64>,
/// }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let changes = Person::changes()
///     .append_email_addresses(["ada@example.com".parse()?]) // an EmailAddress
///     .set_job_title("Engineer") // &str for a String
///     .set_score(3); // an integer for a number
/// assert_eq!(changes.request_count(), 1);
/// # Ok(()) }
/// ```
///
/// Implemented by this crate only.
#[diagnostic::on_unimplemented(
    message = "a change to a `{Self}` field takes a `{Self}`, not a `{I}`",
    label = "expected a `{Self}` here",
    note = "`set_<field>` takes the field's value type, and `append_<field>` / `replace_<field>` an iterator of them; build the value first, e.g. `\"ada@example.com\".parse::<attio::EmailAddress>()?`. Besides the value type itself they accept `&str` for `String`, narrower numbers for a number, `RecordId` or `&Record<T>` for `Ref<T>`, and for a `WithMeta<T>` field what a `T` field accepts (see `attio::values::FromInput`)"
)]
pub trait FromInput<I>: Sized {
    /// The value.
    #[doc(hidden)]
    fn from_input(input: I, _: Token) -> Self;
}

/// A field type whose change-set methods accept `I`: its value type can be written, and is made
/// from `I` (see [`FromInput`]). Implemented for every such field type, it is the one bound of
/// the generated `set_<field>`, `append_<field>` and `replace_<field>`: a single plain bound is
/// cheaper for the compiler than the higher-ranked ones it replaces, in every generated method.
///
/// It has no supertrait on purpose: a generated method's bound `F: FieldInput<I>` must not imply
/// `F: AttioField`, or a field whose type is not an Attio value type would be reported again, at
/// every method, besides the `AttioObject` impl.
pub trait FieldInput<I> {
    /// The field's value type.
    #[doc(hidden)]
    type Value: WritableValue;

    /// The field's cardinality.
    #[doc(hidden)]
    const CARDINALITY: Cardinality;

    /// The value `input` stands for.
    #[doc(hidden)]
    fn value(input: I, _: Token) -> Self::Value;
}

impl<F: AttioField<Value: WritableValue + FromInput<I>>, I> FieldInput<I> for F {
    type Value = F::Value;
    const CARDINALITY: Cardinality = <F as AttioField>::CARDINALITY;

    #[inline]
    fn value(input: I, token: Token) -> F::Value {
        F::Value::from_input(input, token)
    }
}

/// The value of field type `F` that `input` stands for: what `ChangeSet` calls on what the
/// generated methods pass on.
#[inline]
pub(crate) fn field_value<F: FieldInput<I>, I>(input: I) -> F::Value {
    F::value(input, Token)
}

/// Every plain value type accepts itself.
impl<V: Plain> FromInput<V> for V {
    #[inline]
    fn from_input(input: V, _: Token) -> Self {
        input
    }
}

/// A `WithMeta<T>` field accepts what a `T` field does; the metadata is Attio's and never sent.
impl<T: FromInput<I>, I> FromInput<I> for WithMeta<T> {
    #[inline]
    fn from_input(input: I, token: Token) -> Self {
        WithMeta::new(T::from_input(input, token))
    }
}

macro_rules! plain {
    ($($t:ty),* $(,)?) => {$(
        impl Plain for $t {}
    )*};
}

plain! {
    String, bool, f64, f32, i64, i32, i16, i8, u64, u32, u16, u8,
    Currency, Date, Timestamp, Rating, Status, SelectOption, RecordReference, ActorReference,
    Location, Domain, EmailAddress, PhoneNumber, Interaction, PersonalName,
}
impl<T: RecordObject> Plain for Ref<T> {}
impl<E: SelectEnum> Plain for E {}

/// The conversions `From` makes, kept explicit (a blanket `I: Into<V>` would make every value type
/// accept many inputs, and inference could no longer pick one).
macro_rules! via_from {
    ($($v:ty: $($i:ty),+;)*) => {$($(
        impl FromInput<$i> for $v {
            #[inline]
            fn from_input(input: $i, _: Token) -> Self {
                <$v>::from(input)
            }
        }
    )+)*};
}

via_from! {
    String: &str, &String, &mut str, Box<str>, Cow<'_, str>, char;
    f64: f32, i32, i16, i8, u32, u16, u8;
    f32: i16, i8, u16, u8;
    i64: i32, i16, i8, u32, u16, u8;
    i32: i16, i8, u16, u8;
    i16: i8, u8;
    u64: u32, u16, u8;
    u32: u16, u8;
    u16: u8;
    Currency: i64, i32;
}

/// The reference to the record `id`.
impl<T: RecordObject> FromInput<RecordId> for Ref<T> {
    #[inline]
    fn from_input(id: RecordId, _: Token) -> Self {
        Ref::from(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value<V: FromInput<I>, I>(input: I) -> V {
        V::from_input(input, Token)
    }

    #[test]
    fn conversions() {
        assert_eq!(value::<String, _>("a"), "a");
        assert_eq!(value::<String, _>('b'), "b");
        assert_eq!(value::<f64, _>(3), 3.0);
        assert_eq!(value::<i64, _>(3_u32), 3);
        assert_eq!(value::<WithMeta<String>, _>("c").value, "c");
        assert_eq!(value::<WithMeta<f64>, _>(2).value, 2.0);
        assert_eq!(
            value::<Currency, _>(5).to_string(),
            Currency::from(5).to_string()
        );
    }

    /// The element type of a parse is inferred from the value type alone, including through
    /// `WithMeta`.
    #[test]
    fn one_input_type_is_inferred() -> Result<(), Box<dyn std::error::Error>> {
        let email: EmailAddress = value("a@b.co".parse()?);
        let meta: WithMeta<EmailAddress> = value("a@b.co".parse()?);
        assert_eq!(email, meta.value);
        let n: u8 = value(7);
        assert_eq!(n, 7);
        Ok(())
    }
}
