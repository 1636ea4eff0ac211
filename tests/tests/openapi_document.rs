//! The project's copy of Attio's OpenAPI document (`tests/fixtures/openapi.json`) is exactly
//! Attio's own document (the one `tests/fixtures/openapi/attio-YYYY-MM-DD.json`) with the
//! per-operation fragments of `tests/fixtures/openapi/fragments/` put in place, as
//! `tests/fixtures/openapi/assemble.py` builds it; no fragment repeats what that document already
//! says; and `tests/fixtures/openapi/SOURCES.md` names the document and says of every fragment
//! where it came from and whether it adds an operation or replaces the document's.
//!
//! A fragment saved, or a document replaced, without running `assemble.py` fails here, with what
//! differs and the command to run; so does a hand edit of `openapi.json`.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// The keys of a path item that are operations (the rest, `parameters` and the like, are shared).
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn openapi_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/openapi")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The one `attio-YYYY-MM-DD.json` beside the fragments: `(file name, document)`.
fn base() -> (String, Value) {
    let mut bases: Vec<PathBuf> = std::fs::read_dir(openapi_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with("attio-") && name.ends_with(".json")
        })
        .collect();
    bases.sort();
    assert!(
        bases.len() == 1,
        "tests/fixtures/openapi/ must hold exactly one base document attio-YYYY-MM-DD.json, \
         found {bases:?}"
    );
    let name = bases[0].file_name().unwrap().to_string_lossy().into_owned();
    (name, read(&bases[0]))
}

fn fragments() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(openapi_dir().join("fragments")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, read(&path)));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn members(value: &Value) -> impl Iterator<Item = (&String, &Value)> {
    value.as_object().into_iter().flatten()
}

/// `assemble.py`'s `apply`: the fragment's methods and path-level keys one by one, its components
/// but `securitySchemes` one by one, its webhooks.
fn apply(document: &mut Value, name: &str, fragment: &Value) {
    let paths = fragment["paths"].as_object().cloned().unwrap_or_default();
    assert!(
        !paths.is_empty() || fragment.get("webhooks").is_some(),
        "{name} has no `paths`: a fragment is the OpenAPI document of an endpoint's page"
    );
    for (path, item) in paths {
        let target = document["paths"]
            .as_object_mut()
            .expect("the document's `paths`")
            .entry(path)
            .or_insert_with(|| Value::Object(Map::new()));
        for (key, operation) in members(&item) {
            target[key.as_str()] = operation.clone();
        }
    }
    for (kind, schemas) in members(&fragment["components"]) {
        if kind == "securitySchemes" {
            continue;
        }
        for (member, schema) in members(schemas) {
            document["components"][kind.as_str()][member.as_str()] = schema.clone();
        }
    }
    for (hook, body) in members(&fragment["webhooks"]) {
        document["webhooks"][hook.as_str()] = body.clone();
    }
}

/// What of `fragment` the base lacks and what it has in another form, by operation, and whether
/// anything the fragment says (operation, path-level key, component, webhook) differs from it.
fn compare(base: &Value, fragment: &Value) -> (Vec<String>, Vec<String>, bool) {
    let (mut added, mut replaced, mut differs) = (Vec::new(), Vec::new(), false);
    for (path, item) in members(&fragment["paths"]) {
        let held = &base["paths"][path.as_str()];
        for (key, operation) in members(item) {
            let label = format!("{} {path}", key.to_uppercase());
            match held.get(key) {
                None if METHODS.contains(&key.as_str()) => added.push(label),
                Some(old) if old != operation && METHODS.contains(&key.as_str()) => {
                    replaced.push(label)
                }
                _ => {}
            }
            differs |= held.get(key) != Some(operation);
        }
    }
    for (kind, schemas) in members(&fragment["components"]) {
        if kind != "securitySchemes" {
            for (member, schema) in members(schemas) {
                differs |= base["components"][kind.as_str()].get(member) != Some(schema);
            }
        }
    }
    for (hook, body) in members(&fragment["webhooks"]) {
        differs |= base["webhooks"].get(hook) != Some(body);
    }
    (added, replaced, differs)
}

/// Where two documents differ: the operations, path-level keys, components, webhooks and other
/// top-level keys, by name.
fn differences(built: &Value, copy: &Value) -> Vec<String> {
    let empty = Value::Object(Map::new());
    let names = |a: &Value, b: &Value| -> Vec<String> {
        let mut names: Vec<String> = members(a)
            .chain(members(b))
            .map(|(k, _)| k.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    // The `(outer, inner)` names, two levels down, whose values differ.
    let differing = |a: &Value, b: &Value| -> Vec<(String, String)> {
        let mut found = Vec::new();
        for outer in names(a, b) {
            let (x, y) = (
                a.get(&outer).unwrap_or(&empty),
                b.get(&outer).unwrap_or(&empty),
            );
            for inner in names(x, y) {
                if x.get(&inner) != y.get(&inner) {
                    found.push((outer.clone(), inner));
                }
            }
        }
        found
    };
    let mut out = Vec::new();
    for top in names(built, copy) {
        let (a, b) = (
            built.get(&top).unwrap_or(&empty),
            copy.get(&top).unwrap_or(&empty),
        );
        match top.as_str() {
            "paths" => out.extend(
                differing(a, b)
                    .into_iter()
                    .map(|(path, key)| format!("{} {path}", key.to_uppercase())),
            ),
            "components" | "webhooks" => out.extend(
                differing(a, b)
                    .into_iter()
                    .map(|(kind, name)| format!("{top}.{kind}.{name}")),
            ),
            _ if a != b => out.push(top),
            _ => {}
        }
    }
    out
}

#[test]
fn the_copy_is_the_base_with_every_fragment_in_place() {
    let (base_name, mut built) = base();
    for (name, fragment) in fragments() {
        apply(&mut built, &name, &fragment);
    }
    let copy = read(&openapi_dir().join("../openapi.json"));
    let differ = differences(&built, &copy);
    assert!(
        differ.is_empty(),
        "tests/fixtures/openapi.json is not {base_name} with the fragments in place; it differs \
         in:\n  {}\nrun `python3 tests/fixtures/openapi/assemble.py` from the repository's root",
        differ.join("\n  ")
    );
}

#[test]
fn no_fragment_repeats_what_the_base_says() {
    let (base_name, base) = base();
    let superseded: Vec<String> = fragments()
        .into_iter()
        .filter(|(_, fragment)| !compare(&base, fragment).2)
        .map(|(name, _)| name)
        .collect();
    assert!(
        superseded.is_empty(),
        "{base_name} already holds everything these fragments say: delete them and their rows \
         in tests/fixtures/openapi/SOURCES.md: {superseded:?}"
    );
}

#[test]
fn sources_name_the_base_and_every_fragment_and_what_it_does() {
    let sources = std::fs::read_to_string(openapi_dir().join("SOURCES.md")).unwrap();
    let (base_name, base) = base();
    assert!(
        sources.contains(&format!("`{base_name}`")),
        "tests/fixtures/openapi/SOURCES.md does not name the base document `{base_name}`"
    );
    let mut wrong = Vec::new();
    for (name, fragment) in fragments() {
        let Some(row) = sources
            .lines()
            .find(|l| l.contains(&format!("| `{name}` |")))
        else {
            wrong.push(format!(
                "{name}: no row `| operation | `{name}` | adds or replaces | …`"
            ));
            continue;
        };
        let (added, replaced, _) = compare(&base, &fragment);
        let says = |word: &str| row.contains(&format!("| {word}"));
        if !replaced.is_empty() && !says("replaces") {
            wrong.push(format!(
                "{name}: replaces {replaced:?}, its row must say `replaces`"
            ));
        }
        if replaced.is_empty() && !added.is_empty() && !says("adds") {
            wrong.push(format!("{name}: adds {added:?}, its row must say `adds`"));
        }
    }
    assert!(
        wrong.is_empty(),
        "tests/fixtures/openapi/SOURCES.md:\n  {}",
        wrong.join("\n  ")
    );
}

/// The test above would pass on a copy that dropped what it should hold; this one fails on it.
#[test]
fn a_copy_that_lost_an_operation_or_a_component_is_caught() {
    let (_, mut built) = base();
    for (name, fragment) in fragments() {
        apply(&mut built, &name, &fragment);
    }
    let mut lost = built.clone();
    lost["paths"]["/v2/sql"]
        .as_object_mut()
        .expect("POST /v2/sql is in the copy")
        .remove("post");
    lost["components"]["schemas"]
        .as_object_mut()
        .unwrap()
        .remove("activity");
    assert_eq!(
        differences(&built, &lost),
        ["components.schemas.activity", "POST /v2/sql"]
    );
}
