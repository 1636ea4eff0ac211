//! ISO 3166-1 alpha-2 country codes, as used by `location` and `phone-number` values.

use std::fmt;
use std::str::FromStr;

use ascii::AsciiChar;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::digits::as_str;
use super::{AttributeType, Key, ValueError};

/// An ISO 3166-1 alpha-2 country code such as `GB` or `US`: two ASCII uppercase letters.
///
/// Only the form is checked (two uppercase ASCII letters), not that the code is assigned, so a
/// newly assigned code needs no SDK update. Lowercase input is rejected rather than silently
/// changed.
///
/// ```
/// use attio::CountryCode;
///
/// let gb: CountryCode = "GB".parse()?;
/// assert_eq!(gb.as_str(), "GB");
/// assert!("gb".parse::<CountryCode>().is_err());
/// assert!("GBR".parse::<CountryCode>().is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([AsciiChar; 2]);

impl CountryCode {
    /// Checks `code` and wraps it; `attribute_type` names the value type in the error.
    pub(crate) fn parse_for(code: &str, attribute_type: AttributeType) -> Result<Self, ValueError> {
        if let &[hi, lo] = code.as_bytes()
            && hi.is_ascii_uppercase()
            && lo.is_ascii_uppercase()
            && let (Ok(hi), Ok(lo)) = (AsciiChar::from_ascii(hi), AsciiChar::from_ascii(lo))
        {
            return Ok(CountryCode([hi, lo]));
        }
        Err(ValueError::new(
            attribute_type,
            format!(
                "`{}` is not an ISO 3166-1 alpha-2 country code; expected two uppercase ASCII letters such as `GB` or `US`",
                code.escape_debug()
            ),
        ))
    }

    /// The code, e.g. `"US"`.
    ///
    /// ```
    /// let us: attio::CountryCode = "US".parse().unwrap();
    /// assert_eq!(us.as_str(), "US");
    /// ```
    #[inline]
    pub fn as_str(&self) -> &str {
        as_str(&self.0)
    }
}

impl FromStr for CountryCode {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        CountryCode::parse_for(s, AttributeType::Location)
    }
}

impl AsRef<str> for CountryCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        key.as_str().parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_the_form() {
        for ok in ["US", "GB", "ZZ"] {
            assert_eq!(ok.parse::<CountryCode>().unwrap().to_string(), ok);
        }
        for bad in ["", "U", "us", "USA", "U1", "ÜS"] {
            let err = bad.parse::<CountryCode>().unwrap_err();
            assert!(err.message().contains("alpha-2"), "{err}");
        }
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(code.parse::<CountryCode>().unwrap().as_str(), code);
            }
        }
        let c: CountryCode = serde_json::from_str("\"FR\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"FR\"");
        assert!(serde_json::from_str::<CountryCode>("\"fr\"").is_err());
    }
}
