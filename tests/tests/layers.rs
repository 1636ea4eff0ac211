//! The layers of the runtime and of the sandbox, checked (see `ARCHITECTURE.md`): no module names
//! a module of a layer above its own, and no sandbox resource names another resource. And no
//! source or test file of the workspace is over about 600 lines.
//!
//! The runtime's layers along the data's path: values < error < wire < operation < client <
//! surfaces (query, changes, bulk, records, entries, lists, resolve, schema, sync, notes, tasks,
//! comments, members, search, meetings, identity, raw, pages, blocking, webhooks) <
//! `__private`. The sandbox's along a request's path, bottom up: error, util, webhook_url <
//! schema < values < store < query, http, delivery < resources < routes < server < the handle
//! (builder, sandbox). `lib.rs` only re-exports.
//!
//! A module names another through `crate::module::...`, or through a crate-root re-export
//! (`crate::Client`), which this test traces back to its module by reading `lib.rs`'s `pub use`
//! lines. Test modules (`#[cfg(test)]` onwards) are not checked: they may use the whole crate.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a module of the runtime's root, by its first path segment.
fn runtime_layer(module: &str) -> Option<u8> {
    Some(match module {
        "values" => 1,
        "error" => 2,
        "wire" => 3,
        "operation" => 4,
        "client" => 5,
        "query" | "changes" | "bulk" | "records" | "entries" | "lists" | "blocking"
        | "webhooks" | "resolve" | "schema" | "sync" | "notes" | "tasks" | "comments"
        | "members" | "search" | "meetings" | "identity" | "raw" | "pages" => 6,
        "__private" => 7,
        _ => return None,
    })
}

/// The layer of a module of the sandbox's root, by its first path segment.
fn sandbox_layer(module: &str) -> Option<u8> {
    Some(match module {
        "error" | "util" | "webhook_url" => 1,
        "schema" => 2,
        "values" => 3,
        "store" => 4,
        "query" | "http" | "delivery" => 5,
        "resources" => 6,
        "routes" => 7,
        "server" => 8,
        "builder" | "sandbox" => 9,
        _ => return None,
    })
}

/// The workspace's root.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `pub use module::{A, B}` and `pub use module::A` in lib.rs: root name -> module.
fn root_names(lib: &str) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let mut rest = lib;
    while let Some(at) = rest.find("pub use ") {
        rest = &rest[at + "pub use ".len()..];
        let end = rest.find(';').unwrap();
        let item = &rest[..end];
        rest = &rest[end..];
        let Some((module, tail)) = item.split_once("::") else {
            continue;
        };
        let tail = tail.trim().trim_start_matches('{').trim_end_matches('}');
        for name in tail.split(',') {
            let name = name.split_whitespace().last().unwrap_or("");
            let name = name.rsplit("::").next().unwrap_or(name);
            if !name.is_empty() {
                names.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    names
}

/// Every module this source names through `crate::`, with the rest of the path after it.
fn named_modules(
    source: &str,
    roots: &HashMap<String, String>,
    layer_of: fn(&str) -> Option<u8>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let paths: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end].split(',').map(str::trim).collect()
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            vec![&rest[..end]]
        };
        for path in paths {
            let (name, tail) = path.split_once("::").unwrap_or((path, ""));
            let name = name.trim();
            if layer_of(name).is_some() {
                out.push((name.to_owned(), tail.to_owned()));
            } else if let Some(module) = roots.get(name) {
                out.push((module.clone(), String::new()));
            }
        }
    }
    out
}

/// The imports of one crate that climb back up, and how many files were checked.
fn climbing_imports(crate_dir: &str, layer_of: fn(&str) -> Option<u8>) -> (Vec<String>, usize) {
    let src = workspace().join(crate_dir).join("src");
    let roots = root_names(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut violations = Vec::new();
    let mut checked = 0;
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let mut components = rel.components().map(|c| c.as_os_str().to_string_lossy());
        let first = components.next().unwrap();
        let own = first.trim_end_matches(".rs");
        let Some(own_layer) = layer_of(own) else {
            continue;
        };
        // In the sandbox, each resource is a module of `resources/` of its own.
        let own_resource = (own == "resources")
            .then(|| components.next())
            .flatten()
            .map(|r| r.trim_end_matches(".rs").to_owned())
            .filter(|r| r != "mod");
        let text = fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        // Doc comments name items for links; they are not imports.
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        checked += 1;
        for (module, tail) in named_modules(&code, &roots, layer_of) {
            let layer = layer_of(&module).unwrap();
            if layer > own_layer {
                violations.push(format!(
                    "{crate_dir}/src/{} (layer {own_layer}) names `{module}` (layer {layer})",
                    rel.display()
                ));
            }
            let other = tail.split("::").next().unwrap_or("");
            if let Some(own) = &own_resource
                && module == "resources"
                && !other.is_empty()
                && other != own
            {
                violations.push(format!(
                    "{crate_dir}/src/{}: the resource `{own}` names the resource `{other}`",
                    rel.display()
                ));
            }
        }
    }
    (violations, checked)
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let roots = root_names(&fs::read_to_string(workspace().join("runtime/src/lib.rs")).unwrap());
    assert!(
        roots.get("Client").is_some_and(|m| m == "client"),
        "{roots:?}"
    );
    let (mut violations, runtime) = climbing_imports("runtime", runtime_layer);
    let (sandbox_violations, sandbox) = climbing_imports("sandbox", sandbox_layer);
    violations.extend(sandbox_violations);
    assert!(runtime > 30, "checked only {runtime} files of the runtime");
    assert!(sandbox > 30, "checked only {sandbox} files of the sandbox");
    assert!(
        violations.is_empty(),
        "imports that climb back up:\n{}",
        violations.join("\n")
    );
}

#[test]
fn no_source_or_test_file_is_over_about_600_lines() {
    let mut all = Vec::new();
    for dir in [
        "macros", "runtime", "sandbox", "cli", "examples", "tests", "benches",
    ] {
        for sub in ["src", "tests", "benches", "examples"] {
            let path = workspace().join(dir).join(sub);
            if path.is_dir() {
                files(&path, &mut all);
            }
        }
    }
    assert!(all.len() > 200, "found only {} files", all.len());
    // Generated code is reviewed as a diff, not read as a file: the macros' expansion snapshots
    // and the CLI's golden files.
    let generated = |p: &Path| {
        p.components()
            .any(|c| c.as_os_str() == "snapshots" || c.as_os_str() == "generated")
    };
    let long: Vec<String> = all
        .iter()
        .filter(|p| !generated(p))
        .filter_map(|p| {
            let n = fs::read_to_string(p).unwrap().lines().count();
            (n > 650).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files that hold two things:\n{}",
        long.join("\n")
    );
}
