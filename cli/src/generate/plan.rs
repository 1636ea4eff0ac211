//! Naming and typing: every type, field and variant named (de-duplicated), every field typed.

use std::collections::BTreeMap;

use attio::{ActivitySchema, AttributeType};

use crate::model::{ActivitySpec, AttributeSpec, Cardinality, ListSpec, ObjectSpec};
use crate::naming::{Taken, camel_ident, field_ident};

/// Names generated code must not take: the prelude's types and traits, which the fields and
/// derives name unqualified.
const PRELUDE: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Vec",
    "String",
    "Box",
    "Result",
    "Ok",
    "Err",
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "Hash",
    "Default",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "ToString",
    "ToOwned",
    "Into",
    "From",
    "Self",
];

/// Everything named and typed, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The structs, objects first, then lists, then activities, each with its enums.
    pub structs: Vec<StructPlan>,
    /// What was left out or typed loosely.
    pub notes: Vec<String>,
}

/// One `#[attio_object]`, `#[attio_list]` or `#[attio_activity]` struct.
#[derive(Debug, Clone, PartialEq)]
pub struct StructPlan {
    /// The struct's name.
    pub ident: String,
    /// The object's, list's or activity's slug.
    pub slug: String,
    /// `Some(parent struct)` for a list.
    pub parent: Option<String>,
    /// `Some(schema)` for an activity: the schema it extends (`extends = "…"`).
    pub extends: Option<ActivitySchema>,
    /// An object's or activity's singular and plural nouns (`singular = "…", plural = "…"`).
    pub nouns: Option<(String, String)>,
    /// The doc comment's lines.
    pub doc: Vec<String>,
    /// The fields, in Attio's order.
    pub fields: Vec<FieldPlan>,
    /// The enums of its select and status fields.
    pub enums: Vec<EnumPlan>,
}

/// One field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldPlan {
    /// Its name.
    pub ident: String,
    /// The attribute's slug, when it differs from the name (`#[attio(rename)]`).
    pub rename: Option<String>,
    /// `#[attio(read_only)]`.
    pub read_only: bool,
    /// `#[attio(unique)]`.
    pub unique: bool,
    /// `#[attio(title = "…")]`, when the doc comment's first line would not say the title
    /// exactly (the macros read the title from there otherwise).
    pub title: Option<String>,
    /// The value type, without cardinality: `String`, `attio::Ref<Company>`, `DealStage`.
    pub value_type: String,
    /// `T`, `Option<T>` or `Vec<T>`.
    pub cardinality: Cardinality,
    /// The doc comment's lines.
    pub doc: Vec<String>,
}

impl FieldPlan {
    /// The field's whole type, as written: `Option<String>`.
    pub fn rust_type(&self) -> String {
        match self.cardinality {
            Cardinality::One => self.value_type.clone(),
            Cardinality::Optional => format!("Option<{}>", self.value_type),
            Cardinality::Many => format!("Vec<{}>", self.value_type),
        }
    }
}

/// One `#[derive(attio::SelectEnum)]` enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumPlan {
    /// Its name.
    pub ident: String,
    /// `#[attio(status)]`.
    pub status: bool,
    /// The doc comment's lines.
    pub doc: Vec<String>,
    /// (variant, title) for each live option, in Attio's order.
    pub variants: Vec<(String, String)>,
    /// The `#[attio(other)] Other(String)` catch-all's name.
    pub other: String,
}

/// Names every type, field and variant, and types every field.
pub fn plan(objects: &[ObjectSpec], lists: &[ListSpec], activities: &[ActivitySpec]) -> Plan {
    let mut types = Taken::default();
    for name in PRELUDE {
        types.reserve(*name);
    }
    let claim_struct = |types: &mut Taken, preferred: Option<String>, fallback: &str| {
        let ident = types.claim(&preferred.unwrap_or_else(|| fallback.to_owned()), "");
        // The macros declare these two next to the struct.
        types.reserve(format!("{ident}Fields"));
        types.reserve(format!("{ident}Changes"));
        ident
    };
    // Struct names first, so that record references can name them.
    let object_idents: Vec<String> = objects
        .iter()
        .map(|o| {
            let preferred = o
                .singular_noun
                .as_deref()
                .and_then(camel_ident)
                .or_else(|| camel_ident(&o.slug));
            claim_struct(&mut types, preferred, "Object")
        })
        .collect();
    let list_idents: Vec<String> = lists
        .iter()
        .map(|l| {
            let preferred = camel_ident(&l.slug).map(|s| format!("{s}Entry"));
            claim_struct(&mut types, preferred, "ListEntry")
        })
        .collect();
    let activity_idents: Vec<String> = activities
        .iter()
        .map(|a| {
            let preferred = camel_ident(&a.singular_noun).or_else(|| camel_ident(&a.slug));
            claim_struct(&mut types, preferred, "Activity")
        })
        .collect();
    let by_slug: BTreeMap<&str, &str> = objects
        .iter()
        .zip(&object_idents)
        .map(|(o, ident)| (o.slug.as_str(), ident.as_str()))
        .collect();

    let mut notes = Vec::new();
    let mut structs = Vec::new();
    for (object, ident) in objects.iter().zip(&object_idents) {
        let doc = vec![format!("A record of the Attio object `{}`.", object.slug)];
        let owner = Owner {
            kind: OwnerKind::Object,
            slug: &object.slug,
            ident,
        };
        let mut plan = plan_struct(
            owner,
            None,
            doc,
            &object.attributes,
            &by_slug,
            &mut types,
            &mut notes,
        );
        plan.nouns = object.singular_noun.clone().zip(object.plural_noun.clone());
        structs.push(plan);
    }
    for (list, ident) in lists.iter().zip(&list_idents) {
        let parent = by_slug
            .get(list.parent_object.as_str())
            .map(|s| (*s).to_owned())
            .unwrap_or_else(|| {
                camel_ident(&list.parent_object).unwrap_or_else(|| "Parent".to_owned())
            });
        let doc = vec![format!(
            "An entry of the Attio list `{}` ({}); its parent records are `{}` ([`{parent}`]).",
            list.slug, list.name, list.parent_object
        )];
        let owner = Owner {
            kind: OwnerKind::List,
            slug: &list.slug,
            ident,
        };
        structs.push(plan_struct(
            owner,
            Some(parent),
            doc,
            &list.attributes,
            &by_slug,
            &mut types,
            &mut notes,
        ));
    }
    for (activity, ident) in activities.iter().zip(&activity_idents) {
        let doc = vec![format!(
            "A record of the Attio activity `{}`, which extends `{}`.",
            activity.slug, activity.extends
        )];
        let owner = Owner {
            kind: OwnerKind::Activity,
            slug: &activity.slug,
            ident,
        };
        let mut plan = plan_struct(
            owner,
            None,
            doc,
            &activity.attributes,
            &by_slug,
            &mut types,
            &mut notes,
        );
        plan.extends = Some(activity.extends);
        // The macro refuses blank nouns; without them the struct still reads and writes.
        plan.nouns = Some((activity.singular_noun.clone(), activity.plural_noun.clone()))
            .filter(|(singular, plural)| !singular.trim().is_empty() && !plural.trim().is_empty());
        structs.push(plan);
    }
    Plan { structs, notes }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OwnerKind {
    Object,
    List,
    Activity,
}

#[derive(Clone, Copy)]
struct Owner<'a> {
    kind: OwnerKind,
    slug: &'a str,
    ident: &'a str,
}

impl Owner<'_> {
    fn describe(&self) -> String {
        match self.kind {
            OwnerKind::Object => format!("object `{}`", self.slug),
            OwnerKind::List => format!("list `{}`", self.slug),
            OwnerKind::Activity => format!("activity `{}`", self.slug),
        }
    }
}

fn plan_struct(
    owner: Owner<'_>,
    parent: Option<String>,
    mut doc: Vec<String>,
    attributes: &[AttributeSpec],
    objects: &BTreeMap<&str, &str>,
    types: &mut Taken,
    notes: &mut Vec<String>,
) -> StructPlan {
    let mut fields = Vec::new();
    let mut enums = Vec::new();
    let mut field_names = Taken::default();
    let mut skipped = Vec::new();
    for attribute in attributes.iter().filter(|a| !a.is_archived) {
        let slug = &attribute.slug;
        let ty = &attribute.attribute_type;
        if owner.kind == OwnerKind::List
            && matches!(ty, AttributeType::PersonalName | AttributeType::Interaction)
        {
            skipped.push(format!(
                "`{slug}`: an entry cannot hold a {ty} value (only records can)"
            ));
            notes.push(format!(
                "left out `{slug}` of the {}: lists cannot hold {ty} attributes",
                owner.describe()
            ));
            continue;
        }
        let mut ident = field_ident(slug);
        if owner.kind == OwnerKind::List && ident == "parent" {
            // `Entry::fields().parent()` names the parent record's attributes.
            ident = "parent_attribute".to_owned();
        }
        let ident = field_names.claim(&ident, "_");
        let value_type = match field_value_type(owner, attribute, &ident, objects, types, notes) {
            FieldType::Plain(t) => t,
            FieldType::Enum(e) => {
                let t = e.ident.clone();
                enums.push(e);
                t
            }
            FieldType::Unknown => {
                skipped.push(format!(
                    "`{slug}`: its type `{ty}` is unknown to this version of attio"
                ));
                notes.push(format!(
                    "left out `{slug}` of the {}: its type `{ty}` is unknown to this version of attio",
                    owner.describe()
                ));
                continue;
            }
        };
        fields.push(FieldPlan {
            rename: (ident != *slug).then(|| slug.clone()),
            read_only: attribute.is_read_only(),
            unique: attribute.is_unique,
            title: (doc_title(&attribute.title) != attribute.title)
                .then(|| attribute.title.clone()),
            value_type,
            cardinality: Cardinality::of(attribute),
            doc: field_doc(attribute),
            ident,
        });
    }
    if !skipped.is_empty() {
        doc.push(String::new());
        doc.push("Not generated:".to_owned());
        for line in skipped {
            doc.push(format!("- {line}"));
        }
    }
    StructPlan {
        ident: owner.ident.to_owned(),
        slug: owner.slug.to_owned(),
        parent,
        extends: None,
        nouns: None,
        doc,
        fields,
        enums,
    }
}

enum FieldType {
    Plain(String),
    Enum(EnumPlan),
    Unknown,
}

fn field_value_type(
    owner: Owner<'_>,
    attribute: &AttributeSpec,
    field: &str,
    objects: &BTreeMap<&str, &str>,
    types: &mut Taken,
    notes: &mut Vec<String>,
) -> FieldType {
    let slug = &attribute.slug;
    match &attribute.attribute_type {
        AttributeType::Select | AttributeType::Status => {
            let status = attribute.attribute_type == AttributeType::Status;
            match plan_enum(owner, attribute, field, status, types) {
                Some(e) => FieldType::Enum(e),
                None => {
                    let untyped = if status {
                        "attio::Status"
                    } else {
                        "attio::SelectOption"
                    };
                    notes.push(format!(
                        "`{slug}` of the {} has no live {}: typed as {untyped}",
                        owner.describe(),
                        if status { "statuses" } else { "options" },
                    ));
                    FieldType::Plain(untyped.to_owned())
                }
            }
        }
        AttributeType::RecordReference => match attribute.allowed_objects.as_deref() {
            Some([only]) => match objects.get(only.as_str()) {
                Some(target) => FieldType::Plain(format!("attio::Ref<{target}>")),
                None => FieldType::Plain("attio::RecordReference".to_owned()),
            },
            _ => FieldType::Plain("attio::RecordReference".to_owned()),
        },
        ty => match ty.rust_type() {
            Some(t) => FieldType::Plain(t.to_owned()),
            None => FieldType::Unknown,
        },
    }
}

/// The enum of a select or status attribute; `None` when it has no live option to name.
fn plan_enum(
    owner: Owner<'_>,
    attribute: &AttributeSpec,
    field: &str,
    status: bool,
    types: &mut Taken,
) -> Option<EnumPlan> {
    let mut variants: Vec<(String, String)> = Vec::new();
    let mut names = Taken::default();
    for (i, choice) in attribute
        .choices
        .iter()
        .filter(|c| !c.is_archived)
        .enumerate()
    {
        if variants.iter().any(|(_, t)| *t == choice.title) {
            continue;
        }
        let preferred = camel_ident(&choice.title).unwrap_or_else(|| format!("Variant{}", i + 1));
        variants.push((names.claim(&preferred, ""), choice.title.clone()));
    }
    if variants.is_empty() {
        return None;
    }
    let other = ["Other", "Unknown", "OtherChoice"]
        .into_iter()
        .find(|n| !names.contains(n))
        .map(str::to_owned)
        .unwrap_or_else(|| names.claim("Other", ""));
    let base = camel_ident(field).unwrap_or_else(|| "Choice".to_owned());
    // After the struct's name, a field such as `_2fa` needs no leading `_`: `Thing2fa`.
    let ident = types.claim(
        &format!("{}{}", owner.ident, base.trim_start_matches('_')),
        "",
    );
    let what = if status { "statuses" } else { "options" };
    let kind = if status { "status" } else { "select" };
    Some(EnumPlan {
        ident,
        status,
        doc: vec![format!(
            "The {what} of the {kind} attribute `{}` ({}) of the {}.",
            attribute.slug,
            attribute.title,
            owner.describe()
        )],
        variants,
        other,
    })
}

/// The title the macros read from a doc comment whose first line is `title`: its first line,
/// trimmed, without a final `.`.
fn doc_title(title: &str) -> &str {
    title
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches('.')
        .trim_end()
}

fn field_doc(attribute: &AttributeSpec) -> Vec<String> {
    let mut doc = vec![
        attribute
            .title
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
    ];
    if let Some(description) = attribute
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        doc.push(String::new());
        doc.extend(description.lines().map(|l| l.trim_end().to_owned()));
    }
    let mut facts = vec![attribute.attribute_type.to_string()];
    for (flag, word) in [
        (attribute.is_multiselect, "multiselect"),
        (attribute.is_required, "required"),
        (attribute.is_unique, "unique"),
        (attribute.is_read_only(), "read-only"),
    ] {
        if flag {
            facts.push(word.to_owned());
        }
    }
    if let Some(objects) = &attribute.allowed_objects {
        facts.push(format!("references {}", objects.join(", ")));
    }
    doc.push(String::new());
    doc.push(format!(
        "Attribute `{}`: {}.",
        attribute.slug,
        facts.join(", ")
    ));
    doc
}
