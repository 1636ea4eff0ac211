//! The one implementation behind [`SelectOption`](super::SelectOption) and
//! [`Status`](super::Status).
//!
//! An option of a `select` attribute and a status of a `status` attribute are the same value under
//! different names: built by title or by id, written as `{"option": "<id or title>"}` /
//! `{"status": "<id or title>"}`, read as the full object `{id: {…, option_id | status_id},
//! title, is_archived, …}` or as a bare id string. [`Core`] is that value, parameterised by a
//! [`Kind`] that supplies the names (wire keys, id key, the nouns in messages) and the keys only
//! one kind has ([`Extra`]: a status's `celebration_enabled` and `target_time_in_status`).
//! The public types are newtypes over it: their inherent methods (with their own docs) are
//! written out in `select.rs` and `status.rs`, and their trait impls come from
//! [`choice_value!`].

use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AttributeType, Key, ReadShape, ValueError};

/// What tells a select option from a status: names, and the keys only one of them has.
#[doc(hidden)]
pub trait Kind: Sized + 'static {
    /// `select` or `status`.
    const ATTRIBUTE_TYPE: AttributeType;
    /// `option` or `status`: the key of the value object and of the write form, and the short
    /// noun in messages ("the option's title").
    const KEY: &'static str;
    /// `option_id` or `status_id`: the key of the id inside `id`, and of the id in serde's form.
    const ID_KEY: &'static str;
    /// `select option` or `status`: the noun in messages.
    const NOUN: &'static str;
    /// `SelectOption` or `Status`: the Rust type, for `Debug` and serde.
    const TYPE_NAME: &'static str;
    /// Every key of serde's form, in the order it is written: `ID_KEY`, `title`, `is_archived`,
    /// the [`Extra`] keys, `id`.
    const SERDE_KEYS: &'static [&'static str];

    /// All the ids Attio returns (`SelectOptionId` or `StatusId`).
    type Ids: Clone + PartialEq + Eq + Hash + fmt::Debug + Serialize + DeserializeOwned;
    /// The keys of the full object beyond `id`, `title` and `is_archived`.
    type Extra: Extra;

    /// The option's (status's) own id inside `ids`.
    fn id_of(ids: &Self::Ids) -> &str;
}

/// The keys of a kind's full object beyond `id`, `title` and `is_archived`: the same keys on the
/// wire and in serde's form.
#[doc(hidden)]
pub trait Extra: Default + Clone + PartialEq + Eq + Hash + fmt::Debug {
    /// Reads `key`'s value (`null` reads as absent) if it is one of these keys.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
    /// How many of the keys are known.
    fn count(&self) -> usize;
    /// Writes the known keys.
    fn serialize_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error>;
    /// Adds every key to a `Debug` form.
    fn debug_fields(&self, d: &mut fmt::DebugStruct<'_, '_>);
}

/// A select option has no keys beyond `id`, `title` and `is_archived`.
impl Extra for () {
    fn read<'de, A: MapAccess<'de>>(&mut self, _: &str, _: &mut A) -> Result<bool, A::Error> {
        Ok(false)
    }
    fn count(&self) -> usize {
        0
    }
    fn serialize_fields<S: SerializeStruct>(&self, _: &mut S) -> Result<(), S::Error> {
        Ok(())
    }
    fn debug_fields(&self, _: &mut fmt::DebugStruct<'_, '_>) {}
}

/// A select option or a status: its id and title (whichever are known; at least one), and what
/// Attio returns with it.
#[doc(hidden)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Core<K: Kind> {
    id: Option<String>,
    title: Option<String>,
    ids: Option<K::Ids>,
    is_archived: Option<bool>,
    extra: K::Extra,
}

impl<K: Kind> Core<K> {
    fn bare(id: Option<String>, title: Option<String>) -> Self {
        Core {
            id,
            title,
            ids: None,
            is_archived: None,
            extra: K::Extra::default(),
        }
    }

    fn error(message: String) -> ValueError {
        ValueError::new(K::ATTRIBUTE_TYPE, message)
    }

    /// The option titled `title`; fails for a blank title.
    pub(crate) fn by_title(title: String) -> Result<Self, ValueError> {
        if title.trim().is_empty() {
            return Err(Self::error(format!(
                "a {} title must not be empty; expected the {}'s title as shown in Attio",
                K::NOUN,
                K::KEY
            )));
        }
        Ok(Self::bare(None, Some(title)))
    }

    /// The option with id `id`; fails for a blank id.
    pub(crate) fn by_id(id: String) -> Result<Self, ValueError> {
        if id.trim().is_empty() {
            return Err(Self::error(format!(
                "a {} id must not be empty; expected the {}'s UUID",
                K::NOUN,
                K::KEY
            )));
        }
        Ok(Self::bare(Some(id), None))
    }

    /// The id, when known.
    pub(crate) fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The title, when known.
    pub(crate) fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// All the ids, for a value read from Attio in full.
    pub(crate) fn ids(&self) -> Option<&K::Ids> {
        self.ids.as_ref()
    }

    /// The archived flag, for a value read from Attio in full.
    pub(crate) fn is_archived(&self) -> Option<bool> {
        self.is_archived
    }

    /// The kind's own keys.
    pub(crate) fn extra(&self) -> &K::Extra {
        &self.extra
    }

    /// The same id when both have one, otherwise the same (known) title.
    pub(crate) fn matches(&self, other: &Self) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a == b,
            _ => self.title.is_some() && self.title == other.title,
        }
    }

    /// The title or the id equals `s`.
    pub(crate) fn eq_str(&self, s: &str) -> bool {
        self.title.as_deref() == Some(s) || self.id.as_deref() == Some(s)
    }

    /// What a person reads: the title, else the id.
    pub(crate) fn label(&self) -> &str {
        self.title.as_deref().or(self.id.as_deref()).unwrap_or("")
    }

    /// What Attio resolves: the id, else the title.
    pub(crate) fn operand(&self) -> Option<&str> {
        self.id.as_deref().or(self.title.as_deref())
    }

    /// A non-blank id or title is present.
    pub(crate) fn validate(&self) -> Result<(), ValueError> {
        let present = |s: &Option<String>| s.as_ref().is_some_and(|s| !s.trim().is_empty());
        if present(&self.id) || present(&self.title) {
            Ok(())
        } else {
            Err(Self::error(format!(
                "a {} needs a non-empty {} id or title",
                K::NOUN,
                K::KEY
            )))
        }
    }

    /// `{"option": "<id or title>"}`.
    #[inline]
    pub(crate) fn encode<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_form::<K, S, _>(s, &self.operand())
    }

    /// Builds the value from the `option` (`status`) key of a value object.
    pub(crate) fn from_shape(shape: CoreShape<K>) -> Result<Self, String> {
        shape.0.ok_or_else(|| {
            format!(
                "a {} value object needs a non-null `{}` key",
                K::ATTRIBUTE_TYPE,
                K::KEY
            )
        })
    }
}

/// The write form naming the option by `operand` (its id or title): `{"option": "<operand>"}`.
#[inline]
pub(crate) fn write_form<K: Kind, S: Serializer, V: Serialize + ?Sized>(
    s: S,
    operand: &V,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(1))?;
    map.serialize_entry(K::KEY, operand)?;
    map.end()
}

/// The Rust type's name and every field, as `#[derive(Debug)]` on the public type would write it.
impl<K: Kind> fmt::Debug for Core<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct(K::TYPE_NAME);
        d.field(K::ID_KEY, &self.id)
            .field("title", &self.title)
            .field("id", &self.ids)
            .field("is_archived", &self.is_archived);
        self.extra.debug_fields(&mut d);
        d.finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the wire: `{"option": {id, title, is_archived}}` or `{"option": "<id>"}`
// ---------------------------------------------------------------------------------------------

/// The keys of a `select` (`status`) value object: `option` (`status`).
#[doc(hidden)]
#[derive(Debug)]
pub struct CoreShape<K: Kind>(Option<Core<K>>);

impl<K: Kind> Default for CoreShape<K> {
    fn default() -> Self {
        CoreShape(None)
    }
}

impl<K: Kind> ReadShape for CoreShape<K> {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        if key == K::KEY {
            self.0 = map.next_value::<Option<WireForm<K>>>()?.map(|w| w.0);
            Ok(true)
        } else {
            Ok(false)
        }
    }
}

/// The content of the `option` (`status`) key: the full object, or a bare id (the alternative
/// form in Attio's 2025-05 spec).
struct WireForm<K: Kind>(Core<K>);

impl<'de, K: Kind> Deserialize<'de> for WireForm<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WireVisitor(PhantomData))
    }
}

struct WireVisitor<K>(PhantomData<K>);

impl<'de, K: Kind> Visitor<'de> for WireVisitor<K> {
    type Value = WireForm<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} object {{id, title, …}}, or the {}'s id as a string",
            K::NOUN,
            K::KEY
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(WireForm(Core::bare(Some(v.to_owned()), None)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(WireForm(Core::bare(Some(v), None)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut core = Core::<K>::bare(None, None);
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "id" => core.ids = Some(map.next_value()?),
                "title" => core.title = map.next_value()?,
                "is_archived" => core.is_archived = map.next_value()?,
                other => {
                    if !core.extra.read(other, &mut map)? {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
        }
        let ids = core
            .ids
            .as_ref()
            .ok_or_else(|| de::Error::missing_field("id"))?;
        core.id = Some(K::id_of(ids).to_owned());
        Ok(WireForm(core))
    }
}

// ---------------------------------------------------------------------------------------------
// Serde's form: `{"option_id", "title", "is_archived", …, "id"}`, the keys that are known
// ---------------------------------------------------------------------------------------------

impl<K: Kind> Serialize for Core<K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.id.is_some())
            + usize::from(self.title.is_some())
            + usize::from(self.is_archived.is_some())
            + self.extra.count()
            + usize::from(self.ids.is_some());
        let mut st = s.serialize_struct(K::TYPE_NAME, len)?;
        if let Some(id) = &self.id {
            st.serialize_field(K::ID_KEY, id)?;
        }
        if let Some(title) = &self.title {
            st.serialize_field("title", title)?;
        }
        if let Some(archived) = &self.is_archived {
            st.serialize_field("is_archived", archived)?;
        }
        self.extra.serialize_fields(&mut st)?;
        if let Some(ids) = &self.ids {
            st.serialize_field("id", ids)?;
        }
        st.end()
    }
}

impl<'de, K: Kind> Deserialize<'de> for Core<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(K::TYPE_NAME, K::SERDE_KEYS, SerdeVisitor(PhantomData))
    }
}

struct SerdeVisitor<K>(PhantomData<K>);

impl<'de, K: Kind> Visitor<'de> for SerdeVisitor<K> {
    type Value = Core<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", K::TYPE_NAME)
    }

    /// Unknown keys are refused, as are repeated ones.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut core = Core::<K>::bare(None, None);
        let mut seen = 0u64;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let key = key.as_str();
            let Some(index) = K::SERDE_KEYS.iter().position(|k| *k == key) else {
                return Err(de::Error::unknown_field(key, K::SERDE_KEYS));
            };
            if seen & (1 << index) != 0 {
                return Err(de::Error::duplicate_field(K::SERDE_KEYS[index]));
            }
            seen |= 1 << index;
            match key {
                "title" => core.title = map.next_value()?,
                "is_archived" => core.is_archived = map.next_value()?,
                "id" => core.ids = map.next_value()?,
                _ if key == K::ID_KEY => core.id = map.next_value()?,
                _ => {
                    core.extra.read(key, &mut map)?;
                }
            }
        }
        if core.id.is_none() {
            core.id = core.ids.as_ref().map(|ids| K::id_of(ids).to_owned());
        }
        if core.id.is_none() && core.title.is_none() {
            let article = if K::ID_KEY.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return Err(de::Error::custom(format_args!(
                "a {} needs {article} `{}`, an `id` or a `title`",
                K::NOUN,
                K::ID_KEY
            )));
        }
        Ok(core)
    }
}

// ---------------------------------------------------------------------------------------------
// The public types' trait impls
// ---------------------------------------------------------------------------------------------

/// The trait impls of a public newtype over [`Core`]: `Debug` and serde (as the core's),
/// `Display` (the title, else the id), equality with a string (the title or the id),
/// [`AttioValue`](crate::AttioValue), [`WritableValue`](crate::WritableValue), and the
/// [`Choice`](super::select_enum::Choice) a `#[derive(SelectEnum)]` enum stands for.
macro_rules! choice_value {
    ($ty:ident, $kind:ty) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }

        /// The title, or the id when the title is not known.
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.0.label())
            }
        }

        /// True when the title or the id equals the string.
        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.0.eq_str(other)
            }
        }

        /// True when the title or the id equals the string.
        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.0.eq_str(other)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.0, s)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$crate::values::choice::Core<$kind> as ::serde::Deserialize<'de>>::deserialize(d)
                    .map($ty)
            }
        }

        impl $crate::values::AttioValue for $ty {
            const ATTRIBUTE_TYPE: $crate::values::AttributeType =
                <$kind as $crate::values::choice::Kind>::ATTRIBUTE_TYPE;
            type Shape = $crate::values::choice::CoreShape<$kind>;

            fn from_shape(shape: Self::Shape, _meta: ValueMeta) -> Result<Self, String> {
                $crate::values::choice::Core::from_shape(shape).map($ty)
            }
        }

        impl $crate::values::WritableValue for $ty {
            fn validate(&self) -> Result<(), $crate::values::ValueError> {
                self.0.validate()
            }

            #[inline]
            fn encode<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.encode(s)
            }
        }

        impl $crate::values::select_enum::Choice for $ty {
            type Kind = $kind;
            fn core(&self) -> &$crate::values::choice::Core<$kind> {
                &self.0
            }
            fn from_core(core: $crate::values::choice::Core<$kind>) -> Self {
                $ty(core)
            }
        }
    };
}
pub(crate) use choice_value;

#[cfg(test)]
mod tests {
    use crate::values::test_util::decode;
    use crate::values::{SelectOption, Status};
    use serde_json::json;

    #[test]
    fn debug_names_the_public_type_and_its_fields() {
        let o = SelectOption::by_title("Lead").unwrap();
        assert_eq!(
            format!("{o:?}"),
            r#"SelectOption { option_id: None, title: Some("Lead"), id: None, is_archived: None }"#
        );
        let s = Status::by_id("x").unwrap();
        assert_eq!(
            format!("{s:?}"),
            r#"Status { status_id: Some("x"), title: None, id: None, is_archived: None, celebration_enabled: None, target_time_in_status: None }"#
        );
    }

    #[test]
    fn messages_name_the_kind() {
        let e = SelectOption::by_title(" ").unwrap_err();
        assert_eq!(
            e.message(),
            "a select option title must not be empty; expected the option's title as shown in Attio"
        );
        let e = Status::by_id("").unwrap_err();
        assert_eq!(
            e.message(),
            "a status id must not be empty; expected the status's UUID"
        );
        let e = decode::<Status>(r#"{"status":null}"#).unwrap_err();
        assert!(
            e.contains("a status value object needs a non-null `status` key"),
            "{e}"
        );
        let e = decode::<SelectOption>(r#"{"option":{"title":"x"}}"#).unwrap_err();
        assert!(e.contains("missing field `id`"), "{e}");
        let e = decode::<SelectOption>(r#"{"option":7}"#).unwrap_err();
        assert!(e.contains("or the option's id as a string"), "{e}");
    }

    #[test]
    fn serde_form_refuses_unknown_and_repeated_keys() {
        let e = serde_json::from_value::<SelectOption>(json!({"status_id": "x"})).unwrap_err();
        assert!(
            e.to_string()
                .contains("unknown field `status_id`, expected one of `option_id`, `title`, `is_archived`, `id`"),
            "{e}"
        );
        let e = serde_json::from_str::<Status>(r#"{"title":"a","title":"b"}"#).unwrap_err();
        assert!(e.to_string().contains("duplicate field `title`"), "{e}");
        let e = serde_json::from_value::<SelectOption>(json!({})).unwrap_err();
        assert!(
            e.to_string()
                .contains("a select option needs an `option_id`, an `id` or a `title`"),
            "{e}"
        );
        let e = serde_json::from_value::<Status>(json!({"celebration_enabled": true})).unwrap_err();
        assert!(
            e.to_string()
                .contains("a status needs a `status_id`, an `id` or a `title`"),
            "{e}"
        );
        let s: Status = serde_json::from_value(json!({"id": {"status_id": "x"}})).unwrap();
        assert_eq!(s.status_id(), Some("x"));
    }
}
