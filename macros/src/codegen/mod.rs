//! Emits the generated code from a validated model. Infallible: every user mistake was reported
//! before this point.
//!
//! Everything lives in `const _: () = { use ::attio as _attio; ... };`, names everything by
//! absolute path, and reaches helpers only through `_attio::__private`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use crate::ast::{Kind, Object};

mod inherent;
mod object_impl;
mod typed;

/// The `AttioObject` impl and the inherent items, in their `const _` block.
pub fn expand(object: &Object<'_>) -> TokenStream {
    let crate_path = match &object.crate_path {
        Some(path) => quote!(#path),
        None => quote!(::attio),
    };
    let object_impl = object_impl::expand(object);
    let items = match &object.kind {
        Kind::Object => inherent::OBJECT,
        Kind::List { .. } => inherent::LIST,
        Kind::Activity { .. } => inherent::ACTIVITY,
    };
    let inherent = inherent::expand(object, items);
    let companions = typed::definitions(object, &crate_path);
    let typed = typed::impls(object);
    let ident = object.ident;
    // Every object's records can be the parents of list entries; what the struct describes
    // (records or entries) keeps a list's struct out of the record API (`attio::RecordObject`).
    // A list's `AttioList` impl is spanned at the parent type: a parent that is not an
    // #[attio_object] struct is reported there, by `ListParent`'s message.
    let parent_impl = match &object.kind {
        Kind::Object => quote! {
            #[automatically_derived]
            impl _attio::ListParent for #ident {}
            #[automatically_derived]
            impl _attio::__private::StructKind for #ident {
                type Kind = _attio::__private::kind::ObjectStruct;
            }
        },
        Kind::Activity { .. } => quote! {
            #[automatically_derived]
            impl _attio::__private::StructKind for #ident {
                type Kind = _attio::__private::kind::ActivityStruct;
            }
        },
        Kind::List { parent } => {
            let list_impl = quote_spanned! {parent.span()=>
                #[automatically_derived]
                impl _attio::AttioList for #ident {
                    type Parent = #parent;
                }
            };
            quote! {
                #[automatically_derived]
                impl _attio::__private::StructKind for #ident {
                    type Kind = _attio::__private::kind::ListStruct;
                }
                #list_impl
            }
        }
    };
    quote! {
        #companions
        const _: () = {
            use #crate_path as _attio;
            #object_impl
            #parent_impl
            #inherent
            #typed
        };
    }
}
