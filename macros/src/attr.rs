//! The one grammar of the macros' options: `#[attio_object(...)]`, and `#[attio(...)]` on a
//! field, on a `#[derive(SelectEnum)]` enum and on its variants.
//!
//! Every place takes the same small grammar, `name` or `name = <tokens>`, separated by commas,
//! with the keywords of `symbol`. It is parsed by hand rather than with `syn::meta::parser` so
//! that one bad option does not hide the others: every mistake is reported, and parsing carries
//! on at the next comma. [`options`] and [`helper_options`] report unknown, misplaced and repeated
//! options and hand on the others, in order; [`flag`], [`string_value`] and [`crate_path`] read a value.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt as _;
use syn::parse::{ParseStream, Parser as _};
use syn::{Attribute, Ident, LitStr, Meta, Token};

use crate::ctxt::Ctxt;
use crate::suggest::{slug_problem, suggest_slug};
use crate::symbol::{
    ATTIO, CRATE, EXTENDS, PARENT, PLURAL, READ_ONLY, RENAME, SINGULAR, SLUG, TITLE, UNIQUE,
};

mod place;

pub(crate) use place::Place;

/// One `name` or `name = value` item.
pub(crate) struct Arg {
    pub(crate) name: Ident,
    pub(crate) value: ArgValue,
}

impl Arg {
    /// The option's name, without `r#`: compare it with the `symbol` constants.
    pub(crate) fn key(&self) -> String {
        self.name.unraw().to_string()
    }
}

pub(crate) enum ArgValue {
    /// `name`
    None,
    /// `name = <tokens>`
    Eq(Token![=], TokenStream),
    /// `name <tokens>` without `=`, e.g. `slug("users")`.
    Malformed(TokenStream),
}

/// Parses the options in `tokens`, written at `place` (the arguments of `#[attio_object(...)]`),
/// and calls `each` for every known option, the first time it is given, in order (so that errors
/// come in the order of the source). Returns whether an unknown option was given (it is
/// reported).
pub(crate) fn options(
    cx: &Ctxt,
    place: Place,
    tokens: TokenStream,
    mut each: impl FnMut(&Arg),
) -> bool {
    let mut seen = Vec::new();
    collect(cx, place, tokens, &mut seen, &mut each)
}

/// Parses every `#[attio(...)]` among `attrs`, written at `place`, as [`options`] does; options
/// may be split across several attributes, but each is given once.
pub(crate) fn helper_options(
    cx: &Ctxt,
    place: Place,
    attrs: &[Attribute],
    mut each: impl FnMut(&Arg),
) -> bool {
    let mut seen = Vec::new();
    let mut unknown = false;
    for attr in attrs.iter().filter(|a| is_helper(a)) {
        match &attr.meta {
            Meta::List(list) if matches!(list.delimiter, syn::MacroDelimiter::Paren(_)) => {
                unknown |= collect(cx, place, list.tokens.clone(), &mut seen, &mut each);
            }
            meta => cx.error_spanned_by(
                meta,
                format!(
                    "expected `#[attio(...)]` with options in parentheses, e.g. {}",
                    place.example()
                ),
            ),
        }
    }
    unknown
}

fn collect(
    cx: &Ctxt,
    place: Place,
    tokens: TokenStream,
    seen: &mut Vec<String>,
    each: &mut impl FnMut(&Arg),
) -> bool {
    let mut unknown = false;
    for arg in parse_args(cx, tokens, place.known()) {
        let key = arg.key();
        if !place.known().contains(&key.as_str()) {
            unknown = true;
            cx.error_spanned_by(&arg.name, place.unknown(&key));
        } else if seen.contains(&key) {
            cx.error_spanned_by(
                &arg.name,
                format!(
                    "duplicate `{key}`: it is already given in {}; give each option once",
                    place.name()
                ),
            );
        } else {
            seen.push(key);
            each(&arg);
        }
    }
    unknown
}

/// What `#[attio_object(...)]` says.
#[derive(Default)]
pub struct ObjectArgs {
    /// `slug = "..."`, validated.
    pub slug: Option<LitStr>,
    /// Whether `slug` was given at all (valid or not), or an unknown argument that may be it.
    pub slug_given: bool,
    /// `crate = "..."`, parsed as a path.
    pub crate_path: Option<syn::Path>,
    /// `parent = Type` (of `#[attio_list]`), parsed as a type.
    pub parent: Option<syn::Type>,
    /// Whether `parent` was given at all (valid or not), or an unknown argument that may be it.
    pub parent_given: bool,
    /// `singular = "..."`.
    pub singular: Option<LitStr>,
    /// `plural = "..."`.
    pub plural: Option<LitStr>,
    /// `extends = "..."` (of `#[attio_activity]`), checked where the kind is built.
    pub extends: Option<LitStr>,
    /// Whether `extends` was given at all (valid or not), or an unknown argument that may be it.
    pub extends_given: bool,
}

/// What the `#[attio(...)]` attributes of one field say.
#[derive(Default)]
pub struct FieldArgs {
    /// `rename = "..."`, validated.
    pub rename: Option<LitStr>,
    /// `read_only`
    pub read_only: bool,
    /// `title = "..."`, not blank.
    pub title: Option<LitStr>,
    /// `unique`
    pub unique: bool,
}

/// Parses the arguments of `#[attio_object(...)]` (`place` is `Object`) or `#[attio_list(...)]`
/// (`List`).
pub fn object_args(cx: &Ctxt, place: Place, tokens: TokenStream) -> ObjectArgs {
    let mut out = ObjectArgs::default();
    let (what, example) = match place {
        Place::List => ("list", "slug = \"sales_pipeline\""),
        Place::Activity => ("activity", "slug = \"site_visits\""),
        _ => ("object", "slug = \"people\""),
    };
    let unknown = options(cx, place, tokens, |arg| match arg.key().as_str() {
        SLUG => {
            out.slug_given = true;
            out.slug = string_value(cx, arg, example).filter(|lit| check_slug(cx, lit, what, SLUG));
        }
        PARENT => {
            out.parent_given = true;
            out.parent = parent_type(cx, arg);
        }
        CRATE => out.crate_path = crate_path(cx, arg),
        SINGULAR => out.singular = noun(cx, arg, "singular = \"Project\""),
        PLURAL => out.plural = noun(cx, arg, "plural = \"Projects\""),
        EXTENDS => {
            out.extends_given = true;
            out.extends = string_value(cx, arg, "extends = \"interactions\"");
        }
        _ => {}
    });
    let nouns = place.nouns_example();
    match (&out.singular, &out.plural) {
        (Some(lit), None) => cx.error_spanned_by(
            lit,
            format!("`singular` needs `plural` too: Attio creates an {what} with both nouns, e.g. {nouns}"),
        ),
        (None, Some(lit)) => cx.error_spanned_by(
            lit,
            format!("`plural` needs `singular` too: Attio creates an {what} with both nouns, e.g. {nouns}"),
        ),
        _ => {}
    }
    // An unknown argument may be the slug (or the parent) misspelt: "missing `slug`" would be
    // noise.
    out.slug_given |= unknown;
    out.parent_given |= unknown;
    out.extends_given |= unknown;
    out
}

/// `parent = Company`: the struct of the list's parent object, as a type.
fn parent_type(cx: &Ctxt, arg: &Arg) -> Option<syn::Type> {
    let example = "write `parent = Company`, naming the #[attio_object] struct of the object whose records the entries belong to";
    let tokens = match &arg.value {
        ArgValue::Eq(_, tokens) if !tokens.is_empty() => tokens,
        ArgValue::Eq(eq, _) => {
            cx.error_spanned_by(eq, format!("expected a type after `parent =`: {example}"));
            return None;
        }
        ArgValue::None => {
            cx.error_spanned_by(&arg.name, format!("`parent` needs a value: {example}"));
            return None;
        }
        ArgValue::Malformed(tokens) => {
            cx.error_spanned_by(tokens, format!("expected `=` after `parent`: {example}"));
            return None;
        }
    };
    if let Ok(lit) = syn::parse2::<LitStr>(tokens.clone()) {
        cx.error_spanned_by(
            &lit,
            format!(
                "`parent` names the Rust struct that describes the parent object, not its slug: write `parent = Company` (for the struct declared with #[attio_object(slug = \"{}\")])",
                lit.value()
            ),
        );
        return None;
    }
    match syn::parse2::<syn::Type>(tokens.clone()) {
        Ok(ty) => Some(ty),
        Err(_) => {
            cx.error_spanned_by(tokens, format!("`parent` takes a type: {example}"));
            None
        }
    }
}

/// Parses every `#[attio(...)]` attribute of one field.
pub fn field_args(cx: &Ctxt, attrs: &[Attribute]) -> FieldArgs {
    let mut out = FieldArgs::default();
    helper_options(cx, Place::Field, attrs, |arg| match arg.key().as_str() {
        RENAME => {
            out.rename = string_value(cx, arg, "rename = \"primary_email_address\"")
                .filter(|lit| check_slug(cx, lit, "attribute", RENAME));
        }
        READ_ONLY => out.read_only = flag(cx, arg),
        UNIQUE => out.unique = flag(cx, arg),
        TITLE => out.title = noun(cx, arg, "title = \"Email address\""),
        _ => {}
    });
    out
}

/// A string option that must not be blank: a title or a noun, shown in Attio's web app.
fn noun(cx: &Ctxt, arg: &Arg, example: &str) -> Option<LitStr> {
    let lit = string_value(cx, arg, example)?;
    if lit.value().trim().is_empty() {
        cx.error_spanned_by(
            &lit,
            format!(
                "`{}` is shown in Attio's web app and must not be blank, e.g. {example}",
                arg.key()
            ),
        );
        return None;
    }
    Some(lit)
}

/// `#[attio(...)]`, the helper attribute the macros consume.
pub fn is_helper(attr: &Attribute) -> bool {
    attr.path().is_ident(ATTIO)
}

/// A flag option (`read_only`, `status`, `other`): `true` when it has no value, as it must.
pub(crate) fn flag(cx: &Ctxt, arg: &Arg) -> bool {
    let name = arg.key();
    match &arg.value {
        ArgValue::None => return true,
        ArgValue::Eq(eq, tokens) => cx.error_spanned_by(
            quote::quote!(#eq #tokens),
            format!("`{name}` takes no value: write #[attio({name})]"),
        ),
        ArgValue::Malformed(tokens) => cx.error_spanned_by(
            tokens,
            format!("`{name}` takes no value: write #[attio({name})]"),
        ),
    }
    false
}

/// `crate = "..."`: the path to the attio crate.
pub(crate) fn crate_path(cx: &Ctxt, arg: &Arg) -> Option<syn::Path> {
    let lit = string_value(cx, arg, "crate = \"::attio\"")?;
    match lit.parse_with(syn::Path::parse_mod_style) {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "`crate` must be a path to the attio crate, like `crate = \"::attio\"` or `crate = \"my_sdk::attio\"`; `{}` is not a path",
                    lit.value()
                ),
            );
            None
        }
    }
}

/// Parses `name`, `name = value` items separated by commas. Errors are reported, and parsing
/// resumes at the next comma.
fn parse_args(cx: &Ctxt, tokens: TokenStream, known: &[&str]) -> Vec<Arg> {
    let parser = |input: ParseStream<'_>| -> syn::Result<Vec<Arg>> {
        let mut args = Vec::new();
        while !input.is_empty() {
            if input.peek(Token![,]) {
                let comma: Token![,] = input.parse()?;
                cx.error_spanned_by(comma, "unexpected `,`: expected an option name");
                continue;
            }
            if !input.peek(Ident::peek_any) {
                let rest = rest_of_item(input)?;
                cx.error_spanned_by(
                    &rest,
                    format!("expected an option name ({}), found `{rest}`", list(known)),
                );
            } else {
                let name = input.call(Ident::parse_any)?;
                let value = if input.is_empty() || input.peek(Token![,]) {
                    ArgValue::None
                } else if input.peek(Token![=]) {
                    let eq: Token![=] = input.parse()?;
                    ArgValue::Eq(eq, rest_of_item(input)?)
                } else {
                    ArgValue::Malformed(rest_of_item(input)?)
                };
                args.push(Arg { name, value });
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(args)
    };
    match parser.parse2(tokens) {
        Ok(args) => args,
        Err(e) => {
            cx.syn_error(e);
            Vec::new()
        }
    }
}

/// The tokens up to the next top-level comma.
fn rest_of_item(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

/// The string literal an option's value must be; `example` is the right form, e.g.
/// `slug = "people"`.
pub(crate) fn string_value(cx: &Ctxt, arg: &Arg, example: &str) -> Option<LitStr> {
    let name = arg.name.unraw();
    match &arg.value {
        ArgValue::None => {
            cx.error_spanned_by(
                &arg.name,
                format!("`{name}` needs a value: write `{example}`"),
            );
            None
        }
        ArgValue::Malformed(tokens) => {
            cx.error_spanned_by(
                tokens,
                format!("expected `=` after `{name}`: write `{example}`"),
            );
            None
        }
        ArgValue::Eq(eq, tokens) => {
            if tokens.is_empty() {
                cx.error_spanned_by(
                    eq,
                    format!("expected a string literal after `=`: write `{example}`"),
                );
                return None;
            }
            match syn::parse2::<LitStr>(tokens.clone()) {
                Ok(lit) => Some(lit),
                Err(_) => {
                    // Quote what was written when it would make a sensible string.
                    let written = tokens.to_string();
                    let hint = if is_word(&written) {
                        format!("`{name} = \"{written}\"`")
                    } else {
                        format!("`{example}`")
                    };
                    cx.error_spanned_by(
                        tokens,
                        format!("`{name}` takes a string literal, like {hint}"),
                    );
                    None
                }
            }
        }
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Checks an api slug: lowercase ASCII letters, digits and underscores. `what` is `object`,
/// `list` or `attribute`, `option` the option that gave it.
fn check_slug(cx: &Ctxt, lit: &LitStr, what: &str, option: &str) -> bool {
    let value = lit.value();
    let example = match what {
        "object" => "slug = \"people\"",
        "list" => "slug = \"sales_pipeline\"",
        _ => "rename = \"primary_email_address\"",
    };
    if value.is_empty() {
        cx.error_spanned_by(
            lit,
            format!("`{option}` is empty: give the {what}'s api slug, e.g. `{example}`"),
        );
        return false;
    }
    if let Some(problem) = slug_problem(&value) {
        cx.error_spanned_by(
            lit,
            format!(
                "`{value}` is not a valid Attio {what} slug: {problem}; api slugs are lowercase ASCII letters, digits and underscores, e.g. `{example}`{}",
                suggest_slug(&value)
                    .filter(|s| *s != value)
                    .map(|s| format!(" (did you mean `{option} = \"{s}\"`?)"))
                    .unwrap_or_default()
            ),
        );
        return false;
    }
    true
}

fn list(known: &[&str]) -> String {
    let quoted: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symbol::STATUS;

    fn object(tokens: TokenStream) -> (ObjectArgs, Result<(), syn::Error>) {
        let cx = Ctxt::new();
        let args = object_args(&cx, Place::Object, tokens);
        (args, cx.check())
    }

    #[test]
    fn object_arguments() {
        let (args, errors) = object(quote::quote!(slug = "users", crate = "crate::attio"));
        assert!(errors.is_ok());
        assert_eq!(args.slug.unwrap().value(), "users");
        assert!(args.crate_path.is_some());

        // Every mistake is reported, and parsing carries on past each.
        let (args, errors) = object(quote::quote!(slug users, slug = 1, crat = "x", "lit"));
        assert!(args.slug.is_none());
        let messages: Vec<String> = errors
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        let has = |start: &str| messages.iter().any(|m| m.starts_with(start));
        assert!(has("expected `=` after `slug`"), "{messages:?}");
        assert!(has("duplicate `slug`"), "{messages:?}");
        assert!(has(
            "unknown argument `crat` for #[attio_object] (did you mean `crate`?)"
        ));
        assert!(has(
            "expected an option name (`slug`, `singular`, `plural` or `crate`), found `\"lit\"`"
        ));
    }

    #[test]
    fn field_options() {
        let field: syn::Field = syn::parse_quote! {
            #[attio(rename = "created_at", read_only)]
            #[serde(rename = "x")]
            created: attio::Timestamp
        };
        let cx = Ctxt::new();
        let args = field_args(&cx, &field.attrs);
        assert!(cx.check().is_ok());
        assert_eq!(args.rename.unwrap().value(), "created_at");
        assert!(args.read_only);
        assert!(!args.unique);

        let field: syn::Field = syn::parse_quote! {
            #[attio(unique)]
            user_id: String
        };
        let cx = Ctxt::new();
        let args = field_args(&cx, &field.attrs);
        assert!(cx.check().is_ok());
        assert!(args.unique);

        let field: syn::Field = syn::parse_quote! {
            #[attio(unique = true)]
            user_id: String
        };
        let cx = Ctxt::new();
        assert!(!field_args(&cx, &field.attrs).unique);
        let m: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert!(m[0].starts_with("`unique` takes no value"), "{m:?}");
        let m = messages(Place::Object, quote::quote!(slug = "x", unique));
        assert!(
            m[0].contains("field options go in #[attio(...)] on the field"),
            "{m:?}"
        );
    }

    fn messages(place: Place, tokens: TokenStream) -> Vec<String> {
        let cx = Ctxt::new();
        options(&cx, place, tokens, |_| {});
        match cx.check() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    /// The four places share the grammar, the duplicate check, and the hints for an option
    /// written in the wrong place.
    #[test]
    fn every_place_has_the_same_grammar() {
        let m = messages(
            Place::Enum,
            quote::quote!(status, status, other, crate = "a b"),
        );
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].starts_with(
                "duplicate `status`: it is already given in #[attio(...)] on this enum"
            )
        );
        assert!(m[1].starts_with("unknown option `other` for a #[derive(SelectEnum)] enum (`rename` and `other` go on a variant)"));

        let m = messages(Place::Variant, quote::quote!(title = "3D", status));
        assert!(
            m[0].contains("(an option's title is given with `rename = \"...\"`)"),
            "{m:?}"
        );
        assert!(
            m[1].contains("(`status` and `crate` go on the enum)"),
            "{m:?}"
        );

        let m = messages(Place::Object, quote::quote!(slug = "x", read_only));
        assert!(
            m[0].contains("field options go in #[attio(...)] on the field"),
            "{m:?}"
        );
        let m = messages(Place::Field, quote::quote!(slug = "x"));
        assert!(m[0].contains("given with `rename = \"...\"`"), "{m:?}");
    }

    #[test]
    fn flags_and_paths() {
        let cx = Ctxt::new();
        let mut read = Vec::new();
        options(
            &cx,
            Place::Enum,
            quote::quote!(status = true, crate = "not a path"),
            |arg| match arg.key().as_str() {
                STATUS => read.push(flag(&cx, arg)),
                _ => read.push(crate_path(&cx, arg).is_some()),
            },
        );
        assert_eq!(read, [false, false]);
        let m: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(m[0], "`status` takes no value: write #[attio(status)]");
        assert!(
            m[1].starts_with("`crate` must be a path to the attio crate"),
            "{m:?}"
        );
    }
}
