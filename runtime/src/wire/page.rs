//! A page of a cursor-paged listing: `{"data": […], "pagination": {"next_cursor": …}}`.

use serde::Deserialize;
use serde::de::DeserializeOwned;

/// One page of a listing that Attio pages by cursor (meetings, call recordings, transcripts).
///
/// ```
/// let page: attio::wire::CursorPage<u32> =
///     attio::wire::decode_bare(br#"{"data":[1,2],"pagination":{"next_cursor":"abc"}}"#)?;
/// assert_eq!(page.data, [1, 2]);
/// assert_eq!(page.next_cursor.as_deref(), Some("abc"));
/// # Ok::<(), attio::DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CursorPage<T> {
    /// The page's items.
    pub data: Vec<T>,
    /// The cursor of the next page; `None` on the last.
    pub next_cursor: Option<String>,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for CursorPage<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Pagination {
            #[serde(default)]
            next_cursor: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(bound = "T: DeserializeOwned")]
        struct Raw<T> {
            data: Vec<T>,
            #[serde(default)]
            pagination: Option<Pagination>,
        }
        let raw = Raw::<T>::deserialize(d)?;
        Ok(CursorPage {
            data: raw.data,
            next_cursor: raw.pagination.and_then(|p| p.next_cursor),
        })
    }
}
