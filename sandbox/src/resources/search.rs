//! `POST /v2/objects/records/search`: fuzzy search over names, domains, email addresses and phone
//! numbers of people and companies, and the names (labels) of other objects' records.
//!
//! Semantics chosen where Attio's documentation is silent: every whitespace-separated word of the
//! query must occur (case-insensitively) in one of the record's searchable texts; results come in
//! object order, then record creation order; an empty query returns the first records. The
//! sandbox's search is immediately consistent (Attio's is eventually consistent).

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route};
use crate::schema::AttrType;
use crate::store::{Record, Store};

/// The route of search.
pub const ROUTES: &[Route] = &[Route::read(
    Method::Post,
    "/v2/objects/records/search",
    search,
)];

/// The texts a record is found by, and its label (`record_text`).
fn texts(store: &Store, oi: usize, record: &Record) -> (String, Vec<String>) {
    let object = &store.objects[oi];
    let mut label = String::new();
    let mut found_by = Vec::new();
    for attr in &object.attributes {
        let field = match attr.ty {
            AttrType::PersonalName => "full_name",
            AttrType::Text if attr.api_slug == "name" => "value",
            AttrType::Domain => "domain",
            AttrType::EmailAddress => "email_address",
            AttrType::PhoneNumber => "phone_number",
            _ => continue,
        };
        for value in record.active(&attr.id) {
            if let Some(text) = value.body.get(field).and_then(Value::as_str) {
                if label.is_empty() && attr.api_slug == "name" {
                    label = text.to_owned();
                }
                found_by.push(text.to_lowercase());
            }
        }
    }
    (label, found_by)
}

fn strings(store: &Store, oi: usize, record: &Record, slug: &str, field: &str) -> Vec<Value> {
    let Some(attr) = store.objects[oi]
        .attributes
        .iter()
        .find(|a| a.api_slug == slug)
    else {
        return Vec::new();
    };
    record
        .active(&attr.id)
        .iter()
        .filter_map(|v| v.body.get(field).cloned())
        .collect()
}

/// `POST /v2/objects/records/search`.
fn search(store: &Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let body = &req.body;
    let query = body
        .get("query")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::validation("query is required and must be a string."))?;
    if query.chars().count() > 256 {
        return Err(ApiError::validation(
            "query must be at most 256 characters.",
        ));
    }
    let objects = body
        .get("objects")
        .and_then(Value::as_array)
        .filter(|o| !o.is_empty())
        .ok_or_else(|| ApiError::validation("objects must be an array of at least one object."))?;
    match body
        .get("request_as")
        .and_then(|r| r.get("type"))
        .and_then(Value::as_str)
    {
        Some("workspace" | "workspace-member") => {}
        _ => {
            return Err(ApiError::validation(
                "request_as must be {\"type\": \"workspace\"} or a workspace member.",
            ));
        }
    }
    let limit = match body.get("limit") {
        None | Some(Value::Null) => 25,
        Some(v) => v
            .as_f64()
            .filter(|n| (1.0..=25.0).contains(n) && n.fract() == 0.0)
            .map(|n| n as usize)
            .ok_or_else(|| ApiError::validation("limit must be an integer from 1 to 25."))?,
    };
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut results = Vec::new();
    for object in objects {
        let key = object
            .as_str()
            .ok_or_else(|| ApiError::validation("objects must hold object slugs or ids."))?;
        let oi = store.object_index(key)?;
        let object = &store.objects[oi];
        for record in store.records.get(&object.id).into_iter().flatten() {
            let (label, found_by) = texts(store, oi, record);
            if !words
                .iter()
                .all(|w| found_by.iter().any(|t| t.contains(w.as_str())))
            {
                continue;
            }
            let mut hit = json!({
                "id": {"workspace_id": store.workspace_id, "object_id": object.id, "record_id": record.id},
                "record_text": label,
                "record_image": null,
                "object_slug": object.api_slug,
            });
            match object.api_slug.as_str() {
                "people" => {
                    hit["email_addresses"] =
                        strings(store, oi, record, "email_addresses", "email_address").into();
                    hit["phone_numbers"] =
                        strings(store, oi, record, "phone_numbers", "phone_number").into();
                }
                "companies" => {
                    hit["domains"] = strings(store, oi, record, "domains", "domain").into();
                }
                _ => {}
            }
            results.push(hit);
            if results.len() == limit {
                return Ok(json!({"data": results}));
            }
        }
    }
    Ok(json!({"data": results}))
}
