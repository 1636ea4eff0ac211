//! `timestamp`: an instant with Attio's nanosecond precision.

use std::fmt;
use std::str::FromStr;

use ascii::AsciiChar;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::ValueMeta;
use super::digits::{as_str, pair, read_date, read_digits, write_date};
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
        let out_of_range = |year: i32| {
            ValueError::new(
                AttributeType::Timestamp,
                format!("year {year} is outside Attio's range 0001 to 9999"),
            )
        };
        // In UTC the year can pass `time`'s ±9999 (`9999-12-31T23:00:00-02:00`), where
        // `to_offset` would panic; an offset is under a day, so it is then ±10000.
        let utc = t
            .checked_to_offset(UtcOffset::UTC)
            .ok_or_else(|| out_of_range(10_000 * t.year().signum()))?;
        if !(1..=9999).contains(&utc.year()) {
            return Err(out_of_range(utc.year()));
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
        let parsed = parse_rfc3339(s.as_bytes()).map_err(|what| {
            ValueError::new(
                AttributeType::Timestamp,
                format!(
                    "`{}` is not an RFC 3339 timestamp ({what}); expected e.g. `2023-01-01T15:00:00.000000000Z`",
                    s.escape_debug()
                ),
            )
        })?;
        Timestamp::from_offset_date_time(parsed)
    }
}

/// RFC 3339 as `time`'s `Rfc3339` reads it, without `time`'s parsing machinery (which would be
/// most of what the `time` crate costs a user's build): `YYYY-MM-DD`, any one character (`T`, `t`,
/// a space), `HH:MM:SS`, an optional `.` with one or more digits (past the ninth, ignored), then
/// `Z`, `z` or `±HH:MM` (hours up to 23). A leap second (`:60`) stands for the minute's last
/// nanosecond, and only where one can be: at 23:59 UTC on the last day of a month. The error
/// says which part is wrong.
fn parse_rfc3339(b: &[u8]) -> Result<OffsetDateTime, &'static str> {
    let digits = |at: usize, n: usize, what: &'static str| read_digits(b, at, n).ok_or(what);
    let literal = |at: usize, c: u8, what: &'static str| match b.get(at) {
        Some(&found) if found == c => Ok(()),
        _ => Err(what),
    };
    let (year, month, day) = read_date(b).ok_or("the date is not YYYY-MM-DD")?;
    // b[10] separates the date from the time: any character, as RFC 3339 allows.
    let hour = digits(11, 2, "the time is not HH:MM:SS")?;
    literal(13, b':', "the time is not HH:MM:SS")?;
    let minute = digits(14, 2, "the time is not HH:MM:SS")?;
    literal(16, b':', "the time is not HH:MM:SS")?;
    let mut second = digits(17, 2, "the time is not HH:MM:SS")?;
    let mut at = 19;
    let mut nanosecond = 0;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let first = at;
        let mut multiplier = 100_000_000;
        while let Some(&d) = b.get(at).filter(|d| d.is_ascii_digit()) {
            nanosecond += u32::from(d - b'0') * multiplier;
            multiplier /= 10;
            at += 1;
        }
        if at == first {
            return Err("a `.` is not followed by digits");
        }
    }
    let offset = match b.get(at) {
        Some(b'Z' | b'z') => {
            at += 1;
            UtcOffset::UTC
        }
        Some(&sign @ (b'+' | b'-')) => {
            let hours = digits(at + 1, 2, "the offset is not Z or ±HH:MM")?;
            literal(at + 3, b':', "the offset is not Z or ±HH:MM")?;
            let minutes = digits(at + 4, 2, "the offset is not Z or ±HH:MM")?;
            at += 6;
            // Both are two digits, so they fit an i8.
            let (hours, minutes) = (hours as i8, minutes as i8);
            let (hours, minutes) = if sign == b'-' {
                (-hours, -minutes)
            } else {
                (hours, minutes)
            };
            match UtcOffset::from_hms(hours, minutes, 0) {
                Ok(offset) if hours.abs() <= 23 => offset,
                _ => return Err("the offset is not a valid ±HH:MM"),
            }
        }
        _ => return Err("the offset is missing: end with Z or ±HH:MM"),
    };
    if at != b.len() {
        return Err("there is more after the offset");
    }
    let leap_second = second == 60;
    if leap_second {
        second = 59;
        nanosecond = 999_999_999;
    }
    // Each is at most four digits, so these conversions cannot fail.
    let month = Month::try_from(month as u8).map_err(|_| "there is no such month")?;
    let date = Date::from_calendar_date(year as i32, month, day as u8)
        .map_err(|_| "there is no such day in that month")?;
    let time = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanosecond)
        .map_err(|_| "there is no such time of day")?;
    let parsed = PrimitiveDateTime::new(date, time).assume_offset(offset);
    if leap_second {
        // Out of `time`'s range in UTC is not a leap second either (the year check refuses it).
        let Some(utc) = parsed.checked_to_offset(UtcOffset::UTC) else {
            return Err("a leap second is only at 23:59:60 UTC on the last day of a month");
        };
        let last_of_month = utc.date().next_day().is_none_or(|next| next.day() == 1);
        if (utc.hour(), utc.minute()) != (23, 59) || !last_of_month {
            return Err("a leap second is only at 23:59:60 UTC on the last day of a month");
        }
    }
    Ok(parsed)
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

    /// The hand parser reads every form as `time`'s `Rfc3339` does, and refuses what it refuses.
    #[test]
    fn parses_as_time_does() {
        use time::format_description::well_known::Rfc3339;
        let mut inputs: Vec<String> = [
            "2022-11-21T13:22:49.061281000Z",
            "2022-11-21t13:22:49z",
            "2022-11-21 13:22:49Z",
            "2022-11-21_13:22:49Z",
            "2023-01-02T15:00:00+02:00",
            "2023-01-02T15:00:00-09:30",
            "2023-01-02T15:00:00-00:00",
            "2023-01-02T15:00:00+23:59",
            "2023-01-02T15:00:00+24:00",
            "2023-01-02T15:00:00+02:60",
            "2023-01-02T15:00:00+0200",
            "2023-01-02T15:00:00.1234567891234Z",
            "2023-01-02T15:00:00.Z",
            "2023-01-02T15:00:00.5",
            "2023-01-02T15:00:00",
            "2023-01-02T15:00:00ZZ",
            "2023-01-02T15:00Z",
            "2023-02-29T00:00:00Z",
            "2024-02-29T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-00-01T00:00:00Z",
            "2023-01-00T00:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01T23:60:00Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2016-12-30T23:59:60Z",
            "2017-01-01T00:59:60+01:00",
            "2016-06-30T23:59:60Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:60Z",
            "9999-12-31T23:59:60-01:00",
            "9999-12-31T23:00:00-02:00",
            "0001-01-01T00:00:00+01:00",
            "2023-1-01T00:00:00Z",
            "+2023-01-01T00:00:00Z",
            "2023-01-01T00:00:00+01:00:00",
            "2023-01-01é00:00:00Z",
            "",
            "yesterday",
        ]
        .map(String::from)
        .into();
        // Every prefix of a valid timestamp, and each character replaced by another.
        let valid = "2022-11-21T13:22:49.061281000+05:30";
        for end in 0..valid.len() {
            inputs.push(valid[..end].to_owned());
        }
        for at in 0..valid.len() {
            for c in ['0', '9', '-', ':', '.', 'T', 'Z', '+', ' '] {
                let mut s = valid.to_owned();
                s.replace_range(at..=at, &c.to_string());
                inputs.push(s);
            }
        }
        for input in &inputs {
            // Never a panic, whatever the input (the comparison below is for what parses).
            let _ = input.parse::<Timestamp>();
            let ours = parse_rfc3339(input.as_bytes()).ok();
            let theirs = OffsetDateTime::parse(input, &Rfc3339).ok();
            assert_eq!(ours, theirs, "{input:?}");
        }
    }

    #[test]
    fn an_error_says_which_part_is_wrong() {
        for (input, says) in [
            ("2023-01-02T15:00:00+0200", "the offset is not Z or ±HH:MM"),
            (
                "2023-01-02T15:00:00",
                "the offset is missing: end with Z or ±HH:MM",
            ),
            ("2023-02-30T15:00:00Z", "there is no such day in that month"),
            ("2023-01-02T15:00:00ZZ", "there is more after the offset"),
            ("2023-1-02T15:00:00Z", "the date is not YYYY-MM-DD"),
        ] {
            let text = input.parse::<Timestamp>().unwrap_err().to_string();
            assert!(text.contains(says), "{input}: {text}");
            assert!(
                text.contains("expected e.g. `2023-01-01T15:00:00.000000000Z`"),
                "{text}"
            );
        }
        // Past 9999 once in UTC: an error, not a panic.
        let text = "9999-12-31T23:00:00-02:00"
            .parse::<Timestamp>()
            .unwrap_err()
            .to_string();
        assert!(
            text.contains("year 10000 is outside Attio's range"),
            "{text}"
        );
        let early = time::macros::datetime!(-9999-01-01 00:00 +01:00);
        let text = Timestamp::from_offset_date_time(early)
            .unwrap_err()
            .to_string();
        assert!(
            text.contains("year -10000 is outside Attio's range"),
            "{text}"
        );
    }

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
