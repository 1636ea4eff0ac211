//! Printing: a plan as tokens, built with `quote`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::plan::{EnumPlan, Plan, StructPlan};

/// The plan as tokens: a whole file.
pub fn render(plan: &Plan) -> TokenStream {
    let items = plan.structs.iter().map(render_struct);
    quote! { #(#items)* }
}

fn docs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

fn ty(text: &str) -> TokenStream {
    // Every type is built from identifiers this module made valid; a failure is a bug, shown
    // as a compile error in the output rather than a panic.
    match syn::parse_str::<syn::Type>(text) {
        Ok(t) => quote!(#t),
        Err(_) => {
            let msg = format!("attio generate made an invalid type `{text}`; please report it");
            quote!(::core::compile_error!(#msg))
        }
    }
}

fn render_struct(s: &StructPlan) -> TokenStream {
    let doc = docs(&s.doc);
    let ident = format_ident!("{}", s.ident);
    let slug = &s.slug;
    let macro_attr = match (&s.parent, s.extends) {
        (None, Some(extends)) => {
            let extends = extends.as_str();
            match &s.nouns {
                Some((singular, plural)) => quote!(
                    #[attio::attio_activity(slug = #slug, extends = #extends, singular = #singular, plural = #plural)]
                ),
                None => quote!(#[attio::attio_activity(slug = #slug, extends = #extends)]),
            }
        }
        (None, None) => match &s.nouns {
            Some((singular, plural)) => quote!(
                #[attio::attio_object(slug = #slug, singular = #singular, plural = #plural)]
            ),
            None => quote!(#[attio::attio_object(slug = #slug)]),
        },
        (Some(parent), _) => {
            let parent = format_ident!("{}", parent);
            quote!(#[attio::attio_list(slug = #slug, parent = #parent)])
        }
    };
    let fields = s.fields.iter().map(|f| {
        let doc = docs(&f.doc);
        let ident = format_ident!("{}", f.ident);
        let ty = ty(&f.rust_type());
        let mut options = Vec::new();
        if let Some(rename) = &f.rename {
            options.push(quote!(rename = #rename));
        }
        if let Some(title) = &f.title {
            options.push(quote!(title = #title));
        }
        if f.read_only {
            options.push(quote!(read_only));
        }
        if f.unique {
            options.push(quote!(unique));
        }
        let helper = if options.is_empty() {
            quote!()
        } else {
            quote!(#[attio(#(#options),*)])
        };
        quote! {
            #doc
            #helper
            pub #ident: #ty,
        }
    });
    let enums = s.enums.iter().map(render_enum);
    quote! {
        #doc
        #macro_attr
        #[derive(Debug, Clone, PartialEq)]
        pub struct #ident {
            #(#fields)*
        }
        #(#enums)*
    }
}

fn render_enum(e: &EnumPlan) -> TokenStream {
    let doc = docs(&e.doc);
    let ident = format_ident!("{}", e.ident);
    let status = if e.status {
        quote!(#[attio(status)])
    } else {
        quote!()
    };
    let variants = e.variants.iter().map(|(name, title)| {
        let doc = format!(" \"{title}\"");
        let variant = format_ident!("{}", name);
        let rename = if name == title {
            quote!()
        } else {
            quote!(#[attio(rename = #title)])
        };
        quote! {
            #[doc = #doc]
            #rename
            #variant,
        }
    });
    let other = format_ident!("{}", e.other);
    let what = if e.status { "A status" } else { "An option" };
    let other_doc = format!(" {what} added in Attio after this code was generated, by its title.");
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, attio::SelectEnum)]
        #status
        pub enum #ident {
            #(#variants)*
            #[doc = #other_doc]
            #[attio(other)]
            #other(String),
        }
    }
}
