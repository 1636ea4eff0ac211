//! The runtime's layers, checked: no module names a module of a layer above its own.
//!
//! Layers along the data's path (see `shared/design/architecture.md`):
//! values < error < wire < operation < client < pages (the paging that surfaces share) < surfaces
//! (query, changes, bulk, records, entries, lists, resolve, schema, sync, notes, tasks, comments,
//! members, search, meetings, identity, raw, blocking, webhooks). `lib.rs` and `__private.rs` only
//! re-export. A module names another through `crate::module::...`, or through a crate-root
//! re-export (`crate::Client`), which this test traces back to its module by reading `lib.rs`'s
//! `pub use` lines. Test modules (`#[cfg(test)]` onwards) are not checked: they may use the whole
//! crate. Within a layer, modules may name each other, but not in a circle.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a module of the crate root, by its first path segment.
fn layer_of(module: &str) -> Option<u8> {
    Some(match module {
        "values" => 1,
        "error" => 2,
        "wire" => 3,
        "operation" => 4,
        "client" => 5,
        "pages" => 6,
        "query" | "changes" | "bulk" | "records" | "entries" | "lists" | "blocking"
        | "webhooks" | "resolve" | "schema" | "sync" | "notes" | "tasks" | "comments"
        | "members" | "search" | "meetings" | "identity" | "raw" => 7,
        "__private" => 8,
        _ => return None,
    })
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

/// Every module this source names through `crate::`.
fn named_modules(source: &str, roots: &HashMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end]
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or("").trim())
                .collect()
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            vec![&rest[..end]]
        };
        for name in names {
            if layer_of(name).is_some() {
                out.push(name.to_owned());
            } else if let Some(module) = roots.get(name) {
                out.push(module.clone());
            }
        }
    }
    out
}

/// Every checked file of the crate (by its path under `src/`), its module of the crate root, and
/// the modules it names.
fn imports() -> Vec<(PathBuf, String, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let roots = root_names(&fs::read_to_string(src.join("lib.rs")).unwrap());
    assert!(
        roots.get("Client").is_some_and(|m| m == "client"),
        "{roots:?}"
    );
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut out = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let own = first.trim_end_matches(".rs");
        if layer_of(own).is_none() {
            continue;
        }
        let text = fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        // Doc comments name items for links; they are not imports.
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        out.push((rel.to_owned(), own.to_owned(), named_modules(&code, &roots)));
    }
    assert!(out.len() > 30, "checked only {} files", out.len());
    out
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let mut violations = Vec::new();
    for (rel, own, named) in imports() {
        let own_layer = layer_of(&own).unwrap();
        for module in named {
            let layer = layer_of(&module).unwrap();
            if layer > own_layer {
                violations.push(format!(
                    "{} (layer {own_layer}) names `{module}` (layer {layer})",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports that climb back up:\n{}",
        violations.join("\n")
    );
}

#[test]
fn no_modules_name_each_other_in_a_circle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, own, named) in imports() {
        let names = graph.entry(own.clone()).or_default();
        names.extend(named.into_iter().filter(|m| *m != own));
    }
    // Depth first from every module; a module met again on the path closes a circle.
    fn visit<'g>(
        module: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
    ) -> Option<String> {
        if let Some(at) = path.iter().position(|m| *m == module) {
            return Some([&path[at..], &[module]].concat().join(" -> "));
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        let circle = visit(module, &graph, &mut Vec::new(), &mut done);
        assert!(circle.is_none(), "modules that name each other: {circle:?}");
    }
}

#[test]
fn no_file_is_over_about_600_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let long: Vec<String> = all
        .iter()
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
