//! Checks answers against the response schemas of Attio's OpenAPI document
//! (`tests/fixtures/openapi.json`: Attio's own document with the fragments of what it lacks put
//! in place, as `tests/fixtures/openapi/SOURCES.md` says).
//!
//! The schema is prepared as little as possible:
//! - OpenAPI-3.0 `nullable: true` becomes a 3.1 type array (`["string", "null"]`);
//! - where a type array allows `null` but the `enum` beside it does not list it (e.g.
//!   `config.currency.default_currency_code`, location `country_code`), `null` is added to the
//!   enum: the spec's own type says null is allowed, and Attio sends it;
//! - `POST /v2/meetings`' 400 names its status `statusCode`, where every other error of the
//!   document (and Attio's error format) says `status_code`: it is read as `status_code`;
//! - a 204 (No Content, `DELETE` of a call recording) has no body to validate, whatever schema
//!   the document gives it.

use serde_json::{Value, json};

use super::Env;

fn openapi() -> Value {
    // Attio's OpenAPI document as `tests/fixtures/openapi/assemble.py` builds it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/openapi.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("openapi.json")).expect("json")
}

fn normalise(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Object(props)) = m.get_mut("properties")
                && let Some(code) = props.remove("statusCode")
            {
                props.insert("status_code".into(), code);
                if let Some(Value::Array(required)) = m.get_mut("required") {
                    for key in required.iter_mut().filter(|k| *k == "statusCode") {
                        *key = json!("status_code");
                    }
                }
            }
            if m.remove("nullable") == Some(Value::Bool(true)) {
                match m.get_mut("type") {
                    Some(Value::String(t)) => {
                        let t = t.clone();
                        m.insert("type".into(), json!([t, "null"]));
                    }
                    Some(Value::Array(ts)) if !ts.contains(&json!("null")) => {
                        ts.push(json!("null"))
                    }
                    _ => {}
                }
            }
            let nullable = m
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|ts| ts.contains(&json!("null")));
            if nullable
                && let Some(Value::Array(e)) = m.get_mut("enum")
                && !e.contains(&Value::Null)
            {
                e.push(Value::Null);
            }
            m.values_mut().for_each(normalise);
        }
        Value::Array(a) => a.iter_mut().for_each(normalise),
        _ => {}
    }
}

pub struct Checker {
    pub spec: Value,
    pub checked: usize,
}

impl Checker {
    pub fn check(&mut self, method: &str, template: &str, status: u16, body: &Value) {
        let op = &self.spec["paths"][template][method.to_lowercase()];
        assert!(op.is_object(), "no operation {method} {template}");
        if status == 204 {
            // No Content: HTTP sends no body, whatever schema the document gives it.
            assert!(
                op["responses"]["204"].is_object(),
                "no 204 response for {method} {template}"
            );
            assert_eq!(body, &Value::Null, "{method} {template} 204 has a body");
            self.checked += 1;
            return;
        }
        let schema = &op["responses"][status.to_string()]["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "no {status} response for {method} {template}"
        );
        let mut root = schema.clone();
        root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        root["components"] = self.spec["components"].clone();
        let validator = jsonschema::validator_for(&root).expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(
            errors.is_empty(),
            "{method} {template} {status}: {errors:#?}\nbody: {body}"
        );
        self.checked += 1;
    }

    /// Calls the sandbox and checks the answer against `template`'s response schema.
    pub async fn call(
        &mut self,
        env: &Env,
        method: &str,
        path: &str,
        template: &str,
        body: Option<Value>,
    ) -> Value {
        let (status, answer) = env.call(method, path, body).await;
        self.check(method, template, status, &answer);
        answer
    }
}

pub fn checker() -> Checker {
    let mut spec = openapi();
    normalise(&mut spec);
    Checker { spec, checked: 0 }
}
