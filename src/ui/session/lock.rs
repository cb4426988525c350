//! The passphrase lock as the session runs it (docs/reliability.md, "Encryption at rest"): the key made from the
//! passphrase, kept in this page's memory only; sealing each save the saver hands out; unlocking a sealed document;
//! turning the lock on and off; and locking, by hand or after a while without use. Locking saves what is pending
//! and then reloads the page, so nothing of the document or the key stays in memory: the fresh page finds the
//! sealed document and asks for the passphrase again.

use super::Session;
use crate::store::backup;
use crate::store::crypto::{LockKey, OpenError};
use crate::store::saver::{Delay, SaveStatus};
use crate::store::seal::SealedEnvelope;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How often the idle check runs while the page is visible.
const IDLE_CHECK_MS: i32 = 10_000;

/// The lock's part of the session: the key while unlocked, and the time of the last use.
#[derive(Default)]
pub(super) struct LockState {
    /// The key (a browser object, used only on this page's thread).
    key: Option<SendWrapper<LockKey>>,
    /// Wall-clock time (ms) of the last key press, tap or input.
    last_use: f64,
    /// Whether the idle watch is installed (once per page).
    watching: bool,
}

/// Why unlocking or changing the lock failed, in words for the person.
fn explain(err: OpenError) -> String {
    match err {
        OpenError::WrongPassphrase => {
            "Could not unlock: that passphrase does not open the data saved here. Nothing was changed.".to_string()
        }
        OpenError::Malformed => {
            "Could not unlock: the locked data is not in a form this version of Mosaic can open. Nothing was changed."
                .to_string()
        }
        OpenError::NoCrypto(why) => format!("Could not unlock: {why}. Nothing was changed."),
    }
}

/// Resolves after `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl Session {
    /// Whether the saved data is locked and waiting for the passphrase (tracked).
    pub fn is_locked(&self) -> bool {
        self.save_status() == SaveStatus::Locked
    }

    /// Whether saves are sealed by the passphrase lock (untracked).
    pub fn lock_is_on(&self) -> bool {
        self.read_saver(|s| s.is_sealing()).unwrap_or(false)
    }

    /// Minutes without use before the app locks itself (`None` while the lock is off).
    pub fn lock_after_min(&self) -> Option<u32> {
        self.parts
            .try_with_value(|p| p.lock.key.as_ref().map(|k| k.lock_after_min))
            .flatten()
    }

    /// Seals and writes whatever the saver has waiting, one save after another, until nothing is waiting.
    pub(super) fn seal_pending(&self) {
        let session = *self;
        spawn_local(async move {
            loop {
                let Some(job) = session
                    .with_saver(|saver, _| saver.take_seal_job())
                    .flatten()
                else {
                    return;
                };
                let key = session
                    .parts
                    .try_with_value(|p| p.lock.key.clone())
                    .flatten();
                let sealed = match key {
                    Some(key) => key.seal(job.data.as_bytes(), &job.aad()).await,
                    None => Err("Mosaic is locked; unlock it to save".to_string()),
                };
                let next = session
                    .with_saver(|saver, now| saver.finish_seal_job(job, sealed, now))
                    .flatten();
                match next {
                    Some(Delay::Seal) => continue,
                    other => {
                        session.arm(other);
                        return;
                    }
                }
            }
        });
    }

    /// Opens the stored sealed document with `passphrase`: the key, the envelope and its data as JSON text. Reads
    /// only; a wrong passphrase fails AES-GCM's tag check.
    async fn open_stored(
        &self,
        passphrase: &str,
    ) -> Result<(LockKey, SealedEnvelope, String), OpenError> {
        let raw = self.raw_document().unwrap_or_default();
        let envelope = SealedEnvelope::read(&raw).ok_or(OpenError::Malformed)?;
        let key = LockKey::for_sealed(passphrase, &envelope.sealed).await?;
        let plain = key.open(&envelope.sealed, &envelope.aad()).await?;
        let data = String::from_utf8(plain).map_err(|_| OpenError::Malformed)?;
        Ok((key, envelope, data))
    }

    /// Opens the sealed document with `passphrase`; on success the document is shown and saving goes on, sealed.
    /// A wrong passphrase changes nothing, in storage or on screen.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), String> {
        let (key, envelope, data) = self.open_stored(passphrase).await.map_err(explain)?;
        self.keep_key(key);
        let state = self
            .with_saver(|saver, now| saver.unlocked(&envelope.plain(&data), now))
            .unwrap_or_default();
        self.doc.set(state);
        self.flush();
        Ok(())
    }

    /// Turns the lock on with a new `passphrase`: the document is saved again at once, sealed.
    pub async fn turn_lock_on(&self, passphrase: &str, lock_after_min: u32) -> Result<(), String> {
        let mut key = LockKey::create(passphrase)
            .await
            .map_err(|why| format!("The lock could not be turned on: {why}."))?;
        key.lock_after_min = lock_after_min;
        self.keep_key(key);
        let state = self.get_untracked();
        let delay = self
            .with_saver(|saver, now| saver.start_sealing(&state, now))
            .flatten();
        self.arm(delay);
        Ok(())
    }

    /// Changes how long the app waits before locking itself (saved with the next seal, which follows at once).
    pub fn set_lock_after(&self, minutes: u32) {
        self.parts.update_value(|p| {
            if let Some(key) = p.lock.key.as_mut() {
                key.lock_after_min = minutes;
            }
        });
        let state = self.get_untracked();
        let delay = self
            .with_saver(|saver, now| saver.start_sealing(&state, now))
            .flatten();
        self.arm(delay);
    }

    /// Turns the lock off once `passphrase` is shown to open the saved data: the document is saved again in clear.
    pub async fn turn_lock_off(&self, passphrase: &str) -> Result<(), String> {
        self.open_stored(passphrase)
            .await
            .map_err(|e| explain(e).replacen("Could not unlock", "The lock is still on", 1))?;
        self.parts.update_value(|p| p.lock.key = None);
        let state = self.get_untracked();
        let delay = self
            .with_saver(|saver, now| saver.stop_sealing(&state, now))
            .flatten();
        self.arm(delay);
        Ok(())
    }

    /// Locks now: saves what is pending, then reloads the page, which asks for the passphrase. Returns an error
    /// (and stays unlocked) if the latest changes could not be saved, so locking never loses them.
    pub async fn lock_now(&self) -> Result<(), String> {
        self.flush();
        // A seal takes a few milliseconds; give it up to two seconds.
        for _ in 0..40 {
            let busy = self.read_saver(|s| s.has_unsaved()).unwrap_or(false);
            if !busy {
                break;
            }
            pause(50).await;
        }
        match self.save_status_untracked() {
            SaveStatus::Saved { .. } | SaveStatus::Fresh if self.lock_is_on() => {
                let _ = window().location().reload();
                Ok(())
            }
            _ => Err("Mosaic could not lock: your latest changes are not saved yet. Try again in a moment.".to_string()),
        }
    }

    /// An encrypted backup of the document as it is now, sealed with the lock's key so the same passphrase opens
    /// it; `now` is the export time. An error while the lock is off or locked.
    pub async fn sealed_backup(&self, now: &str) -> Result<String, String> {
        let key = self
            .parts
            .try_with_value(|p| p.lock.key.clone())
            .flatten()
            .ok_or("the passphrase lock is not on")?;
        let (data, aad) = self.with_untracked(backup::sealed_export_parts);
        let sealed = key.seal(data.as_bytes(), &aad).await?;
        Ok(backup::export_sealed(&sealed, now))
    }

    /// Keeps `key` for sealing and starts watching for a while without use.
    fn keep_key(&self, key: LockKey) {
        self.parts.update_value(|p| {
            p.lock.key = Some(SendWrapper::new(key));
            p.lock.last_use = js_sys::Date::now();
        });
        self.watch_idle();
    }

    /// Locks after the chosen minutes without a key press, tap or input, checked every few seconds and whenever the
    /// page becomes visible again (a phone that slept does not run timers).
    fn watch_idle(&self) {
        let first = self
            .parts
            .try_update_value(|p| !std::mem::replace(&mut p.lock.watching, true))
            .unwrap_or(false);
        let Some(window) = web_sys::window().filter(|_| first) else {
            return;
        };
        let session = *self;
        let used = Closure::<dyn Fn()>::new(move || {
            session
                .parts
                .try_update_value(|p| p.lock.last_use = js_sys::Date::now());
        });
        for event in ["pointerdown", "keydown", "input"] {
            let _ = window.add_event_listener_with_callback(event, used.as_ref().unchecked_ref());
        }
        used.forget();
        let check = Closure::<dyn Fn()>::new(move || {
            let due = session
                .parts
                .try_with_value(|p| {
                    let minutes = p.lock.key.as_ref()?.lock_after_min;
                    Some(js_sys::Date::now() - p.lock.last_use >= f64::from(minutes) * 60_000.0)
                })
                .flatten()
                .unwrap_or(false);
            if due {
                spawn_local(async move {
                    let _ = session.lock_now().await;
                });
            }
        });
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            IDLE_CHECK_MS,
        );
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback(
                "visibilitychange",
                check.as_ref().unchecked_ref(),
            );
        }
        check.forget();
    }
}
