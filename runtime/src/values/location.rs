//! `location`: a postal address with optional coordinates.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::{AttioValue, AttributeType, CountryCode, ValueError, WritableValue};

/// A postal address with optional coordinates: Attio's `location` attribute type.
///
/// Ten optional parts, all strings as on the wire: `line_1` to `line_4`, `locality`, `region`,
/// `postcode`, `country_code` (ISO 3166-1 alpha-2, a [`CountryCode`]), `latitude` and `longitude`.
/// Build one with [`Location::new`] and the `with_*` methods. Coordinates are checked as Attio
/// checks them: decimal strings with an optional sign and at most 9 decimal places, the latitude
/// within ±90 and the longitude within ±180.
///
/// **Write form:** the full object with all ten keys, `null` for a missing part (Attio replaces a
/// location as a whole and requires every key). **Read:** the same ten keys, all nullable.
/// **Serde:** the same ten-key object. Equality compares every part.
///
/// ```
/// use attio::Location;
///
/// let hq = Location::new()
///     .with_line_1("1 Infinite Loop")
///     .with_locality("Cupertino")
///     .with_region("CA")
///     .with_postcode("95014")
///     .with_country_code("US".parse()?)
///     .with_coordinates("37.331741", "-122.030333")?;
/// assert_eq!(hq.to_string(), "1 Infinite Loop, Cupertino, CA, 95014, US");
/// assert_eq!(hq.latitude(), Some("37.331741"));
/// assert!(Location::new().with_coordinates("91", "0").is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Location {
    line_1: Option<String>,
    line_2: Option<String>,
    line_3: Option<String>,
    line_4: Option<String>,
    locality: Option<String>,
    region: Option<String>,
    postcode: Option<String>,
    country_code: Option<CountryCode>,
    latitude: Option<String>,
    longitude: Option<String>,
}

fn location_error(message: String) -> ValueError {
    ValueError::new(AttributeType::Location, message)
}

/// Checks one coordinate: `[+-]digits[.digits]`, at most 9 decimal places, |value| <= `max`.
fn check_coordinate(name: &str, s: &str, max: u32) -> Result<(), ValueError> {
    let bad = |why: String| {
        location_error(format!(
            "the {name} `{}` {why}; expected a decimal string such as `37.331741`, with at most 9 decimal places, within ±{max}",
            s.escape_debug()
        ))
    };
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, f),
        None => (unsigned, ""),
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !digits(int)
        || !digits(frac)
        || (unsigned.contains('.') && frac.is_empty())
    {
        return Err(bad("is not a decimal number".into()));
    }
    if frac.len() > 9 {
        return Err(bad(format!("has {} decimal places", frac.len())));
    }
    let int_value: u64 = match int.trim_start_matches('0') {
        "" => 0,
        t if t.len() > 3 => u64::MAX,
        t => t.parse().unwrap_or(u64::MAX),
    };
    let max = u64::from(max);
    if int_value > max || (int_value == max && frac.bytes().any(|b| b != b'0')) {
        return Err(bad("is out of range".into()));
    }
    Ok(())
}

fn check_coordinates(latitude: Option<&str>, longitude: Option<&str>) -> Result<(), ValueError> {
    if let Some(lat) = latitude {
        check_coordinate("latitude", lat, 90)?;
    }
    if let Some(lon) = longitude {
        check_coordinate("longitude", lon, 180)?;
    }
    Ok(())
}

macro_rules! text_part {
    ($($field:ident, $with:ident, $doc:literal, $example:literal;)*) => {$(
        #[doc = concat!("The ", $doc, ".")]
        ///
        /// ```
        #[doc = concat!("let l = attio::Location::new().", stringify!($with), "(\"", $example, "\");")]
        #[doc = concat!("assert_eq!(l.", stringify!($field), "(), Some(\"", $example, "\"));")]
        /// ```
        pub fn $field(&self) -> Option<&str> {
            self.$field.as_deref()
        }

        #[doc = concat!("Sets the ", $doc, ".")]
        ///
        /// ```
        #[doc = concat!("let l = attio::Location::new().", stringify!($with), "(\"", $example, "\");")]
        #[doc = concat!("assert_eq!(l.", stringify!($field), "(), Some(\"", $example, "\"));")]
        /// ```
        pub fn $with(mut self, $field: impl Into<String>) -> Self {
            self.$field = Some($field.into());
            self
        }
    )*};
}

impl Location {
    /// An empty location; add parts with the `with_*` methods.
    ///
    /// ```
    /// assert_eq!(attio::Location::new().locality(), None);
    /// ```
    pub fn new() -> Self {
        Location::default()
    }

    text_part! {
        line_1, with_line_1, "first address line", "1 Infinite Loop";
        line_2, with_line_2, "second address line", "Building 3";
        line_3, with_line_3, "third address line", "Floor 2";
        line_4, with_line_4, "fourth address line", "Desk 7";
        locality, with_locality, "locality (city or town)", "Cupertino";
        region, with_region, "region (state, county or province)", "CA";
        postcode, with_postcode, "postcode", "95014";
    }

    /// The ISO 3166-1 alpha-2 country code.
    ///
    /// ```
    /// let l = attio::Location::new().with_country_code("US".parse()?);
    /// assert_eq!(l.country_code(), Some("US".parse()?));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn country_code(&self) -> Option<CountryCode> {
        self.country_code
    }

    /// Sets the country code.
    ///
    /// ```
    /// let l = attio::Location::new().with_country_code("GB".parse()?);
    /// assert_eq!(l.to_string(), "GB");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn with_country_code(mut self, country_code: CountryCode) -> Self {
        self.country_code = Some(country_code);
        self
    }

    /// The latitude, as Attio writes it (a decimal string).
    ///
    /// ```
    /// let l = attio::Location::new().with_coordinates("37.331741", "-122.030333")?;
    /// assert_eq!(l.latitude(), Some("37.331741"));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn latitude(&self) -> Option<&str> {
        self.latitude.as_deref()
    }

    /// The longitude, as Attio writes it (a decimal string).
    ///
    /// ```
    /// let l = attio::Location::new().with_coordinates("37.331741", "-122.030333")?;
    /// assert_eq!(l.longitude(), Some("-122.030333"));
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn longitude(&self) -> Option<&str> {
        self.longitude.as_deref()
    }

    /// Sets the coordinates: decimal strings with an optional sign and at most 9 decimal places,
    /// the latitude within ±90 and the longitude within ±180.
    ///
    /// ```
    /// use attio::Location;
    /// assert!(Location::new().with_coordinates("-90", "180.000000000").is_ok());
    /// assert!(Location::new().with_coordinates("45.1234567891", "0").is_err()); // 10 decimal places
    /// assert!(Location::new().with_coordinates("45", "180.5").is_err());
    /// assert!(Location::new().with_coordinates("4e1", "0").is_err());
    /// ```
    pub fn with_coordinates(
        mut self,
        latitude: impl Into<String>,
        longitude: impl Into<String>,
    ) -> Result<Self, ValueError> {
        let (latitude, longitude) = (latitude.into(), longitude.into());
        check_coordinates(Some(&latitude), Some(&longitude))?;
        self.latitude = Some(latitude);
        self.longitude = Some(longitude);
        Ok(self)
    }

    /// Removes the coordinates.
    ///
    /// ```
    /// let l = attio::Location::new().with_coordinates("1", "2")?.without_coordinates();
    /// assert_eq!(l.latitude(), None);
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn without_coordinates(mut self) -> Self {
        self.latitude = None;
        self.longitude = None;
        self
    }

    fn check(&self) -> Result<(), ValueError> {
        check_coordinates(self.latitude.as_deref(), self.longitude.as_deref())
    }

    fn parts(&self) -> [(&'static str, Option<&str>); 10] {
        [
            ("line_1", self.line_1.as_deref()),
            ("line_2", self.line_2.as_deref()),
            ("line_3", self.line_3.as_deref()),
            ("line_4", self.line_4.as_deref()),
            ("locality", self.locality.as_deref()),
            ("region", self.region.as_deref()),
            ("postcode", self.postcode.as_deref()),
            (
                "country_code",
                self.country_code.as_ref().map(CountryCode::as_str),
            ),
            ("latitude", self.latitude.as_deref()),
            ("longitude", self.longitude.as_deref()),
        ]
    }
}

/// The address parts that are set, joined with `", "` (coordinates left out).
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (_, part) in &self.parts()[..8] {
            if let Some(p) = part.filter(|p| !p.is_empty()) {
                if !first {
                    f.write_str(", ")?;
                }
                f.write_str(p)?;
                first = false;
            }
        }
        Ok(())
    }
}

/// The ten-key object.
fn write_object<S: Serializer>(l: &Location, s: S) -> Result<S::Ok, S::Error> {
    // Field by field rather than a loop over `parts()`, so that each key is a constant.
    let mut st = s.serialize_struct("Location", 10)?;
    st.serialize_field("line_1", &l.line_1)?;
    st.serialize_field("line_2", &l.line_2)?;
    st.serialize_field("line_3", &l.line_3)?;
    st.serialize_field("line_4", &l.line_4)?;
    st.serialize_field("locality", &l.locality)?;
    st.serialize_field("region", &l.region)?;
    st.serialize_field("postcode", &l.postcode)?;
    st.serialize_field("country_code", &l.country_code)?;
    st.serialize_field("latitude", &l.latitude)?;
    st.serialize_field("longitude", &l.longitude)?;
    st.end()
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_object(self, s)
    }
}

/// Serde's shape (the ten keys, each optional).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repr {
    #[serde(default)]
    line_1: Option<String>,
    #[serde(default)]
    line_2: Option<String>,
    #[serde(default)]
    line_3: Option<String>,
    #[serde(default)]
    line_4: Option<String>,
    #[serde(default)]
    locality: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    postcode: Option<String>,
    #[serde(default)]
    country_code: Option<CountryCode>,
    #[serde(default)]
    latitude: Option<String>,
    #[serde(default)]
    longitude: Option<String>,
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = Repr::deserialize(d)?;
        let l = Location {
            line_1: r.line_1,
            line_2: r.line_2,
            line_3: r.line_3,
            line_4: r.line_4,
            locality: r.locality,
            region: r.region,
            postcode: r.postcode,
            country_code: r.country_code,
            latitude: r.latitude,
            longitude: r.longitude,
        };
        l.check().map_err(serde::de::Error::custom)?;
        Ok(l)
    }
}

super::read_shape! {
    /// The keys of a `location` value object.
    pub struct LocationShape {
        line_1: String,
        line_2: String,
        line_3: String,
        line_4: String,
        locality: String,
        region: String,
        postcode: String,
        country_code: String,
        latitude: String,
        longitude: String,
    }
}

impl AttioValue for Location {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Location;
    type Shape = LocationShape;

    /// Keeps what Attio returned; the coordinates are checked again by
    /// [`validate`](WritableValue::validate) before a write.
    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let country_code = shape
            .country_code
            .map(|c| CountryCode::parse_for(&c, AttributeType::Location))
            .transpose()
            .map_err(|e| e.to_string())?;
        Ok(Location {
            line_1: shape.line_1,
            line_2: shape.line_2,
            line_3: shape.line_3,
            line_4: shape.line_4,
            locality: shape.locality,
            region: shape.region,
            postcode: shape.postcode,
            country_code,
            latitude: shape.latitude,
            longitude: shape.longitude,
        })
    }
}

impl WritableValue for Location {
    fn validate(&self) -> Result<(), ValueError> {
        self.check()
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

    const READ: &str = r#"{"attribute_type":"location","line_1":"1 Infinite Loop","line_2":null,"line_3":null,"line_4":null,"locality":"Cupertino","region":"CA","postcode":"95014","country_code":"US","latitude":"37.331741","longitude":"-122.030333"}"#;

    #[test]
    fn checks_coordinates() {
        for (lat, lon) in [
            ("0", "0"),
            ("-90", "-180"),
            ("+90.000", "180"),
            ("37.331741", "-122.030333"),
            ("1.123456789", "002"),
        ] {
            assert!(
                Location::new().with_coordinates(lat, lon).is_ok(),
                "{lat} {lon}"
            );
        }
        for (lat, lon) in [
            ("90.1", "0"),
            ("-91", "0"),
            ("0", "180.000000001"),
            ("", "0"),
            ("1.", "0"),
            (".5", "0"),
            ("1.1234567891", "0"),
            ("NaN", "0"),
            ("0", "1e2"),
            ("0", "--1"),
            ("99999999999999999999", "0"),
        ] {
            assert!(
                Location::new().with_coordinates(lat, lon).is_err(),
                "{lat} {lon}"
            );
        }
        let err = Location::new().with_coordinates("95", "0").unwrap_err();
        assert!(
            err.message().contains("latitude `95` is out of range"),
            "{err}"
        );
    }

    #[test]
    fn decodes_and_encodes_the_full_object() {
        let l: Location = decode(READ).unwrap();
        assert_eq!(l.locality(), Some("Cupertino"));
        assert_eq!(l.line_2(), None);
        assert!(l.validate().is_ok());
        let expected = json!({
            "line_1": "1 Infinite Loop", "line_2": null, "line_3": null, "line_4": null,
            "locality": "Cupertino", "region": "CA", "postcode": "95014", "country_code": "US",
            "latitude": "37.331741", "longitude": "-122.030333"
        });
        assert_eq!(encode(&l), expected);
        assert_eq!(serde_json::to_value(&l).unwrap(), expected);
        assert_eq!(serde_json::from_value::<Location>(expected).unwrap(), l);
        let empty: Location = decode(r#"{"attribute_type":"location"}"#).unwrap();
        assert_eq!(encode(&empty).as_object().map(|o| o.len()), Some(10));
        assert!(decode::<Location>(r#"{"country_code":"usa"}"#).is_err());
        let bad: Location = decode(r#"{"latitude":"100","longitude":"0"}"#).unwrap();
        assert!(bad.validate().is_err());
        assert!(
            serde_json::from_value::<Location>(json!({"latitude": "100", "longitude": "0"}))
                .is_err()
        );
        assert!(serde_json::from_value::<Location>(json!({"latitude": "1"})).is_ok());
    }
}
