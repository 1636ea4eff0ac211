//! ASCII text for the encode paths of `Date`, `Timestamp` and `CountryCode`, built from
//! [`AsciiChar`]s so that it is a `&str` without a UTF-8 check; and the one reader of a
//! `YYYY-MM-DD` date, which `Date` and `Timestamp` both parse.
//!
//! A serializer wants one `&str` (serde_json escapes and copies each fragment of a `collect_str`
//! separately, which costs three times what one `serialize_str` does for a timestamp), and in
//! safe Rust bytes become a `&str` only through `str::from_utf8`, about 50 to 115 instructions
//! for these short buffers: as much as formatting them. An array of `AsciiChar` (the `ascii`
//! crate's `u8` restricted to 0..=127) is text by construction, and views as `&str` for free.

use ascii::{AsciiChar, AsciiStr};

/// `00`, `01`, … `99`: two digits per table lookup.
const PAIRS: [[AsciiChar; 2]; 100] = {
    let mut pairs = [[AsciiChar::_0; 2]; 100];
    let mut i = 0;
    while i < 100 {
        pairs[i] = [
            AsciiChar::new((b'0' + (i / 10) as u8) as char),
            AsciiChar::new((b'0' + (i % 10) as u8) as char),
        ];
        i += 1;
    }
    pairs
};

/// The last two decimal digits of `n`.
#[inline]
pub(super) fn pair(n: u32) -> [AsciiChar; 2] {
    PAIRS[(n % 100) as usize]
}

/// Writes `YYYY-MM-DD` into `buf[..10]` (the year is 1..=9999, checked on construction, so it is
/// four digits).
#[inline]
pub(super) fn write_date(buf: &mut [AsciiChar], year: i32, month: u8, day: u8) {
    let year = year.unsigned_abs();
    buf[0..2].copy_from_slice(&pair(year / 100));
    buf[2..4].copy_from_slice(&pair(year));
    buf[4] = AsciiChar::Minus;
    buf[5..7].copy_from_slice(&pair(u32::from(month)));
    buf[7] = AsciiChar::Minus;
    buf[8..10].copy_from_slice(&pair(u32::from(day)));
}

/// The number written by the `n` ASCII digits at `b[at..]`; `None` past the end or at anything
/// but a digit.
pub(super) fn read_digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    b.get(at..at + n)?.iter().try_fold(0, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
    })
}

/// The year, month and day of the `YYYY-MM-DD` that `b` starts with (the numbers as written, not
/// checked against the calendar); `None` when it does not start so.
pub(super) fn read_date(b: &[u8]) -> Option<(u32, u32, u32)> {
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    Some((
        read_digits(b, 0, 4)?,
        read_digits(b, 5, 2)?,
        read_digits(b, 8, 2)?,
    ))
}

/// The characters as a `&str`.
#[inline]
pub(super) fn as_str(chars: &[AsciiChar]) -> &str {
    <&AsciiStr>::from(chars).as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_and_dates() {
        for n in 0..1000 {
            assert_eq!(as_str(&pair(n)), format!("{:02}", n % 100));
        }
        let mut buf = [AsciiChar::Null; 10];
        write_date(&mut buf, 987, 3, 9);
        assert_eq!(as_str(&buf), "0987-03-09");
        assert_eq!(read_date(b"0987-03-09T"), Some((987, 3, 9)));
        for bad in [
            &b"0987-03-0"[..],
            b"0987/03/09",
            b"0987-3-09",
            b"098a-03-09",
            b"",
        ] {
            assert_eq!(read_date(bad), None, "{bad:?}");
        }
        assert_eq!(read_digits(b"12:34", 3, 2), Some(34));
        assert_eq!(read_digits(b"12:3", 3, 2), None);
    }
}
