//! The saver: what autosave decides, as a plain value over a [`Storage`]. It loads once at start, then saves what
//! it is told changed, never before that load succeeded, never over data it could not read or data from a newer
//! version, and never over a newer save by another tab (a generation count tells). It holds no timer and no
//! signal: its methods return what the caller must do next (arm the debounce or the retry timer, show another
//! tab's data), and the time comes in as an argument, so native tests drive it step by step over
//! [`crate::store::storage::MemoryStorage`]. The app's session wraps one over `localStorage`.

use crate::store::document::AppState;
use crate::store::envelope::{decode, encode, generation_of, Loaded};
use crate::store::migrate::CURRENT_SCHEMA;
use crate::store::storage::{Storage, DOC_KEY, PRE_MIGRATE_PREFIX, QUARANTINE_PREFIX};

mod choices;
mod sealing;
mod status;
pub use sealing::SealJob;
pub use status::SaveStatus;

/// A timer the caller must (re)arm; when it fires, the caller calls [`Saver::flush`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delay {
    /// Wait for more changes before saving.
    Debounce,
    /// A save failed: try again later.
    Retry,
    /// The passphrase lock is on: encrypt the waiting save now ([`Saver::take_seal_job`]), then write it
    /// ([`Saver::finish_seal_job`]).
    Seal,
}

impl Delay {
    /// The wait in milliseconds: the debounce groups keystrokes yet leaves little at risk; the retry is slow
    /// enough not to hammer a full disk.
    pub fn ms(self) -> u64 {
        match self {
            Delay::Debounce => 300,
            Delay::Retry => 5_000,
            Delay::Seal => 0,
        }
    }
}

/// Autosave's memory of what is stored and what is waiting.
#[derive(Debug)]
pub struct Saver<S: Storage> {
    storage: S,
    /// The generation this page last read or wrote.
    generation: u64,
    /// The stored bytes this page last read or wrote under the document key: an automatic save never writes over
    /// anything else (another tab's newer save, or a new document started after a deletion, which restarts the
    /// generations).
    seen: Option<String>,
    /// The document as last saved (or loaded), to skip saves that change nothing.
    last_saved: String,
    /// Changes not saved yet.
    pending: Option<AppState>,
    /// The unreadable bytes found at start, until the person decides about them.
    unreadable: Option<String>,
    status: SaveStatus,
    /// Whether a save has succeeded in this page (persistence is asked for once, after the first).
    saved_once: bool,
    /// Set by the first successful save until the caller takes it.
    persistence_due: bool,
    /// The passphrase lock's part: whether saves are sealed, and the save being sealed.
    sealing: sealing::Sealing,
}

impl<S: Storage> Saver<S> {
    /// A saver over `storage` that has not loaded anything yet (status [`SaveStatus::Fresh`]).
    pub fn new(storage: S) -> Saver<S> {
        Saver {
            storage,
            generation: 0,
            seen: None,
            last_saved: String::new(),
            pending: None,
            unreadable: None,
            status: SaveStatus::Fresh,
            saved_once: false,
            persistence_due: false,
            sealing: sealing::Sealing::default(),
        }
    }

    /// Loads the saved document and decides how saving may proceed; call once, before the UI is built. `now`
    /// (ISO 8601) names a quarantine copy if the stored bytes cannot be read.
    pub fn boot(&mut self, now: &str) -> AppState {
        if !self.storage.available() {
            self.status = SaveStatus::MemoryOnly;
            return AppState::default();
        }
        let raw = self.storage.get(DOC_KEY).unwrap_or(None);
        self.take_loaded(decode(raw.as_deref()), raw, now)
    }

    /// Takes what reading `raw` gave as the starting point: at start, and again once a sealed document is unlocked.
    fn take_loaded(&mut self, loaded: Loaded, raw: Option<String>, now: &str) -> AppState {
        self.seen = raw.clone();
        match loaded {
            Loaded::Empty => AppState::default(),
            Loaded::Locked { generation } => {
                self.lock_at(generation);
                AppState::default()
            }
            Loaded::Ready {
                state,
                generation,
                stored_schema,
            } => {
                self.generation = generation;
                self.last_saved = state_json(&state);
                self.status = SaveStatus::Saved { at: String::new() };
                if stored_schema < CURRENT_SCHEMA {
                    self.store_migrated(
                        &state,
                        raw.as_deref().unwrap_or_default(),
                        stored_schema,
                        now,
                    );
                }
                state
            }
            Loaded::Newer {
                schema,
                generation,
                state,
            } => {
                self.generation = generation;
                self.status = SaveStatus::ReadOnly { schema };
                state.unwrap_or_default()
            }
            Loaded::Unreadable { reason } => {
                let raw = raw.unwrap_or_default();
                let copy_key = self.quarantine(&raw, now);
                self.unreadable = Some(raw);
                self.status = SaveStatus::Quarantined { reason, copy_key };
                AppState::default()
            }
        }
    }

    /// Writes a document just migrated from `schema`: first the old bytes under their pre-migration key, then the
    /// migrated document; the old copy is removed only once the new one has been written and read back. If the copy
    /// cannot be written, the stored bytes are left as they are (the next edit saves the migrated form as usual).
    fn store_migrated(&mut self, state: &AppState, raw: &str, schema: u32, now: &str) {
        let key = format!("{PRE_MIGRATE_PREFIX}{schema}");
        if self.storage.set_verified(&key, raw).is_err() {
            return;
        }
        // `write` verifies the read-back; on failure the old copy stays and the status says "not saved".
        if self.write(state, self.generation + 1, now).is_none() {
            self.storage.remove(&key);
        } else {
            // Kept pending so the next flush (a retry, or leaving the page) tries again.
            self.pending = Some(state.clone());
            self.last_saved.clear();
        }
    }

    /// Copies unreadable bytes under their own key (once per distinct content); returns the key if the copy is safe.
    fn quarantine(&self, raw: &str, now: &str) -> Option<String> {
        for key in self.storage.keys_with_prefix(QUARANTINE_PREFIX) {
            if self.storage.get(&key).ok().flatten().as_deref() == Some(raw) {
                return Some(key);
            }
        }
        let key = format!("{QUARANTINE_PREFIX}{now}");
        self.storage.set_verified(&key, raw).ok().map(|_| key)
    }

    /// What the person should see about saving now.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The storage this saver writes to.
    pub fn storage(&self) -> &S {
        &self.storage
    }

    /// The unreadable bytes found at start, for "download the unreadable data".
    pub fn unreadable_bytes(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }

    /// The raw saved document (for a read-only download of data from a newer version).
    pub fn raw_document(&self) -> Option<String> {
        self.storage.get(DOC_KEY).ok().flatten()
    }

    /// Notes that the document is now `state`. Returns the timer to (re)arm: a change is saved after the debounce,
    /// or at once by [`Saver::flush`] when the page is hidden or left.
    pub fn note_change(&mut self, state: &AppState) -> Option<Delay> {
        if self.status == SaveStatus::Conflict {
            // Nothing is saved until the person chooses, but "keep this tab's version" must keep what they typed
            // meanwhile too.
            self.pending = Some(state.clone());
            return None;
        }
        if !self.status.allows_saving() {
            return None;
        }
        if self.last_saved == state_json(state) {
            self.pending = None;
            return None;
        }
        self.pending = Some(state.clone());
        if !matches!(self.status, SaveStatus::NotSaved { .. }) {
            self.status = SaveStatus::Pending;
        }
        Some(Delay::Debounce)
    }

    /// Saves pending changes now, if saving is allowed and no newer save by another tab exists. Returns
    /// [`Delay::Retry`] when the write failed.
    pub fn flush(&mut self, now: &str) -> Option<Delay> {
        let state = self.pending.clone()?;
        if !self.status.allows_saving() {
            return None;
        }
        let stored = self.storage.get(DOC_KEY).unwrap_or(None);
        // A document of ours that this page has not seen was written by another tab: the person chooses. (Bytes
        // that are not a document of ours are no one's save; a key removed meanwhile is written again, since this
        // page cannot tell a deletion it missed from storage the browser cleared.)
        if stored.is_some() && stored != self.seen && generation_of(stored.as_deref()).is_some() {
            self.status = SaveStatus::Conflict;
            return None;
        }
        self.write(&state, self.generation + 1, now)
    }

    /// Writes `state` as `generation`; on failure the changes stay pending and a retry is due. With the passphrase
    /// lock on nothing is written here: the save waits to be sealed ([`Delay::Seal`]), so no path can store the
    /// data in clear.
    fn write(&mut self, state: &AppState, generation: u64, now: &str) -> Option<Delay> {
        if self.sealing.on {
            self.pending = Some(state.clone());
            self.sealing.generation = Some(generation);
            return Some(Delay::Seal);
        }
        let raw = encode(state, generation, now);
        match self.storage.set_verified(DOC_KEY, &raw) {
            Ok(()) => {
                self.seen = Some(raw);
                self.pending = None;
                self.saved(generation, state_json(state), now);
                None
            }
            Err(err) => self.not_saved(err.explain()),
        }
    }

    /// A save of `generation` (the document `json`) was written and read back.
    fn saved(&mut self, generation: u64, json: String, now: &str) {
        self.generation = generation;
        self.last_saved = json;
        self.status = SaveStatus::Saved {
            at: now.to_string(),
        };
        if !self.saved_once {
            self.saved_once = true;
            self.persistence_due = true;
        }
    }

    /// A save failed for `reason`: the changes stay pending, the status says so, and a retry is due.
    fn not_saved(&mut self, reason: String) -> Option<Delay> {
        self.status = SaveStatus::NotSaved { reason };
        Some(Delay::Retry)
    }

    /// True once, after the first successful save in this page: the moment to ask the browser not to evict
    /// Mosaic's storage (browsers expect a reason, and a saved plan is one).
    pub fn take_persistence_request(&mut self) -> bool {
        std::mem::take(&mut self.persistence_due)
    }

    /// Another tab saved `raw` under the document key. Returns the document to show when this tab had nothing
    /// unsaved; with unsaved changes the status becomes [`SaveStatus::Conflict`] and the person chooses.
    pub fn other_tab_saved(&mut self, raw: Option<&str>, now: &str) -> Option<AppState> {
        if !self.status.allows_saving() {
            return None;
        }
        if raw.is_none() {
            // Another tab deleted everything. This page forgets the document too, unsaved changes included (`adopt`
            // drops them): a save from here must never bring back what the person deleted.
            self.sealing.on = false;
            return Some(self.adopt(AppState::default(), 0, None, now));
        }
        if self.pending.is_some() {
            self.status = SaveStatus::Conflict;
            return None;
        }
        match decode(raw) {
            // A late notice of a save older than what this page holds changes nothing.
            Loaded::Ready { generation, .. } if generation < self.generation => None,
            Loaded::Ready {
                state, generation, ..
            } => {
                // The other tab turned the lock off (or never had it): its plain save is what is stored now.
                self.sealing.on = false;
                Some(self.adopt(state, generation, raw, now))
            }
            Loaded::Locked { generation } => {
                // A sealed save by another tab can only be read by unlocking again (the page reloads to do it).
                self.lock_at(generation);
                None
            }
            _ => None,
        }
    }

    /// Takes `state`, stored at `generation` as `raw`, as what is saved; returns it for the caller to show.
    fn adopt(
        &mut self,
        state: AppState,
        generation: u64,
        raw: Option<&str>,
        now: &str,
    ) -> AppState {
        self.generation = generation;
        self.seen = raw.map(str::to_string);
        self.last_saved = state_json(&state);
        self.pending = None;
        self.status = SaveStatus::Saved {
            at: now.to_string(),
        };
        state
    }
}

fn state_json(state: &AppState) -> String {
    state.to_json()
}
