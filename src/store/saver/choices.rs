//! What the person decides when saving needs them: which tab's version to keep, what to do with unreadable data,
//! restoring a backup over what is saved, and deleting everything.

use super::{Delay, SaveStatus, Saver};
use crate::store::document::AppState;
use crate::store::envelope::{decode, Loaded};
use crate::store::storage::{Storage, StoreError, DOC_KEY, PRE_IMPORT_KEY};

impl<S: Storage> Saver<S> {
    /// Conflict choice: take the newer data another tab saved, dropping this tab's unsaved changes. Returns that
    /// data for the caller to show.
    pub fn load_newer(&mut self, now: &str) -> Option<AppState> {
        let raw = self.storage.get(DOC_KEY).unwrap_or(None);
        match decode(raw.as_deref()) {
            Loaded::Ready {
                state, generation, ..
            } => Some(self.adopt(state, generation, raw.as_deref(), now)),
            Loaded::Locked { generation } => {
                // Sealed by the other tab: readable only by unlocking again.
                self.lock_at(generation);
                None
            }
            _ => {
                self.status = SaveStatus::NotSaved {
                    reason: "the other tab's data could not be read".into(),
                };
                None
            }
        }
    }

    /// Conflict choice: keep this tab's version and save it over the other tab's. Returns [`Delay::Retry`] when
    /// the write failed.
    pub fn keep_mine(&mut self, now: &str) -> Option<Delay> {
        let stored = self.stored_generation();
        self.generation = self.generation.max(stored);
        self.status = SaveStatus::Pending;
        let state = self.pending.clone()?;
        self.write(&state, self.generation + 1, now)
    }

    /// Quarantine choice: start fresh. Allowed only once the unreadable bytes are safe (copied or downloaded).
    pub fn start_fresh(&mut self) -> Result<(), String> {
        match self.status {
            SaveStatus::Quarantined {
                copy_key: Some(_), ..
            } => {
                self.unreadable = None;
                self.status = SaveStatus::Fresh;
                Ok(())
            }
            SaveStatus::Quarantined { copy_key: None, .. } => Err(
                "The unreadable data could not be copied aside (storage may be full). Download it first, then start fresh."
                    .to_string(),
            ),
            _ => Ok(()),
        }
    }

    /// Quarantine choice after the person downloaded the unreadable bytes: saving may overwrite them now.
    pub fn release_quarantine(&mut self) {
        if matches!(self.status, SaveStatus::Quarantined { .. }) {
            self.status = SaveStatus::Fresh;
        }
    }

    /// Replaces the saved data with `state` (a restored backup, a shared plan), keeping the previous document under
    /// [`PRE_IMPORT_KEY`]. An error means nothing was changed; `Some(Delay::Retry)` means the copy was kept but the
    /// new document is not saved yet (the status says so, and the caller arms the retry).
    pub fn replace(&mut self, state: &AppState, now: &str) -> Result<Option<Delay>, StoreError> {
        if self.status == SaveStatus::MemoryOnly {
            return Ok(None);
        }
        if let Some(current) = self.storage.get(DOC_KEY)? {
            self.storage.set_verified(PRE_IMPORT_KEY, &current)?;
        }
        self.unreadable = None;
        self.status = SaveStatus::Pending;
        let generation = self.generation.max(self.stored_generation()) + 1;
        self.pending = Some(state.clone());
        Ok(self.write(state, generation, now))
    }

    /// Deletes every key Mosaic wrote and forgets what was saved; nothing is saved after this (the page should then
    /// be replaced).
    pub fn delete_everything(&mut self) {
        self.pending = None;
        self.last_saved.clear();
        self.generation = 0;
        self.seen = None;
        self.status = SaveStatus::MemoryOnly;
        self.storage.remove_all();
    }
}
