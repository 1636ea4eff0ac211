//! `date`: a calendar date without a time zone.

use std::fmt;
use std::str::FromStr;

use ascii::AsciiChar;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Month;

use super::ValueMeta;
use super::digits::{as_str, read_date, write_date};
use super::{AttioValue, AttributeType, Key, Value, ValueError, WritableValue};

/// A calendar date from 0001-01-01 to 9999-12-31: Attio's `date` attribute type.
///
/// Parsing accepts exactly `YYYY-MM-DD` (Attio's read form), and [`Display`](fmt::Display) writes
/// it; the value is written to Attio as that bare string. Attio's lenient input coercions (`"2023"`,
/// timestamps) are not accepted here: build a date from parts with [`Date::new`] instead. Serde
/// writes and reads the same `YYYY-MM-DD` string.
///
/// ```
/// use attio::Date;
///
/// let d: Date = "2023-11-24".parse()?;
/// assert_eq!(d.to_string(), "2023-11-24");
/// assert_eq!((d.year(), d.month(), d.day()), (2023, 11, 24));
/// assert!("2023-02-30".parse::<Date>().is_err());
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

fn date_error(message: String) -> ValueError {
    ValueError::new(AttributeType::Date, message)
}

impl Date {
    /// The date `year`-`month`-`day`; fails for a day that does not exist or a year outside 1..=9999.
    ///
    /// ```
    /// assert_eq!(attio::Date::new(2004, 7, 29)?.to_string(), "2004-07-29");
    /// assert!(attio::Date::new(2023, 2, 29).is_err());
    /// assert!(attio::Date::new(10000, 1, 1).is_err());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, ValueError> {
        check_year(year)?;
        let m = Month::try_from(month)
            .map_err(|_| date_error(format!("month {month} does not exist; expected 1 to 12")))?;
        time::Date::from_calendar_date(year, m, day)
            .map(Date)
            .map_err(|_| {
                date_error(format!(
                    "{year:04}-{month:02}-{day:02} does not exist (day {day} is past the end of the month)"
                ))
            })
    }

    /// A date from a [`time::Date`]; fails outside 0001-01-01..=9999-12-31.
    ///
    /// ```
    /// let d = attio::Date::from_time_date(time::macros::date!(2024-02-29))?;
    /// assert_eq!(d.to_string(), "2024-02-29");
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn from_time_date(date: time::Date) -> Result<Self, ValueError> {
        check_year(date.year())?;
        Ok(Date(date))
    }

    /// The date as a [`time::Date`].
    ///
    /// ```
    /// let d: attio::Date = "2023-01-02".parse().unwrap();
    /// assert_eq!(d.to_time_date().weekday(), time::Weekday::Monday);
    /// ```
    pub fn to_time_date(self) -> time::Date {
        self.0
    }

    /// The year, 1 to 9999.
    ///
    /// ```
    /// assert_eq!("2023-11-24".parse::<attio::Date>().unwrap().year(), 2023);
    /// ```
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert_eq!("2023-11-24".parse::<attio::Date>().unwrap().month(), 11);
    /// ```
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, 1 to 31.
    ///
    /// ```
    /// assert_eq!("2023-11-24".parse::<attio::Date>().unwrap().day(), 24);
    /// ```
    pub fn day(self) -> u8 {
        self.0.day()
    }
}

fn check_year(year: i32) -> Result<(), ValueError> {
    if (1..=9999).contains(&year) {
        Ok(())
    } else {
        Err(date_error(format!(
            "year {year} is outside Attio's range; dates run from 0001-01-01 to 9999-12-31"
        )))
    }
}

impl From<Date> for time::Date {
    fn from(d: Date) -> Self {
        d.0
    }
}

impl TryFrom<time::Date> for Date {
    type Error = ValueError;
    fn try_from(d: time::Date) -> Result<Self, ValueError> {
        Date::from_time_date(d)
    }
}

impl FromStr for Date {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, ValueError> {
        let bad = || {
            date_error(format!(
                "`{}` is not a date; expected `YYYY-MM-DD`, e.g. `2023-11-24`",
                s.escape_debug()
            ))
        };
        let b = s.as_bytes();
        let Some((year, month, day)) = read_date(b).filter(|_| b.len() == 10) else {
            return Err(bad());
        };
        // Each part has at most four digits, so these conversions cannot fail.
        let (Ok(year), Ok(month), Ok(day)) =
            (i32::try_from(year), u8::try_from(month), u8::try_from(day))
        else {
            return Err(bad());
        };
        Date::new(year, month, day)
    }
}

impl Date {
    /// `YYYY-MM-DD` written into a stack buffer: one `&str` for serializers (which escape each
    /// fragment of a `collect_str` separately) and for `Display`.
    #[inline]
    fn format(self, buf: &mut [AsciiChar; 10]) -> &str {
        // One calendar conversion (`month()` and `day()` would each redo it).
        let (year, month, day) = self.0.to_calendar_date();
        write_date(buf, year, u8::from(month), day);
        as_str(buf)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.format(&mut [AsciiChar::Null; 10]))
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.format(&mut [AsciiChar::Null; 10]))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = Key::deserialize(d)?;
        key.as_str().parse().map_err(serde::de::Error::custom)
    }
}

impl AttioValue for Date {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Date;
    type Shape = Value<Date>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        shape.require("date")
    }
}

impl WritableValue for Date {
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.format(&mut [AsciiChar::Null; 10]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};

    #[test]
    fn parses_and_prints() {
        for s in ["0001-01-01", "9999-12-31", "2024-02-29", "2004-07-29"] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        for bad in [
            "",
            "2023",
            "2023-1-01",
            "2023-01-32",
            "0000-01-01",
            "2023-13-01",
            "2023/01/01",
            "2023-02-29",
            "+023-01-01",
            "2023-01-02T00:00:00Z",
            "２０２３-01-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        let err = "2023".parse::<Date>().unwrap_err();
        assert!(err.message().contains("YYYY-MM-DD"), "{err}");
        assert!(
            Date::new(0, 1, 1)
                .unwrap_err()
                .message()
                .contains("9999-12-31")
        );
        assert!(Date::new(2023, 0, 1).is_err());
        assert!(Date::from_time_date(time::macros::date!(-0001 - 01 - 01)).is_err());
    }

    #[test]
    fn fast_format_matches_write() {
        let mut d = time::Date::from_calendar_date(1, Month::January, 1).unwrap();
        let end = time::Date::from_calendar_date(9999, Month::December, 31).unwrap();
        while d < end {
            let expected = format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
            let ours = Date::from_time_date(d).unwrap();
            assert_eq!(ours.to_string(), expected);
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                format!("\"{expected}\"")
            );
            d = d.saturating_add(time::Duration::days(97));
        }
    }

    #[test]
    fn decodes_encodes_and_serdes() {
        let d: Date = decode(r#"{"attribute_type":"date","value":"2023-11-24"}"#).unwrap();
        assert_eq!(d, Date::new(2023, 11, 24).unwrap());
        assert_eq!(encode(&d), serde_json::json!("2023-11-24"));
        assert!(decode::<Date>(r#"{"value":"2023-11-31"}"#).is_err());
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2023-11-24\"");
        assert_eq!(serde_json::from_str::<Date>("\"2023-11-24\"").unwrap(), d);
    }
}
