//! Sequences: `POST /v2/sequences/unsubscribed_emails`, the workspace's sequence unsubscribe list.
//!
//! As Attio: `data.email_addresses` (1 to 1,000 addresses) are normalised (trimmed, lower-cased)
//! and added; an address on the list already is ignored and keeps when it was added, so the
//! request is safe to repeat. The answer lists each address sent, once, with when it was added.
//! A malformed address or body is `400 validation_type`, and nothing is added.
//!
//! Chosen where Attio's documentation is silent: an empty array is refused, as more than 1,000
//! addresses are.

use serde_json::{Value, json};

use crate::error::ApiError;
use crate::http::{Method, Request, Route};
use crate::store::{Part, Store};
use crate::util::format_ns;

/// The routes of sequences.
pub const ROUTES: &[Route] = &[Route::write(
    Method::Post,
    "/v2/sequences/unsubscribed_emails",
    unsubscribe,
)];

/// The unsubscribe list: `(normalised address, added at in ns)`, in the order added.
#[derive(Debug, Default)]
pub struct Unsubscribed(Vec<(String, i128)>);

impl Part for Unsubscribed {}

/// `POST /v2/sequences/unsubscribed_emails`.
fn unsubscribe(store: &mut Store, req: &Request<'_>) -> Result<Value, ApiError> {
    let d = req.data()?;
    let items = d
        .get("email_addresses")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            ApiError::validation("data.email_addresses must be an array of email addresses.")
        })?;
    if items.is_empty() || items.len() > 1000 {
        return Err(ApiError::validation(format!(
            "data.email_addresses must hold 1 to 1000 addresses, not {}.",
            items.len()
        )));
    }
    let mut addresses: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let address = item
            .as_str()
            .map(|a| a.trim().to_lowercase())
            .filter(|a| {
                a.split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
            })
            .ok_or_else(|| {
                ApiError::validation(format!(
                    "data.email_addresses[{i}] must be an email address, such as ada@example.com."
                ))
            })?;
        if !addresses.contains(&address) {
            addresses.push(address);
        }
    }
    let now = store.tick();
    let list = &mut store.parts.get_mut::<Unsubscribed>()?.0;
    let mut answer = Vec::new();
    for address in addresses {
        let added = match list.iter().find(|(a, _)| *a == address) {
            Some((_, at)) => *at,
            None => {
                list.push((address.clone(), now));
                now
            }
        };
        answer.push(json!({"email_address": address, "created_at": format_ns(added)}));
    }
    Ok(json!({"data": answer}))
}
