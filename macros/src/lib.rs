//! The `#[attio_object]` attribute macro. Use it through the `attio` crate.
use proc_macro::TokenStream;

/// Placeholder: replaced by the real macro.
#[proc_macro_attribute]
pub fn attio_object(_args: TokenStream, input: TokenStream) -> TokenStream {
    input
}
