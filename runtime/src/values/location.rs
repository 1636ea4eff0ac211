//! Stub: being written.

/// Stub.
#[derive(Debug, Clone, PartialEq)]
pub struct Location;
