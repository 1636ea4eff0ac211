//! Sequence operations.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | add to the unsubscribe list (`POST /v2/sequences/unsubscribed_emails`) | yes | addresses listed already are ignored |

use super::{Method, Operation, data_body};
use crate::error::Result;
use crate::wire;

/// `POST /v2/sequences/unsubscribed_emails` with `{"data": {"email_addresses": […]}}`.
pub(crate) fn unsubscribe<T: serde::de::DeserializeOwned>(
    addresses: &[String],
) -> Result<Operation<Vec<T>>> {
    Ok(Operation::write(
        Method::Post,
        "/v2/sequences/unsubscribed_emails".to_owned(),
        Some(data_body(
            &serde_json::json!({ "email_addresses": addresses }),
        )?),
        true,
        wire::decode_data::<Vec<T>>,
    ))
}
