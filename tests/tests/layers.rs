//! The layers of the runtime and of the sandbox, checked (see `ARCHITECTURE.md`): no module names
//! a module of a layer above its own, and no sandbox resource names another resource. And no
//! source or test file of the workspace is over about 600 lines.
//!
//! The runtime's layers along the data's path: values < error < wire < operation and shared
//! (where the limiter and deduplication keep their state) < client <
//! pages (the paging that surfaces share) < surfaces (query, changes, bulk, records, entries,
//! lists, resolve, schema, sync, notes, tasks, comments, members, search, sql, meetings, identity,
//! raw, blocking, webhooks, oauth, emails, sequences, files, activities, and prelude, the
//! extension traits that make the record and entry operations methods). The guide (`guide`, documentation only) is below them all: it may import
//! nothing. A module that `lib.rs` hides (`#[doc(hidden)]`) is for generated code
//! only: no module of its crate may name it. The sandbox's layers along a request's path, bottom
//! up: error, util, webhook_url < schema < values < store < query, http, delivery < resources <
//! routes < server < the handle (builder, sandbox, workspace). `lib.rs` only re-exports.
//!
//! A module names another through `crate::module::...`, or through a crate-root re-export
//! (`crate::Client`), which this test traces back to its module by reading `lib.rs`'s `pub use`
//! lines. Test modules (`#[cfg(test)]` onwards) are not checked: they may use the whole crate.
//! Within a layer, modules may name each other, but not in a circle.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a module of the runtime's root, by its first path segment. `guide` is
/// documentation only: below every layer, so that it can import nothing.
fn runtime_layer(module: &str) -> Option<u8> {
    Some(match module {
        "guide" => 0,
        "values" => 1,
        "error" => 2,
        "wire" => 3,
        "operation" | "shared" => 4,
        "client" => 5,
        "pages" => 6,
        "query" | "changes" | "bulk" | "records" | "entries" | "lists" | "blocking"
        | "webhooks" | "resolve" | "schema" | "sync" | "notes" | "tasks" | "comments"
        | "members" | "search" | "sql" | "meetings" | "identity" | "raw" | "oauth" | "emails"
        | "sequences" | "files" | "activities" | "prelude" => 7,
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
        "builder" | "sandbox" | "workspace" => 9,
        _ => return None,
    })
}

/// A crate whose layers are checked: its folder, the layer of each module of its root, and the
/// modules its `lib.rs` hides (`#[doc(hidden)] pub mod …;`), which are for generated code only.
struct Crate {
    dir: &'static str,
    layer_of: fn(&str) -> Option<u8>,
    hidden: Vec<String>,
}

impl Crate {
    fn new(dir: &'static str, layer_of: fn(&str) -> Option<u8>) -> Self {
        let lib = fs::read_to_string(workspace().join(dir).join("src/lib.rs")).unwrap();
        let lines: Vec<&str> = lib.lines().map(str::trim).collect();
        let hidden = lines
            .windows(2)
            .filter(|pair| pair[0] == "#[doc(hidden)]")
            .filter_map(|pair| pair[1].strip_prefix("pub mod ")?.strip_suffix(';'))
            .map(str::to_owned)
            .collect();
        Self {
            dir,
            layer_of,
            hidden,
        }
    }

    /// The layer of a module of the root; a hidden module is above every other.
    fn layer(&self, module: &str) -> Option<u8> {
        (self.layer_of)(module).or_else(|| self.is_hidden(module).then_some(u8::MAX))
    }

    fn is_hidden(&self, module: &str) -> bool {
        self.hidden.iter().any(|h| h == module)
    }
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
    krate: &Crate,
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
            if krate.layer(name).is_some() {
                out.push((name.to_owned(), tail.to_owned()));
            } else if let Some(module) = roots.get(name) {
                out.push((module.clone(), String::new()));
            }
        }
    }
    out
}

/// One checked file of a crate: its path under `src/`, its module of the crate root, for a
/// sandbox resource its resource, and the modules it names (with the rest of each path).
struct File {
    rel: PathBuf,
    module: String,
    resource: Option<String>,
    names: Vec<(String, String)>,
}

/// Every checked file of the crate in `crate_dir`.
fn imports(krate: &Crate) -> Vec<File> {
    let crate_dir = krate.dir;
    let src = workspace().join(crate_dir).join("src");
    let roots = root_names(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut out = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let mut components = rel.components().map(|c| c.as_os_str().to_string_lossy());
        let first = components.next().unwrap();
        let module = first.trim_end_matches(".rs").to_owned();
        if krate.layer(&module).is_none() {
            continue;
        }
        // In the sandbox, each resource is a module of `resources/` of its own.
        let resource = (module == "resources")
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
        out.push(File {
            rel: rel.to_owned(),
            module,
            resource,
            names: named_modules(&code, &roots, krate),
        });
    }
    assert!(
        out.len() > 30,
        "{crate_dir}: checked only {} files",
        out.len()
    );
    out
}

/// The imports of one crate that climb back up or name a hidden module, and a sandbox resource's
/// imports of another.
fn climbing_imports(krate: &Crate) -> Vec<String> {
    let mut violations = Vec::new();
    for file in imports(krate) {
        let own_layer = krate.layer(&file.module).unwrap();
        let at = format!("{}/src/{}", krate.dir, file.rel.display());
        for (module, tail) in &file.names {
            let layer = krate.layer(module).unwrap();
            if krate.is_hidden(module) && *module != file.module {
                violations.push(format!(
                    "{at} names `{module}`, which lib.rs hides: it is for generated code only"
                ));
            } else if layer > own_layer {
                violations.push(format!(
                    "{at} (layer {own_layer}) names `{module}` (layer {layer})"
                ));
            }
            let other = tail.split("::").next().unwrap_or("");
            if let Some(own) = &file.resource
                && module == "resources"
                && !other.is_empty()
                && other != own
            {
                violations.push(format!(
                    "{at}: the resource `{own}` names the resource `{other}`"
                ));
            }
        }
    }
    violations
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let roots = root_names(&fs::read_to_string(workspace().join("runtime/src/lib.rs")).unwrap());
    assert!(
        roots.get("Client").is_some_and(|m| m == "client"),
        "{roots:?}"
    );
    let runtime = Crate::new("runtime", runtime_layer);
    assert_eq!(
        runtime.hidden.len(),
        1,
        "the runtime hides one module for generated code"
    );
    let mut violations = climbing_imports(&runtime);
    violations.extend(climbing_imports(&Crate::new("sandbox", sandbox_layer)));
    assert!(
        violations.is_empty(),
        "imports that climb back up:\n{}",
        violations.join("\n")
    );
}

/// A circle among the modules of one crate's root, if there is one.
fn circle(krate: &Crate) -> Option<String> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in imports(krate) {
        let names = graph.entry(file.module.clone()).or_default();
        names.extend(
            file.names
                .into_iter()
                .map(|(m, _)| m)
                .filter(|m| *m != file.module),
        );
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
    graph
        .keys()
        .find_map(|module| visit(module, &graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_modules_name_each_other_in_a_circle() {
    for krate in [
        Crate::new("runtime", runtime_layer),
        Crate::new("sandbox", sandbox_layer),
    ] {
        let found = circle(&krate);
        assert!(
            found.is_none(),
            "{}: modules that name each other: {found:?}",
            krate.dir
        );
    }
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
