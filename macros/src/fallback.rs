//! What is emitted when the input has mistakes: the item itself, with the helper attributes
//! stripped (so the compiler does not add "cannot find attribute `attio`" to the real errors),
//! and every error.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::attr::is_helper;

/// The item and the errors.
pub fn fallback(mut item: DeriveInput, errors: syn::Error) -> TokenStream {
    strip_helpers(&mut item);
    let errors = errors.into_compile_error();
    quote!(#item #errors)
}

/// Removes every `#[attio(...)]` from the item, its fields and its variants' fields.
pub fn strip_helpers(item: &mut DeriveInput) {
    item.attrs.retain(|a| !is_helper(a));
    let strip = |fields: &mut Fields| {
        for field in fields.iter_mut() {
            field.attrs.retain(|a| !is_helper(a));
        }
    };
    match &mut item.data {
        Data::Struct(data) => strip(&mut data.fields),
        Data::Enum(data) => {
            for variant in &mut data.variants {
                variant.attrs.retain(|a| !is_helper(a));
                strip(&mut variant.fields);
            }
        }
        Data::Union(data) => {
            for field in &mut data.fields.named {
                field.attrs.retain(|a| !is_helper(a));
            }
        }
    }
}
