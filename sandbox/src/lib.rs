//! Attio sandbox (in progress).
