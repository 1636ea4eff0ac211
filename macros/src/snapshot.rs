//! The expansion snapshot: the pretty-printed output of the macros for a few representative
//! inputs, committed under `macros/tests/snapshots/` so that a change to the generated code shows
//! in review as a diff.
//!
//! A proc-macro crate cannot be called from another crate, so this is a unit test calling the
//! internal `expand` functions. When the output changes on purpose, rewrite the files with
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test -p attio-macros snapshot
//! ```
//!
//! and read the diff.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

/// Compares `tokens`, pretty-printed, with `tests/snapshots/<name>.expanded.rs`; rewrites the file
/// instead when `UPDATE_SNAPSHOTS` is set.
fn snapshot(name: &str, input: &TokenStream, tokens: TokenStream) {
    let file: syn::File = match syn::parse2(tokens.clone()) {
        Ok(file) => file,
        Err(e) => panic!("the expansion of {name} is not a Rust file ({e}):\n{tokens}"),
    };
    let input: String = match syn::parse2::<syn::File>(input.clone()) {
        Ok(input) => prettyplease::unparse(&input)
            .lines()
            .map(|line| format!("//     {line}\n").replace("//     \n", "//\n"))
            .collect(),
        Err(e) => panic!("the input of {name} is not a Rust file ({e})"),
    };
    let actual = format!(
        "// Written by macros/src/snapshot.rs; rewrite with\n// UPDATE_SNAPSHOTS=1 cargo test -p attio-macros snapshot\n//\n// The expansion of:\n//\n{input}\n{}",
        prettyplease::unparse(&file)
    );
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "snapshots",
        &format!("{name}.expanded.rs"),
    ]
    .iter()
    .collect();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); create it with UPDATE_SNAPSHOTS=1 cargo test -p attio-macros snapshot",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "the expansion of {name} differs from {} from line {}:\n  expected: {:?}\n  actual:   {:?}\nIf the change is intended, rewrite the snapshot with UPDATE_SNAPSHOTS=1 cargo test -p attio-macros snapshot, and review the diff.",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<end of file>"),
            actual.lines().nth(first).unwrap_or("<end of file>"),
        );
    }
}

fn object(name: &str, args: TokenStream, input: TokenStream) {
    let shown = quote!(#[attio_object(#args)] #input);
    snapshot(name, &shown, crate::expand::attio_object(args, input));
}

fn select_enum(name: &str, input: TokenStream) {
    let shown = quote!(#[derive(SelectEnum)] #input);
    snapshot(name, &shown, crate::select_enum::derive(input));
}

/// The issue's `User`, as the seed declares it.
#[test]
fn snapshot_user() {
    object(
        "user",
        quote!(slug = "users"),
        quote! {
            #[derive(Debug, Clone, PartialEq)]
            pub struct User {
                pub user_id: String,
                pub primary_email_address: attio::EmailAddress,
                pub person: Option<attio::RecordReference>,
                pub workspace: Option<attio::RecordReference>,
            }
        },
    );
}

/// Every field option and shape: rename, read_only, `Vec<T>`, `WithMeta<T>`, `Ref<T>`, and the
/// crate override.
#[test]
fn snapshot_options() {
    object(
        "options",
        quote!(slug = "deals", crate = "crate::reexport::attio"),
        quote! {
            pub(crate) struct Deal {
                #[attio(rename = "name")]
                pub title: attio::WithMeta<String>,
                pub value: Option<attio::Currency>,
                pub categories: Vec<attio::SelectOption>,
                pub associated_company: Option<attio::Ref<Company>>,
                #[attio(rename = "created_at", read_only)]
                pub created: attio::Timestamp,
            }
        },
    );
}

/// A select enum with a catch-all holding the title.
#[test]
fn snapshot_select_enum() {
    select_enum(
        "select_enum",
        quote! {
            enum Category {
                SaaS,
                #[attio(rename = "B2B")]
                BusinessToBusiness,
                #[attio(other)]
                Other(String),
            }
        },
    );
}

/// A status enum with a unit catch-all.
#[test]
fn snapshot_status_enum() {
    select_enum(
        "status_enum",
        quote! {
            #[attio(status)]
            enum Stage {
                Lead,
                #[attio(rename = "In Progress")]
                InProgress,
                #[attio(rename = "Won 🎉")]
                Won,
                #[attio(other)]
                Unknown,
            }
        },
    );
}

/// The issue's sales pipeline: a list over companies.
#[test]
fn snapshot_list() {
    let args = quote!(slug = "sales_pipeline", parent = Company);
    let input = quote! {
        pub struct SalesEntry {
            pub stage: Stage,
            pub owner: Option<attio::ActorReference>,
            pub tags: Vec<attio::SelectOption>,
        }
    };
    let shown = quote!(#[attio_list(#args)] #input);
    snapshot("list", &shown, crate::expand::attio_list(args, input));
}
