//! An answer's body, read chunk by chunk against a bound, so that no server can make the client
//! hold more than the bound: not a 2 GiB page, not an endless chunked stream.

use bytes::{Bytes, BytesMut};

/// The most a success answer's body may hold unless the client is told otherwise
/// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes)): 64 MiB,
/// ten times Attio's largest pages (a few megabytes).
///
/// ```
/// assert_eq!(attio::DEFAULT_MAX_RESPONSE_BYTES, 64 * 1024 * 1024);
/// ```
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;

/// The most an error answer's body may hold: 64 KiB. Attio's error bodies are a few hundred
/// bytes, and an error keeps only its message (or the first 200 characters of a page that is
/// not Attio's).
///
/// ```
/// assert_eq!(attio::MAX_ERROR_BODY_BYTES, 64 * 1024);
/// ```
pub const MAX_ERROR_BODY_BYTES: u64 = 64 * 1024;

/// The bound was passed: `received` bytes had arrived (0 when the `Content-Length` alone said so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow {
    pub(crate) received: u64,
}

/// The chunks of a body so far. Chunks are kept as they arrive and joined once at the end, so a
/// body that passes the bound has cost at most the bound, never a reallocation's double.
#[derive(Debug)]
pub(crate) struct BoundedBody {
    chunks: Vec<Bytes>,
    received: u64,
    limit: u64,
}

impl BoundedBody {
    /// An empty body that may grow to `limit` bytes; refused at once when the answer's
    /// `Content-Length` (`declared`) is already past it.
    pub(crate) fn new(limit: u64, declared: Option<u64>) -> Result<Self, Overflow> {
        match declared {
            Some(length) if length > limit => Err(Overflow { received: 0 }),
            _ => Ok(BoundedBody {
                chunks: Vec::new(),
                received: 0,
                limit,
            }),
        }
    }

    /// Adds a chunk, or says the body passed the bound (counting the chunk that passed it; the
    /// chunk is not kept).
    pub(crate) fn push(&mut self, chunk: Bytes) -> Result<(), Overflow> {
        let received = self.received.saturating_add(chunk.len() as u64);
        if received > self.limit {
            self.chunks.clear();
            return Err(Overflow { received });
        }
        self.received = received;
        if !chunk.is_empty() {
            self.chunks.push(chunk);
        }
        Ok(())
    }

    /// The whole body.
    pub(crate) fn finish(mut self) -> Bytes {
        match self.chunks.len() {
            0 => Bytes::new(),
            1 => self.chunks.remove(0),
            _ => {
                let mut whole =
                    BytesMut::with_capacity(usize::try_from(self.received).unwrap_or(0));
                for chunk in &self.chunks {
                    whole.extend_from_slice(chunk);
                }
                whole.freeze()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(body: &[u8], sizes: &[usize]) -> Vec<Bytes> {
        let mut out = Vec::new();
        let mut at = 0;
        for size in sizes.iter().cycle() {
            if at >= body.len() {
                break;
            }
            let end = (at + size.max(&1)).min(body.len());
            out.push(Bytes::copy_from_slice(&body[at..end]));
            at = end;
        }
        out
    }

    #[test]
    fn a_body_within_the_bound_is_returned_whole_however_it_is_cut() {
        let body: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
        for sizes in [&[1][..], &[7, 1, 300], &[10_000], &[4096, 0, 3]] {
            for limit in [10_000, 10_001, u64::MAX] {
                let mut bounded = BoundedBody::new(limit, Some(10_000)).unwrap();
                for chunk in pieces(&body, sizes) {
                    bounded.push(chunk).unwrap();
                }
                assert_eq!(bounded.finish(), body, "{sizes:?} {limit}");
            }
        }
    }

    #[test]
    fn every_prefix_past_the_bound_is_refused_and_none_within_it() {
        let body = vec![b'x'; 2_000];
        for limit in [0u64, 1, 999, 1_000, 1_999] {
            for size in [1usize, 3, 64, 2_000] {
                let mut bounded = BoundedBody::new(limit, None).unwrap();
                let mut taken = 0u64;
                let mut refused = None;
                for chunk in pieces(&body, &[size]) {
                    let len = chunk.len() as u64;
                    match bounded.push(chunk) {
                        Ok(()) => taken += len,
                        Err(over) => {
                            refused = Some(over);
                            break;
                        }
                    }
                    assert!(taken <= limit);
                }
                let over = refused.expect("2000 bytes pass every bound here");
                assert!(over.received > limit && over.received <= limit + size as u64);
            }
        }
    }

    #[test]
    fn a_declared_length_past_the_bound_is_refused_before_reading() {
        assert_eq!(
            BoundedBody::new(10, Some(11)).unwrap_err(),
            Overflow { received: 0 }
        );
        assert!(BoundedBody::new(10, Some(10)).is_ok());
        assert!(BoundedBody::new(10, None).is_ok());
    }
}
