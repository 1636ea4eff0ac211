//! Routing: matches a request's method and decoded path segments against the route table that
//! the resources declare (`resources::ROUTES`), and calls the handler with the path parameters.
//!
//! A template segment `{name}` matches any one segment, except `{target}`, which matches only
//! `objects` or `lists` (an enum in Attio's OpenAPI document). Where several templates match a
//! path, the one with the most literal segments wins (`…/records/query` over
//! `…/records/{record_id}`). A path that no template matches is answered 404 (`No route for …`,
//! with the nearest template when one is a few edits away); a path that some template matches,
//! but not with this method, 405 `method_not_allowed` with the methods it accepts. A route that
//! declares scopes (`Route::scopes`) is answered `403 unauthorized` to a token lacking one, and a
//! route for workspace-level tokens only `403 forbidden` to a user-level token, before its
//! handler runs.

use serde_json::Value;

use crate::error::ApiError;
use crate::http::{Handler, Request, Route, Token, TokenLevel};
use crate::resources::ROUTES;
use crate::store::Store;

/// Path parameters that match only some values.
const ENUM_PARAMS: [(&str, &[&str]); 1] = [("target", &["objects", "lists"])];

/// Every route of the sandbox, in the order the resources declare them.
pub fn all() -> impl Iterator<Item = &'static Route> {
    ROUTES.iter().flat_map(|routes| routes.iter())
}

/// The parameters `template` takes from `segments`, if it matches them.
fn matches(template: &'static str, segments: &[String]) -> Option<Vec<(&'static str, String)>> {
    let parts = template.trim_start_matches('/').split('/');
    if parts.clone().count() != segments.len() {
        return None;
    }
    let mut params = Vec::new();
    for (part, segment) in parts.zip(segments) {
        match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(name) => {
                let allowed = ENUM_PARAMS.iter().find(|(n, _)| *n == name);
                if allowed.is_some_and(|(_, values)| !values.contains(&segment.as_str())) {
                    return None;
                }
                params.push((name, segment.clone()));
            }
            None if part == segment => {}
            None => return None,
        }
    }
    Some(params)
}

/// How many literal segments a template has: the more, the more specific.
fn literals(template: &str) -> usize {
    template.split('/').filter(|s| !s.starts_with('{')).count()
}

/// The methods some route serves on this path, for a 405's `Allow` header.
pub fn allowed_methods(segments: &[String]) -> Vec<&'static str> {
    let mut methods = Vec::new();
    for route in all().filter(|r| matches(r.path, segments).is_some()) {
        if !methods.contains(&route.method.as_str()) {
            methods.push(route.method.as_str());
        }
    }
    methods
}

/// Routes a request to its handler and runs it.
pub fn dispatch(
    store: &mut Store,
    method: &str,
    segments: &[String],
    query: Vec<(String, String)>,
    body: Value,
    token: &Token,
) -> Result<Value, ApiError> {
    let mut found: Option<(&Route, Vec<(&'static str, String)>)> = None;
    for route in all().filter(|r| r.method.as_str() == method) {
        if let Some(params) = matches(route.path, segments)
            && found
                .as_ref()
                .is_none_or(|(best, _)| literals(route.path) > literals(best.path))
        {
            found = Some((route, params));
        }
    }
    let Some((route, params)) = found else {
        return Err(unrouted(method, segments));
    };
    if route.workspace_only && token.level != TokenLevel::Workspace {
        // Attio documents which levels an operation supports, not the refusal's code: chosen.
        return Err(ApiError::new(
            403,
            "auth_error",
            "forbidden",
            format!(
                "{method} {} supports workspace-level access tokens only; this token is {}-level.",
                route.path,
                token.level.as_str()
            ),
        ));
    }
    let missing: Vec<&str> = route
        .scopes
        .iter()
        .copied()
        .filter(|scope| !token.holds(scope))
        .collect();
    if !missing.is_empty() {
        // Attio's answer to a token without a required scope (its OpenAPI document's 403s).
        return Err(ApiError::new(
            403,
            "auth_error",
            "unauthorized",
            format!(
                "The access token does not have the required scopes: {method} {} needs {}.",
                route.path,
                missing.join(", ")
            ),
        ));
    }
    let req = Request {
        params,
        query,
        body,
        token,
    };
    match route.handler {
        Handler::Read(handler) => handler(store, &req),
        Handler::Write(handler) => handler(store, &req),
    }
}

/// The template nearest to a path that none matches, for a hint: one with as many segments,
/// whose literal segments are the fewest edits away (at most 3 in all).
fn nearest(segments: &[String]) -> Option<&'static str> {
    all()
        .map(|r| r.path)
        .filter_map(|template| {
            let parts: Vec<&str> = template.trim_start_matches('/').split('/').collect();
            (parts.len() == segments.len()).then(|| {
                let edits: usize = parts
                    .iter()
                    .zip(segments)
                    .filter(|(part, _)| !part.starts_with('{'))
                    .map(|(part, segment)| strsim::levenshtein(part, segment))
                    .sum();
                (edits, template)
            })
        })
        .filter(|(edits, _)| *edits <= 3)
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, template)| template)
}

/// 405 when another method is served on this path, else 404 (naming the nearest route, if one
/// is near).
fn unrouted(method: &str, segments: &[String]) -> ApiError {
    let path = segments.join("/");
    let allowed = allowed_methods(segments);
    if allowed.is_empty() {
        let hint = nearest(segments).map_or_else(String::new, |template| {
            format!(" The nearest route is {template}.")
        });
        return ApiError::not_found(format!("No route for {method} /{path}.{hint}"));
    }
    ApiError::new(
        405,
        "invalid_request_error",
        "method_not_allowed",
        format!(
            "{method} is not allowed on /{path}; it accepts {}.",
            allowed.join(", ")
        ),
    )
}
