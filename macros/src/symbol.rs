//! Every keyword the macro understands, written once.

/// `#[attio_object(slug = "...")]`: the object's api slug.
pub const SLUG: &str = "slug";
/// `#[attio_list(parent = Company)]`: the struct of the list's parent object.
pub const PARENT: &str = "parent";
/// `#[attio_object(crate = "...")]`: the path to the `attio` crate.
pub const CRATE: &str = "crate";
/// `#[attio(rename = "...")]`: the attribute's api slug, when it differs from the field name.
pub const RENAME: &str = "rename";
/// `#[attio(read_only)]`: decoded, never sent.
pub const READ_ONLY: &str = "read_only";
/// `#[attio(title = "...")]`: the attribute's title, for creating it.
pub const TITLE: &str = "title";
/// `#[attio(unique)]`: the attribute is unique in Attio (no two records share a value, or any one
/// value of a multi-valued attribute): recorded for schema checks, and a create whose outcome is
/// unknown is resolved by looking the record up by it.
pub const UNIQUE: &str = "unique";
/// `#[attio_object(singular = "...")]`: the object's singular noun, for creating it.
pub const SINGULAR: &str = "singular";
/// `#[attio_object(plural = "...")]`: the object's plural noun, for creating it.
pub const PLURAL: &str = "plural";
/// `#[attio_activity(extends = "...")]`: the schema the activity extends.
pub const EXTENDS: &str = "extends";
/// The helper attribute on fields: `#[attio(...)]`.
pub const ATTIO: &str = "attio";

/// The arguments of `#[attio_object(...)]`.
pub const OBJECT_ARGS: &[&str] = &[SLUG, SINGULAR, PLURAL, CRATE];
/// The arguments of `#[attio_activity(...)]`.
pub const ACTIVITY_ARGS: &[&str] = &[SLUG, EXTENDS, SINGULAR, PLURAL, CRATE];
/// The schemas an activity can extend.
pub const ACTIVITY_SCHEMAS: &[&str] = &["activities", "interactions", "calls", "emails"];
/// The arguments of `#[attio_list(...)]`.
pub const LIST_ARGS: &[&str] = &[SLUG, PARENT, CRATE];
/// The options of `#[attio(...)]` on a field.
pub const FIELD_OPTIONS: &[&str] = &[RENAME, READ_ONLY, TITLE, UNIQUE];

/// `#[attio(status)]` on a `#[derive(SelectEnum)]` enum: a `status` attribute.
pub const STATUS: &str = "status";
/// `#[attio(other)]` on a variant: the catch-all for options the enum does not know.
pub const OTHER: &str = "other";
/// The options of `#[attio(...)]` on a `#[derive(SelectEnum)]` enum.
pub const ENUM_OPTIONS: &[&str] = &[STATUS, CRATE];
/// The options of `#[attio(...)]` on a variant.
pub const VARIANT_OPTIONS: &[&str] = &[RENAME, OTHER];
