//! `number`: Rust's integer and floating-point types.

use serde::Serializer;

use super::ValueMeta;
use super::{AttioValue, AttributeType, Value, ValueError, WritableValue};

/// A JSON number as an integer of type `T`: JSON integers, and floats with no fractional part.
pub(crate) fn number_to_int<T: TryFrom<i128>>(
    n: &serde_json::Number,
    type_name: &str,
) -> Result<T, String> {
    let wide: i128 = if let Some(i) = n.as_i64() {
        i128::from(i)
    } else if let Some(u) = n.as_u64() {
        i128::from(u)
    } else {
        match n.as_f64() {
            // |f| < 2^120 keeps the cast exact and far from i128's bounds.
            Some(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1.329_228e36 => f as i128,
            _ => {
                return Err(format!("expected a whole number for {type_name}, got {n}"));
            }
        }
    };
    T::try_from(wide).map_err(|_| format!("{n} does not fit in {type_name}"))
}

macro_rules! integer_value {
    ($($t:ty => $ser:ident as $wide:ty),* $(,)?) => {$(
        #[doc = concat!("`number` as [`", stringify!($t), "`]: decodes JSON integers, and floats with no ")]
        /// fractional part; a fraction or an out-of-range number is a decode error. Written as a bare
        /// JSON number.
        ///
        /// ```
        /// use attio::AttioValue;
        #[doc = concat!("assert_eq!(<", stringify!($t), ">::ATTRIBUTE_TYPE, attio::AttributeType::Number);")]
        /// ```
        impl AttioValue for $t {
            const ATTRIBUTE_TYPE: AttributeType = AttributeType::Number;
            type Shape = Value<serde_json::Number>;

            fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
                number_to_int(&shape.require("number")?, stringify!($t))
            }
        }

        impl WritableValue for $t {
            fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.$ser(<$wide>::from(*self))
            }
        }
    )*};
}

integer_value! {
    i64 => serialize_i64 as i64,
    i32 => serialize_i64 as i64,
    i16 => serialize_i64 as i64,
    i8 => serialize_i64 as i64,
    u64 => serialize_u64 as u64,
    u32 => serialize_u64 as u64,
    u16 => serialize_u64 as u64,
    u8 => serialize_u64 as u64,
}

fn non_finite(x: impl std::fmt::Display) -> ValueError {
    ValueError::new(
        AttributeType::Number,
        format!("{x} is not a finite number; Attio stores finite numbers only"),
    )
}

/// `number` as [`f64`]: decodes any JSON number; written as a bare JSON number.
/// [`validate`](WritableValue::validate) rejects NaN and infinities, which JSON cannot carry.
///
/// ```
/// use attio::WritableValue;
/// assert!(2.75_f64.validate().is_ok());
/// assert!(f64::NAN.validate().is_err());
/// ```
impl AttioValue for f64 {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Number;
    type Shape = Value<serde_json::Number>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let n = shape.require("number")?;
        match n.as_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(format!("{n} is not a finite f64")),
        }
    }
}

impl WritableValue for f64 {
    fn validate(&self) -> Result<(), ValueError> {
        if self.is_finite() {
            Ok(())
        } else {
            Err(non_finite(self))
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(*self)
    }
}

/// `number` as [`f32`]: decodes any JSON number within `f32`'s range (to the nearest `f32`);
/// written as a bare JSON number. [`validate`](WritableValue::validate) rejects NaN and infinities.
///
/// ```
/// use attio::WritableValue;
/// assert!(1.5_f32.validate().is_ok());
/// assert!(f32::INFINITY.validate().is_err());
/// ```
impl AttioValue for f32 {
    const ATTRIBUTE_TYPE: AttributeType = AttributeType::Number;
    type Shape = Value<serde_json::Number>;

    fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
        let n = shape.require("number")?;
        match n.as_f64().map(|f| f as f32) {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(format!("{n} does not fit in f32")),
        }
    }
}

impl WritableValue for f32 {
    fn validate(&self) -> Result<(), ValueError> {
        if self.is_finite() {
            Ok(())
        } else {
            Err(non_finite(self))
        }
    }

    fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f32(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::test_util::{decode, encode};
    use serde_json::json;

    fn v(n: &str) -> String {
        format!(r#"{{"attribute_type":"number","value":{n}}}"#)
    }

    #[test]
    fn integers_decode_from_integers_and_whole_floats() {
        assert_eq!(decode::<i64>(&v("14")).unwrap(), 14);
        assert_eq!(decode::<i32>(&v("-14.0")).unwrap(), -14);
        assert_eq!(decode::<u8>(&v("255")).unwrap(), 255);
        assert_eq!(decode::<u64>(&v("18446744073709551615")).unwrap(), u64::MAX);
        assert_eq!(decode::<i64>(&v("1e3")).unwrap(), 1000);
        let err = decode::<u8>(&v("256")).unwrap_err();
        assert!(err.contains("does not fit in u8"), "{err}");
        assert!(decode::<u32>(&v("-1")).is_err());
        let err = decode::<i64>(&v("3.5")).unwrap_err();
        assert!(err.contains("whole number"), "{err}");
        assert!(decode::<i64>(&v("1e300")).is_err());
        assert!(decode::<i16>(&v("\"3\"")).is_err());
    }

    #[test]
    fn floats_decode_and_validate() {
        assert_eq!(decode::<f64>(&v("2.75")).unwrap(), 2.75);
        assert_eq!(decode::<f64>(&v("14")).unwrap(), 14.0);
        assert_eq!(decode::<f32>(&v("1.5")).unwrap(), 1.5);
        assert!(decode::<f32>(&v("1e300")).is_err());
        assert!(f64::INFINITY.validate().is_err());
        let err = f64::NAN.validate().unwrap_err();
        assert!(err.message().contains("finite"), "{err}");
        assert!(f32::NAN.validate().is_err());
    }

    #[test]
    fn encodes_bare_numbers() {
        assert_eq!(encode(&2.75_f64), json!(2.75));
        assert_eq!(encode(&1.5_f32), json!(1.5));
        assert_eq!(encode(&-7_i8), json!(-7));
        assert_eq!(encode(&u64::MAX), json!(u64::MAX));
        assert_eq!(encode(&14_u16), json!(14));
    }
}
