//! `phone-number`: a phone number in international (E.164) or national form.

use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::{AttioValue, AttributeType, CountryCode, ValueError, WritableValue};

/// A phone number: Attio's `phone-number` attribute type (`people.phone_numbers`).
///
/// Two forms are accepted, as Attio accepts them:
/// - international: `+`, then the E.164 digits (1 to 15, the first not `0`), e.g. `+447777777777`
///   ([`PhoneNumber::new`], [`FromStr`]);
/// - national: the number as dialled in its country (1 to 15 digits, may start with `0`) with the
///   country's ISO 3166-1 alpha-2 code, e.g. `07777777777` in `GB` ([`PhoneNumber::national`]).
///
/// In both, spaces, `-`, `.` and parentheses between digits are allowed and kept (Attio keeps the
/// text as `original_phone_number` and normalises it itself). Whether the digits form a number
/// that is actually assigned is Attio's to check.
///
/// **Write form:** without a country code, the bare string (`"+447777777777"`); with one,
/// `{"original_phone_number": "07777777777", "country_code": "GB"}`.
///
/// **Read:** `original_phone_number`, `country_code` and the normalised number, which Attio's
/// OpenAPI spec calls `phone_number` and its attribute docs `normalized_phone_number` — both are
/// accepted. The normalised number and a read country code are Attio's and never change what is
/// written beyond the documented form above.
///
/// **Serde:** a bare string when there is no country code, else
/// `{"number": "07777777777", "country_code": "GB"}`. Equality compares all the fields.
///
/// ```
/// use attio::PhoneNumber;
///
/// let p: PhoneNumber = "+447777777777".parse()?;
/// assert_eq!(p.normalized(), Some("+447777777777"));
/// let gb = PhoneNumber::national("07777 777777", "GB".parse()?)?;
/// assert_eq!(gb.country_code(), Some("GB".parse()?));
/// assert!("07777777777".parse::<PhoneNumber>().is_err()); // no + and no country code
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    original: String,
    country_code: Option<CountryCode>,
    normalized: Option<String>,
}

fn phone_error(message: String) -> ValueError {
    ValueError::new(AttributeType::PhoneNumber, message)
}

/// The digits of `number` (after an optional leading `+`), checking the allowed characters and
/// the count. Returns whether it had a `+` and the digits.
fn digits_of(number: &str) -> Result<(bool, String), ValueError> {
    let shown = number.escape_debug();
    let (plus, rest) = match number.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            other => {
                return Err(phone_error(format!(
                    "`{shown}` contains `{}`; a phone number is digits, optionally with a leading `+` and spaces, `-`, `.` or parentheses",
                    other.escape_debug()
                )));
            }
        }
    }
    if digits.is_empty() || digits.len() > 15 {
        return Err(phone_error(format!(
            "`{shown}` has {} digits; a phone number has 1 to 15 digits",
            digits.len()
        )));
    }
    Ok((plus, digits))
}

/// Checks the international form; returns the normalised `+digits`.
fn check_international(number: &str) -> Result<String, ValueError> {
    let (plus, digits) = digits_of(number)?;
    if !plus {
        return Err(phone_error(format!(
            "`{}` has no `+` country prefix; write it in E.164 form (e.g. `+447777777777`) or give its country code with PhoneNumber::national",
            number.escape_debug()
        )));
    }
    if digits.starts_with('0') {
        return Err(phone_error(format!(
            "`{}` has `0` after the `+`; an E.164 number starts with its country calling code, which never begins with 0",
            number.escape_debug()
        )));
    }
    Ok(format!("+{digits}"))
}

/// Checks a number given with a country code: national digits, or an international number.
fn check_national(number: &str) -> Result<Option<String>, ValueError> {
    if number.starts_with('+') {
        return check_international(number).map(Some);
    }
    digits_of(number).map(|_| None)
}

impl PhoneNumber {
    /// A number in international form: `+` and 1 to 15 digits, the first not `0`.
    ///
    /// ```
    /// assert!(attio::PhoneNumber::new("+1 (555) 867-5309").is_ok());
    /// assert!(attio::PhoneNumber::new("+0123").is_err());
    /// assert!(attio::PhoneNumber::new("+1234567890123456").is_err()); // 16 digits
    /// ```
    pub fn new(number: impl Into<String>) -> Result<Self, ValueError> {
        let original = number.into();
        let normalized = check_international(&original)?;
        Ok(PhoneNumber {
            original,
            country_code: None,
            normalized: Some(normalized),
        })
    }

    /// A number as dialled in `country_code`'s country (a `+` international number is accepted too).
    ///
    /// ```
    /// let p = attio::PhoneNumber::national("07777777777", "GB".parse()?)?;
    /// assert_eq!(p.as_str(), "07777777777");
    /// assert_eq!(p.normalized(), None); // Attio normalises it
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn national(
        number: impl Into<String>,
        country_code: CountryCode,
    ) -> Result<Self, ValueError> {
        let original = number.into();
        let normalized = check_national(&original)?;
        Ok(PhoneNumber {
            original,
            country_code: Some(country_code),
            normalized,
        })
    }

    /// The number as given (Attio's `original_phone_number`).
    ///
    /// ```
    /// assert_eq!("+44 7777 777777".parse::<attio::PhoneNumber>().unwrap().as_str(), "+44 7777 777777");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.original
    }

    /// The country code, given or returned by Attio.
    ///
    /// ```
    /// assert_eq!("+15558675309".parse::<attio::PhoneNumber>().unwrap().country_code(), None);
    /// ```
    pub fn country_code(&self) -> Option<CountryCode> {
        self.country_code
    }

    /// The normalised E.164 number: Attio's for a value read from Attio; for a value you build,
    /// `+` and the digits of an international number, `None` for a national one.
    ///
    /// ```
    /// assert_eq!("+1 555 867 5309".parse::<attio::PhoneNumber>().unwrap().normalized(), Some("+15558675309"));
    /// ```
    pub fn normalized(&self) -> Option<&str> {
        self.normalized.as_deref()
    }
}

impl FromStr for PhoneNumber {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        PhoneNumber::new(s)
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.original)
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.country_code {
            Some(c) => write!(f, "PhoneNumber({:?} {c})", self.original),
            None => write!(f, "PhoneNumber({:?})", self.original),
        }
    }
}

/// Serde's shape: a bare string, or the number with its country code.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Repr {
    International(String),
    National {
        number: String,
        country_code: Option<CountryCode>,
    },
}

impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.country_code {
            None => s.serialize_str(&self.original),
            Some(country_code) => Repr::National {
                number: self.original.clone(),
                country_code: Some(country_code),
            }
            .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Repr::deserialize(d)? {
            Repr::International(number)
            | Repr::National {
                number,
                country_code: None,
            } => PhoneNumber::new(number),
            Repr::National {
                number,
                country_code: Some(c),
            } => PhoneNumber::national(number, c),
        }
        .map_err(serde::de::Error::custom)
    }
}

super::read_shape! {
    /// The keys of a `phone-number` value object.
    pub struct PhoneShape {
        original_phone_number: String,
        country_code: String,
        phone_number: String = "phone_number" | "normalized_phone_number",
    }
}

impl AttioValue for PhoneNumber {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::PhoneNumber;
    type Shape = PhoneShape;

    /// Keeps what Attio returned without re-checking the number.
    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let original = shape
            .original_phone_number
            .or_else(|| shape.phone_number.clone())
            .ok_or("a phone-number value object needs a non-null `original_phone_number` or `phone_number` key")?;
        let country_code = shape
            .country_code
            .map(|c| CountryCode::parse_for(&c, AttributeType::PhoneNumber))
            .transpose()
            .map_err(|e| e.to_string())?;
        Ok(PhoneNumber {
            original,
            country_code,
            normalized: shape.phone_number,
        })
    }
}

impl WritableValue for PhoneNumber {
    fn validate(&self) -> Result<(), ValueError> {
        match self.country_code {
            None => check_international(&self.original).map(|_| ()),
            Some(_) => check_national(&self.original).map(|_| ()),
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.country_code {
            None => s.serialize_str(&self.original),
            Some(country_code) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("original_phone_number", &self.original)?;
                map.serialize_entry("country_code", &country_code)?;
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    fn gb() -> CountryCode {
        "GB".parse().unwrap()
    }

    #[test]
    fn validates_both_forms() {
        for ok in [
            "+447777777777",
            "+1",
            "+123456789012345",
            "+1 (555) 867-5309",
            "+44.20.7946.0958",
        ] {
            assert!(ok.parse::<PhoneNumber>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "+",
            "447777777777",
            "+0447777777777",
            "+1234567890123456",
            "+44 7777 abc",
            "++44",
            "+44/7777",
        ] {
            assert!(bad.parse::<PhoneNumber>().is_err(), "{bad}");
        }
        let err = "07777777777".parse::<PhoneNumber>().unwrap_err();
        assert!(err.message().contains("PhoneNumber::national"), "{err}");
        assert!(PhoneNumber::national("07777777777", gb()).is_ok());
        assert!(PhoneNumber::national("+447777777777", gb()).is_ok());
        assert!(PhoneNumber::national("+07777", gb()).is_err());
        assert!(PhoneNumber::national("0123456789012345", gb()).is_err());
        assert!(PhoneNumber::national("", gb()).is_err());
    }

    #[test]
    fn encodes_the_documented_forms() {
        assert_eq!(
            encode(&PhoneNumber::new("+447777777777").unwrap()),
            json!("+447777777777")
        );
        assert_eq!(
            encode(&PhoneNumber::national("07777777777", gb()).unwrap()),
            json!({"original_phone_number": "07777777777", "country_code": "GB"})
        );
    }

    #[test]
    fn decodes_both_normalised_key_names() {
        let docs: PhoneNumber = decode(r#"{"attribute_type":"phone-number","original_phone_number":"+15558675309","normalized_phone_number":"+15558675309","country_code":"US"}"#).unwrap();
        let spec: PhoneNumber = decode(r#"{"attribute_type":"phone-number","original_phone_number":"+15558675309","country_code":"US","phone_number":"+15558675309"}"#).unwrap();
        assert_eq!(docs, spec);
        assert_eq!(docs.normalized(), Some("+15558675309"));
        assert_eq!(
            docs.country_code().map(|c| c.to_string()).as_deref(),
            Some("US")
        );
        assert!(docs.validate().is_ok());
        let bare: PhoneNumber =
            decode(r#"{"phone_number":"+15558675309","country_code":null}"#).unwrap();
        assert_eq!(bare.as_str(), "+15558675309");
        assert!(decode::<PhoneNumber>(r#"{"country_code":"US"}"#).is_err());
        assert!(
            decode::<PhoneNumber>(r#"{"original_phone_number":"1","country_code":"usa"}"#).is_err()
        );
    }

    #[test]
    fn serdes() {
        let p = PhoneNumber::new("+447777777777").unwrap();
        assert_eq!(serde_json::to_value(&p).unwrap(), json!("+447777777777"));
        assert_eq!(
            serde_json::from_value::<PhoneNumber>(json!("+447777777777")).unwrap(),
            p
        );
        let n = PhoneNumber::national("07777777777", gb()).unwrap();
        let v = serde_json::to_value(&n).unwrap();
        assert_eq!(v, json!({"number": "07777777777", "country_code": "GB"}));
        assert_eq!(serde_json::from_value::<PhoneNumber>(v).unwrap(), n);
        assert!(serde_json::from_value::<PhoneNumber>(json!("07777777777")).is_err());
    }
}
