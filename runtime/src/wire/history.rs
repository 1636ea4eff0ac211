//! A value-history answer: an array of value objects, each decoded whether active or not.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use crate::values::{AttioValue, ValueObject};

/// An array of value objects, each decoded as `V` (whether active or not).
pub(crate) struct ValueList<V>(pub(crate) Vec<V>);

impl<'de, V: AttioValue> Deserialize<'de> for ValueList<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct ListVisitor<V>(PhantomData<V>);
        impl<'de, V: AttioValue> Visitor<'de> for ListVisitor<V> {
            type Value = ValueList<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an array of Attio {} value objects", V::ATTRIBUTE_TYPE)
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((v, _active)) = seq.next_element_seed(ValueObject::<V>::new())? {
                    out.push(v);
                }
                Ok(ValueList(out))
            }
        }
        d.deserialize_seq(ListVisitor(PhantomData))
    }
}
