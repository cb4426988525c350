//! Native tests of the saver over in-memory storage: what autosave writes, when, and what it refuses to overwrite.
//! Two savers on one storage are two tabs of one browser; the storage's switches play a full disk or a browser
//! that blocks storage. Times are fixed strings, so every expected value is written out.

use mosaic::store::document::AppState;
use mosaic::store::envelope::{decode, encode, Loaded};
use mosaic::store::saver::{Delay, SaveStatus, Saver};
use mosaic::store::storage::{
    MemoryStorage, Storage, StoreError, DOC_KEY, PRE_IMPORT_KEY, PRE_MIGRATE_PREFIX,
};

const T1: &str = "2026-03-02T10:00:00.000Z";
const T2: &str = "2026-03-02T10:05:00.000Z";
const T3: &str = "2026-03-02T10:10:00.000Z";

/// A document whose only answer is the crisis line `line`.
fn doc(line: &str) -> AppState {
    let mut s = AppState::default();
    s.settings.crisis_line = line.to_string();
    s
}

/// The crisis line and generation stored under the document key.
fn stored(storage: &MemoryStorage) -> (String, u64) {
    match decode(storage.peek(DOC_KEY).as_deref()) {
        Loaded::Ready {
            state, generation, ..
        } => (state.settings.crisis_line, generation),
        other => panic!("no readable document stored: {other:?}"),
    }
}

#[test]
fn a_change_is_saved_when_the_debounce_ends_and_persistence_is_asked_for_once() {
    let storage = MemoryStorage::new();
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1), AppState::default());
    assert_eq!(saver.status(), &SaveStatus::Fresh);
    assert_eq!(saver.note_change(&doc("Line A")), Some(Delay::Debounce));
    assert_eq!(saver.status(), &SaveStatus::Pending);
    assert_eq!(
        storage.peek(DOC_KEY),
        None,
        "nothing is written before the debounce ends"
    );
    assert_eq!(saver.flush(T2), None);
    assert_eq!(saver.status(), &SaveStatus::Saved { at: T2.to_string() });
    assert_eq!(
        storage.peek(DOC_KEY),
        Some(encode(&doc("Line A"), 1, T2)),
        "generation 1, saved at the time given"
    );
    assert!(saver.take_persistence_request());
    assert!(!saver.take_persistence_request(), "asked once");
    assert_eq!(
        saver.note_change(&doc("Line A")),
        None,
        "no change, no save"
    );
    assert_eq!(saver.note_change(&doc("Line B")), Some(Delay::Debounce));
    assert_eq!(saver.flush(T3), None);
    assert_eq!(stored(&storage), ("Line B".to_string(), 2));
    assert!(!saver.take_persistence_request(), "still asked only once");
    assert_eq!(storage.keys(), vec![DOC_KEY.to_string()]);
}

#[test]
fn a_saved_document_is_loaded_back_at_start() {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, &encode(&doc("Line A"), 7, T1));
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T2), doc("Line A"));
    assert_eq!(saver.status(), &SaveStatus::Saved { at: String::new() });
    assert_eq!(
        saver.note_change(&doc("Line A")),
        None,
        "loading is not a change"
    );
    saver.note_change(&doc("Line B"));
    saver.flush(T2);
    assert_eq!(stored(&storage), ("Line B".to_string(), 8));
}

#[test]
fn a_stale_tab_never_overwrites_newer_data_and_the_person_chooses() {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, &encode(&doc("Start"), 1, T1));
    let mut a = Saver::new(&storage);
    let mut b = Saver::new(&storage);
    a.boot(T1);
    b.boot(T1);
    a.note_change(&doc("From A"));
    assert_eq!(a.flush(T2), None);
    assert_eq!(stored(&storage), ("From A".to_string(), 2));

    // Tab B changed something before it heard of A's save: its save is refused, and it asks.
    b.note_change(&doc("From B"));
    assert_eq!(b.flush(T2), None);
    assert_eq!(b.status(), &SaveStatus::Conflict);
    assert_eq!(
        stored(&storage),
        ("From A".to_string(), 2),
        "A's save stands"
    );
    let raw = storage.peek(DOC_KEY);
    assert_eq!(b.other_tab_saved(raw.as_deref(), T2), None);
    assert_eq!(b.status(), &SaveStatus::Conflict);
    assert_eq!(
        b.note_change(&doc("From B, again")),
        None,
        "no saving until a choice"
    );

    // "Keep this tab's version": B saves over A with the next generation.
    assert_eq!(b.keep_mine(T3), None);
    assert_eq!(stored(&storage), ("From B, again".to_string(), 3));
    assert_eq!(b.status(), &SaveStatus::Saved { at: T3.to_string() });

    // Tab A had nothing unsaved: it takes B's save as it is.
    let raw = storage.peek(DOC_KEY);
    assert_eq!(
        a.other_tab_saved(raw.as_deref(), T3),
        Some(doc("From B, again"))
    );
    assert_eq!(a.status(), &SaveStatus::Saved { at: T3.to_string() });
    assert_eq!(a.note_change(&doc("From B, again")), None);
    a.note_change(&doc("From A, later"));
    a.flush(T3);
    assert_eq!(stored(&storage), ("From A, later".to_string(), 4));
}

#[test]
fn use_the_other_tabs_version_drops_this_tabs_changes() {
    let storage = MemoryStorage::new();
    let mut a = Saver::new(&storage);
    let mut b = Saver::new(&storage);
    a.boot(T1);
    b.boot(T1);
    a.note_change(&doc("From A"));
    a.flush(T1);
    b.note_change(&doc("From B"));
    b.flush(T2);
    assert_eq!(b.status(), &SaveStatus::Conflict);
    assert_eq!(b.load_newer(T2), Some(doc("From A")));
    assert_eq!(b.status(), &SaveStatus::Saved { at: T2.to_string() });
    assert_eq!(b.flush(T3), None, "nothing of B's is pending any more");
    assert_eq!(stored(&storage), ("From A".to_string(), 1));
}

#[test]
fn unreadable_data_is_copied_aside_and_never_written_over_until_the_person_chooses() {
    let broken = r#"{"app":"mosaic","schema":1,"data":{"plan":"#;
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, broken);
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1), AppState::default());
    let copy = "mosaic/quarantine/2026-03-02T10:00:00.000Z".to_string();
    assert_eq!(
        saver.status(),
        &SaveStatus::Quarantined {
            reason: "the saved data is not a readable Mosaic document (EOF while parsing a value at line 1 column 42)".to_string(),
            copy_key: Some(copy.clone()),
        }
    );
    assert_eq!(storage.peek(&copy).as_deref(), Some(broken));
    assert_eq!(saver.unreadable_bytes(), Some(broken));
    assert_eq!(saver.note_change(&doc("Typed")), None);
    assert_eq!(saver.flush(T2), None);
    assert_eq!(storage.peek(DOC_KEY).as_deref(), Some(broken), "untouched");

    // A second tab finds the same bytes: it reuses the copy instead of making another.
    let mut other = Saver::new(&storage);
    other.boot(T2);
    assert_eq!(
        storage.keys(),
        vec![DOC_KEY.to_string(), copy.clone()],
        "one copy per distinct content"
    );

    // "Start fresh (keep a copy)": saving may go on, over the unreadable bytes.
    assert_eq!(saver.start_fresh(), Ok(()));
    assert_eq!(saver.status(), &SaveStatus::Fresh);
    assert_eq!(saver.unreadable_bytes(), None);
    assert_eq!(saver.note_change(&doc("Typed")), Some(Delay::Debounce));
    saver.flush(T3);
    assert_eq!(stored(&storage), ("Typed".to_string(), 1));
    assert_eq!(
        storage.peek(&copy).as_deref(),
        Some(broken),
        "the copy stays"
    );
}

#[test]
fn without_a_copy_starting_fresh_waits_for_a_download() {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, "not json");
    storage.refuse_writes(Some(StoreError::Quota));
    let mut saver = Saver::new(&storage);
    saver.boot(T1);
    assert!(matches!(
        saver.status(),
        SaveStatus::Quarantined { copy_key: None, .. }
    ));
    assert_eq!(
        saver.start_fresh(),
        Err("The unreadable data could not be copied aside (storage may be full). Download it first, then start fresh.".to_string())
    );
    assert!(matches!(saver.status(), SaveStatus::Quarantined { .. }));
    // The person downloaded the bytes: saving may overwrite them now.
    saver.release_quarantine();
    assert_eq!(saver.status(), &SaveStatus::Fresh);
    assert_eq!(storage.peek(DOC_KEY).as_deref(), Some("not json"));
}

#[test]
fn data_from_a_newer_version_is_shown_read_only_and_never_written() {
    let newer = r#"{"app":"mosaic","schema":4,"generation":5,"saved_at":"2027-01-01T00:00:00Z","data":{"settings":{"crisis_line":"Future line"},"new_thing":[1]}}"#;
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, newer);
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1).settings.crisis_line, "Future line");
    assert_eq!(saver.status(), &SaveStatus::ReadOnly { schema: 4 });
    assert_eq!(saver.note_change(&doc("Changed")), None);
    assert_eq!(saver.flush(T2), None);
    assert_eq!(saver.other_tab_saved(Some(newer), T2), None);
    assert_eq!(saver.raw_document().as_deref(), Some(newer));
    assert_eq!(
        storage.peek(DOC_KEY).as_deref(),
        Some(newer),
        "never written"
    );
    assert_eq!(storage.keys(), vec![DOC_KEY.to_string()]);
}

#[test]
fn a_full_disk_shows_not_saved_keeps_the_answers_and_saves_on_a_later_retry() {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, &encode(&doc("Old"), 3, T1));
    let mut saver = Saver::new(&storage);
    saver.boot(T1);
    storage.refuse_writes(Some(StoreError::Quota));
    assert_eq!(saver.note_change(&doc("New")), Some(Delay::Debounce));
    assert_eq!(saver.flush(T2), Some(Delay::Retry));
    assert_eq!(
        saver.status(),
        &SaveStatus::NotSaved {
            reason: "this browser's storage for Mosaic is full".to_string()
        }
    );
    assert_eq!(
        stored(&storage),
        ("Old".to_string(), 3),
        "the old document is untouched"
    );
    // Typing on while the disk is full keeps "Not saved" visible rather than "Saving…".
    assert_eq!(saver.note_change(&doc("Newer")), Some(Delay::Debounce));
    assert!(matches!(saver.status(), SaveStatus::NotSaved { .. }));
    assert_eq!(saver.flush(T2), Some(Delay::Retry));
    assert!(!saver.take_persistence_request(), "nothing was saved yet");
    storage.refuse_writes(None);
    assert_eq!(saver.flush(T3), None);
    assert_eq!(stored(&storage), ("Newer".to_string(), 4));
    assert_eq!(saver.status(), &SaveStatus::Saved { at: T3.to_string() });
    assert_eq!(Delay::Debounce.ms(), 300);
    assert_eq!(Delay::Retry.ms(), 5_000);
}

#[test]
fn storage_that_cannot_be_used_keeps_everything_in_memory() {
    let storage = MemoryStorage::blocked();
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1), AppState::default());
    assert_eq!(saver.status(), &SaveStatus::MemoryOnly);
    assert_eq!(saver.note_change(&doc("Typed")), None);
    assert_eq!(saver.flush(T2), None);
    assert_eq!(saver.replace(&doc("Restored"), T2), Ok(None));
    assert_eq!(saver.status(), &SaveStatus::MemoryOnly);
}

#[test]
fn restoring_a_backup_keeps_the_replaced_document_and_saves_the_next_generation() {
    let storage = MemoryStorage::new();
    let before = encode(&doc("Before"), 4, T1);
    storage.put(DOC_KEY, &before);
    let mut saver = Saver::new(&storage);
    saver.boot(T1);
    assert_eq!(saver.replace(&doc("Restored"), T2), Ok(None));
    assert_eq!(storage.peek(PRE_IMPORT_KEY), Some(before));
    assert_eq!(stored(&storage), ("Restored".to_string(), 5));
    assert_eq!(saver.note_change(&doc("Restored")), None);
    assert_eq!(saver.status(), &SaveStatus::Saved { at: T2.to_string() });
}

#[test]
fn a_restore_that_cannot_keep_a_copy_changes_nothing() {
    let storage = MemoryStorage::new();
    let before = encode(&doc("Before"), 4, T1);
    storage.put(DOC_KEY, &before);
    let mut saver = Saver::new(&storage);
    saver.boot(T1);
    storage.refuse_writes(Some(StoreError::Quota));
    assert_eq!(saver.replace(&doc("Restored"), T2), Err(StoreError::Quota));
    assert_eq!(storage.peek(DOC_KEY), Some(before));
    assert_eq!(storage.peek(PRE_IMPORT_KEY), None);
}

#[test]
fn delete_everything_removes_only_mosaics_keys_and_stops_saving() {
    let storage = MemoryStorage::new();
    storage.put("other-app/key", "theirs");
    let mut saver = Saver::new(&storage);
    saver.boot(T1);
    saver.note_change(&doc("Mine"));
    saver.flush(T1);
    storage.put("mosaic/kiosk", "{}");
    saver.delete_everything();
    assert_eq!(storage.keys(), vec!["other-app/key".to_string()]);
    assert_eq!(saver.status(), &SaveStatus::MemoryOnly);
    assert_eq!(saver.note_change(&doc("After")), None);
    assert_eq!(storage.keys_with_prefix("mosaic/"), Vec::<String>::new());
}

/// A schema-1 document whose medicines answer was "not sure" (kept beside the document then).
const V1_UNSURE: &str = r#"{"app":"mosaic","schema":1,"generation":4,"saved_at":"2026-01-01T00:00:00Z","data":{"intake":{"age":50,"medications":null},"unsure":["medications","sites"]}}"#;

#[test]
fn an_older_schema_is_migrated_and_written_at_once_and_its_copy_removed_after_the_read_back() {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, V1_UNSURE);
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    assert_eq!(state.intake.unsure, ["medications"]);
    assert_eq!(state.unsure.iter().collect::<Vec<_>>(), ["sites"]);
    assert_eq!(saver.status(), &SaveStatus::Saved { at: T1.to_string() });
    let raw = storage.peek(DOC_KEY).unwrap();
    assert!(
        raw.starts_with(r#"{"app":"mosaic","schema":3,"generation":5,"#),
        "{raw}"
    );
    assert_eq!(
        storage.keys(),
        vec![DOC_KEY.to_string()],
        "the old copy is gone once the new one is read back"
    );
    assert_eq!(saver.note_change(&state), None, "migrating is not an edit");
}

#[test]
fn when_the_old_copy_cannot_be_kept_the_stored_bytes_stay_as_they_were() {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, V1_UNSURE);
    storage.refuse_writes(Some(StoreError::Quota));
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1).intake.unsure, ["medications"]);
    assert_eq!(storage.peek(DOC_KEY).as_deref(), Some(V1_UNSURE));
    assert!(storage.keys_with_prefix(PRE_MIGRATE_PREFIX).is_empty());
}

/// A storage that records every write and removal, in order, and can refuse writes to one key.
struct Recording<'a> {
    inner: &'a MemoryStorage,
    log: std::cell::RefCell<Vec<String>>,
    refuse: Option<&'static str>,
}

impl Storage for Recording<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.refuse == Some(key) {
            self.log.borrow_mut().push(format!("refused {key}"));
            return Err(StoreError::Quota);
        }
        self.log.borrow_mut().push(format!("set {key}"));
        self.inner.set(key, value)
    }

    fn remove(&self, key: &str) {
        self.log.borrow_mut().push(format!("remove {key}"));
        self.inner.remove(key)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        self.inner.keys_with_prefix(prefix)
    }
}

/// A schema-2 document with a check-in (schema 3 adds fields to check-ins, and changes none of these).
const V2_CHECKIN: &str = r#"{"app":"mosaic","schema":2,"generation":8,"saved_at":"2026-11-21T10:00:00.000Z","data":{"intake":{"age":61,"symptoms":[],"unsure":["medications"]},"selected":["yoga"],"checkins":[{"date":"2026-11-14","week":2,"peg":{"pain":5,"enjoyment":4,"activity":4},"sessions":{"yoga":2},"side_effects":"Sore wrists"}],"settings":{"crisis_line":"Samaritans 116 123"}}}"#;

#[test]
fn a_schema_2_document_is_copied_aside_rewritten_as_schema_3_and_the_copy_removed() {
    let memory = MemoryStorage::new();
    memory.put(DOC_KEY, V2_CHECKIN);
    let storage = Recording {
        inner: &memory,
        log: Default::default(),
        refuse: None,
    };
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    assert_eq!(
        storage.log.borrow().as_slice(),
        [
            "set mosaic/backup/pre-migrate-v2",
            "set mosaic/doc",
            "remove mosaic/backup/pre-migrate-v2"
        ],
        "the old bytes are kept aside before the document is rewritten, and removed only after"
    );
    assert_eq!(
        memory.peek(DOC_KEY),
        Some(encode(&state, 9, T1)),
        "schema 3, the next generation"
    );
    assert!(
        memory
            .peek(DOC_KEY)
            .unwrap()
            .starts_with(r#"{"app":"mosaic","schema":3,"generation":9,"#),
        "{:?}",
        memory.peek(DOC_KEY)
    );
    assert_eq!(memory.keys(), vec![DOC_KEY.to_string()]);
    assert_eq!(saver.status(), &SaveStatus::Saved { at: T1.to_string() });
    assert_eq!(saver.note_change(&state), None, "migrating is not an edit");
    // Nothing the person entered changed on the way.
    assert_eq!(state.checkins.len(), 1);
    assert_eq!(state.checkins[0].side_effects, "Sore wrists");
    assert_eq!(state.checkins[0].sessions.get("yoga"), Some(&2));
    assert_eq!(state.checkins[0].red_flags, None, "not asked in schema 2");
    assert_eq!(state.intake.unsure, ["medications"]);
    let Loaded::Ready { state: before, .. } = decode(Some(V2_CHECKIN)) else {
        panic!("the schema 2 document loads")
    };
    assert_eq!(state, before);
}

#[test]
fn when_the_schema_3_document_cannot_be_written_the_schema_2_bytes_and_their_copy_stay() {
    let memory = MemoryStorage::new();
    memory.put(DOC_KEY, V2_CHECKIN);
    let storage = Recording {
        inner: &memory,
        log: Default::default(),
        refuse: Some(DOC_KEY),
    };
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1).checkins[0].side_effects, "Sore wrists");
    assert_eq!(
        storage.log.borrow().as_slice(),
        ["set mosaic/backup/pre-migrate-v2", "refused mosaic/doc"]
    );
    assert_eq!(memory.peek(DOC_KEY).as_deref(), Some(V2_CHECKIN));
    assert_eq!(
        memory.peek(&format!("{PRE_MIGRATE_PREFIX}2")).as_deref(),
        Some(V2_CHECKIN),
        "the copy is kept while the migrated document is not saved"
    );
    assert_eq!(
        saver.status(),
        &SaveStatus::NotSaved {
            reason: "this browser's storage for Mosaic is full".to_string()
        }
    );
}
