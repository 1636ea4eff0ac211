//! `currency`: an exact amount with up to four decimal places.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueMeta;
use super::{AttioValue, AttributeType, ValueError, WritableValue};

/// Most decimal places Attio keeps for a currency amount.
const MAX_DECIMAL_PLACES: u32 = 4;
/// Most digits an amount may have (before and after the point): far beyond any real amount, and
/// small enough that no arithmetic here can overflow an `i128`.
const MAX_DIGITS: usize = 30;

/// An amount of money: Attio's `currency` attribute type.
///
/// The amount is kept exactly as a decimal with up to four decimal places (Attio's limit), so
/// `"499.00"` (the form Attio's docs show on read) and `4.99` both survive unchanged; the number of
/// decimal places given is kept for [`Display`](fmt::Display). The currency code (ISO 4217, e.g.
/// `USD`) is not part of the value you write: Attio takes it from the attribute's configuration and
/// returns it on read, where [`Currency::currency_code`] exposes it.
///
/// **Write form:** a bare JSON number (`4.99`; a whole amount as an integer, `499`). JSON numbers
/// are read by Attio as `f64`, so an amount with more than 15 significant digits is sent rounded.
///
/// **Read:** `currency_value` as a JSON number or as a decimal string (`"499.00"`, as in Attio's
/// docs), and `currency_code`.
///
/// **Equality** compares the amount numerically (`499.00 == 499`) and the currency code, so a value
/// read from Attio (with a code) differs from one you built (without); compare
/// [`Currency::to_f64`] or the [`Display`](fmt::Display) text to compare amounts only.
///
/// **Serde** writes the amount as its decimal string (`"4.99"`, exact) and the currency code is not
/// kept; it reads a string or a number.
///
/// ```
/// use attio::Currency;
///
/// let price: Currency = "4.99".parse()?;
/// assert_eq!(price.to_string(), "4.99");
/// assert_eq!(price, Currency::new(499, 2)?);
/// assert_eq!("499.00".parse::<Currency>()?.to_string(), "499.00");
/// assert!("4.99999".parse::<Currency>().is_err()); // five decimal places
/// # Ok::<(), attio::ValueError>(())
/// ```
#[derive(Clone)]
pub struct Currency {
    /// The amount is `mantissa / 10^scale`.
    mantissa: i128,
    /// 0 to 4.
    scale: u32,
    currency_code: Option<String>,
}

fn currency_error(message: String) -> ValueError {
    ValueError::new(AttributeType::Currency, message)
}

impl Currency {
    /// The amount `mantissa / 10^decimal_places`, e.g. `Currency::new(499, 2)` is 4.99; fails when
    /// `decimal_places` is more than 4.
    ///
    /// ```
    /// assert_eq!(attio::Currency::new(-1250, 3)?.to_string(), "-1.250");
    /// assert!(attio::Currency::new(1, 5).is_err());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn new(mantissa: i64, decimal_places: u32) -> Result<Self, ValueError> {
        if decimal_places > MAX_DECIMAL_PLACES {
            return Err(currency_error(format!(
                "Attio keeps at most 4 decimal places for a currency amount, got {decimal_places}"
            )));
        }
        Ok(Currency {
            mantissa: i128::from(mantissa),
            scale: decimal_places,
            currency_code: None,
        })
    }

    /// The amount of an `f64`, which must be finite and have at most four decimal places in its
    /// shortest decimal form (`4.99` yes, `0.1 + 0.2` no).
    ///
    /// ```
    /// assert_eq!(attio::Currency::from_f64(4.99)?.to_string(), "4.99");
    /// assert!(attio::Currency::from_f64(f64::NAN).is_err());
    /// assert!(attio::Currency::from_f64(0.1 + 0.2).is_err());
    /// # Ok::<(), attio::ValueError>(())
    /// ```
    pub fn from_f64(amount: f64) -> Result<Self, ValueError> {
        if !amount.is_finite() {
            return Err(currency_error(format!(
                "{amount} is not a finite amount; expected a number with at most 4 decimal places"
            )));
        }
        // `Display` for f64 writes the shortest text that reads back as the same f64, never in
        // exponent notation.
        amount.to_string().parse()
    }

    /// The amount as the nearest `f64`.
    ///
    /// ```
    /// assert_eq!("4.99".parse::<attio::Currency>().unwrap().to_f64(), 4.99);
    /// ```
    pub fn to_f64(&self) -> f64 {
        // When the mantissa is exactly representable (|m| <= 2^53) and so is 10^scale (scale <= 22;
        // here at most 4), one correctly rounded division gives the f64 nearest to m / 10^scale,
        // which is what parsing the decimal text gives.
        if self.mantissa.unsigned_abs() <= 1 << f64::MANTISSA_DIGITS && self.scale <= 22 {
            return self.mantissa as f64 / 10f64.powi(self.scale as i32);
        }
        self.to_f64_slow()
    }

    /// [`Currency::to_f64`] by parsing the decimal text: right for any mantissa.
    fn to_f64_slow(&self) -> f64 {
        // Our own decimal text always parses as an f64.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The amount's digits without the decimal point: the amount is `mantissa() / 10^decimal_places()`.
    ///
    /// ```
    /// let c: attio::Currency = "499.00".parse().unwrap();
    /// assert_eq!((c.mantissa(), c.decimal_places()), (49900, 2));
    /// ```
    pub fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// How many decimal places the amount was given with, 0 to 4.
    ///
    /// ```
    /// assert_eq!("4.5".parse::<attio::Currency>().unwrap().decimal_places(), 1);
    /// ```
    pub fn decimal_places(&self) -> u32 {
        self.scale
    }

    /// The ISO 4217 currency code Attio returned with the value (e.g. `"USD"`); `None` for a value
    /// you built. Attio computes it from the attribute's configuration; it is never written.
    ///
    /// ```
    /// assert_eq!("4.99".parse::<attio::Currency>().unwrap().currency_code(), None);
    /// ```
    pub fn currency_code(&self) -> Option<&str> {
        self.currency_code.as_deref()
    }

    /// The amount in units of 1/10 000, for comparisons.
    fn units(&self) -> i128 {
        // scale <= 4 and |mantissa| < 10^30, so this cannot overflow.
        self.mantissa * 10i128.pow(MAX_DECIMAL_PLACES - self.scale)
    }
}

impl PartialEq for Currency {
    fn eq(&self, other: &Self) -> bool {
        self.units() == other.units() && self.currency_code == other.currency_code
    }
}

impl Eq for Currency {}

impl Hash for Currency {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.units().hash(h);
        self.currency_code.hash(h);
    }
}

impl FromStr for Currency {
    type Err = ValueError;

    /// Parses a decimal amount: an optional `-` or `+`, digits, and optionally `.` and 1 to 4 digits.
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let bad = |why: &str| {
            currency_error(format!(
                "`{}` is not a currency amount: {why}; expected a decimal number with at most 4 decimal places, e.g. `4.99`",
                s.escape_debug()
            ))
        };
        let (negative, unsigned) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let (int, frac) = match unsigned.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (unsigned, None),
        };
        let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return Err(bad("it is not a plain decimal number"));
        }
        let frac = frac.unwrap_or("");
        if frac.len() > MAX_DECIMAL_PLACES as usize {
            return Err(bad("it has more than 4 decimal places"));
        }
        if int.len() + frac.len() > MAX_DIGITS {
            return Err(bad("it is too large"));
        }
        let mantissa = int
            .bytes()
            .chain(frac.bytes())
            .fold(0i128, |acc, d| acc * 10 + i128::from(d - b'0'));
        Ok(Currency {
            mantissa: if negative { -mantissa } else { mantissa },
            scale: frac.len() as u32,
            currency_code: None,
        })
    }
}

impl TryFrom<f64> for Currency {
    type Error = ValueError;
    fn try_from(amount: f64) -> Result<Self, ValueError> {
        Currency::from_f64(amount)
    }
}

impl From<i64> for Currency {
    fn from(amount: i64) -> Self {
        Currency {
            mantissa: i128::from(amount),
            scale: 0,
            currency_code: None,
        }
    }
}

impl From<i32> for Currency {
    fn from(amount: i32) -> Self {
        Currency::from(i64::from(amount))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let abs = self.mantissa.unsigned_abs();
        let pow = 10u128.pow(self.scale);
        if self.scale == 0 {
            write!(f, "{sign}{abs}")
        } else {
            write!(
                f,
                "{sign}{}.{:0width$}",
                abs / pow,
                abs % pow,
                width = self.scale as usize
            )
        }
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.currency_code {
            Some(code) => write!(f, "Currency({self} {code})"),
            None => write!(f, "Currency({self})"),
        }
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A currency amount as a JSON number or a decimal string.
#[doc(hidden)]
#[derive(Debug)]
pub struct Amount(Result<Currency, String>);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a currency amount (a number or a decimal string)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount(Ok(Currency::from(v))))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(
                    v.to_string().parse().map_err(|e: ValueError| e.to_string()),
                ))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                Ok(Amount(Currency::from_f64(v).map_err(|e| e.to_string())))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                Ok(Amount(v.parse().map_err(|e: ValueError| e.to_string())))
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Amount::deserialize(d)?.0.map_err(de::Error::custom)
    }
}

super::read_shape! {
    /// The keys of a `currency` value object.
    pub struct CurrencyShape {
        currency_value: Amount,
        currency_code: String,
    }
}

impl AttioValue for Currency {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Currency;
    type Shape = CurrencyShape;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let Amount(amount) = shape
            .currency_value
            .ok_or("a currency value object needs a non-null `currency_value` key")?;
        let mut value = amount?;
        value.currency_code = shape.currency_code;
        Ok(value)
    }
}

impl WritableValue for Currency {
    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The common case without 128-bit arithmetic (which is done by library calls): a mantissa
        // that fits an i64. An exact multiple of 10^scale is written as that integer; otherwise,
        // below 2^53 the mantissa and 10^scale are exact f64s and one correctly rounded division
        // gives what `to_f64` gives. The divisors are constants, so no hardware division is needed.
        if let Ok(m) = i64::try_from(self.mantissa) {
            let (whole, rest, scale) = match self.scale {
                0 => (m, 0, 1.0),
                1 => (m / 10, m % 10, 10.0),
                2 => (m / 100, m % 100, 100.0),
                3 => (m / 1_000, m % 1_000, 1_000.0),
                4 => (m / 10_000, m % 10_000, 10_000.0),
                _ => return self.encode_wide(s),
            };
            if rest == 0 {
                return s.serialize_i64(whole);
            }
            if m.unsigned_abs() <= 1 << f64::MANTISSA_DIGITS {
                return s.serialize_f64(m as f64 / scale);
            }
        }
        self.encode_wide(s)
    }
}

impl Currency {
    /// [`WritableValue::encode`] for any mantissa, in 128-bit arithmetic.
    fn encode_wide<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let units = self.units();
        if units % 10_000 == 0
            && let Ok(whole) = i64::try_from(units / 10_000)
        {
            return s.serialize_i64(whole);
        }
        s.serialize_f64(self.to_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    fn c(s: &str) -> Currency {
        s.parse().unwrap()
    }

    #[test]
    fn parses_exactly() {
        assert_eq!(c("4.99").to_string(), "4.99");
        assert_eq!(c("499.00").to_string(), "499.00");
        assert_eq!(c("499.00"), c("499"));
        assert_eq!(c("-0.0001").to_string(), "-0.0001");
        assert_eq!(c("+12").to_string(), "12");
        assert_eq!(
            c("123456789012345678901234.5678").mantissa(),
            1234567890123456789012345678
        );
        for bad in [
            "",
            "-",
            ".5",
            "5.",
            "4.99999",
            "1e3",
            "NaN",
            "inf",
            "4,99",
            " 4.99",
            "--1",
            "1234567890123456789012345678901",
        ] {
            assert!(bad.parse::<Currency>().is_err(), "{bad}");
        }
        let err = "4.12345".parse::<Currency>().unwrap_err();
        assert!(
            err.message().contains("more than 4 decimal places"),
            "{err}"
        );
        assert!(Currency::from_f64(f64::INFINITY).is_err());
        assert_eq!(
            Currency::from_f64(1e21).unwrap().to_string(),
            "1000000000000000000000"
        );
        assert!(Currency::new(1, 5).is_err());
    }

    #[test]
    fn fast_to_f64_matches_parsing() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let check = |mantissa: i64, scale: u32| {
            let c = Currency::new(mantissa, scale).unwrap();
            assert_eq!(
                c.to_f64().to_bits(),
                c.to_f64_slow().to_bits(),
                "{c} ({mantissa}, {scale})"
            );
        };
        for scale in 0..=MAX_DECIMAL_PLACES {
            for m in -20_000..=20_000 {
                check(m, scale);
            }
            for edge in [
                1i64 << 53,
                (1 << 53) - 1,
                (1 << 53) + 1,
                1 << 54,
                i64::MAX,
                i64::MIN,
            ] {
                check(edge, scale);
                check(-edge.saturating_add(1), scale);
            }
            for _ in 0..200_000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Every magnitude up to 2^54, so both paths are taken.
                let bits = (x >> 58) as u32;
                let m = (x & ((1u64 << bits.min(54)) - 1)) as i64;
                check(if x & (1 << 57) != 0 { -m } else { m }, scale);
            }
        }
    }

    #[test]
    fn decodes_number_and_string_forms() {
        let docs: Currency = decode(
            r#"{"attribute_type":"currency","currency_value":"499.00","currency_code":"USD"}"#,
        )
        .unwrap();
        assert_eq!(docs.to_string(), "499.00");
        assert_eq!(docs.currency_code(), Some("USD"));
        let spec: Currency =
            decode(r#"{"attribute_type":"currency","currency_value":499,"currency_code":"USD"}"#)
                .unwrap();
        assert_eq!(spec, docs);
        let f: Currency = decode(r#"{"currency_value":4.99,"currency_code":null}"#).unwrap();
        assert_eq!(f, c("4.99"));
        assert!(decode::<Currency>(r#"{"currency_value":"abc"}"#).is_err());
        assert!(decode::<Currency>(r#"{"currency_value":null}"#).is_err());
        assert!(decode::<Currency>(r#"{"currency_value":true}"#).is_err());
    }

    /// The seven codes Attio's 2026-10 models add to the 2025 document's list (EGP, FJD, GHS,
    /// IDR, OMR, QAR, TRY) read as any other code: the code is kept as text.
    #[test]
    fn decodes_the_2026_10_currency_codes() {
        for code in ["EGP", "FJD", "GHS", "IDR", "OMR", "QAR", "TRY", "USD"] {
            let json = format!(
                r#"{{"active_from":"2026-10-01T09:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"api-token","id":"bb3f3bd4-40f4-4f80-8187-cd02385af424"}},"attribute_type":"currency","currency_value":12.5,"currency_code":"{code}"}}"#
            );
            let value: Currency = decode(&json).unwrap();
            assert_eq!(value.currency_code(), Some(code));
        }
        let absent: Currency = decode(r#"{"currency_value":12.5}"#).unwrap();
        assert_eq!(absent.currency_code(), None);
    }

    #[test]
    fn encodes_a_number() {
        assert_eq!(encode(&c("4.99")), json!(4.99));
        assert_eq!(encode(&c("499.00")), json!(499));
        assert_eq!(encode(&c("-0.5")), json!(-0.5));
        assert_eq!(encode(&Currency::from(7)), json!(7));
    }

    #[test]
    fn serdes_as_decimal_text() {
        assert_eq!(serde_json::to_string(&c("499.00")).unwrap(), "\"499.00\"");
        assert_eq!(
            serde_json::from_str::<Currency>("\"4.99\"").unwrap(),
            c("4.99")
        );
        assert_eq!(serde_json::from_str::<Currency>("4.99").unwrap(), c("4.99"));
        assert!(serde_json::from_str::<Currency>("4.99999").is_err());
    }
}
