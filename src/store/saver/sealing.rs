//! The saver's side of the passphrase lock. Encryption is asynchronous in the browser, and the saver is a plain value
//! that never waits, so a sealed save happens in two steps: the saver hands out the save to seal
//! ([`Saver::take_seal_job`]), the caller encrypts it, and the saver writes the result ([`Saver::finish_seal_job`])
//! only if the stored bytes are still those the job was taken over (no other tab saved meanwhile). While sealing is on, the saver's only writer
//! of the document refuses to write anything in clear (`write` returns [`Delay::Seal`]).

use super::{state_json, Delay, SaveStatus, Saver};
use crate::store::document::AppState;
use crate::store::envelope::{decode, generation_of};
use crate::store::migrate::CURRENT_SCHEMA;
use crate::store::seal::{doc_aad, write_envelope, Sealed};
use crate::store::storage::{Storage, DOC_KEY, PRE_IMPORT_KEY, PRE_MIGRATE_PREFIX};

/// What the saver remembers about sealing.
#[derive(Debug, Default)]
pub(super) struct Sealing {
    /// Saves are sealed (the lock is on).
    pub(super) on: bool,
    /// The generation of the save waiting to be sealed.
    pub(super) generation: Option<u64>,
    /// A job has been handed out and not finished yet.
    pub(super) in_flight: bool,
    /// The stored bytes the job being sealed will replace: if they change while it is encrypted, someone else
    /// saved, and the job is not written over them.
    pub(super) over: Option<String>,
}

/// One save to encrypt: the document's data as JSON, and what its ciphertext must be bound to.
#[derive(Clone, Debug, PartialEq)]
pub struct SealJob {
    /// The data to encrypt (the document as JSON).
    pub data: String,
    /// The generation this save will be written as.
    pub generation: u64,
}

impl SealJob {
    /// The additional data the ciphertext must be bound to.
    pub fn aad(&self) -> String {
        doc_aad(CURRENT_SCHEMA, self.generation)
    }
}

impl<S: Storage> Saver<S> {
    /// The stored document is sealed at `generation`: nothing is shown or saved until it is unlocked.
    pub(super) fn lock_at(&mut self, generation: u64) {
        self.generation = generation;
        self.sealing.on = true;
        self.status = SaveStatus::Locked;
    }

    /// Whether saves are sealed by the passphrase lock.
    pub fn is_sealing(&self) -> bool {
        self.sealing.on
    }

    /// Whether a change is waiting to be saved or being sealed (locking waits for both).
    pub fn has_unsaved(&self) -> bool {
        self.pending.is_some() || self.sealing.in_flight
    }

    /// The lock was just set up: from now on every save is sealed, and `state` is saved again at once, sealed. The
    /// safety copies kept in clear (before a restore, before a migration) are removed, since they hold the data
    /// unencrypted.
    pub fn start_sealing(&mut self, state: &AppState, now: &str) -> Option<Delay> {
        self.sealing.on = true;
        self.rewrite(state, now)
    }

    /// The lock was turned off: `state` is saved again at once, in clear.
    pub fn stop_sealing(&mut self, state: &AppState, now: &str) -> Option<Delay> {
        self.sealing.on = false;
        self.sealing.generation = None;
        self.rewrite(state, now)
    }

    /// Saves `state` again whatever was saved last (it is the same data in another form).
    fn rewrite(&mut self, state: &AppState, now: &str) -> Option<Delay> {
        if !self.status.allows_saving() {
            return None;
        }
        self.storage.remove(PRE_IMPORT_KEY);
        for key in self.storage.keys_with_prefix(PRE_MIGRATE_PREFIX) {
            self.storage.remove(&key);
        }
        self.last_saved.clear();
        self.status = SaveStatus::Pending;
        let generation = self.generation.max(self.stored_generation()) + 1;
        self.write(state, generation, now)
    }

    /// The save waiting to be sealed, for the caller to encrypt; `None` when there is none, saving is not allowed,
    /// or another job is still being sealed (its end asks for this one).
    pub fn take_seal_job(&mut self) -> Option<SealJob> {
        if !self.sealing.on || self.sealing.in_flight || !self.status.allows_saving() {
            return None;
        }
        let state = self.pending.as_ref()?;
        let generation = self
            .sealing
            .generation
            .take()
            .unwrap_or(self.generation + 1);
        self.sealing.in_flight = true;
        self.sealing.over = self.storage.get(DOC_KEY).unwrap_or(None);
        Some(SealJob {
            data: state_json(state),
            generation,
        })
    }

    /// Writes what `job` was sealed into (`Err`: why it could not be encrypted). Returns the timer to arm: a retry
    /// after a failure, or another seal when the document changed while this one was being encrypted.
    pub fn finish_seal_job(
        &mut self,
        job: SealJob,
        sealed: Result<Sealed, String>,
        now: &str,
    ) -> Option<Delay> {
        self.sealing.in_flight = false;
        let over = self.sealing.over.take();
        // The lock was turned off, or the person must choose something, while this job was being encrypted.
        if !self.sealing.on || !self.status.allows_saving() {
            return None;
        }
        let sealed = match sealed {
            Ok(sealed) => sealed,
            Err(reason) => return self.not_saved(reason),
        };
        if self.storage.get(DOC_KEY).unwrap_or(None) != over {
            // Another tab saved in the meantime: as with a plain save, never write over it.
            self.status = SaveStatus::Conflict;
            return None;
        }
        let raw = write_envelope(CURRENT_SCHEMA, job.generation, now, sealed);
        if let Err(err) = self.storage.set_verified(DOC_KEY, &raw) {
            self.sealing.generation = Some(job.generation);
            return self.not_saved(err.explain());
        }
        self.seen = Some(raw);
        let changed = self
            .pending
            .as_ref()
            .is_some_and(|p| state_json(p) != job.data);
        self.saved(job.generation, job.data, now);
        if !changed {
            self.pending = None;
            None
        } else {
            // Changed while it was being encrypted: the newer state waits for its own seal.
            self.status = SaveStatus::Pending;
            Some(Delay::Seal)
        }
    }

    /// The stored document was unlocked: `plain` is its envelope with the data decrypted. Returns the state to
    /// show; from here saving goes on as usual, sealed.
    pub fn unlocked(&mut self, plain: &str, now: &str) -> AppState {
        let raw = self.storage.get(DOC_KEY).unwrap_or(None);
        self.status = SaveStatus::Fresh;
        self.take_loaded(decode(Some(plain)), raw, now)
    }

    /// The generation of what is stored now (0 when nothing of ours is).
    pub(super) fn stored_generation(&self) -> u64 {
        generation_of(self.storage.get(DOC_KEY).unwrap_or(None).as_deref()).unwrap_or(0)
    }
}
