//! `#[derive(SelectEnum)]`: a fieldless enum as the options of a `select` attribute (or the
//! statuses of a `status` attribute).
//!
//! Same phases as `#[attio_object]`: the `#[attio(...)]` options are parsed by `attr`, with the
//! grammar and keywords of `#[attio_object]`; every mistake is collected in a `Ctxt`, and code is
//! emitted only from a valid model. The generated code is the `SelectEnum` impl (the titles and three `match`es) and one-line
//! forwarders to `attio::__private`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, LitStr};

use crate::attr::{self, Place};
use crate::ctxt::Ctxt;
use crate::symbol::{CRATE, OTHER, RENAME, STATUS};

const EXAMPLE: &str = "#[derive(attio::SelectEnum)]\nenum Stage { Lead, #[attio(rename = \"Won 🎉\")] Won, #[attio(other)] Other(String) }";

/// What a valid enum says.
struct Model<'a> {
    ident: &'a Ident,
    status: bool,
    krate: TokenStream,
    /// The named variants and their titles, in declaration order.
    named: Vec<(&'a Ident, String)>,
    /// The catch-all: its name, and whether it holds a value.
    other: Option<(&'a Ident, bool)>,
}

/// `#[derive(SelectEnum)] input`.
pub fn derive(input: TokenStream) -> TokenStream {
    let item: DeriveInput = match syn::parse2(input) {
        Ok(item) => item,
        Err(e) => return e.into_compile_error(),
    };
    let cx = Ctxt::new();
    let model = parse(&cx, &item);
    match (cx.check(), model) {
        (Ok(()), Some(model)) => emit(&model),
        (Err(errors), _) => errors.into_compile_error(),
        (Ok(()), None) => syn::Error::new(
            Span::call_site(),
            "#[derive(SelectEnum)] could not read this enum",
        )
        .into_compile_error(),
    }
}

fn parse<'a>(cx: &Ctxt, item: &'a DeriveInput) -> Option<Model<'a>> {
    let data = match &item.data {
        Data::Enum(data) => data,
        Data::Struct(s) => {
            cx.error_spanned_by(
                s.struct_token,
                format!(
                    "#[derive(SelectEnum)] applies to an enum whose variants are the options of a select (or status) attribute, not to a struct; for an Attio object, use #[attio::attio_object(slug = \"...\")] on the struct. e.g.\n{EXAMPLE}"
                ),
            );
            return None;
        }
        Data::Union(u) => {
            cx.error_spanned_by(
                u.union_token,
                format!(
                    "#[derive(SelectEnum)] applies to an enum whose variants are the options of a select (or status) attribute, not to a union, e.g.\n{EXAMPLE}"
                ),
            );
            return None;
        }
    };
    if !item.generics.params.is_empty() {
        cx.error_spanned_by(
            &item.generics.params,
            format!(
                "a #[derive(SelectEnum)] enum cannot have generic parameters: its variants are the fixed options of one attribute; remove `<{}>`",
                item.generics.params.to_token_stream_string()
            ),
        );
    }

    let (status, krate) = enum_args(cx, &item.attrs);
    let mut named: Vec<(&Ident, String, Span)> = Vec::new();
    let mut other: Option<(&Ident, bool)> = None;
    for variant in &data.variants {
        let args = variant_args(cx, &variant.attrs);
        if let Some(other_ident) = args.other {
            if let Some(rename) = &args.rename {
                cx.error_spanned_by(
                    rename,
                    format!(
                        "`{}` is the #[attio(other)] variant: it stands for every option the enum does not know, so it has no title to rename; remove `rename`, or remove `other` to make it a named option",
                        variant.ident
                    ),
                );
            }
            if let Some((first, _)) = other {
                cx.error_spanned_by(
                    &other_ident,
                    format!(
                        "`{first}` is already the #[attio(other)] variant; an enum has at most one catch-all, so remove `other` from `{}`",
                        variant.ident
                    ),
                );
                continue;
            }
            let holds = match &variant.fields {
                Fields::Unit => Some(false),
                Fields::Unnamed(f) if f.unnamed.len() == 1 => Some(true),
                fields => {
                    cx.error_spanned_by(
                        fields,
                        format!(
                            "the #[attio(other)] variant is a unit variant or holds one value: write `{0}`, `{0}(String)` (the title) or `{0}(attio::SelectOption)` (`attio::Status` for a status enum)",
                            variant.ident
                        ),
                    );
                    None
                }
            };
            if let Some(holds) = holds {
                other = Some((&variant.ident, holds));
            }
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                format!(
                    "variant `{0}` has fields, but an option is only a title; remove the fields, or mark the variant #[attio(other)] to make it the catch-all for options the enum does not know: `#[attio(other)] {0}(String)`",
                    variant.ident
                ),
            );
            continue;
        }
        let (title, span) = match &args.rename {
            Some(lit) => (lit.value(), lit.span()),
            None => (variant.ident.unraw().to_string(), variant.ident.span()),
        };
        if let Some((first, _, _)) = named.iter().find(|(_, t, _)| *t == title) {
            cx.error_at(
                span,
                format!(
                    "the title \"{title}\" is already `{first}`'s; each variant stands for a different option, so give `{}` another #[attio(rename = \"...\")] or remove one of them",
                    variant.ident
                ),
            );
            continue;
        }
        named.push((&variant.ident, title, span));
    }
    if data.variants.is_empty() || (named.is_empty() && other.is_some()) {
        cx.error_spanned_by(
            &item.ident,
            format!(
                "`{}` has no option variants; give it one variant per option of the attribute, e.g.\n{EXAMPLE}",
                item.ident
            ),
        );
        return None;
    }
    Some(Model {
        ident: &item.ident,
        status,
        krate,
        named: named.into_iter().map(|(i, t, _)| (i, t)).collect(),
        other,
    })
}

trait TokensString {
    fn to_token_stream_string(&self) -> String;
}

impl<T: quote::ToTokens> TokensString for T {
    fn to_token_stream_string(&self) -> String {
        self.to_token_stream().to_string()
    }
}

/// `#[attio(status, crate = "...")]` on the enum.
fn enum_args(cx: &Ctxt, attrs: &[Attribute]) -> (bool, TokenStream) {
    let mut status = false;
    let mut krate = quote!(::attio);
    attr::helper_options(cx, Place::Enum, attrs, |arg| match arg.key().as_str() {
        STATUS => status = attr::flag(cx, arg),
        CRATE => {
            if let Some(path) = attr::crate_path(cx, arg) {
                krate = quote!(#path);
            }
        }
        _ => {}
    });
    (status, krate)
}

/// What `#[attio(...)]` on one variant says.
#[derive(Default)]
struct VariantArgs {
    rename: Option<LitStr>,
    /// The `other` keyword, when given.
    other: Option<Ident>,
}

fn variant_args(cx: &Ctxt, attrs: &[Attribute]) -> VariantArgs {
    let mut out = VariantArgs::default();
    attr::helper_options(cx, Place::Variant, attrs, |arg| match arg.key().as_str() {
        RENAME => {
            let Some(lit) = attr::string_value(cx, arg, "rename = \"Won 🎉\"") else {
                return;
            };
            if lit.value().trim().is_empty() {
                cx.error_spanned_by(
                    &lit,
                    "`rename` is empty: give the option's title as Attio shows it, e.g. `rename = \"In Progress\"`",
                );
            } else {
                out.rename = Some(lit);
            }
        }
        OTHER if attr::flag(cx, arg) => out.other = Some(arg.name.clone()),
        _ => {}
    });
    out
}

fn emit(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let krate = &model.krate;
    let name = ident.unraw().to_string();
    let choice = if model.status {
        quote!(_attio::Status)
    } else {
        quote!(_attio::SelectOption)
    };
    let titles = model.named.iter().map(|(_, t)| t);
    let index_arms = model
        .named
        .iter()
        .enumerate()
        .map(|(i, (v, _))| quote!(Self::#v => _attio::__private::Variant::Named(#i),));
    let last = model.named.len() - 1;
    let from_arms = model.named.iter().enumerate().map(|(i, (v, _))| {
        if i == last {
            quote!(_ => Self::#v,)
        } else {
            quote!(#i => Self::#v,)
        }
    });
    let catch_all = model.other.is_some();
    let (other_arm, from_other) = match model.other {
        None => (quote!(), quote!(::core::result::Result::Err(choice))),
        Some((v, false)) => {
            let vname = v.unraw().to_string();
            (
                quote!(Self::#v => _attio::__private::unit_other::<Self>(#vname),),
                quote!({
                    let _ = choice;
                    ::core::result::Result::Ok(Self::#v)
                }),
            )
        }
        Some((v, true)) => {
            let held = format_ident!("__held");
            let call = quote_spanned!(v.span()=> <_ as _attio::__private::CatchAll<#choice>>::from_choice(choice));
            (
                quote_spanned!(v.span()=> Self::#v(#held) => _attio::__private::held_other::<#choice, _>(#held),),
                quote!(::core::result::Result::Ok(Self::#v(#call))),
            )
        }
    };
    quote! {
        #[doc(hidden)]
        const _: () = {
            use #krate as _attio;

            #[automatically_derived]
            impl _attio::SelectEnum for #ident {
                type Choice = #choice;
                const TITLES: &'static [&'static str] = &[#(#titles),*];
                const NAME: &'static str = #name;
                #[inline]
                fn variant(&self) -> _attio::__private::Variant<#choice> {
                    match self {
                        #(#index_arms)*
                        #other_arm
                    }
                }
                #[inline]
                fn from_index(index: usize) -> Self {
                    match index {
                        #(#from_arms)*
                    }
                }
                #[inline]
                fn from_other(choice: #choice) -> ::core::result::Result<Self, #choice> {
                    #from_other
                }
            }

            #[automatically_derived]
            impl _attio::AttioValue for #ident {
                const ATTRIBUTE_TYPE: _attio::AttributeType = <#choice as _attio::AttioValue>::ATTRIBUTE_TYPE;
                const CONTRACT: _attio::ValueContract = _attio::ValueContract::choices(
                    <Self as _attio::SelectEnum>::TITLES,
                    #catch_all,
                );
                type Shape = _attio::__private::ChoiceShape<Self>;
                #[inline]
                fn from_shape(
                    shape: Self::Shape,
                    meta: _attio::__private::ValueMeta,
                ) -> ::core::result::Result<Self, ::std::string::String> {
                    _attio::__private::enum_from_shape(shape, meta)
                }
            }

            #[automatically_derived]
            impl _attio::WritableValue for #ident {
                #[inline]
                fn validate(&self) -> ::core::result::Result<(), _attio::ValueError> {
                    _attio::__private::enum_validate(self)
                }
                #[inline]
                fn encode<S: _attio::__private::serde::Serializer>(
                    &self,
                    s: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    _attio::__private::enum_encode(self, s)
                }
            }

            #[automatically_derived]
            impl _attio::values::ListValue for #ident {}

            #[automatically_derived]
            impl _attio::Filterable for #ident {
                type Handle<O> = _attio::SelectFilter<O, Self>;
                #[inline]
                fn handle<O>(at: _attio::__private::At) -> Self::Handle<O> {
                    _attio::__private::enum_handle(at)
                }
            }

            #[automatically_derived]
            impl _attio::ChoiceOperand for #ident {
                #[inline]
                fn choice_operand(&self) -> ::std::string::String {
                    _attio::__private::enum_operand(self)
                }
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(out: &TokenStream) -> String {
        out.to_string()
    }

    #[test]
    fn a_valid_enum_gets_the_impls() {
        let out = derive(quote! {
            #[attio(status)]
            enum Stage { Lead, #[attio(rename = "Won 🎉")] Won, #[attio(other)] Other(String) }
        });
        let text = out.to_string();
        assert!(!text.contains("compile_error"), "{text}");
        assert!(text.contains("\"Won 🎉\""));
        assert!(text.contains("_attio :: Status"));
        assert!(text.contains("held_other"));
    }

    #[test]
    fn every_mistake_is_reported() {
        let out = derive(quote! {
            enum E<T> {
                A,
                #[attio(rename = "A")] B,
                C(u8),
                #[attio(other)] D,
                #[attio(other)] F(String),
                #[attio(renam = "x")] G,
            }
        });
        let text = messages(&out);
        assert_eq!(text.matches("compile_error").count(), 5, "{text}");
        assert!(text.contains("generic parameters"));
        assert!(text.contains("already `A`'s"));
        assert!(text.contains("has fields"));
        assert!(text.contains("already the #[attio(other)] variant"));
        assert!(text.contains("did you mean `rename`"));
    }

    #[test]
    fn structs_are_refused() {
        let out = derive(quote!(
            struct S;
        ));
        assert!(out.to_string().contains("not to a struct"));
    }
}
