//! Why a listing stopped paging ([`Error::Paging`](crate::Error::Paging)): its answers did not
//! advance.

use std::fmt;

/// The most characters of a cursor a message shows; a longer one is cut, with `…`.
const CURSOR_SHOWN: usize = 80;

/// How a listing's answers stopped advancing, for [`Error::Paging`](crate::Error::Paging).
///
/// ```
/// use attio::PagingProblem;
///
/// let problem = PagingProblem::RepeatedCursor { cursor: "c2".into() };
/// assert_eq!(problem.to_string(), "Attio answered the cursor `c2` that it had already given");
///
/// let problem = PagingProblem::RepeatedPage { offset: 50, limit: 50 };
/// assert_eq!(
///     problem.to_string(),
///     "the page at offset 50 (limit 50) came back identical to the one before it: the server ignores `offset`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PagingProblem {
    /// A cursor-paged listing (meetings, call recordings, transcripts) was answered a next
    /// cursor it had already sent: following it would read the same pages again, forever.
    RepeatedCursor {
        /// The cursor, in full (messages cut it after 80 characters).
        cursor: String,
    },
    /// An offset-paged listing (notes, tasks, threads, attributes, record and entry queries) got
    /// a full page whose body was byte for byte the one before it, though it had asked for the
    /// next offset: the server ignores `offset`, and would send that page forever.
    RepeatedPage {
        /// The offset the repeated page was asked for at.
        offset: usize,
        /// The number of items asked for (and received).
        limit: usize,
    },
}

impl fmt::Display for PagingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PagingProblem::RepeatedCursor { cursor } => {
                let (shown, cut) = match cursor.char_indices().nth(CURSOR_SHOWN) {
                    Some((end, _)) => (&cursor[..end], "…"),
                    None => (cursor.as_str(), ""),
                };
                write!(
                    f,
                    "Attio answered the cursor `{}{cut}` that it had already given",
                    shown.escape_debug()
                )
            }
            PagingProblem::RepeatedPage { offset, limit } => write!(
                f,
                "the page at offset {offset} (limit {limit}) came back identical to the one before \
                 it: the server ignores `offset`"
            ),
        }
    }
}
