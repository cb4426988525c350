//! A view that reads a long-lived signal directly leaves its readers behind in that signal after it closes; read
//! through `view_mirror`, nothing is left. Measured with a counting allocator over many open/close cycles.

use leptos::prelude::*;
use mosaic::ui::view_mirror::view_mirror;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Opens a "view" (its own owner) with ten readers of `document`, then closes it, `cycles` times.
fn open_and_close(document: RwSignal<u32>, cycles: usize, through_mirror: bool) {
    for _ in 0..cycles {
        let view = Owner::new();
        view.with(|| {
            let source: Signal<u32> = if through_mirror {
                view_mirror(move || document.get()).into()
            } else {
                document.into()
            };
            for _ in 0..10 {
                let reader = Memo::new(move |_| source.get() + 1);
                assert_eq!(reader.get_untracked(), document.get_untracked() + 1);
            }
        });
        view.cleanup();
    }
}

/// Heap growth over 2,000 cycles, after 200 cycles to warm up.
fn growth(through_mirror: bool) -> isize {
    let document = RwSignal::new(7_u32);
    open_and_close(document, 200, through_mirror);
    let before = LIVE_BYTES.load(Ordering::Relaxed);
    open_and_close(document, 2_000, through_mirror);
    LIVE_BYTES.load(Ordering::Relaxed) - before
}

#[test]
fn closed_views_leave_nothing_behind_when_they_read_through_a_mirror() {
    // Both halves in one test: the counter is process-wide, so no other test may allocate meanwhile.
    let direct = growth(false);
    let mirrored = growth(true);
    assert!(
        direct > 500_000,
        "reading the long-lived signal directly should leave 20,000 readers behind (the behaviour the mirror works around), grew {direct} bytes"
    );
    assert!(
        mirrored < 10_000,
        "through the mirror the heap should not grow, grew {mirrored} bytes"
    );
}
