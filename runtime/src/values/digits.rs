//! ASCII formatting for the encode paths of `Date` and `Timestamp`: two digits per table lookup,
//! into a buffer that `str::from_utf8` checks cheaply.
//!
//! A serializer wants one `&str` (serde_json escapes each fragment of a `collect_str`
//! separately), and safe Rust turns bytes into a `&str` only through `str::from_utf8`. Its cost
//! is mostly fixed overhead plus a byte-by-byte loop over whatever is not in whole, aligned
//! 16-byte blocks: about 115 instructions for a 30-byte timestamp in a plain array, 90 for a
//! 10-byte date. [`AsciiBuf`] is aligned to 8 bytes and a multiple of 16 bytes long, padded with
//! NULs (ASCII), so the check runs entirely in its word-at-a-time loop (about 50 instructions);
//! the text is then sliced off the front, which checks one character boundary.

/// `00`, `01`, … `99`: two digits per table lookup.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// The last two decimal digits of `n`.
#[inline]
pub(super) fn pair(n: u32) -> [u8; 2] {
    let i = (n % 100) as usize * 2;
    [PAIRS[i], PAIRS[i + 1]]
}

/// Writes `YYYY-MM-DD` into `buf[..10]` (the year is 1..=9999, checked on construction, so it is
/// four digits).
#[inline]
pub(super) fn write_date(buf: &mut [u8], year: i32, month: u8, day: u8) {
    let year = year.unsigned_abs();
    buf[0..2].copy_from_slice(&pair(year / 100));
    buf[2..4].copy_from_slice(&pair(year));
    buf[4] = b'-';
    buf[5..7].copy_from_slice(&pair(u32::from(month)));
    buf[7] = b'-';
    buf[8..10].copy_from_slice(&pair(u32::from(day)));
}

/// A stack buffer for ASCII text, shaped for `str::from_utf8`'s fast path: aligned to a word, a
/// whole number of 16-byte blocks long, and NUL-padded.
#[repr(C, align(8))]
pub(super) struct AsciiBuf<const N: usize>(pub(super) [u8; N]);

impl<const N: usize> AsciiBuf<N> {
    /// An all-NUL buffer.
    #[inline]
    pub(super) fn new() -> Self {
        const { assert!(N.is_multiple_of(16), "a whole number of 16-byte blocks") };
        AsciiBuf([0; N])
    }

    /// The first `len` bytes as text; empty if anything written was not ASCII (a bug in the
    /// caller's formatting, caught by its tests).
    #[inline]
    pub(super) fn as_str(&self, len: usize) -> &str {
        std::str::from_utf8(&self.0)
            .ok()
            .and_then(|s| s.get(..len))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_and_dates() {
        for n in 0..1000 {
            assert_eq!(pair(n), *format!("{:02}", n % 100).as_bytes());
        }
        let mut buf = AsciiBuf::<16>::new();
        write_date(&mut buf.0, 987, 3, 9);
        assert_eq!(buf.as_str(10), "0987-03-09");
        assert_eq!(buf.as_str(16), "0987-03-09\0\0\0\0\0\0");
    }

    #[test]
    fn non_ascii_reads_as_empty() {
        let mut buf = AsciiBuf::<16>::new();
        buf.0[..2].copy_from_slice("é".as_bytes());
        assert_eq!(buf.as_str(1), "");
        buf.0[0] = 0xff;
        assert_eq!(buf.as_str(2), "");
    }
}
