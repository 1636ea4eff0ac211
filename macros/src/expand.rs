//! parse -> check -> emit, or the fallback when there are errors.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Kind, Object};
use crate::attr::Place;
use crate::ctxt::Ctxt;
use crate::{attr, check, codegen, fallback};

/// `#[attio_object(args)] input`.
pub fn attio_object(args: TokenStream, input: TokenStream) -> TokenStream {
    expand(Place::Object, args, input)
}

/// `#[attio_activity(args)] input`.
pub fn attio_activity(args: TokenStream, input: TokenStream) -> TokenStream {
    expand(Place::Activity, args, input)
}

/// `#[attio_list(args)] input`.
pub fn attio_list(args: TokenStream, input: TokenStream) -> TokenStream {
    expand(Place::List, args, input)
}

fn expand(place: Place, args: TokenStream, input: TokenStream) -> TokenStream {
    let mut item: DeriveInput = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(_) => {
            let message = match place {
                Place::List => {
                    "#[attio_list] applies to a struct with named fields, one per attribute of the list, e.g.\n#[attio_list(slug = \"sales_pipeline\", parent = Company)]\nstruct SalesEntry { stage: attio::Status }"
                }
                Place::Activity => {
                    "#[attio_activity] applies to a struct with named fields, one per attribute of the activity, e.g.\n#[attio_activity(slug = \"site_visits\", extends = \"interactions\")]\nstruct SiteVisit { occurred_at: attio::Timestamp }"
                }
                _ => {
                    "#[attio_object] applies to a struct with named fields, one per Attio attribute, e.g.\n#[attio_object(slug = \"people\")]\nstruct Person { name: attio::PersonalName }"
                }
            };
            let error = syn::Error::new(Span::call_site(), message).into_compile_error();
            return quote!(#input #error);
        }
    };

    let cx = Ctxt::new();
    let mut args = attr::object_args(&cx, place, args);
    let kind = match place {
        Place::List => {
            if args.parent.is_none() && !args.parent_given {
                cx.error_at(
                    Span::call_site(),
                    format!(
                        "missing `parent`: #[attio_list] needs the #[attio_object] struct of the object whose records the entries of `{}` belong to, e.g. #[attio_list(slug = \"sales_pipeline\", parent = Company)]",
                        item.ident
                    ),
                );
            }
            // Without a (valid) parent, an error is reported and nothing is generated.
            Kind::List {
                parent: Box::new(args.parent.take().unwrap_or_else(|| syn::parse_quote!(()))),
            }
        }
        Place::Activity => Kind::Activity {
            extends: activity_schema(&cx, &item.ident, args.extends.take(), args.extends_given),
        },
        _ => Kind::Object,
    };
    let generated = Object::from_input(&cx, &item, args, kind).map(|object| {
        check::check(&cx, &object);
        codegen::expand(&object)
    });
    match (cx.check(), generated) {
        (Ok(()), Some(generated)) => {
            fallback::strip_helpers(&mut item);
            quote!(#item #generated)
        }
        (Err(errors), _) => fallback::fallback(item, errors),
        // No model without an error; kept total rather than panicking.
        (Ok(()), None) => fallback::fallback(
            item,
            syn::Error::new(
                Span::call_site(),
                "the attio macro could not read this struct",
            ),
        ),
    }
}

/// The schema of `extends = "..."`: one of the four Attio has, or an error (and `activities`, so
/// that the rest is still checked). `given`: an `extends` (or an unknown argument that may be it)
/// was written, and its own error already reported when it is not a string.
fn activity_schema(
    cx: &Ctxt,
    ident: &syn::Ident,
    extends: Option<syn::LitStr>,
    given: bool,
) -> String {
    use crate::symbol::ACTIVITY_SCHEMAS;
    let Some(lit) = extends else {
        if given {
            return ACTIVITY_SCHEMAS[0].to_owned();
        }
        cx.error_at(
            Span::call_site(),
            format!(
                "missing `extends`: #[attio_activity] needs the schema the activity `{ident}` extends, which supplies the attributes it inherits and cannot change once the activity exists: `activities`, `interactions`, `calls` or `emails`, e.g. #[attio_activity(slug = \"site_visits\", extends = \"interactions\")]"
            ),
        );
        return ACTIVITY_SCHEMAS[0].to_owned();
    };
    let value = lit.value();
    if !ACTIVITY_SCHEMAS.contains(&value.as_str()) {
        let hint = crate::suggest::did_you_mean(&value, ACTIVITY_SCHEMAS);
        cx.error_spanned_by(
            &lit,
            format!(
                "`{value}` is not a schema an activity can extend{hint}; `extends` takes `activities`, `interactions`, `calls` or `emails`, e.g. extends = \"interactions\""
            ),
        );
        return ACTIVITY_SCHEMAS[0].to_owned();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(out: &TokenStream) -> usize {
        out.to_string().matches("compile_error").count()
    }

    #[test]
    fn valid_struct_gets_an_impl_and_loses_helper_attributes() {
        let out = attio_object(
            quote!(slug = "users"),
            quote! {
                #[derive(Debug)]
                pub struct User {
                    user_id: String,
                    #[attio(rename = "primary_email_address")]
                    #[serde(rename = "email")]
                    email: attio::EmailAddress,
                }
            },
        );
        let text = out.to_string();
        assert_eq!(errors(&out), 0, "{text}");
        assert!(text.contains("impl _attio :: AttioObject for User"));
        assert!(text.contains("use :: attio as _attio"));
        assert!(text.contains("\"primary_email_address\""));
        assert!(text.contains("# [serde (rename = \"email\")]"));
        assert!(text.contains("# [derive (Debug)]"));
        assert!(!text.contains("# [attio"));
    }

    #[test]
    fn crate_override() {
        let out = attio_object(
            quote!(slug = "users", crate = "crate::reexport::attio"),
            quote!(
                struct User {
                    user_id: String,
                }
            ),
        );
        assert!(
            out.to_string()
                .contains("use crate :: reexport :: attio as _attio")
        );
    }

    #[test]
    fn every_error_is_reported_and_the_struct_is_kept() {
        let out = attio_object(
            quote!(slug = "Users"),
            quote! {
                struct User {
                    #[attio(rename = "")]
                    a: String,
                    #[attio(rename = "b")]
                    b2: String,
                    b: Option<Option<String>>,
                }
            },
        );
        let text = out.to_string();
        // bad slug, empty rename, duplicate `b`, Option<Option<_>>
        assert_eq!(errors(&out), 4, "{text}");
        assert!(text.contains("struct User"));
        assert!(!text.contains("# [attio"));
        assert!(!text.contains("AttioObject"));
    }

    #[test]
    fn non_structs_and_generics_are_refused_without_panicking() {
        for input in [
            quote!(
                enum E {
                    A,
                }
            ),
            quote!(
                struct T(String);
            ),
            quote!(
                struct U;
            ),
            quote!(union X { a: u8 }),
            quote!(
                struct G<T> {
                    a: T,
                }
            ),
            quote!(
                fn f() {}
            ),
            quote!(),
        ] {
            let out = attio_object(quote!(slug = "x"), input);
            assert_eq!(errors(&out), 1, "{out}");
        }
    }

    #[test]
    fn an_activity_reports_its_extends_once() {
        let item = quote!(
            struct SiteVisit {
                occurred_at: attio::Timestamp,
            }
        );
        // Fine.
        let out = attio_activity(
            quote!(slug = "site_visits", extends = "calls"),
            item.clone(),
        );
        assert_eq!(errors(&out), 0, "{out}");
        assert!(out.to_string().contains("ActivitySchema :: Calls"), "{out}");
        // Missing: one error that says so.
        let out = attio_activity(quote!(slug = "site_visits"), item.clone());
        assert_eq!(errors(&out), 1, "{out}");
        assert!(out.to_string().contains("missing `extends`"), "{out}");
        // Not a string, or misspelt as an unknown argument: that one error, not a second
        // "missing `extends`".
        for args in [
            quote!(slug = "site_visits", extends = interactions),
            quote!(slug = "site_visits", extend = "interactions"),
        ] {
            let out = attio_activity(args, item.clone());
            assert_eq!(errors(&out), 1, "{out}");
            assert!(!out.to_string().contains("missing `extends`"), "{out}");
        }
    }
}
