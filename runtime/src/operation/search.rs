//! Record search: a read, though `POST`ed, so repeating it is harmless.

use super::{Method, Operation};
use crate::wire::search::SearchHit;
use crate::wire::{self};

/// `POST /v2/objects/records/search` with a body from `wire::search::search_body`.
pub(crate) fn search(body: Vec<u8>) -> Operation<Vec<SearchHit>> {
    Operation::read(
        Method::Post,
        "/v2/objects/records/search".to_owned(),
        Some(body),
        wire::decode_data::<Vec<SearchHit>>,
    )
}
