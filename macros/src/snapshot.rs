//! The expansion snapshot: the pretty-printed output of the macros for a few representative
//! inputs, committed under `macros/tests/snapshots/` so that a change to the generated code shows
//! in review as a diff. Each input is a file beside its expansion (`<name>.input.rs`: one item,
//! under the macro it tests, as a user writes it).
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
    let path = dir().join(format!("{name}.expanded.rs"));
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

/// Reads `tests/snapshots/<name>.input.rs`: one item under the macro it tests, as a user writes
/// it. Expands it and compares the expansion with `<name>.expanded.rs`.
fn case(name: &str) {
    let path = dir().join(format!("{name}.input.rs"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {} ({e})", path.display()));
    let file: syn::File = syn::parse_str(&text)
        .unwrap_or_else(|e| panic!("{} is not a Rust file ({e})", path.display()));
    let [item] = file.items.as_slice() else {
        panic!("{} holds one item", path.display());
    };
    let shown = quote!(#item);
    let mut item = item.clone();
    let attrs = match &mut item {
        syn::Item::Struct(s) => &mut s.attrs,
        syn::Item::Enum(e) => &mut e.attrs,
        _ => panic!("{}: a struct or an enum", path.display()),
    };
    // The first attribute is the macro under test: `#[attio_object(...)]`, `#[attio_list(...)]`,
    // `#[attio_activity(...)]` or `#[derive(SelectEnum)]`.
    let first = attrs.remove(0);
    let macro_name = first.path().get_ident().map(ToString::to_string);
    let expansion = match macro_name.as_deref() {
        Some(name @ ("attio_object" | "attio_list" | "attio_activity")) => {
            let args = match first.meta {
                syn::Meta::List(list) => list.tokens,
                _ => TokenStream::new(),
            };
            match name {
                "attio_list" => crate::expand::attio_list(args, quote!(#item)),
                "attio_activity" => crate::expand::attio_activity(args, quote!(#item)),
                _ => crate::expand::attio_object(args, quote!(#item)),
            }
        }
        Some("derive") => crate::select_enum::derive(quote!(#item)),
        _ => panic!("{}: the first attribute names the macro", path.display()),
    };
    snapshot(name, &shown, expansion);
}

fn dir() -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "snapshots"]
        .iter()
        .collect()
}

#[test]
fn snapshot_user() {
    case("user");
}

#[test]
fn snapshot_options() {
    case("options");
}

#[test]
fn snapshot_shapes() {
    case("shapes");
}

#[test]
fn snapshot_select_enum() {
    case("select_enum");
}

#[test]
fn snapshot_status_enum() {
    case("status_enum");
}

#[test]
fn snapshot_list() {
    case("list");
}

#[test]
fn snapshot_activity() {
    case("activity");
}
