//! Emits the generated code from a validated model. Infallible: every user mistake was reported
//! before this point.
//!
//! Everything lives in `const _: () = { use ::attio as _attio; ... };`, names everything by
//! absolute path, and reaches helpers only through `_attio::__private`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Object;

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
    let inherent = inherent::expand(object);
    let companions = typed::definitions(object, &crate_path);
    let typed = typed::impls(object);
    quote! {
        #companions
        const _: () = {
            use #crate_path as _attio;
            #object_impl
            #inherent
            #typed
        };
    }
}
