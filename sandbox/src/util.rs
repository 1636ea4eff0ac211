//! Small helpers: a seedable RNG, UUID strings, Attio's timestamp format, and a lock that
//! survives a panicked holder.

use std::sync::{Mutex, MutexGuard};

use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// Locks a mutex, recovering the data if a previous holder panicked.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A small deterministic RNG (SplitMix64); good enough for ids and fault fractions.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// A generator seeded from the clock.
    pub fn from_clock() -> Self {
        let nanos = OffsetDateTime::now_utc().unix_timestamp_nanos();
        Self::new(nanos as u64 ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A random version-4 UUID, formatted in lower-case hyphenated form.
    pub fn uuid(&mut self) -> String {
        let hi = self.next_u64();
        let lo = self.next_u64();
        let hi = (hi & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        let lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        )
    }
}

/// Formats a UTC instant as Attio does: RFC 3339 with exactly nine fractional digits and `Z`.
pub fn format_ts(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond()
    )
}

/// Nanoseconds since the Unix epoch to Attio's timestamp format.
pub fn format_ns(ns: i128) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(ns)
        .map(format_ts)
        .unwrap_or_default()
}

fn num(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Parses Attio's accepted timestamp inputs into an instant: `2023`, `2023-01`, `2023-01-02`,
/// `2023-01-02T13:00`, `…T13:00:00`, `…T13:00:00.123456789`, each optionally followed by `Z`
/// or an offset (`+02:00`, `+0200`). Without an offset UTC is assumed. A space may replace `T`.
pub fn parse_timestamp(input: &str) -> Option<OffsetDateTime> {
    let s = input.trim();
    let (date_part, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = date_part.split('-');
    let year = num(parts.next()?, 4)? as i32;
    let month = match parts.next() {
        Some(m) => num(m, 2)?,
        None => 1,
    };
    let day = match parts.next() {
        Some(d) => num(d, 2)?,
        None => 1,
    };
    if parts.next().is_some() || year < 1 {
        return None;
    }
    let date =
        Date::from_calendar_date(year, Month::try_from(month as u8).ok()?, day as u8).ok()?;
    let (time, offset) = match rest {
        None => (Time::MIDNIGHT, UtcOffset::UTC),
        Some(rest) => {
            let (clock, offset) = split_offset(rest)?;
            (parse_clock(clock)?, offset)
        }
    };
    let local = date.with_time(time).assume_offset(offset);
    // Normalise to UTC through the epoch so out-of-range results are rejected, not panics.
    OffsetDateTime::from_unix_timestamp_nanos(local.unix_timestamp_nanos()).ok()
}

fn split_offset(rest: &str) -> Option<(&str, UtcOffset)> {
    if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        return Some((clock, UtcOffset::UTC));
    }
    if let Some(i) = rest.rfind(['+', '-']) {
        let (clock, off) = rest.split_at(i);
        let sign: i8 = if off.starts_with('-') { -1 } else { 1 };
        let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
        let (h, m) = match digits.len() {
            2 => (num(&digits, 2)?, 0),
            4 => (num(&digits[..2], 2)?, num(&digits[2..], 2)?),
            _ => return None,
        };
        let offset = UtcOffset::from_hms(sign * h as i8, sign * m as i8, 0).ok()?;
        return Some((clock, offset));
    }
    Some((rest, UtcOffset::UTC))
}

fn parse_clock(clock: &str) -> Option<Time> {
    let (hms, frac) = match clock.split_once(['.', ',']) {
        Some((a, b)) => (a, Some(b)),
        None => (clock, None),
    };
    let mut it = hms.split(':');
    let h = num(it.next()?, 2)?;
    let m = match it.next() {
        Some(m) => num(m, 2)?,
        None => 0,
    };
    let s = match it.next() {
        Some(s) => num(s, 2)?,
        None => 0,
    };
    if it.next().is_some() {
        return None;
    }
    let nanos = match frac {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.parse::<u32>().ok()? * 10u32.pow(9 - f.len() as u32)
        }
        Some(_) => return None,
    };
    Time::from_hms_nano(h as u8, m as u8, s as u8, nanos).ok()
}

/// Parses a date input as Attio does: any accepted timestamp form, converted to UTC first,
/// then truncated to its date (`2023-01-02T23:00:00-10:00` is `2023-01-03`).
pub fn parse_date(input: &str) -> Option<String> {
    let t = parse_timestamp(input)?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        t.year(),
        u8::from(t.month()),
        t.day()
    ))
}

/// Whether `s` is a non-empty snake_case ASCII slug (`a-z`, `0-9`, `_`), as Attio wants for
/// object, list and attribute slugs.
pub fn is_snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Decodes `%XX` escapes in a path segment (invalid escapes are kept as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a query string into key/value pairs (with `+` as space and `%XX` decoded).
pub fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Option<String> {
        parse_timestamp(s).map(format_ts)
    }

    #[test]
    fn timestamp_coercions() {
        assert_eq!(
            ts("2023").as_deref(),
            Some("2023-01-01T00:00:00.000000000Z")
        );
        assert_eq!(
            ts("2023-01").as_deref(),
            Some("2023-01-01T00:00:00.000000000Z")
        );
        assert_eq!(
            ts("2023-01-02T13:00").as_deref(),
            Some("2023-01-02T13:00:00.000000000Z")
        );
        assert_eq!(
            ts("2023-01-02T13:00:00").as_deref(),
            Some("2023-01-02T13:00:00.000000000Z")
        );
        assert_eq!(
            ts("2023-01-02T13:00:00.5").as_deref(),
            Some("2023-01-02T13:00:00.500000000Z")
        );
        assert_eq!(
            ts("2023-01-02T13:00:00.000000000+02:00").as_deref(),
            Some("2023-01-02T11:00:00.000000000Z")
        );
        assert_eq!(
            ts("2019-01-17T15:17:48.000000000Z").as_deref(),
            Some("2019-01-17T15:17:48.000000000Z")
        );
        assert_eq!(
            ts("9999-12-31T23:59:59.999999999Z").as_deref(),
            Some("9999-12-31T23:59:59.999999999Z")
        );
        assert_eq!(ts("9999-12-31T23:00:00-10:00"), None);
        for bad in [
            "",
            "hello",
            "2023-13-01",
            "2023-02-30",
            "23-01-01",
            "2023-01-02T25:00",
            "2023-01-02T10:00:00.1234567891",
        ] {
            assert_eq!(ts(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_coercions() {
        let cases = [
            ("2023", "2023-01-01"),
            ("2023-01", "2023-01-01"),
            ("2023-01-02", "2023-01-02"),
            ("2023-01-02T13:00", "2023-01-02"),
            ("2023-01-02T14:00:00", "2023-01-02"),
            ("2023-01-02T15:00:00.000000000", "2023-01-02"),
            ("2023-01-02T15:00:00.000000000+02:00", "2023-01-02"),
            ("2023-01-02T23:00:00-10:00", "2023-01-03"),
            ("9999-12-31", "9999-12-31"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(parse_date("10000-01-01"), None);
    }

    #[test]
    fn uuids_are_v4() {
        let mut rng = Rng::new(1);
        let id = rng.uuid();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(
            query_pairs(Some("a=1&b=x%2By")),
            vec![("a".into(), "1".into()), ("b".into(), "x+y".into())]
        );
    }
}
