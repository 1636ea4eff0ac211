//! `attio generate`: Rust source for objects and lists, from their specs.
//!
//! Two steps: [`plan`] names everything (types, fields, variants; all de-duplicated) and picks
//! each field's type; [`render`] turns the plan into a `syn::File` with `quote` and prints it
//! with `prettyplease`. [`generate`] does both.

use std::collections::BTreeMap;

use attio::AttributeType;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{AttributeSpec, Cardinality, ListSpec, ObjectSpec};
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

/// Generated source and what the user should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The formatted source.
    pub code: String,
    /// Attributes left out or typed loosely, and why: one line each, for stderr.
    pub notes: Vec<String>,
}

/// The source for `objects` and `lists`, formatted, after `header` (each line as a `//`
/// comment). A list whose parent object is not among `objects` names a struct that is not
/// generated: callers add the parent to `objects` (as `attio generate` does).
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
/// let generated = attio_cli::generate::generate(&[deals], &[], "")?;
/// assert!(generated.code.contains("pub struct Deal {"));
/// assert!(generated.code.contains("pub stage: DealStage,"));
/// assert!(generated.code.contains("#[attio(rename = \"Won 🎉\")]"));
/// # Ok::<(), attio_cli::Error>(())
/// ```
pub fn generate(
    objects: &[ObjectSpec],
    lists: &[ListSpec],
    header: &str,
) -> Result<Generated, crate::Error> {
    let plan = plan(objects, lists);
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
    // the margin (only items end there) separates them as rustfmt would.
    let printed = prettyplease::unparse(&file);
    let mut lines = printed.lines().peekable();
    while let Some(line) = lines.next() {
        code.push_str(line);
        code.push('\n');
        if line == "}" && lines.peek().is_some() {
            code.push('\n');
        }
    }
    Ok(Generated {
        code,
        notes: plan.notes,
    })
}

/// Everything named and typed, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The structs, objects first, each with its enums.
    pub structs: Vec<StructPlan>,
    /// What was left out or typed loosely.
    pub notes: Vec<String>,
}

/// One `#[attio_object]` or `#[attio_list]` struct.
#[derive(Debug, Clone, PartialEq)]
pub struct StructPlan {
    /// The struct's name.
    pub ident: String,
    /// The object's or list's slug.
    pub slug: String,
    /// `Some(parent struct)` for a list.
    pub parent: Option<String>,
    /// An object's singular and plural nouns (`singular = "…", plural = "…"`).
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
pub fn plan(objects: &[ObjectSpec], lists: &[ListSpec]) -> Plan {
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
    Plan { structs, notes }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OwnerKind {
    Object,
    List,
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
    let ident = types.claim(&format!("{}{base}", owner.ident), "");
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

/// The plan as tokens: a whole file.
pub fn render(plan: &Plan) -> TokenStream {
    let items = plan.structs.iter().map(render_struct);
    quote! { #(#items)* }
}

fn docs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

fn ty(text: &str) -> TokenStream {
    // Every type is built from identifiers this module made valid; a failure is a bug, shown
    // as a compile error in the output rather than a panic.
    match syn::parse_str::<syn::Type>(text) {
        Ok(t) => quote!(#t),
        Err(_) => {
            let msg = format!("attio generate made an invalid type `{text}`; please report it");
            quote!(::core::compile_error!(#msg))
        }
    }
}

fn render_struct(s: &StructPlan) -> TokenStream {
    let doc = docs(&s.doc);
    let ident = format_ident!("{}", s.ident);
    let slug = &s.slug;
    let macro_attr = match &s.parent {
        None => match &s.nouns {
            Some((singular, plural)) => quote!(
                #[attio::attio_object(slug = #slug, singular = #singular, plural = #plural)]
            ),
            None => quote!(#[attio::attio_object(slug = #slug)]),
        },
        Some(parent) => {
            let parent = format_ident!("{}", parent);
            quote!(#[attio::attio_list(slug = #slug, parent = #parent)])
        }
    };
    let fields = s.fields.iter().map(|f| {
        let doc = docs(&f.doc);
        let ident = format_ident!("{}", f.ident);
        let ty = ty(&f.rust_type());
        let mut options = Vec::new();
        if let Some(rename) = &f.rename {
            options.push(quote!(rename = #rename));
        }
        if let Some(title) = &f.title {
            options.push(quote!(title = #title));
        }
        if f.read_only {
            options.push(quote!(read_only));
        }
        if f.unique {
            options.push(quote!(unique));
        }
        let helper = if options.is_empty() {
            quote!()
        } else {
            quote!(#[attio(#(#options),*)])
        };
        quote! {
            #doc
            #helper
            pub #ident: #ty,
        }
    });
    let enums = s.enums.iter().map(render_enum);
    quote! {
        #doc
        #macro_attr
        #[derive(Debug, Clone, PartialEq)]
        pub struct #ident {
            #(#fields)*
        }
        #(#enums)*
    }
}

fn render_enum(e: &EnumPlan) -> TokenStream {
    let doc = docs(&e.doc);
    let ident = format_ident!("{}", e.ident);
    let status = if e.status {
        quote!(#[attio(status)])
    } else {
        quote!()
    };
    let variants = e.variants.iter().map(|(name, title)| {
        let doc = format!(" \"{title}\"");
        let variant = format_ident!("{}", name);
        let rename = if name == title {
            quote!()
        } else {
            quote!(#[attio(rename = #title)])
        };
        quote! {
            #[doc = #doc]
            #rename
            #variant,
        }
    });
    let other = format_ident!("{}", e.other);
    let what = if e.status { "A status" } else { "An option" };
    let other_doc = format!(" {what} added in Attio after this code was generated, by its title.");
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, attio::SelectEnum)]
        #status
        pub enum #ident {
            #(#variants)*
            #[doc = #other_doc]
            #[attio(other)]
            #other(String),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;
    use AttributeType as T;

    fn object(slug: &str, noun: &str, attributes: Vec<AttributeSpec>) -> ObjectSpec {
        ObjectSpec {
            slug: slug.into(),
            singular_noun: Some(noun.into()),
            plural_noun: Some(format!("{noun}s")),
            attributes,
        }
    }

    fn field<'p>(plan: &'p Plan, s: &str, f: &str) -> &'p FieldPlan {
        let s = plan.structs.iter().find(|x| x.ident == s).unwrap();
        s.fields.iter().find(|x| x.ident == f).unwrap()
    }

    #[test]
    fn types_and_cardinality_follow_the_attribute() {
        let plan = plan(
            &[object(
                "things",
                "Thing",
                vec![
                    AttributeSpec::new("name", "Name", T::Text).required(),
                    AttributeSpec::new("count", "Count", T::Number),
                    AttributeSpec::new("emails", "Emails", T::EmailAddress).multiselect(),
                    AttributeSpec::new("seen", "Seen", T::Interaction),
                    AttributeSpec::new("logo", "Logo", T::Text).read_only(),
                    AttributeSpec::new("money", "Money", T::Currency),
                    AttributeSpec::new("who", "Who", T::PersonalName),
                    AttributeSpec::new("when", "When", T::Timestamp),
                ],
            )],
            &[],
        );
        let t = |f| field(&plan, "Thing", f).rust_type();
        assert_eq!(t("name"), "String");
        assert_eq!(t("count"), "Option<f64>");
        assert_eq!(t("emails"), "Vec<attio::EmailAddress>");
        assert_eq!(t("seen"), "Option<attio::Interaction>");
        assert_eq!(t("money"), "Option<attio::Currency>");
        assert_eq!(t("who"), "Option<attio::PersonalName>");
        assert_eq!(t("when"), "Option<attio::Timestamp>");
        assert!(field(&plan, "Thing", "seen").read_only, "interaction");
        assert!(field(&plan, "Thing", "logo").read_only, "is_writable false");
        assert!(!field(&plan, "Thing", "name").read_only);
        assert!(plan.notes.is_empty());
    }

    #[test]
    fn every_known_type_maps_to_its_rust_type() {
        for ty in AttributeType::ALL {
            let plan = plan(
                &[object(
                    "things",
                    "Thing",
                    vec![AttributeSpec::new("x", "X", ty.clone()).choices(["A"])],
                )],
                &[],
            );
            let f = field(&plan, "Thing", "x");
            match ty {
                T::Select | T::Status => assert_eq!(f.value_type, "ThingX"),
                _ => assert_eq!(Some(f.value_type.as_str()), ty.rust_type()),
            }
        }
    }

    #[test]
    fn references_to_one_generated_object_are_typed() {
        let plan = plan(
            &[
                object(
                    "people",
                    "Person",
                    vec![
                        AttributeSpec::new("company", "Company", T::RecordReference)
                            .allowed(["companies"]),
                    ],
                ),
                object(
                    "companies",
                    "Company",
                    vec![
                        AttributeSpec::new("team", "Team", T::RecordReference)
                            .multiselect()
                            .allowed(["people"]),
                        AttributeSpec::new("deals", "Deals", T::RecordReference)
                            .multiselect()
                            .allowed(["deals"]),
                        AttributeSpec::new("any", "Any", T::RecordReference),
                        AttributeSpec::new("two", "Two", T::RecordReference)
                            .allowed(["people", "companies"]),
                    ],
                ),
            ],
            &[],
        );
        assert_eq!(
            field(&plan, "Person", "company").rust_type(),
            "Option<attio::Ref<Company>>"
        );
        assert_eq!(
            field(&plan, "Company", "team").rust_type(),
            "Vec<attio::Ref<Person>>"
        );
        for f in ["deals", "any", "two"] {
            assert!(
                field(&plan, "Company", f)
                    .value_type
                    .ends_with("attio::RecordReference")
            );
        }
    }

    #[test]
    fn select_and_status_attributes_get_enums_with_a_catch_all() {
        let plan = plan(
            &[object(
                "deals",
                "Deal",
                vec![
                    AttributeSpec::new("stage", "Stage", T::Status)
                        .required()
                        .choices(["Lead", "In Progress", "Won 🎉", "Won!", "🎉", "Other"]),
                    AttributeSpec::new("tags", "Tags", T::Select)
                        .multiselect()
                        .choices(["B2B", "b2b"]),
                    AttributeSpec::new("empty", "Empty", T::Select),
                ],
            )],
            &[],
        );
        let deal = &plan.structs[0];
        let stage = &deal.enums[0];
        assert_eq!(stage.ident, "DealStage");
        assert!(stage.status);
        let names: Vec<_> = stage.variants.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Lead", "InProgress", "Won", "Won2", "Variant5", "Other"]
        );
        assert_eq!(stage.other, "Unknown");
        let tags = &deal.enums[1];
        assert_eq!(tags.ident, "DealTags");
        assert_eq!(tags.other, "Other");
        let names: Vec<_> = tags.variants.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["B2b", "B2b2"]);
        assert_eq!(field(&plan, "Deal", "tags").rust_type(), "Vec<DealTags>");
        assert_eq!(
            field(&plan, "Deal", "empty").rust_type(),
            "Option<attio::SelectOption>"
        );
        assert_eq!(plan.notes.len(), 1);
    }

    #[test]
    fn archived_attributes_and_options_are_left_out() {
        let mut archived = AttributeSpec::new("old", "Old", T::Text);
        archived.is_archived = true;
        let mut stage = AttributeSpec::new("stage", "Stage", T::Status).choices(["Lead"]);
        stage.choices.push(Choice {
            title: "Gone".into(),
            is_archived: true,
        });
        let plan = plan(&[object("deals", "Deal", vec![archived, stage])], &[]);
        let deal = &plan.structs[0];
        assert_eq!(deal.fields.len(), 1);
        assert_eq!(deal.enums[0].variants, [("Lead".into(), "Lead".into())]);
    }

    #[test]
    fn slugs_that_are_not_identifiers_are_renamed() {
        let plan = plan(
            &[object(
                "things",
                "Thing",
                vec![
                    AttributeSpec::new("type", "Type", T::Text),
                    AttributeSpec::new("2fa", "2FA", T::Checkbox),
                    AttributeSpec::new("type_", "Type again", T::Text),
                ],
            )],
            &[],
        );
        let f = &plan.structs[0].fields;
        assert_eq!(
            (f[0].ident.as_str(), f[0].rename.as_deref()),
            ("type_", Some("type"))
        );
        assert_eq!(
            (f[1].ident.as_str(), f[1].rename.as_deref()),
            ("_2fa", Some("2fa"))
        );
        assert_eq!(
            (f[2].ident.as_str(), f[2].rename.as_deref()),
            ("type__2", Some("type_"))
        );
    }

    #[test]
    fn titles_the_doc_comment_cannot_carry_are_explicit() {
        let mut email = AttributeSpec::new("email", "Email", T::EmailAddress);
        email.is_unique = true;
        let plan = plan(
            &[object(
                "things",
                "Thing",
                vec![
                    email,
                    AttributeSpec::new("no", "No.", T::Number),
                    AttributeSpec::new("pad", " Padded", T::Text),
                    AttributeSpec::new("two", "Two\nlines", T::Text),
                ],
            )],
            &[],
        );
        let f = &plan.structs[0].fields;
        assert!(f[0].unique && f[0].title.is_none());
        assert_eq!(f[1].title.as_deref(), Some("No."));
        assert_eq!(f[2].title.as_deref(), Some(" Padded"));
        assert_eq!(f[3].title.as_deref(), Some("Two\nlines"));
        assert_eq!(f[3].doc[0], "Two");
        assert_eq!(
            plan.structs[0].nouns,
            Some(("Thing".to_owned(), "Things".to_owned()))
        );
        let code = generate(&[object("things", "Thing", vec![f_spec()])], &[], "")
            .unwrap()
            .code;
        assert!(
            code.contains("#[attio(title = \"No.\", read_only, unique)]"),
            "{code}"
        );
    }

    fn f_spec() -> AttributeSpec {
        let mut a = AttributeSpec::new("no", "No.", T::Number).read_only();
        a.is_unique = true;
        a
    }

    #[test]
    fn type_names_do_not_collide() {
        let plan = plan(
            &[
                object("a", "Option", vec![]),
                object(
                    "b",
                    "Deal",
                    vec![AttributeSpec::new("stage", "Stage", T::Select).choices(["x"])],
                ),
                object("c", "Deal Stage", vec![]),
                object("d", "Deal Fields", vec![]),
            ],
            &[],
        );
        let names: Vec<_> = plan.structs.iter().map(|s| s.ident.as_str()).collect();
        assert_eq!(names, ["Option2", "Deal", "DealStage", "DealFields2"]);
        assert_eq!(plan.structs[1].enums[0].ident, "DealStage2");
    }

    #[test]
    fn lists_name_their_parent_and_skip_what_entries_cannot_hold() {
        let companies = object("companies", "Company", vec![]);
        let list = ListSpec {
            slug: "sales_pipeline".into(),
            name: "Sales pipeline".into(),
            parent_object: "companies".into(),
            attributes: vec![
                AttributeSpec::new("parent", "Parent", T::Text),
                AttributeSpec::new("who", "Who", T::PersonalName),
            ],
        };
        let plan = plan(&[companies], &[list]);
        let entry = &plan.structs[1];
        assert_eq!(entry.ident, "SalesPipelineEntry");
        assert_eq!(entry.parent.as_deref(), Some("Company"));
        assert_eq!(entry.fields.len(), 1);
        assert_eq!(entry.fields[0].ident, "parent_attribute");
        assert_eq!(entry.fields[0].rename.as_deref(), Some("parent"));
        assert_eq!(plan.notes.len(), 1);
    }

    #[test]
    fn unknown_types_are_left_out_with_a_note() {
        let plan = plan(
            &[object(
                "things",
                "Thing",
                vec![AttributeSpec::new(
                    "holo",
                    "Holo",
                    "hologram".parse().unwrap(),
                )],
            )],
            &[],
        );
        assert!(plan.structs[0].fields.is_empty());
        assert!(plan.notes[0].contains("hologram"), "{:?}", plan.notes);
        assert!(plan.structs[0].doc.iter().any(|l| l.contains("`holo`")));
    }

    #[test]
    fn output_is_formatted_rust() {
        let generated = generate(
            &[object(
                "deals",
                "Deal",
                vec![
                    AttributeSpec::new("name", "Deal name", T::Text).required(),
                    AttributeSpec::new("stage", "Deal stage", T::Status)
                        .required()
                        .choices(["Lead", "Won 🎉"]),
                ],
            )],
            &[],
            "Generated.",
        )
        .unwrap();
        let expected = r#"// Generated.

/// A record of the Attio object `deals`.
#[attio::attio_object(slug = "deals", singular = "Deal", plural = "Deals")]
#[derive(Debug, Clone, PartialEq)]
pub struct Deal {
    /// Deal name
    ///
    /// Attribute `name`: text, required.
    pub name: String,
    /// Deal stage
    ///
    /// Attribute `stage`: status, required.
    pub stage: DealStage,
}

/// The statuses of the status attribute `stage` (Deal stage) of the object `deals`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, attio::SelectEnum)]
#[attio(status)]
pub enum DealStage {
    /// "Lead"
    Lead,
    /// "Won 🎉"
    #[attio(rename = "Won 🎉")]
    Won,
    /// A status added in Attio after this code was generated, by its title.
    #[attio(other)]
    Other(String),
}
"#;
        assert_eq!(generated.code, expected);
    }
}
