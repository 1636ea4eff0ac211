//! `GET /v2/self`: a read, not wrapped in `data`.

use super::{Method, Operation};
use crate::wire::{self, Identity};

/// `GET /v2/self`.
pub(crate) fn whoami() -> Operation<Identity> {
    Operation::read(
        Method::Get,
        "/v2/self".to_owned(),
        None,
        wire::decode_bare::<Identity>,
    )
}
