//! Compile errors that teach: the operators a handle does not have.
//!
//! Without these, `f.stage().gt(Stage::Lead)` finds `Iterator::gt` or `PartialOrd::gt` and fails
//! with "`SelectFilter<Deal, Stage>` is not an iterator". So each handle gets, for every operator
//! name users try that its attribute type does not allow, a `#[doc(hidden)]` inherent method of
//! that name (inherent methods win over trait methods) that requires a trait never implemented
//! for the handle: the trait's `#[diagnostic::on_unimplemented]` names the attribute type and
//! lists the operators it does allow.

use crate::query::Filter;

/// Declares one never-implemented trait per handle, with the error it explains itself with.
macro_rules! operator_traits {
    ($(
        $(#[$m:meta])*
        $trait:ident: $message:literal, $label:literal, $note:literal;
    )*) => {
        $(
            $(#[$m])*
            #[diagnostic::on_unimplemented(message = $message, label = $label, note = $note)]
            pub trait $trait {
                /// Never called: no type implements this trait.
                fn unsupported<O>(&self) -> Filter<O>;
            }
        )*
    };
}

operator_traits! {
    /// Not an operator of a `text` attribute.
    TextOperator:
        "a `text` attribute cannot be filtered with this operator",
        "not an operator of a `text` attribute",
        "a `text` attribute (`{Self}`) allows `eq`, `is_in`, `contains`, `starts_with` and `ends_with`, and sorts with `asc` and `desc`";
    /// Not an operator of a string property of a composite value.
    TextPropertyOperator:
        "this property of an attribute cannot be filtered with this operator",
        "not an operator of a property such as an email's domain or a name's last name",
        "a text property of a value (`{Self}`) allows `eq`, `contains`, `starts_with` and `ends_with`, and sorts with `asc` and `desc`";
    /// Not an operator of a code property (a location's country code).
    CodePropertyOperator:
        "a location's country code cannot be filtered with this operator",
        "not an operator of a location's country code",
        "a location's country code (`{Self}`) allows `eq` and `starts_with`, and sorts with `asc` and `desc`";
    /// Not an operator of a number, currency, rating, date or timestamp attribute.
    OrderedOperator:
        "a `number`, `currency`, `rating`, `date` or `timestamp` attribute cannot be filtered with this operator",
        "not an operator of a `number`, `currency`, `rating`, `date` or `timestamp` attribute",
        "a `number`, `currency`, `rating`, `date` or `timestamp` attribute (`{Self}`) allows `eq`, `gt`, `gte`, `lt`, `lte` and `between`, and sorts with `asc` and `desc`";
    /// Not an operator of an interaction's time.
    OrderedPropertyOperator:
        "an interaction's time cannot be filtered with this operator",
        "not an operator of an interaction's time",
        "an interaction's time (`{Self}`) allows `eq`, `gt`, `gte`, `lt`, `lte` and `between`, and sorts with `asc` and `desc`";
    /// Not an operator of a checkbox attribute.
    CheckboxOperator:
        "a `checkbox` attribute cannot be filtered with this operator",
        "not an operator of a `checkbox` attribute",
        "a `checkbox` attribute (`{Self}`) allows `eq` only, and sorts with `asc` and `desc`";
    /// Not an operator of a select or status attribute.
    SelectOperator:
        "a `select` or `status` attribute cannot be filtered with this operator",
        "not an operator of a `select` or `status` attribute",
        "a `select` or `status` attribute (`{Self}`) allows `eq`, `eq_title`, `is_in`, `is_set` and `is_empty`, and sorts with `asc` and `desc`";
    /// Not an operator of a record-reference attribute.
    RecordReferenceOperator:
        "a `record-reference` attribute cannot be filtered with this operator",
        "not an operator of a `record-reference` attribute",
        "a `record-reference` attribute (`{Self}`) allows `eq`, `is_in`, `is_set` and `is_empty`, and sorts with `asc` and `desc`";
    /// Not an operator of an actor-reference attribute.
    ActorOperator:
        "an `actor-reference` attribute cannot be filtered with this operator",
        "not an operator of an `actor-reference` attribute",
        "an `actor-reference` attribute (`{Self}`) allows `eq` only, and sorts with `asc` and `desc`";
    /// Not an operator of an email-address attribute.
    EmailOperator:
        "an `email-address` attribute cannot be filtered with this operator",
        "not an operator of an `email-address` attribute",
        "an `email-address` attribute (`{Self}`) allows `eq`, `contains`, `starts_with` and `ends_with`, and the same on its parts `email_domain()`, `email_root_domain()` and `email_local_specifier()`";
    /// Not an operator of a domain attribute.
    DomainOperator:
        "a `domain` attribute cannot be filtered with this operator",
        "not an operator of a `domain` attribute",
        "a `domain` attribute (`{Self}`) allows `eq`, `contains`, `starts_with`, `ends_with`, `is_set` and `is_empty`, and the text operators on its part `root_domain()`";
    /// Not an operator of a personal-name attribute.
    NameOperator:
        "a `personal-name` attribute cannot be filtered with this operator",
        "not an operator of a `personal-name` attribute",
        "a `personal-name` attribute (`{Self}`) allows `eq`, `contains`, `starts_with`, `ends_with`, `is_set` and `is_empty`, and the text operators on its parts `first_name()`, `last_name()` and `full_name()`";
    /// Not an operator of a phone-number attribute.
    PhoneOperator:
        "a `phone-number` attribute cannot be filtered with this operator",
        "not an operator of a `phone-number` attribute",
        "a `phone-number` attribute (`{Self}`) allows `eq`, `contains`, `starts_with` and `ends_with`, and the text operators on its part `country_code()`";
    /// Not an operator of a location attribute.
    LocationOperator:
        "a `location` attribute cannot be filtered as a whole",
        "a `location` attribute has no operators of its own",
        "filter on one part of a `location` attribute (`{Self}`): `line_1()` to `line_4()`, `locality()`, `region()`, `postcode()` (text operators) or `country_code()` (`eq`, `starts_with`)";
    /// Not an operator of an interaction attribute.
    InteractionOperator:
        "an `interaction` attribute cannot be filtered as a whole",
        "an `interaction` attribute has no operators of its own",
        "filter on when the interaction happened (`{Self}`): `interacted_at()`, which allows `eq`, `gt`, `gte`, `lt`, `lte` and `between`";
}

/// Adds to a handle, for each operator named, a `#[doc(hidden)]` method that does not compile
/// and says why through `$trait`.
macro_rules! unsupported_ops {
    ($name:ident<O $(, $p:ident)?>: $trait:ident => [$($op:ident),* $(,)?]) => {
        impl<O $(, $p)?> $name<O $(, $p)?> {
            $( $crate::query::unsupported::unsupported_ops!(@op $trait $op); )*
        }
    };
    (@op $trait:ident is_set) => {
        $crate::query::unsupported::unsupported_ops!(@nullary $trait is_set);
    };
    (@op $trait:ident is_empty) => {
        $crate::query::unsupported::unsupported_ops!(@nullary $trait is_empty);
    };
    (@op $trait:ident between) => {
        #[doc(hidden)]
        pub fn between<A, B>(&self, _from: A, _until: B) -> $crate::query::Filter<O>
        where
            Self: $crate::query::unsupported::$trait,
        {
            <Self as $crate::query::unsupported::$trait>::unsupported(self)
        }
    };
    (@op $trait:ident $op:ident) => {
        #[doc(hidden)]
        pub fn $op<A>(&self, _value: A) -> $crate::query::Filter<O>
        where
            Self: $crate::query::unsupported::$trait,
        {
            <Self as $crate::query::unsupported::$trait>::unsupported(self)
        }
    };
    (@nullary $trait:ident $op:ident) => {
        #[doc(hidden)]
        pub fn $op(&self) -> $crate::query::Filter<O>
        where
            Self: $crate::query::unsupported::$trait,
        {
            <Self as $crate::query::unsupported::$trait>::unsupported(self)
        }
    };
}
pub(super) use unsupported_ops;
