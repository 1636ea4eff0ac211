//! `attio generate`: Rust source for objects, lists and activities, from their specs.
//!
//! Two steps: [`plan`] names everything (types, fields, variants; all de-duplicated) and picks
//! each field's type; [`render`] turns the plan into a `syn::File` with `quote` and prints it
//! with `prettyplease`. [`generate`] does both.

mod plan;
mod render;
#[cfg(test)]
mod tests;

pub use plan::{EnumPlan, FieldPlan, Plan, StructPlan, plan};
pub use render::render;

use crate::model::{ActivitySpec, ListSpec, ObjectSpec};

/// Generated source and what the user should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The formatted source.
    pub code: String,
    /// Attributes left out or typed loosely, and why: one line each, for stderr.
    pub notes: Vec<String>,
}

/// The source for `objects`, `lists` and `activities`, formatted, after `header` (each line as a
/// `//` comment). A list whose parent object is not among `objects` names a struct that is not
/// generated: callers add the parent to `objects` (as `attio generate` does). A record reference
/// (of an object, a list or an activity) is an `attio::Ref<T>` when it allows one object and that
/// object is among `objects`, an `attio::RecordReference` otherwise.
///
/// ```
/// use attio::AttributeType::{Status, Text};
/// use attio_cli::model::{AttributeSpec, ObjectSpec};
///
/// let deals = ObjectSpec {
///     slug: "deals".into(),
///     singular_noun: Some("Deal".into()),
///     plural_noun: Some("Deals".into()),
///     attributes: vec![
///         AttributeSpec::new("name", "Deal name", Text).required(),
///         AttributeSpec::new("stage", "Deal stage", Status).required().choices(["Lead", "Won 🎉"]),
///     ],
/// };
/// let generated = attio_cli::generate::generate(&[deals], &[], &[], "")?;
/// assert!(generated.code.contains("pub struct Deal {"));
/// assert!(generated.code.contains("pub stage: DealStage,"));
/// assert!(generated.code.contains("#[attio(rename = \"Won 🎉\")]"));
/// # Ok::<(), attio_cli::Error>(())
/// ```
pub fn generate(
    objects: &[ObjectSpec],
    lists: &[ListSpec],
    activities: &[ActivitySpec],
    header: &str,
) -> Result<Generated, crate::Error> {
    let plan = plan(objects, lists, activities);
    let tokens = render(&plan);
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        crate::Error::Internal(format!(
            "the generated code does not parse ({e}); this is a bug in `attio generate`, please report it with the command you ran"
        ))
    })?;
    let mut code = String::new();
    for line in header.lines() {
        if line.is_empty() {
            code.push_str("//\n");
        } else {
            code.push_str("// ");
            code.push_str(line);
            code.push('\n');
        }
    }
    if !code.is_empty() {
        code.push('\n');
    }
    // prettyplease puts items on consecutive lines; a blank line after each closing brace at
    // the margin (only items end there, `pub struct Empty {}` too) separates them as rustfmt
    // would.
    let printed = prettyplease::unparse(&file);
    let mut lines = printed.lines().peekable();
    while let Some(line) = lines.next() {
        code.push_str(line);
        code.push('\n');
        let item_end = line == "}" || (line.starts_with("pub ") && line.ends_with('}'));
        if item_end && lines.peek().is_some() {
            code.push('\n');
        }
    }
    Ok(Generated {
        code,
        notes: plan.notes,
    })
}
