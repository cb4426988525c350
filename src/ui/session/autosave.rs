//! The autosave loop of a session at home: the store's [`Saver`] over `localStorage`, the debounce / retry timer,
//! and the page listeners (flush when hidden or left, react to another tab's save). The saver decides; this file
//! only runs timers, listens, and mirrors the saver's status into the session's signal. Every choice the person
//! makes about saving (which tab's version, unreadable data, restore, delete everything) goes through here too.

use super::{Mode, Session};
use crate::store::document::AppState;
use crate::store::local::LocalStorage;
use crate::store::saver::{Delay, SaveStatus, Saver};
use crate::store::storage::{StoreError, DOC_KEY};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The saver (at home only) and the timer armed for it.
pub(super) struct Autosave {
    saver: Option<Saver<LocalStorage>>,
    timer: Option<TimeoutHandle>,
}

impl Autosave {
    pub(super) fn new(saver: Option<Saver<LocalStorage>>) -> Autosave {
        Autosave { saver, timer: None }
    }
}

/// The browser's time, ISO 8601.
fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

impl Session {
    /// The app's session at home: loads the saved document before anything renders, then autosaves every change
    /// (never before that load, never over unreadable data). When storage cannot be used at all, the mode is
    /// [`Mode::MemoryOnly`] and the status says so.
    pub fn at_home() -> Session {
        let mut saver = Saver::new(LocalStorage);
        let initial = saver.boot(&now_iso());
        let status = saver.status().clone();
        let mode = if status == SaveStatus::MemoryOnly {
            Mode::MemoryOnly
        } else {
            Mode::Home
        };
        let session = Session::build(initial, mode, status, Some(saver));
        session.watch_changes();
        session.listen();
        session
    }

    /// Runs `f` on the saver (if this session has one) at the browser's current time, then shows what followed.
    pub(super) fn with_saver<R>(
        &self,
        f: impl FnOnce(&mut Saver<LocalStorage>, &str) -> R,
    ) -> Option<R> {
        let now = now_iso();
        let out = self
            .parts
            .try_update_value(|p| p.autosave.saver.as_mut().map(|saver| f(saver, &now)))
            .flatten();
        self.after_saver();
        out
    }

    /// Reads something off the saver without changing it (`None` without one).
    pub(super) fn read_saver<R>(&self, f: impl FnOnce(&Saver<LocalStorage>) -> R) -> Option<R> {
        self.parts
            .try_with_value(|p| p.autosave.saver.as_ref().map(f))
            .flatten()
    }

    /// Shows the saver's status, and asks for persistent storage after the first save (kept out of the generic
    /// [`Session::with_saver`] so its code exists once).
    fn after_saver(&self) {
        let Some((status, persist)) = self
            .parts
            .try_update_value(|p| {
                let saver = p.autosave.saver.as_mut()?;
                Some((saver.status().clone(), saver.take_persistence_request()))
            })
            .flatten()
        else {
            return;
        };
        if persist {
            LocalStorage.request_persistence();
        }
        if self.status.try_with_untracked(|s| *s != status) == Some(true) {
            if status == SaveStatus::Locked {
                // Another tab sealed the document: this page drops what it shows and asks for the passphrase.
                let _ = window().location().reload();
            }
            self.status.set(status);
        }
    }

    /// (Re)arms the timer the saver asked for; when it fires, pending changes are saved.
    pub(super) fn arm(&self, delay: Option<Delay>) {
        let Some(delay) = delay else { return };
        if delay == Delay::Seal {
            self.seal_pending();
            return;
        }
        let session = *self;
        let handle = set_timeout_with_handle(
            move || {
                session.parts.try_update_value(|p| p.autosave.timer = None);
                session.flush();
            },
            Duration::from_millis(delay.ms()),
        )
        .ok();
        let old = self
            .parts
            .try_update_value(|p| std::mem::replace(&mut p.autosave.timer, handle))
            .flatten();
        if let Some(old) = old {
            old.clear();
        }
    }

    /// Saves pending changes now, before something that reloads the page (an update); true only when everything
    /// entered is in storage, so a reload loses nothing.
    pub fn save_now(&self) -> bool {
        self.flush();
        matches!(
            self.save_status_untracked(),
            SaveStatus::Saved { .. } | SaveStatus::Fresh | SaveStatus::Locked
        )
    }

    /// Saves pending changes now (the timer fired, or the page is being hidden or left).
    pub(super) fn flush(&self) {
        let delay = self.with_saver(|saver, now| saver.flush(now)).flatten();
        self.arm(delay);
    }

    /// Tells the saver about every change of the document after the first load.
    fn watch_changes(&self) {
        let session = *self;
        Effect::new(move |prev: Option<()>| {
            session.doc.with(|doc| {
                if prev.is_some() {
                    let delay = session
                        .with_saver(|saver, _| saver.note_change(doc))
                        .flatten();
                    session.arm(delay);
                }
            });
        });
    }

    /// Installs the page listeners for the life of the page: flush on hide and leave, and take in what another
    /// tab saved.
    fn listen(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let session = *self;
        let on_hide = Closure::<dyn Fn()>::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                session.flush();
            }
        });
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback(
                "visibilitychange",
                on_hide.as_ref().unchecked_ref(),
            );
        }
        on_hide.forget();
        let on_leave = Closure::<dyn Fn()>::new(move || session.flush());
        let _ =
            window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
        on_leave.forget();
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() == Some(DOC_KEY) {
                    let raw = ev.new_value();
                    let newer = session
                        .with_saver(|saver, now| saver.other_tab_saved(raw.as_deref(), now))
                        .flatten();
                    session.show(newer);
                }
            });
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// Shows a document the saver adopted (another tab's save).
    fn show(&self, newer: Option<AppState>) {
        if let Some(newer) = newer {
            self.doc.try_set(newer);
        }
    }

    /// Conflict choice: take the newer data another tab saved, dropping this tab's unsaved changes.
    pub fn keep_theirs(&self) {
        let newer = self
            .with_saver(|saver, now| saver.load_newer(now))
            .flatten();
        self.show(newer);
    }

    /// Conflict choice: keep this tab's version and save it over the other tab's.
    pub fn keep_mine(&self) {
        let delay = self.with_saver(|saver, now| saver.keep_mine(now)).flatten();
        self.arm(delay);
    }

    /// Quarantine choice: start fresh, once the unreadable bytes are safe; the error says what to do first.
    pub fn start_fresh(&self) -> Result<(), String> {
        self.with_saver(|saver, _| saver.start_fresh())
            .unwrap_or(Ok(()))
    }

    /// Quarantine choice after the person downloaded the unreadable bytes: saving may overwrite them now.
    pub fn release_quarantine(&self) {
        self.with_saver(|saver, _| saver.release_quarantine());
    }

    /// Replaces the document with `state` (a restored backup, a shared plan saved to this device). At home the
    /// saved document is replaced too, keeping the previous one under a backup key; an error means nothing changed.
    /// A session that does not save (a kiosk above all) writes nothing, whichever view asks.
    pub fn replace(&self, state: AppState) -> Result<(), StoreError> {
        if let Some(result) = self.with_saver(|saver, now| saver.replace(&state, now)) {
            self.arm(result?);
        }
        self.doc.set(state);
        Ok(())
    }

    /// Deletes everything Mosaic saved on this device and stops saving; the page should then be replaced.
    pub fn delete_everything(&self) {
        self.with_saver(|saver, _| saver.delete_everything());
    }

    /// The unreadable bytes found at start, for "download the unreadable data".
    pub fn unreadable_bytes(&self) -> Option<String> {
        self.parts
            .try_with_value(|p| {
                p.autosave
                    .saver
                    .as_ref()?
                    .unreadable_bytes()
                    .map(str::to_string)
            })
            .flatten()
    }

    /// The raw saved document (for a read-only download of data from a newer version).
    pub fn raw_document(&self) -> Option<String> {
        self.parts
            .try_with_value(|p| p.autosave.saver.as_ref()?.raw_document())
            .flatten()
    }

    /// Whether the browser has granted persistent storage (`None` when it cannot say).
    pub async fn persisted(&self) -> Option<bool> {
        LocalStorage.persisted().await
    }
}
