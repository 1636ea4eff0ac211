//! Planning and applying what makes the workspace agree with some structs: create the object or
//! list, create missing attributes, restore archived ones, add (or restore) options and statuses.
//! What Attio will not change (a type, a cardinality) and anything that would need an archive is
//! refused, field by field, and then nothing is applied.
//!
//! A missing attribute is not created when the object has one that looks like it, renamed
//! ([`Problem::RenamedAttribute`]: the field's type, and the field's title or the nearest slug the
//! check names, and no other field of the struct reads it). Creating it would fork the data: new
//! values would go to a new, empty attribute while the old ones stay in the renamed one. The plan
//! refuses instead, naming both slugs, and the fix is the user's: `#[attio(rename = "...")]` on
//! the field, or the attribute renamed back in Attio.

use std::fmt;

use super::check::{Contract, Live, ObjectSlugs, compare, inner_type};
use crate::client::Client;
use crate::error::{Error, Finding, Problem, Result, SchemaReport, TypeReport};
use crate::values::{AttributeType, Cardinality, FieldInfo, ObjectKind};
use crate::wire::NewList;
use crate::wire::activity::NewActivity;
use crate::wire::schema::{
    Attribute, AttributeUpdate, ChoiceUpdate, NewAttribute, NewObject, NewStatus, Target,
};

/// What `ensure_schema` would change (from `plan_schema`), or changed.
///
/// ```no_run
/// # #[attio::attio_object(slug = "projects", singular = "Project", plural = "Projects")] struct Project { name: String }
/// # async fn run(client: attio::Client) -> attio::Result<()> {
/// let plan = client.plan_schema::<Project>().await?;
/// println!("{plan}"); // "create the object `projects` …", one line per change
/// assert!(plan.is_possible());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct SchemaPlan {
    /// The changes, in the order they are applied: objects and lists, then attributes, then
    /// options and statuses.
    pub changes: Vec<Change>,
    /// What cannot be made to agree without changing what Attio does not change or archiving:
    /// when not empty, `ensure_schema` applies nothing.
    pub refused: SchemaReport,
}

impl SchemaPlan {
    /// Nothing to change and nothing refused: the workspace already agrees.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.refused.is_compatible()
    }

    /// Whether `ensure_schema` can apply it (nothing is refused).
    pub fn is_possible(&self) -> bool {
        self.refused.is_compatible()
    }

    /// Whether it creates an activity, whose inherited attributes it cannot know yet.
    pub(crate) fn creates_an_activity(&self) -> bool {
        self.changes
            .iter()
            .any(|c| matches!(c, Change::CreateActivity(_)))
    }
}

impl fmt::Display for SchemaPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("nothing to change: the workspace agrees with the structs");
        }
        for change in &self.changes {
            writeln!(f, "- {change}")?;
        }
        if !self.refused.is_compatible() {
            write!(
                f,
                "refused (nothing is applied until these are fixed):\n{}",
                self.refused
            )?;
        }
        Ok(())
    }
}

/// One change to the workspace's schema.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Change {
    /// `POST /v2/objects`.
    CreateObject(NewObject),
    /// `POST /v2/lists`.
    CreateList(NewList),
    /// `POST /v2/activities`.
    CreateActivity(NewActivity),
    /// `POST …/attributes`, for the field `field` of `rust_type`.
    CreateAttribute {
        /// Where.
        target: Target,
        /// The struct.
        rust_type: &'static str,
        /// The field.
        field: &'static str,
        /// The attribute.
        attribute: NewAttribute,
    },
    /// `PATCH …/attributes/{attribute}` with `is_archived: false`.
    RestoreAttribute {
        /// Where.
        target: Target,
        /// The struct.
        rust_type: &'static str,
        /// The field.
        field: &'static str,
        /// The attribute's slug.
        attribute: String,
    },
    /// `POST …/options` or `…/statuses`.
    CreateChoice {
        /// Where.
        target: Target,
        /// The attribute's slug.
        attribute: String,
        /// The title.
        title: String,
        /// A status rather than an option.
        status: bool,
    },
    /// `PATCH …/options/{title}` or `…/statuses/{title}` with `is_archived: false`.
    RestoreChoice {
        /// Where.
        target: Target,
        /// The attribute's slug.
        attribute: String,
        /// The title.
        title: String,
        /// A status rather than an option.
        status: bool,
    },
}

impl Change {
    /// Whether it creates an object, a list or an activity (rather than what is in one).
    pub(crate) fn creates_a_target(&self) -> bool {
        self.phase() <= 1
    }

    fn phase(&self) -> u8 {
        match self {
            Change::CreateObject(_) => 0,
            Change::CreateList(_) | Change::CreateActivity(_) => 1,
            Change::CreateAttribute { .. } | Change::RestoreAttribute { .. } => 2,
            Change::CreateChoice { .. } | Change::RestoreChoice { .. } => 3,
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = |status: &bool| if *status { "status" } else { "option" };
        match self {
            Change::CreateObject(new) => write!(
                f,
                "create the object `{}` ({} / {})",
                new.api_slug, new.singular_noun, new.plural_noun
            ),
            Change::CreateList(new) => write!(
                f,
                "create the list `{}` (\"{}\") over `{}`",
                new.api_slug, new.name, new.parent_object
            ),
            Change::CreateActivity(new) => write!(
                f,
                "create the activity `{}` ({} / {}), extending `{}`",
                new.api_slug, new.singular_noun, new.plural_noun, new.extends
            ),
            Change::CreateAttribute {
                target,
                rust_type,
                field,
                attribute,
            } => write!(
                f,
                "create the attribute `{}` of {target} ({}{}{}, title \"{}\") for `{rust_type}::{field}`",
                attribute.api_slug,
                attribute.attribute_type,
                if attribute.is_multiselect {
                    ", multiselect"
                } else {
                    ""
                },
                if attribute.is_unique { ", unique" } else { "" },
                attribute.title
            ),
            Change::RestoreAttribute {
                target,
                rust_type,
                field,
                attribute,
            } => write!(
                f,
                "restore the archived attribute `{attribute}` of {target} for `{rust_type}::{field}`"
            ),
            Change::CreateChoice {
                target,
                attribute,
                title,
                status,
            } => write!(
                f,
                "create the {} \"{title}\" of `{attribute}` on {target}",
                kind(status)
            ),
            Change::RestoreChoice {
                target,
                attribute,
                title,
                status,
            } => write!(
                f,
                "restore the archived {} \"{title}\" of `{attribute}` on {target}",
                kind(status)
            ),
        }
    }
}

/// The list's name in Attio's web app, from its slug: `sales_pipeline` → "Sales pipeline".
fn list_name(slug: &str) -> String {
    let words = slug.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The attribute to create for `field`, or why it cannot be created.
fn new_attribute(
    contract: &Contract,
    field: &FieldInfo,
) -> std::result::Result<NewAttribute, String> {
    let ty = &field.attribute_type;
    let slug = field.slug;
    if !ty.is_writable() || *ty == AttributeType::PersonalName {
        return Err(format!(
            "attributes of type {ty} cannot be created through the API: create `{slug}` in Attio's settings, or remove the field"
        ));
    }
    if *ty == AttributeType::Status && !matches!(contract.kind, ObjectKind::List { .. }) {
        return Err(format!(
            "status attributes exist only on lists: declare `{}` with a select enum (#[derive(SelectEnum)] without #[attio(status)]) or attio::SelectOption",
            field.name
        ));
    }
    let multiselect_ok = matches!(
        ty,
        AttributeType::Select
            | AttributeType::RecordReference
            | AttributeType::ActorReference
            | AttributeType::PhoneNumber
    );
    if field.cardinality == Cardinality::Multiple && !multiselect_ok {
        return Err(format!(
            "Attio creates multiselect attributes of the types select, record-reference, actor-reference and phone-number only, not {ty}: declare `{}` as one value (`{}` or `Option<{}>`), or as a `Vec` of a #[derive(SelectEnum)] enum (a multiselect select)",
            field.name,
            inner_type(field),
            inner_type(field)
        ));
    }
    let mut new = NewAttribute::new(slug, field.title, ty.clone())
        .multiselect(field.cardinality == Cardinality::Multiple)
        .unique(field.unique);
    if *ty == AttributeType::RecordReference {
        match field.value.references {
            Some(object) => new = new.allowed_objects([object]),
            None => {
                return Err(format!(
                    "an untyped `{}` does not say which object it references: declare `{}` as attio::Ref<T> of the object's struct, or create `{slug}` in Attio's settings",
                    inner_type(field),
                    field.name
                ));
            }
        }
    }
    Ok(new)
}

/// What makes `live` agree with `contract`: the changes, and the findings refused.
pub(crate) fn plan_one(
    contract: &Contract,
    live: &Live,
    objects: &ObjectSlugs,
    changes: &mut Vec<Change>,
) -> TypeReport {
    let target = contract.target();
    let mut refused = Vec::new();
    let refuse = |field: Option<&'static str>, attribute: &str, problem: Problem| Finding {
        rust_type: contract.name,
        field,
        attribute: attribute.to_owned(),
        problem,
    };
    let report = compare(contract, live, objects);
    // A missing object or list: create it, then every attribute as if missing.
    let fields_missing = !live.exists;
    if fields_missing {
        match contract.kind {
            ObjectKind::Object {
                nouns: Some((singular, plural)),
            } => changes.push(Change::CreateObject(NewObject::new(
                contract.slug,
                singular,
                plural,
            ))),
            ObjectKind::Activity {
                nouns: Some((singular, plural)),
                extends,
            } => changes.push(Change::CreateActivity(NewActivity::new(
                contract.slug,
                singular,
                plural,
                extends,
            ))),
            ObjectKind::Object { nouns: None } | ObjectKind::Activity { nouns: None, .. } => {
                refused.extend(report.findings);
                return type_report(contract, refused);
            }
            ObjectKind::List { parent } => changes.push(Change::CreateList(NewList::new(
                list_name(contract.slug),
                contract.slug,
                parent,
            ))),
        }
    }
    let choice_changes = |field: &FieldInfo, status: bool, changes: &mut Vec<Change>| {
        let Some(choices) = field.value.choices else {
            return;
        };
        let live_choices = live
            .choices
            .get(field.slug)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for title in choices.titles {
            let found = live_choices.iter().find(|c| c.title == *title);
            let change = match found {
                Some(c) if !c.archived => continue,
                Some(_) => Change::RestoreChoice {
                    target: target.clone(),
                    attribute: field.slug.to_owned(),
                    title: (*title).to_owned(),
                    status,
                },
                None => Change::CreateChoice {
                    target: target.clone(),
                    attribute: field.slug.to_owned(),
                    title: (*title).to_owned(),
                    status,
                },
            };
            changes.push(change);
        }
    };
    let create =
        |field: &'static FieldInfo, changes: &mut Vec<Change>, refused: &mut Vec<Finding>| {
            match new_attribute(contract, field) {
                Ok(attribute) => {
                    changes.push(Change::CreateAttribute {
                        target: target.clone(),
                        rust_type: contract.name,
                        field: field.name,
                        attribute,
                    });
                    choice_changes(
                        field,
                        field.attribute_type == AttributeType::Status,
                        changes,
                    );
                }
                Err(reason) => refused.push(refuse(
                    Some(field.name),
                    field.slug,
                    Problem::CannotCreate { reason },
                )),
            }
        };
    if fields_missing {
        for field in contract.fields {
            create(field, changes, &mut refused);
        }
        return type_report(contract, refused);
    }
    for finding in report.findings {
        let field = contract
            .fields
            .iter()
            .find(|f| Some(f.name) == finding.field);
        match (&finding.problem, field) {
            (Problem::MissingAttribute { nearest }, Some(field)) => {
                match renamed(contract, field, live, nearest.as_deref()) {
                    // Creating it would fork the data: refused, naming both slugs.
                    Some(alike) => refused.push(refuse(
                        Some(field.name),
                        field.slug,
                        Problem::RenamedAttribute {
                            live: alike.api_slug.clone(),
                            same_title: same_title(alike, field),
                        },
                    )),
                    None => create(field, changes, &mut refused),
                }
            }
            (Problem::Archived, Some(field)) => changes.push(Change::RestoreAttribute {
                target: target.clone(),
                rust_type: contract.name,
                field: field.name,
                attribute: field.slug.to_owned(),
            }),
            (Problem::UnknownChoices { status, .. }, Some(field)) => {
                choice_changes(field, *status, changes);
            }
            _ => refused.push(finding),
        }
    }
    type_report(contract, refused)
}

/// The live attribute that looks like `field`'s renamed, if any: the field's type, and the
/// field's title or the slug the check named as nearest (`nearest`), and read by no other field
/// of `contract`. The nearest slug wins over a title alone. A system attribute (`people.twitter`)
/// is never one: Attio does not let anyone rename it.
fn renamed<'a>(
    contract: &Contract,
    field: &FieldInfo,
    live: &'a Live,
    nearest: Option<&str>,
) -> Option<&'a Attribute> {
    let alike: Vec<&Attribute> = live
        .attributes
        .iter()
        .filter(|a| a.attribute_type == field.attribute_type && !a.is_system_attribute)
        .filter(|a| !contract.fields.iter().any(|f| f.slug == a.api_slug))
        .filter(|a| nearest == Some(a.api_slug.as_str()) || same_title(a, field))
        .collect();
    alike
        .iter()
        .find(|a| nearest == Some(a.api_slug.as_str()))
        .or(alike.first())
        .copied()
}

/// Whether `attribute`'s title is `field`'s, but for case and surrounding spaces.
fn same_title(attribute: &Attribute, field: &FieldInfo) -> bool {
    attribute.title.trim().to_lowercase() == field.title.trim().to_lowercase()
}

fn type_report(contract: &Contract, findings: Vec<Finding>) -> TypeReport {
    TypeReport {
        rust_type: contract.name,
        kind: contract.kind_name(),
        slug: contract.slug,
        findings,
    }
}

/// Orders the changes by phase and drops repeats (two structs over one object that both need an
/// attribute or an option).
pub(crate) fn finish(changes: Vec<Change>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    for change in changes {
        let repeat = match attribute_of(&change) {
            Some(key) => out.iter().any(|c| attribute_of(c) == Some(key)),
            None => out.contains(&change),
        };
        if !repeat {
            out.push(change);
        }
    }
    out.sort_by_key(Change::phase);
    out
}

/// The attribute a change creates or restores: one of either per attribute is enough.
fn attribute_of(change: &Change) -> Option<(&Target, &str)> {
    match change {
        Change::CreateAttribute {
            target, attribute, ..
        } => Some((target, attribute.api_slug.as_str())),
        Change::RestoreAttribute {
            target, attribute, ..
        } => Some((target, attribute.as_str())),
        _ => None,
    }
}

/// Applies one change.
pub(crate) async fn apply(client: &Client, change: &Change) -> Result<()> {
    match change {
        Change::CreateObject(new) => client.create_object(new).await.map(drop),
        Change::CreateList(new) => client.create_list(new).await.map(drop),
        Change::CreateActivity(new) => client.create_activity(new).await.map(drop),
        Change::CreateAttribute {
            target, attribute, ..
        } => client.create_attribute(target, attribute).await.map(drop),
        Change::RestoreAttribute {
            target, attribute, ..
        } => client
            .update_attribute(target, attribute, &AttributeUpdate::new().archived(false))
            .await
            .map(drop),
        Change::CreateChoice {
            target,
            attribute,
            title,
            status: false,
        } => client
            .create_option(target, attribute, title)
            .await
            .map(drop),
        Change::CreateChoice {
            target,
            attribute,
            title,
            status: true,
        } => client
            .create_status(target, attribute, &NewStatus::new(title.as_str()))
            .await
            .map(drop),
        Change::RestoreChoice {
            target,
            attribute,
            title,
            status: false,
        } => client
            .update_option(
                target,
                attribute,
                title,
                &ChoiceUpdate::new().archived(false),
            )
            .await
            .map(drop),
        Change::RestoreChoice {
            target,
            attribute,
            title,
            status: true,
        } => client
            .update_status(
                target,
                attribute,
                title,
                &ChoiceUpdate::new().archived(false),
            )
            .await
            .map(drop),
    }
}

/// The error `ensure_schema` returns for a plan with refusals.
pub(crate) fn refused(plan: SchemaPlan) -> Error {
    Error::Schema(Box::new(plan.refused))
}

#[cfg(test)]
mod tests;
