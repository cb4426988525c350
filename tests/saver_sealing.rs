//! Native tests of the saver with the passphrase lock on: it never writes the document in clear, hands out each save
//! to be sealed and writes the sealed result, keeps a change made while sealing, refuses to write over another
//! tab's newer save, and keeps the stored bytes when sealing fails. The encryption itself is the browser's (see
//! tests/browser/seal.rs); here a fixed stand-in ciphertext takes its place.

use mosaic::store::document::AppState;
use mosaic::store::envelope::{decode, encode, Loaded};
use mosaic::store::saver::{Delay, SaveStatus, Saver};
use mosaic::store::seal::{write_envelope, Sealed, SealedEnvelope};
use mosaic::store::storage::{MemoryStorage, DOC_KEY, PRE_IMPORT_KEY};

const T1: &str = "2026-03-02T10:00:00.000Z";
const T2: &str = "2026-03-02T10:05:00.000Z";
const SECRET: &str = "Call Dana on 555-0199";

/// A document whose only answer is the crisis line `line`.
fn doc(line: &str) -> AppState {
    let mut s = AppState::default();
    s.settings.crisis_line = line.to_string();
    s
}

/// A stand-in for what WebCrypto returns: well-formed parameters around `ct`.
fn sealed(ct: &str) -> Sealed {
    Sealed {
        kdf: "PBKDF2-SHA256".to_string(),
        iter: 600_000,
        salt: "AAAAAAAAAAAAAAAAAAAAAA".to_string(),
        iv: "AAAAAAAAAAAAAAAA".to_string(),
        ct: ct.to_string(),
        lock_after_min: 5,
    }
}

/// Storage holding a plain document with `line`, saved as generation 1.
fn plain_storage(line: &str) -> MemoryStorage {
    let storage = MemoryStorage::new();
    storage.put(DOC_KEY, &encode(&doc(line), 1, T1));
    storage
}

#[test]
fn turning_the_lock_on_writes_nothing_in_clear_and_stores_only_the_sealed_form() {
    let storage = plain_storage(SECRET);
    storage.put(PRE_IMPORT_KEY, &encode(&doc(SECRET), 1, T1));
    let before = storage.peek(DOC_KEY);
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    assert_eq!(saver.start_sealing(&state, T2), Some(Delay::Seal));
    assert_eq!(
        storage.peek(DOC_KEY),
        before,
        "the plain document stays until the sealed one replaces it"
    );
    assert_eq!(
        storage.peek(PRE_IMPORT_KEY),
        None,
        "the safety copy held the data in clear, so it is removed"
    );
    let job = saver.take_seal_job().expect("a save to seal");
    assert_eq!(job.generation, 2);
    assert_eq!(job.aad(), "mosaic/doc|schema 3|generation 2");
    assert!(
        job.data.contains(SECRET),
        "the job carries the data to encrypt"
    );
    assert_eq!(saver.take_seal_job(), None, "one job at a time");
    assert_eq!(saver.finish_seal_job(job, Ok(sealed("Q0lQSEVS")), T2), None);
    assert_eq!(saver.status(), &SaveStatus::Saved { at: T2.to_string() });
    let raw = storage.peek(DOC_KEY).expect("a stored document");
    assert_eq!(raw, write_envelope(3, 2, T2, sealed("Q0lQSEVS")));
    assert!(
        !raw.contains("Dana"),
        "no answer in the stored bytes: {raw}"
    );
    assert!(
        !raw.contains("crisis_line"),
        "no field name in the stored bytes: {raw}"
    );
    assert_eq!(decode(Some(&raw)), Loaded::Locked { generation: 2 });

    // The next change is sealed over it as this tab's own save, not taken for another tab's.
    assert_eq!(saver.note_change(&doc("Line B")), Some(Delay::Debounce));
    assert_eq!(saver.flush(T2), Some(Delay::Seal));
    assert_eq!(saver.status(), &SaveStatus::Pending);
    let job = saver.take_seal_job().expect("the change");
    assert_eq!(job.generation, 3);
}

#[test]
fn a_sealed_document_starts_locked_and_nothing_is_saved_until_it_is_unlocked() {
    let storage = MemoryStorage::new();
    let raw = write_envelope(3, 7, T1, sealed("Q0lQSEVS"));
    storage.put(DOC_KEY, &raw);
    let mut saver = Saver::new(&storage);
    assert_eq!(saver.boot(T1), AppState::default());
    assert_eq!(saver.status(), &SaveStatus::Locked);
    assert!(saver.is_sealing());
    assert_eq!(saver.note_change(&doc("typed while locked")), None);
    assert_eq!(saver.flush(T2), None);
    assert_eq!(saver.take_seal_job(), None);
    assert_eq!(
        storage.peek(DOC_KEY).as_deref(),
        Some(raw.as_str()),
        "byte for byte"
    );
    assert_eq!(
        storage.keys(),
        vec![DOC_KEY.to_string()],
        "no other key written"
    );

    // Unlocking hands the decrypted envelope to the ordinary reader; saving then goes on, sealed.
    let envelope = SealedEnvelope::read(&raw).expect("sealed");
    let data = serde_json::to_string(&doc(SECRET)).expect("json");
    let state = saver.unlocked(&envelope.plain(&data), T2);
    assert_eq!(state.settings.crisis_line, SECRET);
    assert_eq!(saver.status(), &SaveStatus::Saved { at: String::new() });
    assert_eq!(saver.note_change(&doc("Line B")), Some(Delay::Debounce));
    assert_eq!(
        saver.flush(T2),
        Some(Delay::Seal),
        "a flush only asks for a seal"
    );
    assert_eq!(storage.peek(DOC_KEY).as_deref(), Some(raw.as_str()));
    let job = saver.take_seal_job().expect("a save to seal");
    assert_eq!(job.generation, 8);
}

#[test]
fn a_change_made_while_a_save_is_being_sealed_is_sealed_next() {
    let storage = plain_storage("Line A");
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    saver.start_sealing(&state, T1);
    let first = saver.take_seal_job().expect("job");
    assert_eq!(saver.note_change(&doc("Line B")), Some(Delay::Debounce));
    assert_eq!(
        saver.finish_seal_job(first, Ok(sealed("Rmlyc3Q")), T2),
        Some(Delay::Seal),
        "the newer state still waits"
    );
    assert_eq!(saver.status(), &SaveStatus::Pending);
    let second = saver.take_seal_job().expect("the newer state");
    assert!(second.data.contains("Line B"));
    assert_eq!(second.generation, 3);
    assert_eq!(
        saver.finish_seal_job(second, Ok(sealed("U2Vjb25k")), T2),
        None
    );
    assert_eq!(
        storage.peek(DOC_KEY),
        Some(write_envelope(3, 3, T2, sealed("U2Vjb25k")))
    );
}

#[test]
fn a_newer_save_by_another_tab_while_sealing_is_never_overwritten() {
    let storage = plain_storage("Line A");
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    saver.start_sealing(&state, T1);
    let job = saver.take_seal_job().expect("job");
    let theirs = write_envelope(3, 2, T2, sealed("VGhlaXJz"));
    storage.put(DOC_KEY, &theirs);
    assert_eq!(saver.finish_seal_job(job, Ok(sealed("TWluZQ")), T2), None);
    assert_eq!(saver.status(), &SaveStatus::Conflict);
    assert_eq!(storage.peek(DOC_KEY), Some(theirs));
}

#[test]
fn when_sealing_fails_the_stored_bytes_stay_and_a_retry_is_due() {
    let storage = plain_storage("Line A");
    let before = storage.peek(DOC_KEY);
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    saver.start_sealing(&state, T1);
    let job = saver.take_seal_job().expect("job");
    assert_eq!(
        saver.finish_seal_job(job, Err("the data could not be encrypted".to_string()), T2),
        Some(Delay::Retry)
    );
    assert_eq!(
        saver.status(),
        &SaveStatus::NotSaved {
            reason: "the data could not be encrypted".to_string()
        }
    );
    assert_eq!(storage.peek(DOC_KEY), before);
    // The retry seals again (never a plain write).
    assert_eq!(saver.flush(T2), Some(Delay::Seal));
    assert_eq!(storage.peek(DOC_KEY), before);
    assert!(saver.take_seal_job().is_some());
}

#[test]
fn another_tab_sealing_the_document_locks_this_one() {
    let storage = plain_storage("Line A");
    let mut saver = Saver::new(&storage);
    saver.boot(T1);
    let theirs = write_envelope(3, 2, T2, sealed("VGhlaXJz"));
    storage.put(DOC_KEY, &theirs);
    assert_eq!(saver.other_tab_saved(Some(&theirs), T2), None);
    assert_eq!(saver.status(), &SaveStatus::Locked);
    assert_eq!(saver.note_change(&doc("Line B")), None);
}

#[test]
fn turning_the_lock_off_saves_the_document_in_clear_again() {
    let storage = plain_storage("Line A");
    let mut saver = Saver::new(&storage);
    let state = saver.boot(T1);
    saver.start_sealing(&state, T1);
    let job = saver.take_seal_job().expect("job");
    saver.finish_seal_job(job, Ok(sealed("Q0lQSEVS")), T1);
    assert_eq!(saver.stop_sealing(&doc("Line A"), T2), None);
    assert_eq!(storage.peek(DOC_KEY), Some(encode(&doc("Line A"), 3, T2)));
    assert!(!saver.is_sealing());
}

#[test]
fn a_sealed_record_reads_back_as_written_and_odd_parameters_are_refused_when_unlocking() {
    let raw = write_envelope(3, 2, T1, sealed("Q0lQSEVS"));
    assert_eq!(
        raw,
        r#"{"app":"mosaic","schema":3,"generation":2,"saved_at":"2026-03-02T10:00:00.000Z","sealed":{"kdf":"PBKDF2-SHA256","iter":600000,"salt":"AAAAAAAAAAAAAAAAAAAAAA","iv":"AAAAAAAAAAAAAAAA","ct":"Q0lQSEVS","lock_after_min":5}}"#
    );
    let back = SealedEnvelope::read(&raw).expect("reads back");
    assert_eq!(back.sealed, sealed("Q0lQSEVS"));
    assert!(back.sealed.is_well_formed());
    assert_eq!(back.aad(), "mosaic/doc|schema 3|generation 2");

    // A record this version cannot open is still locked (never written over), and refused at unlock.
    let mut odd = sealed("Q0lQSEVS");
    odd.kdf = "argon2id".to_string();
    assert!(!odd.is_well_formed());
    let raw = write_envelope(3, 2, T1, odd);
    assert_eq!(decode(Some(&raw)), Loaded::Locked { generation: 2 });
    let mut short_iv = sealed("Q0lQSEVS");
    short_iv.iv = "AAAA".to_string();
    assert!(!short_iv.is_well_formed());
}
