//! Deterministic UUID-shaped ids: the bottom of the fixtures, shared by the typed and
//! hand-written values, the query page and the sandbox.

/// A deterministic UUID-shaped id for `(kind, i)`.
pub fn uuid(kind: u32, i: usize) -> String {
    let x = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ u64::from(kind);
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        (x >> 32) as u32,
        (x >> 16) as u16,
        (x & 0xfff) as u16,
        ((x >> 20) & 0xfff) as u16,
        (i as u64) & 0xffff_ffff_ffff
    )
}
