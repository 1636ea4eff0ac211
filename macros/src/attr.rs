//! `#[attio_object(...)]` and `#[attio(...)]` into typed options.
//!
//! Both take the same small grammar, `name` or `name = <tokens>`, separated by commas. It is
//! parsed by hand rather than with `syn::meta::parser` so that one bad option does not hide the
//! others: every mistake is reported, and parsing carries on at the next comma.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt as _;
use syn::parse::{ParseStream, Parser as _};
use syn::{Attribute, Ident, LitStr, Meta, Token};

use crate::ctxt::Ctxt;
use crate::symbol::{ATTIO, CRATE, FIELD_OPTIONS, OBJECT_ARGS, READ_ONLY, RENAME, SLUG};

/// One `name` or `name = value` item.
pub(crate) struct Arg {
    pub(crate) name: Ident,
    pub(crate) value: ArgValue,
}

pub(crate) enum ArgValue {
    /// `name`
    None,
    /// `name = <tokens>`
    Eq(Token![=], TokenStream),
    /// `name <tokens>` without `=`, e.g. `slug("users")`.
    Malformed(TokenStream),
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
}

/// What the `#[attio(...)]` attributes of one field say.
#[derive(Default)]
pub struct FieldArgs {
    /// `rename = "..."`, validated.
    pub rename: Option<LitStr>,
    /// `read_only`
    pub read_only: bool,
}

/// Parses the arguments of `#[attio_object(...)]`.
pub fn object_args(cx: &Ctxt, tokens: TokenStream) -> ObjectArgs {
    let mut out = ObjectArgs::default();
    let mut seen = Seen::default();
    for arg in parse_args(cx, tokens, OBJECT_ARGS) {
        let name = arg.name.unraw().to_string();
        if name == SLUG {
            out.slug_given = true;
            if seen.first(cx, &arg.name, "#[attio_object(...)]")
                && let Some(lit) = string_value(cx, &arg, "slug = \"people\"")
                && check_slug(cx, &lit, "object", "slug")
            {
                out.slug = Some(lit);
            }
        } else if name == CRATE {
            if seen.first(cx, &arg.name, "#[attio_object(...)]")
                && let Some(lit) = string_value(cx, &arg, "crate = \"::attio\"")
            {
                match lit.parse_with(syn::Path::parse_mod_style) {
                    Ok(path) => out.crate_path = Some(path),
                    Err(_) => cx.error_spanned_by(
                        &lit,
                        format!(
                            "`crate` must be a path to the attio crate, like `crate = \"::attio\"` or `crate = \"my_sdk::attio\"`; `{}` is not a path",
                            lit.value()
                        ),
                    ),
                }
            }
        } else {
            // The unknown argument may be the slug misspelt: "missing `slug`" would be noise.
            out.slug_given = true;
            cx.error_spanned_by(
                &arg.name,
                format!(
                    "unknown argument `{name}` for #[attio_object]{}; it takes `slug = \"...\"` (the object's api slug, required) and optionally `crate = \"...\"` (the path to the attio crate), e.g. #[attio_object(slug = \"people\")]",
                    did_you_mean(&name, OBJECT_ARGS)
                ),
            );
        }
    }
    out
}

/// Parses every `#[attio(...)]` attribute of one field.
pub fn field_args(cx: &Ctxt, attrs: &[Attribute]) -> FieldArgs {
    let mut out = FieldArgs::default();
    let mut seen = Seen::default();
    for attr in attrs.iter().filter(|a| is_helper(a)) {
        let tokens = match &attr.meta {
            Meta::List(list) if matches!(list.delimiter, syn::MacroDelimiter::Paren(_)) => {
                list.tokens.clone()
            }
            meta => {
                cx.error_spanned_by(
                    meta,
                    "expected `#[attio(...)]` with options in parentheses, e.g. #[attio(rename = \"primary_email_address\")] or #[attio(read_only)]",
                );
                continue;
            }
        };
        for arg in parse_args(cx, tokens, FIELD_OPTIONS) {
            let name = arg.name.unraw().to_string();
            if name == RENAME {
                if seen.first(cx, &arg.name, "#[attio(...)] on this field")
                    && let Some(lit) = string_value(cx, &arg, "rename = \"primary_email_address\"")
                    && check_slug(cx, &lit, "attribute", "rename")
                {
                    out.rename = Some(lit);
                }
            } else if name == READ_ONLY {
                if seen.first(cx, &arg.name, "#[attio(...)] on this field") {
                    match &arg.value {
                        ArgValue::None => out.read_only = true,
                        ArgValue::Eq(eq, tokens) => cx.error_spanned_by(
                            quote::quote!(#eq #tokens),
                            "`read_only` takes no value: write #[attio(read_only)]",
                        ),
                        ArgValue::Malformed(tokens) => cx.error_spanned_by(
                            tokens,
                            "`read_only` takes no value: write #[attio(read_only)]",
                        ),
                    }
                }
            } else {
                cx.error_spanned_by(
                    &arg.name,
                    format!(
                        "unknown field option `{name}`{}; #[attio(...)] takes `rename = \"...\"` (the attribute's api slug) and `read_only` (decoded, never sent), e.g. #[attio(rename = \"primary_email_address\")]",
                        did_you_mean(&name, FIELD_OPTIONS)
                    ),
                );
            }
        }
    }
    out
}

/// `#[attio(...)]`, the helper attribute the macro consumes.
pub fn is_helper(attr: &Attribute) -> bool {
    attr.path().is_ident(ATTIO)
}

/// Remembers which options were given, to refuse a second one.
#[derive(Default)]
pub(crate) struct Seen(Vec<String>);

impl Seen {
    /// `true` the first time `name` is seen; an error after that.
    pub(crate) fn first(&mut self, cx: &Ctxt, name: &Ident, place: &str) -> bool {
        let text = name.unraw().to_string();
        if self.0.contains(&text) {
            cx.error_spanned_by(
                name,
                format!(
                    "duplicate `{text}`: it is already given in {place}; give each option once"
                ),
            );
            false
        } else {
            self.0.push(text);
            true
        }
    }
}

/// Parses `name`, `name = value` items separated by commas. Errors are reported, and parsing
/// resumes at the next comma.
pub(crate) fn parse_args(cx: &Ctxt, tokens: TokenStream, known: &[&str]) -> Vec<Arg> {
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

/// Checks an api slug: lowercase ASCII letters, digits and underscores. `what` is `object` or
/// `attribute`, `option` the option that gave it.
fn check_slug(cx: &Ctxt, lit: &LitStr, what: &str, option: &str) -> bool {
    let value = lit.value();
    let example = if what == "object" {
        "slug = \"people\""
    } else {
        "rename = \"primary_email_address\""
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

/// Why `slug` is not a valid api slug, if it is not.
pub fn slug_problem(slug: &str) -> Option<String> {
    if slug.is_empty() {
        return Some("it is empty".to_owned());
    }
    slug.chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '_'))
        .map(|c| {
            if c.is_ascii_uppercase() {
                format!("it contains the uppercase letter `{c}`")
            } else if c.is_whitespace() {
                "it contains whitespace".to_owned()
            } else {
                format!("it contains `{c}`")
            }
        })
}

/// A valid slug close to `s`: `Primary Email-Address` -> `primary_email_address`; `camelCase` ->
/// `camel_case`. `None` when nothing sensible is left.
pub fn suggest_slug(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev_lower = false;
    for c in s.trim().chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
            prev_lower = true;
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
            prev_lower = false;
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    (!out.is_empty()).then_some(out)
}

/// `; did you mean `slug`?` when `name` is a likely typo of a known option.
pub(crate) fn did_you_mean(name: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (edit_distance(name, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) && *d < k.len())
        .min()
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

fn list(known: &[&str]) -> String {
    known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Levenshtein distance, for short option names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug_problem("primary_email_address"), None);
        assert_eq!(slug_problem("deals2"), None);
        assert!(slug_problem("").is_some());
        assert!(
            slug_problem("Users")
                .unwrap()
                .contains("uppercase letter `U`")
        );
        assert!(slug_problem("sales leads").unwrap().contains("whitespace"));
        assert!(slug_problem("sales-leads").unwrap().contains("`-`"));
    }

    #[test]
    fn slug_suggestions() {
        assert_eq!(suggest_slug("Sales Leads").as_deref(), Some("sales_leads"));
        assert_eq!(suggest_slug("userId").as_deref(), Some("user_id"));
        assert_eq!(
            suggest_slug("email-address").as_deref(),
            Some("email_address")
        );
        assert_eq!(suggest_slug("--"), None);
    }

    #[test]
    fn typos() {
        assert_eq!(edit_distance("slg", "slug"), 1);
        assert_eq!(edit_distance("readonly", "read_only"), 1);
        assert_eq!(did_you_mean("slg", OBJECT_ARGS), " (did you mean `slug`?)");
        assert_eq!(
            did_you_mean("renam", FIELD_OPTIONS),
            " (did you mean `rename`?)"
        );
        assert_eq!(did_you_mean("zzzzzz", FIELD_OPTIONS), "");
    }

    fn object(tokens: TokenStream) -> (ObjectArgs, Result<(), syn::Error>) {
        let cx = Ctxt::new();
        let args = object_args(&cx, tokens);
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
            "expected an option name (`slug` or `crate`), found `\"lit\"`"
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
    }
}
