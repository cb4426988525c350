//! Reliability promise 5 (acceptance test #8) over many random interleavings, not one script: two or three tabs
//! (savers) over ONE storage edit, save, hear (or miss, or hear late) each other's `storage` events, reload, and
//! answer the "changed in another tab" question. After every step:
//!
//! * the stored document is always a readable Mosaic document, and its generation never goes backwards;
//! * an automatic save (`flush`) only ever writes over the very document that tab last saw (loaded, wrote itself,
//!   or took from another tab), so an acknowledged save is never overwritten by a tab that had not seen it; only the
//!   person's explicit "Keep this tab's version" may write over a document the tab has not shown;
//! * a tab that says "Saved" right after its save holds on screen exactly what is stored.
//!
//! The storage events a tab gets are queued in the order the browser sends them and delivered whenever the
//! interleaving says so: a tab that gets none for a long time is a frozen or slow tab.

#![cfg(not(target_arch = "wasm32"))]

use mosaic::store::document::AppState;
use mosaic::store::envelope::{decode, encode, generation_of, Loaded};
use mosaic::store::saver::{SaveStatus, Saver};
use mosaic::store::storage::{MemoryStorage, DOC_KEY};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::VecDeque;

/// One step of an interleaving; the number picks the tab (modulo the number of tabs).
#[derive(Clone, Debug)]
enum Op {
    /// The person types in that tab (a new crisis line, distinct from every other edit).
    Edit(usize),
    /// The tab's debounce ends, or it is hidden: pending changes are saved.
    Flush(usize),
    /// The tab gets the oldest `storage` event the browser queued for it.
    Deliver(usize),
    /// In a conflict: "Use the other tab's version".
    UseTheirs(usize),
    /// In a conflict: "Keep this tab's version".
    KeepMine(usize),
    /// The tab is reloaded (it saves on `pagehide`, then a new page loads what is stored).
    Reload(usize),
    /// Settings › "Delete everything" in that tab, which then reopens at its start. Not among the random steps:
    /// see the product bug tests at the end.
    DeleteEverything(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize).prop_map(Op::Edit),
        4 => (0..3usize).prop_map(Op::Flush),
        4 => (0..3usize).prop_map(Op::Deliver),
        1 => (0..3usize).prop_map(Op::UseTheirs),
        1 => (0..3usize).prop_map(Op::KeepMine),
        1 => (0..3usize).prop_map(Op::Reload),
    ]
}

/// One tab: its saver, what its page shows, the storage events waiting for it, and the stored bytes it last saw.
struct Tab<'a> {
    saver: Saver<&'a MemoryStorage>,
    shown: AppState,
    inbox: VecDeque<Option<String>>,
    seen: Option<String>,
    /// The newest generation this tab has seen (loaded, written, or taken from another tab).
    newest: u64,
}

impl<'a> Tab<'a> {
    fn open(storage: &'a MemoryStorage, now: &str) -> Tab<'a> {
        let mut saver = Saver::new(storage);
        let shown = saver.boot(now);
        let seen = storage.peek(DOC_KEY);
        Tab {
            saver,
            shown,
            inbox: VecDeque::new(),
            newest: generation(&seen),
            seen,
        }
    }
}

/// The state stored under the document key; panics unless it is a readable document of this version.
fn stored_state(storage: &MemoryStorage) -> AppState {
    match decode(storage.peek(DOC_KEY).as_deref()) {
        Loaded::Ready { state, .. } => state,
        other => panic!("the stored document is not readable: {other:?}"),
    }
}

fn generation(raw: &Option<String>) -> u64 {
    generation_of(raw.as_deref()).unwrap_or(0)
}

/// The browser time of step `n` (distinct for every step, so every save is a different string).
fn time(n: usize) -> String {
    format!(
        "2026-03-02T{:02}:{:02}:{:02}.000Z",
        n / 3600,
        (n / 60) % 60,
        n % 60
    )
}

/// What a run saw, for the coverage check of the whole property.
#[derive(Default, Debug)]
struct Seen {
    conflicts: usize,
    adopted: usize,
    acknowledged: usize,
}

/// Runs `ops` over `tabs` tabs that start from a document stored at generation 1; fails on the first broken
/// promise. With `strict`, also fails when a tab takes in a document older than one it has already seen (and so
/// shows it as "Saved" while storage holds something newer).
fn run(tabs: usize, ops: &[Op], seen: &mut Seen, strict: bool) -> Result<(), TestCaseError> {
    let storage = MemoryStorage::new();
    let mut start = AppState::default();
    start.settings.crisis_line = "Start".to_string();
    storage.put(DOC_KEY, &encode(&start, 1, &time(0)));
    let mut pages: Vec<Tab> = (0..tabs).map(|_| Tab::open(&storage, &time(0))).collect();
    let mut edits = 0usize;
    // The highest stored generation so far: it must never go backwards.
    let mut high = 1u64;
    for (step, op) in ops.iter().enumerate() {
        let now = time(step + 1);
        let before = storage.peek(DOC_KEY);
        match *op {
            Op::Edit(t) => {
                let t = t % tabs;
                edits += 1;
                let mut next = pages[t].shown.clone();
                next.settings.crisis_line = format!("tab {t}, edit {edits}");
                pages[t].shown = next.clone();
                pages[t].saver.note_change(&next);
                prop_assert_eq!(
                    storage.peek(DOC_KEY),
                    before,
                    "an edit is not saved before the debounce ends"
                );
            }
            Op::Flush(t) | Op::Reload(t) => {
                let t = t % tabs;
                let delay = pages[t].saver.flush(&now);
                prop_assert_eq!(delay, None, "in-memory storage never refuses a write");
                if storage.peek(DOC_KEY) != before {
                    prop_assert_eq!(
                        pages[t].saver.status(),
                        &SaveStatus::Saved { at: now.clone() },
                        "a save that went through says \"Saved\""
                    );
                    seen.acknowledged += 1;
                    prop_assert_eq!(
                        &stored_state(&storage),
                        &pages[t].shown,
                        "tab {} says \"Saved\" but what is stored is not what it shows",
                        t
                    );
                    wrote(&before, &storage, &mut pages, t, false, &mut high)?;
                }
                if matches!(op, Op::Reload(_)) {
                    // The page is replaced (its queued events go with it) and the new one loads what is stored.
                    let stored = storage.peek(DOC_KEY);
                    pages[t] = Tab::open(&storage, &now);
                    prop_assert_eq!(&pages[t].shown, &stored_state(&storage));
                    prop_assert_eq!(
                        storage.peek(DOC_KEY),
                        stored,
                        "loading a document of this version writes nothing"
                    );
                }
            }
            Op::Deliver(t) => {
                let t = t % tabs;
                if let Some(raw) = pages[t].inbox.pop_front() {
                    let unsaved = matches!(
                        pages[t].saver.status(),
                        SaveStatus::Pending | SaveStatus::Conflict
                    );
                    if let Some(state) = pages[t].saver.other_tab_saved(raw.as_deref(), &now) {
                        seen.adopted += 1;
                        if raw.is_none() {
                            // Another tab deleted everything: this tab forgets the document, unsaved changes
                            // included, so that nothing deleted comes back from here.
                            prop_assert_eq!(&state, &AppState::default());
                            pages[t].newest = 0;
                            pages[t].shown = state;
                            pages[t].seen = raw;
                            prop_assert_eq!(
                                storage.peek(DOC_KEY),
                                before,
                                "hearing of a deletion writes nothing"
                            );
                            continue;
                        }
                        prop_assert!(
                            !unsaved,
                            "tab {} dropped its unsaved changes for another tab's save",
                            t
                        );
                        match decode(raw.as_deref()) {
                            Loaded::Ready { state: sent, .. } => prop_assert_eq!(&state, &sent),
                            other => prop_assert!(
                                false,
                                "tab {} took an unreadable save: {:?}",
                                t,
                                other
                            ),
                        }
                        let g = generation(&raw);
                        if strict {
                            prop_assert!(
                                g > pages[t].newest,
                                "tab {} went back to generation {} after it had seen generation {}",
                                t,
                                g,
                                pages[t].newest
                            );
                        }
                        pages[t].newest = pages[t].newest.max(g);
                        pages[t].shown = state;
                        pages[t].seen = raw;
                    } else if unsaved {
                        prop_assert_eq!(
                            pages[t].saver.status(),
                            &SaveStatus::Conflict,
                            "tab {} with unsaved changes asks",
                            t
                        );
                    }
                    prop_assert_eq!(
                        storage.peek(DOC_KEY),
                        before,
                        "hearing of another tab's save writes nothing"
                    );
                }
            }
            Op::UseTheirs(t) => {
                let t = t % tabs;
                if pages[t].saver.status() == &SaveStatus::Conflict {
                    seen.conflicts += 1;
                    let state = pages[t].saver.load_newer(&now);
                    prop_assert_eq!(
                        state.as_ref(),
                        Some(&stored_state(&storage)),
                        "\"use the other tab's version\" shows what is stored"
                    );
                    pages[t].shown = state.unwrap_or_default();
                    pages[t].seen = storage.peek(DOC_KEY);
                    pages[t].newest = pages[t].newest.max(generation(&pages[t].seen));
                    prop_assert_eq!(pages[t].saver.flush(&now), None);
                    prop_assert_eq!(
                        storage.peek(DOC_KEY),
                        before,
                        "choosing the other tab's version writes nothing"
                    );
                }
            }
            Op::DeleteEverything(t) => {
                let t = t % tabs;
                pages[t].saver.delete_everything();
                prop_assert_eq!(storage.peek(DOC_KEY), None, "everything is deleted");
                // Every other tab hears of the removal; the page reopens at its start, with nothing stored.
                broadcast(&mut pages, t, None);
                pages[t] = Tab::open(&storage, &now);
                high = 0;
            }
            Op::KeepMine(t) => {
                let t = t % tabs;
                if pages[t].saver.status() == &SaveStatus::Conflict {
                    seen.conflicts += 1;
                    prop_assert_eq!(pages[t].saver.keep_mine(&now), None);
                    prop_assert_eq!(
                        pages[t].saver.status(),
                        &SaveStatus::Saved { at: now.clone() }
                    );
                    prop_assert_eq!(
                        &stored_state(&storage),
                        &pages[t].shown,
                        "\"keep this tab's version\" stores what the tab shows"
                    );
                    prop_assert_ne!(
                        storage.peek(DOC_KEY),
                        before.clone(),
                        "\"keep this tab's version\" saves"
                    );
                    seen.acknowledged += 1;
                    wrote(&before, &storage, &mut pages, t, true, &mut high)?;
                }
            }
        }
        // Whatever happened, what is stored is a readable document of this version (or nothing, after a deletion).
        if storage.peek(DOC_KEY).is_some() {
            stored_state(&storage);
        }
    }
    if !strict {
        return Ok(());
    }
    // The end of the story: every queued event arrives, and every tab that says "Saved" shows what is stored.
    for page in pages.iter_mut() {
        while let Some(raw) = page.inbox.pop_front() {
            if let Some(state) = page
                .saver
                .other_tab_saved(raw.as_deref(), "2026-03-03T00:00:00.000Z")
            {
                page.shown = state;
            }
        }
    }
    let last = stored_state(&storage);
    for (t, page) in pages.iter().enumerate() {
        if matches!(page.saver.status(), SaveStatus::Saved { .. }) {
            prop_assert_eq!(
                &page.shown,
                &last,
                "tab {} says \"Saved\" after every event but shows something else",
                t
            );
        }
    }
    Ok(())
}

/// Checks one write by tab `w` that replaced `before`, then sends its `storage` event to the other tabs. Only the
/// person's explicit "Keep this tab's version" may write over a document the tab had not seen.
fn wrote(
    before: &Option<String>,
    storage: &MemoryStorage,
    pages: &mut [Tab],
    w: usize,
    explicit: bool,
    high: &mut u64,
) -> Result<(), TestCaseError> {
    let after = storage.peek(DOC_KEY);
    let g = generation(&after);
    prop_assert!(
        g > generation(before) && g > *high,
        "tab {} wrote generation {} over generation {} (highest so far {})",
        w,
        g,
        generation(before),
        *high
    );
    *high = g;
    if !explicit {
        prop_assert_eq!(
            before,
            &pages[w].seen,
            "tab {} saved over a document it had never seen (left: stored before the save; right: what the tab last saw)",
            w
        );
    }
    pages[w].seen = after.clone();
    pages[w].newest = pages[w].newest.max(g);
    broadcast(pages, w, after);
    Ok(())
}

/// The browser sends a `storage` event with the new value to every other tab.
fn broadcast(pages: &mut [Tab], writer: usize, raw: Option<String>) {
    for (t, page) in pages.iter_mut().enumerate() {
        if t != writer {
            page.inbox.push_back(raw.clone());
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 400, failure_persistence: None, ..Config::default() })]

    /// Promise 5, for 400 random interleavings of two or three tabs, 1 to 80 steps each.
    #[test]
    fn no_interleaving_of_tabs_lets_a_save_overwrite_one_it_had_not_seen(
        tabs in 2..=3usize,
        ops in prop::collection::vec(op(), 1..80),
    ) {
        run(tabs, &ops, &mut Seen::default(), false)?;
    }
}

/// The random interleavings above do reach the interesting cases: conflicts answered both ways, events taken in,
/// and acknowledged saves. A fixed seed makes this count the same on every run.
#[test]
fn the_interleavings_reach_conflicts_adopted_saves_and_acknowledged_writes() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = (2..=3usize, prop::collection::vec(op(), 1..80));
    let mut seen = Seen::default();
    for _ in 0..200 {
        let (tabs, ops) = strategy.new_tree(&mut runner).unwrap().current();
        run(tabs, &ops, &mut seen, false).unwrap();
    }
    assert!(seen.conflicts >= 50, "too few conflicts answered: {seen:?}");
    assert!(
        // 183 with this seed since a late notice of an older save is ignored (it used to be taken in).
        seen.adopted >= 150,
        "too few saves taken from another tab: {seen:?}"
    );
    assert!(
        seen.acknowledged >= 500,
        "too few acknowledged saves: {seen:?}"
    );
}

/// Was a bug, now fixed (`Saver::other_tab_saved` ignores a notice of a save older than what the tab holds).
/// Tab 1 is asked which version to keep; before it hears of tab 0's next save it chooses its own (written as
/// generation 4); the late notification of tab 0's generation 3 then replaced what tab 1 showed, and tab 1 said
/// "Saved" while showing tab 0's older words.
#[test]
fn a_late_notification_never_takes_a_tab_back_to_an_older_document() {
    let ops = [
        Op::Edit(1),
        Op::Edit(0),
        Op::Reload(0),
        Op::Deliver(1),
        Op::Edit(0),
        Op::Flush(0),
        Op::KeepMine(1),
        Op::Deliver(1),
    ];
    run(2, &ops, &mut Seen::default(), true).unwrap();
}

/// Was a bug, now fixed (an automatic save writes only over the very bytes its tab last saw). After "Delete
/// everything" in one tab, a second tab that missed the notifications (a frozen or slow tab) wrote over a save made
/// after the deletion: the generations start again from 1 after a deletion, so the number alone cannot tell.
#[test]
fn after_delete_everything_a_tab_that_missed_it_never_overwrites_the_next_save() {
    let ops = [
        Op::Edit(1),
        Op::Flush(1),
        Op::Deliver(0),
        Op::DeleteEverything(0),
        Op::Edit(0),
        Op::Flush(0),
        Op::Edit(1),
        Op::Flush(1),
    ];
    run(2, &ops, &mut Seen::default(), false).unwrap();
}

/// Was a bug, now fixed (a tab that hears of a deletion forgets the document, unsaved changes included).
/// "Delete everything" in one tab was undone by the next edit in another open tab, which kept the whole deleted
/// document on screen as "Saved" and wrote all of it back.
#[test]
fn after_delete_everything_another_tab_does_not_write_the_deleted_document_back() {
    let ops = [
        Op::Edit(1),
        Op::Flush(1),
        Op::Deliver(0),
        Op::DeleteEverything(0),
        Op::Deliver(1),
        Op::Edit(1),
        Op::Flush(1),
    ];
    run(2, &ops, &mut Seen::default(), false).unwrap();
}
