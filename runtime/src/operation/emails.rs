//! Email operations.
//!
//! | operation | repeatable? | why |
//! |---|---|---|
//! | list emails (`GET /v2/emails`) | yes | a read |

use super::{Method, Operation};
use crate::wire::email::Email;
use crate::wire::{self, CursorPage};

/// `GET /v2/emails?{query}[&cursor=]`: one page.
pub(crate) fn list_page(query: &str, cursor: Option<&str>) -> Operation<CursorPage<Email>> {
    Operation::read(
        Method::Get,
        super::meetings::with_cursor("/v2/emails".to_owned(), query, cursor),
        None,
        wire::decode_bare::<CursorPage<Email>>,
    )
}
