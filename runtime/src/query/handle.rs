//! The macros that declare filter handles and their operators, shared by the handle modules.

/// Declares a handle struct: `Path`, `Copy`, `Debug`, `slug()`, `asc()`/`desc()`; with
/// `=> Value`, also its [`AttributeHandle`](crate::values::AttributeHandle) impl (a handle of the
/// attribute itself; a handle of a property of an attribute has none, so it cannot name the
/// attribute in `Ref::by`, `assert_by` or `history`).
macro_rules! handle {
    ($(#[$m:meta])* $name:ident<O $(, $p:ident)?> => $value:ty) => {
        handle!($(#[$m])* $name<O $(, $p)?>);

        impl<O $(, $p: $crate::values::AttioValue)?> $crate::values::AttributeHandle<O> for $name<O $(, $p)?> {
            type Value = $value;
            fn slug(&self) -> &'static str {
                self.path.slug
            }
        }
    };
    ($(#[$m:meta])* $name:ident<O $(, $p:ident)?>) => {
        $(#[$m])*
        pub struct $name<O $(, $p)?> {
            path: $crate::query::filter::Path,
            _marker: ::std::marker::PhantomData<fn() -> (O, $($p)?)>,
        }

        impl<O $(, $p)?> Clone for $name<O $(, $p)?> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<O $(, $p)?> Copy for $name<O $(, $p)?> {}

        impl<O $(, $p)?> ::std::fmt::Debug for $name<O $(, $p)?> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("attribute", &self.path.slug)
                    .field("property", &self.path.property)
                    .finish()
            }
        }

        impl<O $(, $p)?> $name<O $(, $p)?> {
            /// The handle of the attribute at `at`, or of its property `property`.
            #[allow(dead_code)]
            pub(in $crate::query) fn at(at: $crate::query::filter::At, property: Option<&'static str>) -> Self {
                $name {
                    path: $crate::query::filter::Path { slug: at.slug, property, via: at.via },
                    _marker: ::std::marker::PhantomData,
                }
            }

            /// The attribute's api slug.
            pub fn slug(&self) -> &'static str {
                self.path.slug
            }

            /// Results in ascending order of this attribute (or property).
            pub fn asc(&self) -> $crate::query::Sort<O> {
                $crate::Sort::new(self.path, "asc")
            }

            /// Results in descending order of this attribute (or property).
            pub fn desc(&self) -> $crate::query::Sort<O> {
                $crate::Sort::new(self.path, "desc")
            }
        }
    };
}
pub(super) use handle;

/// The text operators on a handle whose `path` names a string property (`Filter` must be in
/// scope where it is used).
macro_rules! text_ops {
    ($name:ident<O $(, $p:ident)?>, $what:literal) => {
        impl<O $(, $p)?> $name<O $(, $p)?> {
            #[doc = concat!("`$eq`: the ", $what, " equals `value`.")]
            pub fn eq(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$eq", ::serde_json::Value::String(value.into()))
            }

            #[doc = concat!("`$contains`: the ", $what, " contains `value` (case-insensitive).")]
            pub fn contains(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$contains", ::serde_json::Value::String(value.into()))
            }

            #[doc = concat!("`$starts_with`: the ", $what, " starts with `value`.")]
            pub fn starts_with(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$starts_with", ::serde_json::Value::String(value.into()))
            }

            #[doc = concat!("`$ends_with`: the ", $what, " ends with `value`.")]
            pub fn ends_with(&self, value: impl Into<String>) -> Filter<O> {
                self.path.cond("$ends_with", ::serde_json::Value::String(value.into()))
            }
        }
    };
}
pub(super) use text_ops;

/// `$not_empty` on a handle (`Filter` must be in scope where it is used).
macro_rules! not_empty_op {
    ($name:ident<O $(, $p:ident)?>) => {
        impl<O $(, $p)?> $name<O $(, $p)?> {
            /// `$not_empty: true`: the attribute has a value.
            pub fn is_set(&self) -> Filter<O> {
                self.path.cond("$not_empty", ::serde_json::Value::Bool(true))
            }

            /// `$not_empty: false`: the attribute has no value.
            pub fn is_empty(&self) -> Filter<O> {
                self.path.cond("$not_empty", ::serde_json::Value::Bool(false))
            }
        }
    };
}
pub(super) use not_empty_op;

/// Sub-handles for the string properties of a composite value.
macro_rules! properties {
    ($name:ident, $($(#[$m:meta])* $prop:ident),* $(,)?) => {
        impl<O> $name<O> {
            $(
                $(#[$m])*
                pub fn $prop(&self) -> $crate::query::TextProperty<O> {
                    $crate::TextProperty::at(self.path.at(), Some(stringify!($prop)))
                }
            )*
        }
    };
}
pub(super) use properties;
