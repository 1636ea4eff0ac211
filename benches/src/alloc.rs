//! A global allocator that counts allocations and bytes: declare it in a bench binary with
//! `#[global_allocator] static A: attio_benches::alloc::Counting = attio_benches::alloc::Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

static COUNT: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);
/// Bytes allocated and not yet freed, and the most there were since the last reset.
/// Bytes allocated and not yet freed on counted threads, and the most there were since the
/// last reset (signed: a block allocated on an excluded thread may be freed on a counted one).
static LIVE: AtomicI64 = AtomicI64::new(0);
static PEAK: AtomicI64 = AtomicI64::new(0);

thread_local! {
    static EXCLUDED: Cell<bool> = const { Cell::new(false) };
}

/// Leaves the calling thread's allocations out of [`live`] and [`peak`] (a server thread
/// beside the client being measured).
pub fn exclude_this_thread() {
    EXCLUDED.with(|e| e.set(true));
}

fn counted() -> bool {
    !EXCLUDED.try_with(Cell::get).unwrap_or(true)
}

fn grow(by: u64) {
    if counted() {
        let live = LIVE.fetch_add(by as i64, Ordering::Relaxed) + by as i64;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }
}

fn shrink(by: u64) {
    if counted() {
        LIVE.fetch_sub(by as i64, Ordering::Relaxed);
    }
}

/// Bytes allocated on counted threads and not freed now.
pub fn live() -> i64 {
    LIVE.load(Ordering::Relaxed)
}

/// Starts measuring the peak from the current live bytes.
pub fn reset_peak() {
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
}

/// The most live bytes on counted threads since [`reset_peak`].
pub fn peak() -> i64 {
    PEAK.load(Ordering::Relaxed)
}

/// The counting allocator (forwards to the system allocator).
pub struct Counting;

// SAFETY: forwards every call to `System` unchanged; the counters are atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        grow(layout.size() as u64);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size() as u64);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        shrink(layout.size() as u64);
        grow(new_size as u64);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations (a realloc counts as one, with its new size) and bytes requested so far.
pub fn snapshot() -> (u64, u64) {
    (COUNT.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed))
}

/// The allocations and bytes `f` makes (single-threaded use only).
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, u64, u64) {
    let (c0, b0) = snapshot();
    let r = f();
    let (c1, b1) = snapshot();
    (r, c1 - c0, b1 - b0)
}
