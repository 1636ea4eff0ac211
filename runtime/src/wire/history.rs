//! A value-history answer: an array of value objects, each decoded whether active or not; and a
//! history write's body, the values with their intervals.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap as _, SerializeSeq as _, Serializer};

use crate::error::Error;
use crate::values::{AttioValue, ValueObject, WithMeta, WritableValue};

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

/// The most values Attio accepts in one history write.
pub(crate) const MAX_HISTORY_VALUES: usize = 400;

/// Checks a history write's values and encodes its body, `{"data": {"values": [{"value",
/// "active_from", "active_until"}], "replace_history": true}}`. `what` names the attribute and
/// its record or entry for the messages. Refused before sending: no value, more than 400, a value
/// without `active_from`, an `active_until` not after its `active_from`, a value its type's own
/// rules refuse.
pub(crate) fn encode_history<V: WritableValue>(
    values: &[WithMeta<V>],
    what: &str,
) -> Result<Vec<u8>, Error> {
    if values.is_empty() || values.len() > MAX_HISTORY_VALUES {
        return Err(Error::InvalidInput(format!(
            "the history of {what} cannot be written with {} values: Attio replaces the whole \
             history with 1 to {MAX_HISTORY_VALUES} values (write a longer history as its last \
             {MAX_HISTORY_VALUES} values)",
            values.len()
        )));
    }
    for (i, v) in values.iter().enumerate() {
        let Some(from) = v.meta.active_from else {
            return Err(Error::InvalidInput(format!(
                "value {i} of the history of {what} has no active_from: every value needs the \
                 time it became active, `WithMeta::new(value).active_from(at)` (and \
                 `.active_until(at)` for one no longer active)"
            )));
        };
        if v.meta.active_until.is_some_and(|until| until <= from) {
            return Err(Error::InvalidInput(format!(
                "value {i} of the history of {what} ends before it begins: its active_until must \
                 be after its active_from ({from})"
            )));
        }
        v.value
            .validate()
            .map_err(|e| Error::InvalidInput(format!("value {i} of the history of {what}: {e}")))?;
    }
    serde_json::to_vec(&Body(values)).map_err(|e| Error::Invariant(e.to_string()))
}

struct Body<'a, V>(&'a [WithMeta<V>]);

impl<V: WritableValue> Serialize for Body<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        struct Data<'a, V>(&'a [WithMeta<V>]);
        impl<V: WritableValue> Serialize for Data<'_, V> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("values", &Items(self.0))?;
                m.serialize_entry("replace_history", &true)?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("data", &Data(self.0))?;
        m.end()
    }
}

struct Items<'a, V>(&'a [WithMeta<V>]);

impl<V: WritableValue> Serialize for Items<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for v in self.0 {
            seq.serialize_element(&Item(v))?;
        }
        seq.end()
    }
}

struct Item<'a, V>(&'a WithMeta<V>);

impl<V: WritableValue> Serialize for Item<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        struct Value<'a, V>(&'a V);
        impl<V: WritableValue> Serialize for Value<'_, V> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                self.0.encode(s)
            }
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("value", &Value(&self.0.value))?;
        m.serialize_entry("active_from", &self.0.meta.active_from)?;
        m.serialize_entry("active_until", &self.0.meta.active_until)?;
        m.end()
    }
}
