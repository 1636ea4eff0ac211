//! `timestamp`: an instant with Attio's nanosecond precision.

use std::fmt;
use std::str::FromStr;

use ascii::AsciiChar;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use super::ValueMeta;
use super::digits::{as_str, pair, write_date};
use super::{AttioValue, AttributeType, Value, ValueError, WritableValue};

/// An instant in UTC with nanosecond precision: Attio's `timestamp` attribute type, and the type of
/// every `active_from`, `active_until` and `created_at`.
///
/// Attio writes timestamps as RFC 3339 in UTC with exactly nine fractional digits
/// (`2022-11-21T13:22:49.061281000Z`); [`Display`](fmt::Display) writes that form, so a timestamp
/// read from Attio prints back byte for byte. Parsing accepts any RFC 3339 timestamp and converts
/// its offset to UTC, as Attio does. Years run from 0001 to 9999.
///
/// ```
/// use attio::Timestamp;
///
/// let t: Timestamp = "2022-11-21T13:22:49.061281000Z".parse()?;
/// assert_eq!(t.to_string(), "2022-11-21T13:22:49.061281000Z");
///
/// let t: Timestamp = "2023-01-02T15:00:00+02:00".parse()?;
/// assert_eq!(t.to_string(), "2023-01-02T13:00:00.000000000Z");
/// assert!("yesterday".parse::<Timestamp>().is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The current time.
    ///
    /// ```
    /// let now = attio::Timestamp::now();
    /// assert!(now > "2020-01-01T00:00:00Z".parse().unwrap());
    /// ```
    pub fn now() -> Self {
        Timestamp(OffsetDateTime::now_utc())
    }

    /// The instant as a [`time::OffsetDateTime`] in UTC.
    ///
    /// ```
    /// let t: attio::Timestamp = "2023-01-01T15:00:00.5Z".parse().unwrap();
    /// assert_eq!(t.to_offset_date_time().nanosecond(), 500_000_000);
    /// ```
    pub fn to_offset_date_time(self) -> OffsetDateTime {
        self.0
    }

    /// The instant as nanoseconds since the Unix epoch.
    ///
    /// ```
    /// let t: attio::Timestamp = "1970-01-01T00:00:01.000000001Z".parse().unwrap();
    /// assert_eq!(t.unix_timestamp_nanos(), 1_000_000_001);
    /// ```
    pub fn unix_timestamp_nanos(self) -> i128 {
        self.0.unix_timestamp_nanos()
    }

    /// A timestamp from an [`OffsetDateTime`], converted to UTC; fails outside years 1 to 9999.
    ///
    /// ```
    /// let t = attio::Timestamp::from_offset_date_time(time::macros::datetime!(2024-02-29 12:00 +01:00))?;
    /// assert_eq!(t.to_string(), "2024-02-29T11:00:00.000000000Z");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn from_offset_date_time(t: OffsetDateTime) -> Result<Self, ValueError> {
        let utc = t.to_offset(UtcOffset::UTC);
        if !(1..=9999).contains(&utc.year()) {
            return Err(ValueError::new(
                AttributeType::Timestamp,
                format!("year {} is outside Attio's range 0001 to 9999", utc.year()),
            ));
        }
        Ok(Timestamp(utc))
    }
}

impl From<Timestamp> for OffsetDateTime {
    fn from(t: Timestamp) -> Self {
        t.0
    }
}

impl TryFrom<OffsetDateTime> for Timestamp {
    type Error = ValueError;
    fn try_from(t: OffsetDateTime) -> Result<Self, ValueError> {
        Timestamp::from_offset_date_time(t)
    }
}

impl FromStr for Timestamp {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, ValueError> {
        // Accept `z` and a space separator as RFC 3339 does; reject anything else with a clear message.
        let parsed = OffsetDateTime::parse(s, &Rfc3339).map_err(|e| {
            ValueError::new(
                AttributeType::Timestamp,
                format!(
                    "`{s}` is not an RFC 3339 timestamp ({e}); expected e.g. `2023-01-01T15:00:00.000000000Z`"
                ),
            )
        })?;
        Timestamp::from_offset_date_time(parsed)
    }
}

impl Timestamp {
    /// The RFC 3339 form with nine fractional digits, written into a stack buffer: one `&str` for
    /// serializers (which escape each fragment of a `collect_str` separately) and for `Display`.
    #[inline]
    fn format(self, buf: &mut [AsciiChar; 30]) -> &str {
        // One calendar conversion and one time split (the separate `year()`, `month()`, `day()`
        // accessors each redo the conversion from the ordinal day).
        let (year, month, day) = self.0.to_calendar_date();
        let (hour, minute, second, nanosecond) = self.0.to_hms_nano();
        write_date(buf, year, u8::from(month), day);
        buf[10] = AsciiChar::T;
        buf[11..13].copy_from_slice(&pair(u32::from(hour)));
        buf[13] = AsciiChar::Colon;
        buf[14..16].copy_from_slice(&pair(u32::from(minute)));
        buf[16] = AsciiChar::Colon;
        buf[17..19].copy_from_slice(&pair(u32::from(second)));
        buf[19] = AsciiChar::Dot;
        // Nine digits: one, then four pairs; whole seconds (Attio's own, and most that are
        // written) skip the arithmetic.
        if nanosecond == 0 {
            buf[20..29].fill(AsciiChar::_0);
        } else {
            buf[20] = pair(nanosecond / 100_000_000)[1];
            buf[21..23].copy_from_slice(&pair(nanosecond / 1_000_000));
            buf[23..25].copy_from_slice(&pair(nanosecond / 10_000));
            buf[25..27].copy_from_slice(&pair(nanosecond / 100));
            buf[27..29].copy_from_slice(&pair(nanosecond));
        }
        buf[29] = AsciiChar::Z;
        as_str(buf)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.format(&mut [AsciiChar::Null; 30]))
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.format(&mut [AsciiChar::Null; 30]))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = super::Key::deserialize(d)?;
        key.as_str().parse().map_err(serde::de::Error::custom)
    }
}

impl AttioValue for Timestamp {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Timestamp;
    type Shape = Value<Timestamp>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        shape.require("timestamp")
    }
}

impl WritableValue for Timestamp {
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.format(&mut [AsciiChar::Null; 30]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_nanoseconds_exactly() {
        for s in [
            "2022-11-21T13:22:49.061281000Z",
            "2023-01-01T15:00:00.000000000Z",
            "9999-12-31T23:59:59.999999999Z",
            "0001-01-01T00:00:00.000000001Z",
        ] {
            let t: Timestamp = s.parse().unwrap();
            assert_eq!(t.to_string(), s);
            let json = serde_json::to_string(&t).unwrap();
            let back: Timestamp = serde_json::from_str(&json).unwrap();
            assert_eq!(back, t);
        }
    }

    #[test]
    fn fast_format_matches_write() {
        let mut ns = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            ns = ns
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Anywhere in years 1..=9999.
            let secs = ((ns >> 11) % 315_537_897_600) as i64 - 62_135_596_800;
            let t = OffsetDateTime::from_unix_timestamp(secs)
                .unwrap()
                .replace_nanosecond((ns % 1_000_000_000) as u32)
                .unwrap();
            let expected = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute(),
                t.second(),
                t.nanosecond()
            );
            let t = Timestamp(t);
            assert_eq!(t.to_string(), expected);
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{expected}\"")
            );
        }
    }

    #[test]
    fn converts_offsets_to_utc_and_rejects_garbage() {
        let t: Timestamp = "2023-01-02T23:00:00-10:00".parse().unwrap();
        assert_eq!(t.to_string(), "2023-01-03T09:00:00.000000000Z");
        let err = "2023-13-01T00:00:00Z".parse::<Timestamp>().unwrap_err();
        assert!(err.to_string().contains("RFC 3339"), "{err}");
        assert!("".parse::<Timestamp>().is_err());
    }
}
