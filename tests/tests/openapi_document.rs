//! The project's copy of Attio's OpenAPI document (`tests/fixtures/openapi.json`) agrees with the
//! per-operation fragments it was assembled from (`tests/fixtures/openapi/fragments/`), and every
//! fragment says where it came from (`tests/fixtures/openapi/SOURCES.md`).
//!
//! A fragment saved without running `python3 tests/fixtures/openapi/assemble.py` fails here, with
//! the operation that differs and the command to run.

use std::path::{Path, PathBuf};

use serde_json::Value;

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fragments() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures().join("openapi/fragments")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, read(&path)));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn the_document_holds_every_fragment_as_saved() {
    let document = read(&fixtures().join("openapi.json"));
    let mut stale = Vec::new();
    for (name, fragment) in fragments() {
        let paths = fragment["paths"].as_object().cloned().unwrap_or_default();
        assert!(
            !paths.is_empty() || fragment.get("webhooks").is_some(),
            "{name} has no `paths`: a fragment is the OpenAPI document of an endpoint's page"
        );
        for (path, item) in &paths {
            for method in METHODS {
                if let Some(operation) = item.get(*method)
                    && document["paths"][path].get(*method) != Some(operation)
                {
                    stale.push(format!("{} {path} (from {name})", method.to_uppercase()));
                }
            }
        }
        for (kind, members) in fragment["components"].as_object().into_iter().flatten() {
            if kind == "securitySchemes" {
                continue;
            }
            for (member, schema) in members.as_object().into_iter().flatten() {
                if document["components"][kind].get(member) != Some(schema) {
                    stale.push(format!("components.{kind}.{member} (from {name})"));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "tests/fixtures/openapi.json differs from its fragments in:\n  {}\n\
         run `python3 tests/fixtures/openapi/assemble.py` from the repository's root",
        stale.join("\n  ")
    );
}

#[test]
fn every_fragment_says_where_it_came_from() {
    let sources = std::fs::read_to_string(fixtures().join("openapi/SOURCES.md")).unwrap();
    let missing: Vec<String> = fragments()
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| !sources.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "fragments without a row in tests/fixtures/openapi/SOURCES.md: {missing:?}; \
         add `| operation | `file.json` | page | date | cross-checked |`"
    );
}
