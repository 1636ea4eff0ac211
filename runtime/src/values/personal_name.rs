//! `personal-name`: a person's first, last and full name.

use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::{AttioValue, AttributeType, ValueError, WritableValue};

/// A person's name: Attio's `personal-name` attribute type (`people.name`).
///
/// Three parts: first name, last name and full name. [`PersonalName::new`] derives the full name
/// (`"First Last"`); [`PersonalName::with_full_name`] sets it explicitly. [`FromStr`] parses
/// `"Last, First"` as Attio does: the text before the first comma is the last name and the rest the
/// first name (so extra commas stay in the first name); without a comma the whole text is the first
/// name. A name needs at least one non-blank part.
///
/// **Write form:** the three-key object `{"first_name", "last_name", "full_name"}` (Attio's docs
/// require all three). **Read:** the same keys; a missing or null part reads as empty.
/// **Serde:** the same three-key object. Equality compares the three parts.
///
/// ```
/// use attio::PersonalName;
///
/// let n = PersonalName::new("John", "Smith")?;
/// assert_eq!(n.full_name(), "John Smith");
/// let p: PersonalName = "Smith, John".parse()?;
/// assert_eq!(p, n);
/// let only: PersonalName = "Cher".parse()?;
/// assert_eq!((only.first_name(), only.last_name()), ("Cher", ""));
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonalName {
    first_name: String,
    last_name: String,
    full_name: String,
}

fn name_error(message: &'static str) -> ValueError {
    ValueError::new(AttributeType::PersonalName, message)
}

fn check(n: &PersonalName) -> Result<(), ValueError> {
    if [&n.first_name, &n.last_name, &n.full_name]
        .iter()
        .all(|p| p.trim().is_empty())
    {
        return Err(name_error(
            "a personal name needs a first, last or full name; all three are empty",
        ));
    }
    Ok(())
}

impl PersonalName {
    /// A name from its first and last parts; the full name is `"first last"` (or whichever part is
    /// not empty).
    ///
    /// ```
    /// let n = attio::PersonalName::new("Ada", "")?;
    /// assert_eq!(n.full_name(), "Ada");
    /// assert!(attio::PersonalName::new("", " ").is_err());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn new(
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Result<Self, ValueError> {
        let (first_name, last_name) = (first_name.into(), last_name.into());
        let full_name = match (first_name.trim(), last_name.trim()) {
            ("", last) => last.to_owned(),
            (first, "") => first.to_owned(),
            (first, last) => format!("{first} {last}"),
        };
        PersonalName::with_full_name(first_name, last_name, full_name)
    }

    /// A name with all three parts given.
    ///
    /// ```
    /// let n = attio::PersonalName::with_full_name("Jean", "Dupont", "Dr Jean Dupont")?;
    /// assert_eq!(n.full_name(), "Dr Jean Dupont");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn with_full_name(
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        full_name: impl Into<String>,
    ) -> Result<Self, ValueError> {
        let n = PersonalName {
            first_name: first_name.into(),
            last_name: last_name.into(),
            full_name: full_name.into(),
        };
        check(&n)?;
        Ok(n)
    }

    /// The first name (may be empty).
    ///
    /// ```
    /// assert_eq!("Smith, John".parse::<attio::PersonalName>().unwrap().first_name(), "John");
    /// ```
    pub fn first_name(&self) -> &str {
        &self.first_name
    }

    /// The last name (may be empty).
    ///
    /// ```
    /// assert_eq!("Smith, John".parse::<attio::PersonalName>().unwrap().last_name(), "Smith");
    /// ```
    pub fn last_name(&self) -> &str {
        &self.last_name
    }

    /// The full name.
    ///
    /// ```
    /// assert_eq!("Smith, John".parse::<attio::PersonalName>().unwrap().full_name(), "John Smith");
    /// ```
    pub fn full_name(&self) -> &str {
        &self.full_name
    }
}

impl FromStr for PersonalName {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, ValueError> {
        match s.split_once(',') {
            Some((last, first)) => PersonalName::new(first.trim(), last.trim()),
            None => PersonalName::new(s.trim(), ""),
        }
    }
}

/// The full name.
impl fmt::Display for PersonalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full_name)
    }
}

fn write_object<S: Serializer>(n: &PersonalName, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct("PersonalName", 3)?;
    st.serialize_field("first_name", &n.first_name)?;
    st.serialize_field("last_name", &n.last_name)?;
    st.serialize_field("full_name", &n.full_name)?;
    st.end()
}

impl Serialize for PersonalName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

/// Serde's shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repr {
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    full_name: Option<String>,
}

impl<'de> Deserialize<'de> for PersonalName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = Repr::deserialize(d)?;
        match r.full_name {
            Some(full) => PersonalName::with_full_name(r.first_name, r.last_name, full),
            None => PersonalName::new(r.first_name, r.last_name),
        }
        .map_err(serde::de::Error::custom)
    }
}

super::read_shape! {
    /// The keys of a `personal-name` value object.
    pub struct NameShape {
        first_name: String,
        last_name: String,
        full_name: String,
    }
}

impl AttioValue for PersonalName {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::PersonalName;
    type Shape = NameShape;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        if shape.first_name.is_none() && shape.last_name.is_none() && shape.full_name.is_none() {
            return Err(
                "a personal-name value object needs `first_name`, `last_name` or `full_name`"
                    .into(),
            );
        }
        Ok(PersonalName {
            first_name: shape.first_name.unwrap_or_default(),
            last_name: shape.last_name.unwrap_or_default(),
            full_name: shape.full_name.unwrap_or_default(),
        })
    }
}

impl WritableValue for PersonalName {
    fn validate(&self) -> Result<(), ValueError> {
        check(self)
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    fn parts(n: &PersonalName) -> (&str, &str, &str) {
        (n.first_name(), n.last_name(), n.full_name())
    }

    #[test]
    fn parses_last_comma_first() {
        let n: PersonalName = "Smith, John".parse().unwrap();
        assert_eq!(parts(&n), ("John", "Smith", "John Smith"));
        let n: PersonalName = "John".parse().unwrap();
        assert_eq!(parts(&n), ("John", "", "John"));
        let n: PersonalName = "Smith, John, Jr.".parse().unwrap();
        assert_eq!(parts(&n), ("John, Jr.", "Smith", "John, Jr. Smith"));
        let n: PersonalName = "Smith,".parse().unwrap();
        assert_eq!(parts(&n), ("", "Smith", "Smith"));
        assert!("".parse::<PersonalName>().is_err());
        assert!(" , ".parse::<PersonalName>().is_err());
    }

    #[test]
    fn decodes_and_encodes() {
        let n: PersonalName = decode(
            r#"{"attribute_type":"personal-name","first_name":"John","last_name":"Smith","full_name":"John Smith"}"#,
        )
        .unwrap();
        assert_eq!(n, PersonalName::new("John", "Smith").unwrap());
        let expected =
            json!({"first_name": "John", "last_name": "Smith", "full_name": "John Smith"});
        assert_eq!(encode(&n), expected);
        assert_eq!(serde_json::to_value(&n).unwrap(), expected);
        assert_eq!(serde_json::from_value::<PersonalName>(expected).unwrap(), n);
        let partial: PersonalName = decode(r#"{"first_name":"Ada","last_name":null}"#).unwrap();
        assert_eq!(parts(&partial), ("Ada", "", ""));
        assert!(decode::<PersonalName>(r#"{"attribute_type":"personal-name"}"#).is_err());
        assert!(serde_json::from_value::<PersonalName>(json!({})).is_err());
    }
}
