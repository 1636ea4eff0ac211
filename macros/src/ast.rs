//! The model the code generator works from: a struct with named fields, each an Attio attribute.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, ObjectArgs};
use crate::ctxt::Ctxt;
use crate::suggest;

/// What the struct describes: an object's records, a list's entries, or an activity's records.
pub enum Kind {
    /// `#[attio_object]`
    Object,
    /// `#[attio_activity(extends = "...")]`: the records of an activity that extends the schema
    /// `extends` (one of `ACTIVITY_SCHEMAS`, checked).
    Activity { extends: String },
    /// `#[attio_list(parent = ...)]`: the entries of a list whose parent records are of the
    /// object `parent` describes.
    List { parent: Box<syn::Type> },
}

impl Kind {
    /// The macro, as messages name it.
    pub fn macro_name(&self) -> &'static str {
        match self {
            Kind::Object => "#[attio_object]",
            Kind::List { .. } => "#[attio_list]",
            Kind::Activity { .. } => "#[attio_activity]",
        }
    }

    /// The macro's right form, for messages.
    pub fn example(&self) -> &'static str {
        match self {
            Kind::Object => "#[attio_object(slug = \"people\")]",
            Kind::List { .. } => "#[attio_list(slug = \"sales_pipeline\", parent = Company)]",
            Kind::Activity { .. } => {
                "#[attio_activity(slug = \"site_visits\", extends = \"interactions\")]"
            }
        }
    }
}

/// An `#[attio_object]` or `#[attio_list]` struct.
pub struct Object<'a> {
    pub kind: Kind,
    pub ident: &'a Ident,
    pub vis: &'a syn::Visibility,
    /// The object's api slug.
    pub slug: String,
    /// `crate = "..."`, or `None` for `::attio`.
    pub crate_path: Option<syn::Path>,
    /// `singular = "...", plural = "..."`: the nouns to create the object with.
    pub nouns: Option<(String, String)>,
    pub fields: Vec<Field<'a>>,
}

/// One named field.
pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The field name as written, without `r#`.
    pub name: String,
    /// The attribute's api slug: the field name or `rename`.
    pub slug: String,
    /// Where the slug comes from: the `rename` literal or the field name.
    pub slug_span: Span,
    /// Whether the slug comes from `rename`.
    pub renamed: bool,
    pub ty: &'a Type,
    pub read_only: bool,
    /// `#[attio(title = "...")]`, else the doc comment's first line, else the field name.
    pub title: String,
    /// `#[attio(unique)]`.
    pub unique: bool,
    /// The field's cardinality as its type is written (`Option<_>`, `Vec<_>`, else required).
    pub shape: Shape,
}

/// A field's cardinality as read from the syntax of its type. A type alias hides it: such a field
/// is taken as `Required`, and the runtime then uses the type's real cardinality.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Required,
    Optional,
    Multiple,
}

impl<'a> Object<'a> {
    /// The model of `input`, reporting every problem into `cx`. `None` when the item is not a
    /// struct with named fields (or the slug is missing), so no model can be built.
    pub fn from_input(
        cx: &Ctxt,
        input: &'a DeriveInput,
        args: ObjectArgs,
        kind: Kind,
    ) -> Option<Self> {
        let ident = &input.ident;
        let m = kind.macro_name();
        let example = kind.example();
        if args.slug.is_none() && !args.slug_given {
            let what = match kind {
                Kind::Object => "object",
                Kind::List { .. } => "list",
                Kind::Activity { .. } => "activity",
            };
            cx.error_at(
                Span::call_site(),
                format!(
                    "missing `slug`: {m} needs the api slug of the Attio {what} `{ident}` describes, e.g. {example}"
                ),
            );
        }
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            let generics = &input.generics;
            cx.error_spanned_by(
                quote::quote!(#generics),
                format!(
                    "{m} does not support generic structs: `{ident}` has generic parameters; declare a concrete struct whose fields are Attio value types, e.g. `struct {ident} {{ name: String }}`"
                ),
            );
        }
        // Helper attributes on the struct itself are a common slip: object options belong in
        // #[attio_object(...)].
        for a in input.attrs.iter().filter(|a| attr::is_helper(a)) {
            cx.error_spanned_by(
                a,
                match kind {
                    Kind::Object => "#[attio(...)] goes on fields; the object's options go in #[attio_object(...)], e.g. #[attio_object(slug = \"people\")]",
                    Kind::List { .. } => "#[attio(...)] goes on fields; the list's options go in #[attio_list(...)], e.g. #[attio_list(slug = \"sales_pipeline\", parent = Company)]",
                    Kind::Activity { .. } => "#[attio(...)] goes on fields; the activity's options go in #[attio_activity(...)], e.g. #[attio_activity(slug = \"site_visits\", extends = \"interactions\")]",
                },
            );
        }
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => Some(named),
                Fields::Unnamed(unnamed) => {
                    cx.error_spanned_by(
                        unnamed,
                        format!(
                            "{m} needs a struct with named fields, one per Attio attribute; `{ident}` is a tuple struct, whose fields have no names to use as attribute slugs; write e.g. `struct {ident} {{ name: String }}`"
                        ),
                    );
                    None
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        ident,
                        format!(
                            "{m} needs a struct with named fields, one per Attio attribute; `{ident}` is a unit struct; write e.g. `struct {ident} {{ name: String }}`"
                        ),
                    );
                    None
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(
                    data.enum_token,
                    format!(
                        "{m} applies to structs, not enums: an Attio record is a set of named attributes; write e.g. `struct {ident} {{ name: String }}`"
                    ),
                );
                None
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    format!(
                        "{m} applies to structs, not unions: an Attio record is a set of named attributes; write e.g. `struct {ident} {{ name: String }}`"
                    ),
                );
                None
            }
        }?;

        let fields = named
            .named
            .iter()
            .filter_map(|field| {
                let ident = field.ident.as_ref()?;
                let args = attr::field_args(cx, &field.attrs);
                check_shape(cx, &field.ty);
                let name = ident.unraw().to_string();
                let (slug, slug_span, renamed) = match &args.rename {
                    Some(lit) => (lit.value(), lit.span(), true),
                    None => {
                        if let Some(problem) = suggest::slug_problem(&name) {
                            let fix = suggest::suggest_slug(&name)
                                .map(|s| format!("#[attio(rename = \"{s}\")]"))
                                .unwrap_or_else(|| {
                                    "#[attio(rename = \"primary_email_address\")]".to_owned()
                                });
                            cx.error_spanned_by(
                                ident,
                                format!(
                                    "the field name `{name}` is not a valid Attio attribute slug ({problem}); api slugs are lowercase ASCII letters, digits and underscores; name the attribute with {fix}"
                                ),
                            );
                        }
                        (name.clone(), ident.span(), false)
                    }
                };
                Some(Field {
                    ident,
                    name: name.clone(),
                    slug,
                    slug_span,
                    renamed,
                    ty: &field.ty,
                    read_only: args.read_only,
                    title: args
                        .title
                        .map(|lit| lit.value())
                        .or_else(|| doc_first_line(&field.attrs))
                        .unwrap_or_else(|| name.clone()),
                    unique: args.unique,
                    shape: match wrapper(&field.ty) {
                        Some(("Option", _)) => Shape::Optional,
                        Some(("Vec", _)) => Shape::Multiple,
                        _ => Shape::Required,
                    },
                })
            })
            .collect();

        Some(Object {
            kind,
            ident,
            vis: &input.vis,
            // A missing or invalid slug is already reported; the fields are still checked.
            slug: args.slug.map(|lit| lit.value()).unwrap_or_default(),
            crate_path: args.crate_path,
            nouns: args
                .singular
                .zip(args.plural)
                .map(|(s, p)| (s.value(), p.value())),
            fields,
        })
    }
}

/// Refuses the field shapes that say nothing `T`, `Option<T>` and `Vec<T>` do not already say
/// (`Option<Option<T>>`, `Option<Vec<T>>`, `Vec<Option<T>>`, ...), with a message that says what
/// to write instead. Other wrong types are left to the trait system.
fn check_shape(cx: &Ctxt, ty: &Type) {
    let Some((outer, inner)) = wrapper(ty) else {
        return;
    };
    let Some((inner_kind, _)) = wrapper(inner) else {
        return;
    };
    let message = match (outer, inner_kind) {
        ("Option", "Option") => {
            "`Option<Option<T>>` is not an Attio field type: `Option<T>` already means the attribute may be empty; write `Option<T>`"
        }
        ("Option", "Vec") => {
            "`Option<Vec<T>>` is not an Attio field type: a multiselect attribute with no values is an empty `Vec`; write `Vec<T>`"
        }
        ("Vec", "Option") => {
            "`Vec<Option<T>>` is not an Attio field type: a multiselect attribute holds values, never empty ones; write `Vec<T>`"
        }
        ("Vec", "Vec") => {
            "`Vec<Vec<T>>` is not an Attio field type: an attribute is single (`T`, `Option<T>`) or multiselect (`Vec<T>`), not nested; write `Vec<T>`"
        }
        ("WithMeta", "Option") => {
            "`WithMeta<Option<T>>` is not an Attio field type: metadata belongs to each value; write `Option<WithMeta<T>>`"
        }
        ("WithMeta", "Vec") => {
            "`WithMeta<Vec<T>>` is not an Attio field type: metadata belongs to each value; write `Vec<WithMeta<T>>`"
        }
        _ => return,
    };
    cx.error_spanned_by(ty, message);
}

/// `Option<X>`, `Vec<X>` or `WithMeta<X>` (by the path's last segment), as the wrapper's name and
/// `X`.
fn wrapper(ty: &Type) -> Option<(&'static str, &Type)> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let name = ["Option", "Vec", "WithMeta"]
        .into_iter()
        .find(|n| last.ident == n)?;
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    if args.args.len() != 1 {
        return None;
    }
    match args.args.first()? {
        GenericArgument::Type(inner) => Some((name, inner)),
        _ => None,
    }
}

/// The first non-blank line of a doc comment (`/// The user's id.`), trimmed.
fn doc_first_line(attrs: &[syn::Attribute]) -> Option<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|doc| doc.lines().map(str::to_owned).collect::<Vec<_>>())
        .map(|line| line.trim().trim_end_matches('.').trim_end().to_owned())
        .find(|line| !line.is_empty())
}
