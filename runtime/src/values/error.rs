//! [`ValueError`]: a value Attio would refuse, or one a type cannot hold.

use std::borrow::Cow;
use std::fmt;

use super::AttributeType;

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

/// A field of an `#[attio_object]` struct holds a value Attio would refuse: what
/// [`AttioObject::validate`](crate::AttioObject::validate) returns. Converts into
/// [`Error::InvalidValue`](crate::Error::InvalidValue) with `?`.
///
/// ```
/// use attio::AttioObject as _;
///
/// #[attio::attio_object(slug = "people")]
/// struct Person { description: Option<String> }
///
/// let person = Person { description: Some("x".repeat(10 * 1024 * 1024 + 1)) };
/// let err = person.validate().unwrap_err();
/// assert_eq!(err.field, "description");
/// assert!(err.to_string().contains("`description`"), "{err}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldError {
    /// The object's slug.
    pub object: &'static str,
    /// The Rust field name.
    pub field: &'static str,
    /// The attribute slug.
    pub attribute: &'static str,
    /// The rule that was broken.
    pub source: ValueError,
}

impl FieldError {
    /// The error for `field` (attribute `attribute`) of the object `object`.
    pub fn new(
        object: &'static str,
        field: &'static str,
        attribute: &'static str,
        source: ValueError,
    ) -> Self {
        FieldError {
            object,
            field,
            attribute,
            source,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the `{}` field (attribute `{}`) of `{}` holds a value Attio would reject: {}",
            self.field, self.attribute, self.object, self.source
        )
    }
}

impl std::error::Error for FieldError {}
