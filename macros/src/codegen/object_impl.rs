//! `impl AttioObject for T`: the slug, the field table, and the encode / decode / validate loops.
//!
//! Each per-field call is spanned at the field's type, so that a type which is not an Attio value
//! type gets the trait system's `on_unimplemented` message pointing at that type.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens as _, quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::ast::{Kind, Object};

pub fn expand(object: &Object<'_>) -> TokenStream {
    let ident = object.ident;
    let slug = &object.slug;

    let mut infos = Vec::with_capacity(object.fields.len());
    let mut encodes = Vec::new();
    let mut validates = Vec::new();
    let mut checks = Vec::with_capacity(object.fields.len());
    let mut slots = Vec::with_capacity(object.fields.len());
    let mut arms = Vec::with_capacity(object.fields.len());
    let mut inits = Vec::with_capacity(object.fields.len());

    for (i, field) in object.fields.iter().enumerate() {
        let member = field.ident;
        let ty = field.ty;
        let name = &field.name;
        let attr = &field.slug;
        let read_only = field.read_only;
        let rust_type = type_name(ty);
        let span = ty.span();
        let slot = Ident::new(&format!("__f{i}"), Span::call_site());

        // Each body first asserts the bound it needs, spanned at the type: the error then points at
        // the field's type, and as the assertions are identical across bodies, rustc reports each
        // unsatisfied bound once.
        // The projections span exactly the type (first token to last), so that when the type is
        // not an `AttioField` rustc sees the same unsatisfied bound at the same span as the
        // assertion before them, and reports it once.
        let (first, last) = first_last_span(ty);
        let open = quote_spanned!(first=> <);
        let attribute_type = {
            let tail = quote_spanned!(last=>
                as _attio::AttioField>::Value as _attio::AttioValue>::ATTRIBUTE_TYPE
            );
            quote!(#open #open #ty #tail)
        };
        let contract = {
            let tail = quote_spanned!(last=>
                as _attio::AttioField>::Value as _attio::AttioValue>::CONTRACT
            );
            quote!(#open #open #ty #tail)
        };
        let title = &field.title;
        let unique = field.unique;
        let cardinality = {
            let tail = quote_spanned!(last=> as _attio::AttioField>::CARDINALITY);
            quote!(#open #ty #tail)
        };
        let readable = quote_spanned!(span=> _attio::__private::assert_readable::<#ty>(););
        let writable = quote_spanned!(span=> _attio::__private::assert_writable::<#ty>(););
        infos.push(quote_spanned! {span=>
            {
                #readable
                _attio::FieldInfo::new(
                    #name,
                    #attr,
                    #attribute_type,
                    #cardinality,
                    #read_only,
                    #rust_type,
                )
                .contract(#title, #unique, #contract)
            }
        });
        if !read_only {
            encodes.push(quote_spanned! {span=>
                #writable
                _attio::__private::encode_field::<__M, #ty>(__map, #attr, &self.#member)?;
            });
            validates.push(quote_spanned! {span=>
                #writable
                _attio::__private::validate_field::<#ty>(#slug, #name, #attr, &self.#member)?;
            });
        }
        checks.push(readable);
        if let crate::ast::Kind::List { .. } = object.kind {
            checks.push(quote_spanned!(span=> _attio::__private::assert_list_field::<#ty>();));
        }
        slots.push(quote! {
            let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
        });
        arms.push(quote_spanned! {span=>
            #attr => _attio::__private::read_field::<__A, #ty>(&mut __map, &mut #slot, #attr)?,
        });
        inits.push(quote_spanned! {span=>
            #member: _attio::__private::finish_field::<#ty, __A::Error>(#slot, #attr)?,
        });
    }

    let name = ident.to_string();
    let kind = match &object.kind {
        Kind::Object => {
            let nouns = match &object.nouns {
                Some((singular, plural)) => {
                    quote!(::core::option::Option::Some((#singular, #plural)))
                }
                None => quote!(::core::option::Option::None),
            };
            quote!(_attio::ObjectKind::Object { nouns: #nouns })
        }
        Kind::List { .. } => {
            quote!(_attio::ObjectKind::List {
                parent: _attio::__private::parent_slug::<Self>()
            })
        }
        Kind::Activity { extends } => {
            let nouns = match &object.nouns {
                Some((singular, plural)) => {
                    quote!(::core::option::Option::Some((#singular, #plural)))
                }
                None => quote!(::core::option::Option::None),
            };
            let schema = syn::Ident::new(
                &format!("{}{}", extends[..1].to_uppercase(), &extends[1..]),
                proc_macro2::Span::call_site(),
            );
            quote!(_attio::ObjectKind::Activity {
                nouns: #nouns,
                extends: _attio::ActivitySchema::#schema,
            })
        }
    };

    quote! {
        #[automatically_derived]
        impl _attio::AttioObject for #ident {
            const SLUG: &'static str = #slug;
            const FIELDS: &'static [_attio::FieldInfo] = &[#(#infos),*];
            const NAME: &'static str = #name;
            const KIND: _attio::ObjectKind = #kind;

            fn encode_values<__M: _attio::__private::serde::ser::SerializeMap>(
                &self,
                __map: &mut __M,
            ) -> ::core::result::Result<(), __M::Error> {
                #(#encodes)*
                ::core::result::Result::Ok(())
            }

            fn decode_values<'de, __A: _attio::__private::serde::de::MapAccess<'de>>(
                mut __map: __A,
            ) -> ::core::result::Result<Self, __A::Error> {
                #(#checks)*
                #(#slots)*
                while let ::core::option::Option::Some(__key) =
                    __map.next_key::<_attio::__private::Key<'de>>()?
                {
                    match __key.as_str() {
                        #(#arms)*
                        _ => _attio::__private::skip_value(&mut __map)?,
                    }
                }
                ::core::result::Result::Ok(#ident { #(#inits)* })
            }

            #[inline]
            fn validate(&self) -> ::core::result::Result<(), _attio::FieldError> {
                #(#validates)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// `ty` as written, in the usual spacing: `Option<f64>`, `Vec<attio::WithMeta<String>>`,
/// `[u8; 4]`, `&'static str` (not `Option < f64 >`, as tokens print).
fn type_name(ty: &syn::Type) -> String {
    fn push(out: &mut String, tokens: TokenStream) {
        for tt in tokens {
            match tt {
                TokenTree::Group(group) => {
                    let (open, close) = match group.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::None => ("", ""),
                    };
                    out.push_str(open);
                    push(out, group.stream());
                    out.push_str(close);
                }
                TokenTree::Ident(_) | TokenTree::Literal(_) => {
                    // Words are separated (`dyn Trait`, `&'a str`), except after a lifetime's `'`.
                    if out.ends_with(|c: char| {
                        c.is_alphanumeric() || c == '_' || c == ',' || c == ';'
                    }) {
                        out.push(' ');
                    }
                    out.push_str(&tt.to_string());
                }
                TokenTree::Punct(punct) => match punct.as_char() {
                    '=' | '+' if punct.spacing() == proc_macro2::Spacing::Alone => {
                        out.push(' ');
                        out.push(punct.as_char());
                        out.push(' ');
                    }
                    c => out.push(c),
                },
            }
        }
    }
    let mut out = String::new();
    push(&mut out, ty.to_token_stream());
    out
}

/// The spans of the first and last tokens of `ty`.
fn first_last_span(ty: &syn::Type) -> (Span, Span) {
    let mut tokens = ty.to_token_stream().into_iter();
    let first = tokens.next().map_or_else(|| ty.span(), |t| t.span());
    let last = tokens.last().map_or(first, |t| t.span());
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::type_name;

    #[test]
    fn type_names_are_spaced_as_written() {
        for (ty, expected) in [
            (syn::parse_quote!(String), "String"),
            (syn::parse_quote!(Option<f64>), "Option<f64>"),
            (
                syn::parse_quote!(Vec<attio::EmailAddress>),
                "Vec<attio::EmailAddress>",
            ),
            (
                syn::parse_quote!(::std::vec::Vec<attio::WithMeta<attio::Ref<Company>>>),
                "::std::vec::Vec<attio::WithMeta<attio::Ref<Company>>>",
            ),
            (syn::parse_quote!(Result<u8,String>), "Result<u8, String>"),
            (syn::parse_quote!([u8; 4]), "[u8; 4]"),
            (syn::parse_quote!(&'static str), "&'static str"),
            (syn::parse_quote!((String, bool)), "(String, bool)"),
            (syn::parse_quote!(r#Type), "r#Type"),
        ] {
            let ty: syn::Type = ty;
            assert_eq!(type_name(&ty), expected);
        }
    }
}
