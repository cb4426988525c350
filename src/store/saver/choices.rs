//! What the person decides when saving needs them: which tab's version to keep, what to do with unreadable data,
//! restoring a backup over what is saved, and deleting everything.

use super::{adopt, set_status, status, write, Status, INNER};
use crate::store::envelope::{decode, generation_of, Loaded};
use crate::store::local::{self, StoreError, DOC_KEY};
use crate::store::state::AppState;
use leptos::prelude::*;

/// Conflict choice: take the newer data another tab saved, dropping this tab's unsaved changes.
pub fn load_newer() {
    let raw = local::get(DOC_KEY).unwrap_or(None);
    match decode(raw.as_deref()) {
        Loaded::Ready {
            state, generation, ..
        } => adopt(state, generation),
        _ => set_status(Status::NotSaved {
            reason: "the other tab's data could not be read".into(),
        }),
    }
}

/// Conflict choice: keep this tab's version and save it over the other tab's.
pub fn keep_mine() {
    let stored = generation_of(local::get(DOC_KEY).unwrap_or(None).as_deref()).unwrap_or(0);
    let state = INNER.with(|i| {
        let mut i = i.borrow_mut();
        i.generation = i.generation.max(stored);
        i.pending.clone()
    });
    set_status(Status::Pending);
    if let Some(state) = state {
        let generation = INNER.with(|i| i.borrow().generation) + 1;
        write(&state, generation);
    }
}

/// Quarantine choice: start fresh. Allowed only once the unreadable bytes are safe (copied or downloaded).
pub fn start_fresh() -> Result<(), String> {
    match status().get_untracked() {
        Status::Quarantined { copy_key: Some(_), .. } => {
            INNER.with(|i| i.borrow_mut().raw_unreadable = None);
            set_status(Status::Fresh);
            Ok(())
        }
        Status::Quarantined { copy_key: None, .. } => Err(
            "The unreadable data could not be copied aside (storage may be full). Download it first, then start fresh."
                .to_string(),
        ),
        _ => Ok(()),
    }
}

/// Quarantine choice after the person downloaded the unreadable bytes: saving may overwrite them now.
pub fn release_quarantine() {
    if matches!(status().get_untracked(), Status::Quarantined { .. }) {
        set_status(Status::Fresh);
    }
}

/// Replaces the saved data with `state` (a restored backup), keeping the previous document under a backup key.
/// In memory-only and kiosk sessions nothing is written: a kiosk must never leave a patient's data on the device,
/// whichever view asks.
pub fn replace(state: &AppState) -> Result<(), StoreError> {
    if matches!(status().get_untracked(), Status::MemoryOnly | Status::Kiosk) {
        return Ok(());
    }
    if let Some(current) = local::get(DOC_KEY)? {
        local::set_verified(local::PRE_IMPORT_KEY, &current)?;
    }
    INNER.with(|i| i.borrow_mut().raw_unreadable = None);
    set_status(Status::Pending);
    let stored = generation_of(local::get(DOC_KEY).unwrap_or(None).as_deref()).unwrap_or(0);
    let generation = INNER.with(|i| i.borrow().generation).max(stored) + 1;
    INNER.with(|i| i.borrow_mut().pending = Some(state.clone()));
    write(state, generation);
    Ok(())
}

/// Deletes every key Mosaic wrote and forgets what was saved; the page should then be replaced.
pub fn delete_everything() {
    INNER.with(|i| {
        let mut i = i.borrow_mut();
        i.pending = None;
        i.last_saved.clear();
        i.generation = 0;
    });
    set_status(Status::MemoryOnly);
    local::remove_all();
}
