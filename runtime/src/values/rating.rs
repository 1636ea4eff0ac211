//! `rating`: a whole number of stars from 0 to 5.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::number::number_to_int;
use super::{AttioValue, AttributeType, Value, ValueError, WritableValue};

/// A rating: a whole number of stars from 0 to 5, Attio's `rating` attribute type.
///
/// Written as a bare JSON integer (`4`); read from the `value` key (a whole float such as `4.0` is
/// accepted too). Serde writes and reads it as a bare number.
///
/// ```
/// use attio::Rating;
///
/// let r = Rating::new(4)?;
/// assert_eq!(r.get(), 4);
/// assert_eq!("3".parse::<Rating>()?.to_string(), "3");
/// assert!(Rating::new(6).is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rating(u8);

impl Rating {
    /// The highest rating, 5.
    pub const MAX: u8 = 5;

    /// A rating of `stars`; fails unless `stars` is 0 to 5.
    ///
    /// ```
    /// assert!(attio::Rating::new(0).is_ok());
    /// assert!(attio::Rating::new(5).is_ok());
    /// assert_eq!(attio::Rating::new(7).unwrap_err().message(), "a rating is a whole number from 0 to 5, got 7");
    /// ```
    pub fn new(stars: u8) -> Result<Self, ValueError> {
        if stars <= Self::MAX {
            Ok(Rating(stars))
        } else {
            Err(out_of_range(stars))
        }
    }

    /// The number of stars, 0 to 5.
    ///
    /// ```
    /// assert_eq!(attio::Rating::new(2).unwrap().get(), 2);
    /// ```
    pub fn get(self) -> u8 {
        self.0
    }
}

fn out_of_range(x: impl fmt::Display) -> ValueError {
    ValueError::new(
        AttributeType::Rating,
        format!("a rating is a whole number from 0 to 5, got {x}"),
    )
}

impl TryFrom<u8> for Rating {
    type Error = ValueError;
    fn try_from(stars: u8) -> Result<Self, ValueError> {
        Rating::new(stars)
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

impl FromStr for Rating {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        match s.parse::<u8>() {
            Ok(n) => Rating::new(n),
            Err(_) => Err(out_of_range(format_args!("`{}`", s.escape_debug()))),
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Rating::new(u8::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl AttioValue for Rating {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Rating;
    type Shape = Value<serde_json::Number>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let n = shape.require("rating")?;
        let stars: u8 = number_to_int(&n, "a rating").map_err(|_| out_of_range(&n).to_string())?;
        Rating::new(stars).map_err(|e| e.to_string())
    }
}

impl WritableValue for Rating {
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};

    #[test]
    fn constructs_in_range_only() {
        for n in 0..=5 {
            assert_eq!(Rating::new(n).unwrap().get(), n);
        }
        assert!(Rating::new(6).is_err());
        assert!("-1".parse::<Rating>().is_err());
        assert!(
            "x".parse::<Rating>()
                .unwrap_err()
                .message()
                .contains("0 to 5")
        );
        assert!(serde_json::from_str::<Rating>("9").is_err());
        assert_eq!(serde_json::from_str::<Rating>("4").unwrap().get(), 4);
    }

    #[test]
    fn decodes_and_encodes() {
        let r: Rating = decode(r#"{"attribute_type":"rating","value":3}"#).unwrap();
        assert_eq!(r.get(), 3);
        let r: Rating = decode(r#"{"value":3.0}"#).unwrap();
        assert_eq!(r.get(), 3);
        let err = decode::<Rating>(r#"{"value":3.5}"#).unwrap_err();
        assert!(err.contains("0 to 5"), "{err}");
        assert!(decode::<Rating>(r#"{"value":9}"#).is_err());
        assert_eq!(encode(&r), serde_json::json!(3));
    }
}
