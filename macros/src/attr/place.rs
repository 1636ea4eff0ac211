//! Where options are written ([`Place`]): which options each place knows, and how error
//! messages name it, show its right form, and point a misplaced option to where it belongs.

use crate::suggest::did_you_mean;
use crate::symbol::{
    ACTIVITY_ARGS, CRATE, ENUM_OPTIONS, EXTENDS, FIELD_OPTIONS, LIST_ARGS, OBJECT_ARGS, OTHER,
    PARENT, PLURAL, READ_ONLY, RENAME, SINGULAR, SLUG, STATUS, TITLE, UNIQUE, VARIANT_OPTIONS,
};

/// Where options are written: which options it knows, and how messages name it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Place {
    /// `#[attio_object(...)]`
    Object,
    /// `#[attio_list(...)]`
    List,
    /// `#[attio_activity(...)]`
    Activity,
    /// `#[attio(...)]` on a field of an `#[attio_object]` struct.
    Field,
    /// `#[attio(...)]` on a `#[derive(SelectEnum)]` enum.
    Enum,
    /// `#[attio(...)]` on a variant of a `#[derive(SelectEnum)]` enum.
    Variant,
}

impl Place {
    pub(super) fn known(self) -> &'static [&'static str] {
        match self {
            Place::Object => OBJECT_ARGS,
            Place::List => LIST_ARGS,
            Place::Activity => ACTIVITY_ARGS,
            Place::Field => FIELD_OPTIONS,
            Place::Enum => ENUM_OPTIONS,
            Place::Variant => VARIANT_OPTIONS,
        }
    }

    /// The place, as a repeated option's message names it.
    pub(super) fn name(self) -> &'static str {
        match self {
            Place::Object => "#[attio_object(...)]",
            Place::List => "#[attio_list(...)]",
            Place::Activity => "#[attio_activity(...)]",
            Place::Field => "#[attio(...)] on this field",
            Place::Enum => "#[attio(...)] on this enum",
            Place::Variant => "#[attio(...)] on this variant",
        }
    }

    /// The right form, for messages.
    pub(super) fn example(self) -> &'static str {
        match self {
            Place::Object => "#[attio_object(slug = \"people\")]",
            Place::List => "#[attio_list(slug = \"sales_pipeline\", parent = Company)]",
            Place::Activity => {
                "#[attio_activity(slug = \"site_visits\", extends = \"interactions\")]"
            }
            Place::Field => {
                "#[attio(rename = \"primary_email_address\")], #[attio(read_only)], #[attio(unique)] or #[attio(title = \"Email\")]"
            }
            Place::Enum => "#[attio(status)]",
            Place::Variant => "#[attio(rename = \"Won 🎉\")] or #[attio(other)]",
        }
    }

    /// The right form with nouns, for messages about `singular` and `plural`.
    pub(crate) fn nouns_example(self) -> &'static str {
        match self {
            Place::Activity => {
                "#[attio_activity(slug = \"site_visits\", extends = \"interactions\", singular = \"Site visit\", plural = \"Site visits\")]"
            }
            _ => {
                "#[attio_object(slug = \"projects\", singular = \"Project\", plural = \"Projects\")]"
            }
        }
    }

    /// What is wrong with the unknown option `name` here, and what the place takes.
    pub(super) fn unknown(self, name: &str) -> String {
        let hint = match misplaced(self, name) {
            Some(hint) => format!(" ({hint})"),
            None => did_you_mean(name, self.known()),
        };
        match self {
            Place::Object => format!(
                "unknown argument `{name}` for #[attio_object]{hint}; it takes `slug = \"...\"` (the object's api slug, required) and optionally `singular = \"...\", plural = \"...\"` (the nouns to create a custom object with) and `crate = \"...\"` (the path to the attio crate), e.g. #[attio_object(slug = \"people\")]"
            ),
            Place::List => format!(
                "unknown argument `{name}` for #[attio_list]{hint}; it takes `slug = \"...\"` (the list's api slug, required), `parent = Type` (the #[attio_object] struct of the entries' parent records, required) and optionally `crate = \"...\"` (the path to the attio crate), e.g. #[attio_list(slug = \"sales_pipeline\", parent = Company)]"
            ),
            Place::Activity => format!(
                "unknown argument `{name}` for #[attio_activity]{hint}; it takes `slug = \"...\"` (the activity's api slug, required), `extends = \"...\"` (the schema it extends: `activities`, `interactions`, `calls` or `emails`, required) and optionally `singular = \"...\", plural = \"...\"` (the nouns to create it with) and `crate = \"...\"` (the path to the attio crate), e.g. #[attio_activity(slug = \"site_visits\", extends = \"interactions\")]"
            ),
            Place::Field => format!(
                "unknown field option `{name}`{hint}; #[attio(...)] takes `rename = \"...\"` (the attribute's api slug), `read_only` (decoded, never sent), `unique` (no two records share a value) and `title = \"...\"` (the attribute's title, to create it with), e.g. #[attio(rename = \"primary_email_address\")]"
            ),
            Place::Enum => format!(
                "unknown option `{name}` for a #[derive(SelectEnum)] enum{hint}; on the enum, #[attio(...)] takes `status` (the enum is a status attribute's statuses) and `crate = \"...\"` (the path to the attio crate), e.g. #[attio(status)]"
            ),
            Place::Variant => format!(
                "unknown variant option `{name}`{hint}; on a variant, #[attio(...)] takes `rename = \"...\"` (the option's title, when it is not the variant's name) and `other` (the catch-all for options the enum does not know), e.g. #[attio(rename = \"Won 🎉\")]"
            ),
        }
    }
}

/// Where an option known elsewhere belongs, when it is written in the wrong place.
fn misplaced(place: Place, name: &str) -> Option<&'static str> {
    Some(match (place, name) {
        (Place::Activity, PARENT | "object" | "objects") => {
            "an activity has no parent: its records link to people and companies through their own record-reference fields, e.g. `visitor: Option<attio::Ref<Person>>`"
        }
        (Place::Object, EXTENDS) => {
            "`extends` is an argument of #[attio_activity], for a struct that describes an activity's records"
        }
        (Place::Object, PARENT) => {
            "`parent` is an argument of #[attio_list], for a struct that describes a list's entries"
        }
        (Place::List, "object" | "parent_object") => {
            "the parent object is given as the Rust struct that describes it: `parent = Company`"
        }
        (Place::List, SINGULAR | PLURAL) => {
            "a list has a name, not nouns: `singular` and `plural` are arguments of #[attio_object], for the custom objects the SDK may create"
        }
        (Place::Object | Place::List | Place::Activity, RENAME | READ_ONLY | TITLE | UNIQUE) => {
            "field options go in #[attio(...)] on the field, e.g. #[attio(rename = \"primary_email_address\")]"
        }
        (Place::Field, SLUG) => "a field's attribute slug is given with `rename = \"...\"`",
        (Place::Field, CRATE) => "`crate` goes in #[attio_object(...)]",
        (Place::Field, SINGULAR | PLURAL) => {
            "an object's nouns go in #[attio_object(...)]; a field's title is given with `title = \"...\"`"
        }
        (Place::Enum, RENAME | OTHER) => "`rename` and `other` go on a variant",
        (Place::Variant, "title" | "name") => "an option's title is given with `rename = \"...\"`",
        (Place::Variant, STATUS | CRATE) => "`status` and `crate` go on the enum",
        _ => return None,
    })
}
