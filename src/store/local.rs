//! The browser's `localStorage`: every read, write and delete of Mosaic's keys in the app goes through
//! [`LocalStorage`], the [`Storage`] the app runs on. Each write of the document is also copied to IndexedDB for a
//! browser that crashes, and each deletion of it deletes that copy ([`crate::store::durable`]).

use crate::store::durable;
use crate::store::storage::{Storage, StoreError, DOC_KEY, PREFIX};
use wasm_bindgen::{JsCast, JsValue};

/// Classifies a thrown storage error. Browsers spell "full" differently: Chromium `QuotaExceededError`,
/// Firefox `NS_ERROR_DOM_QUOTA_REACHED`, old WebKit codes 22 and 1014.
pub fn classify(err: &JsValue) -> StoreError {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        let name = ex.name();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || ex.code() == 22
            || ex.code() == 1014
        {
            return StoreError::Quota;
        }
        return StoreError::Other(format!("{name}: {}", ex.message()));
    }
    let name = js_sys::Reflect::get(err, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(err, &"code".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    if name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || code == 22.0
        || code == 1014.0
    {
        return StoreError::Quota;
    }
    StoreError::Other(err.as_string().unwrap_or(name))
}

/// This browser's `localStorage` (looked up on every call, so a page where it is blocked simply gets errors).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LocalStorage;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(StoreError::Unavailable),
    }
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.set_here(key, value)?;
        if key == DOC_KEY {
            durable::copy(value);
        }
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.remove_here(key);
        if key == DOC_KEY {
            durable::forget();
        }
    }

    /// Every key, and the crash copy even when the document key is already gone (deleted by another tab, say).
    fn remove_all(&self) {
        for key in self.keys_with_prefix(PREFIX) {
            self.remove_here(&key);
        }
        durable::forget();
    }

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let Ok(s) = storage() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }
}

impl LocalStorage {
    /// Writes a key in `localStorage` only: [`Storage::set`] without the crash copy, for the crash copy itself put
    /// back at start-up ([`durable::recover`]).
    pub(crate) fn set_here(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|e| classify(&e))
    }

    /// Removes a key from `localStorage` only (the crash copy is deleted once, by the caller).
    fn remove_here(&self, key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    /// Removes every key Mosaic wrote except `keep`, and clears session storage (kiosk start-up).
    pub fn remove_all_except(&self, keep: &str) {
        for key in self.keys_with_prefix(PREFIX) {
            if key != keep {
                self.remove_here(&key);
            }
        }
        if keep != DOC_KEY {
            durable::forget();
        }
        if let Some(Ok(Some(session))) = web_sys::window().map(|w| w.session_storage()) {
            let _ = session.clear();
        }
    }

    /// Asks the browser not to evict Mosaic's storage. The answer only matters to Settings, which asks
    /// [`LocalStorage::persisted`] itself, so the promise is left to settle.
    pub fn request_persistence(&self) {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().storage().persist();
        }
    }

    /// Whether the browser has granted persistent storage (`None` when it cannot say).
    pub async fn persisted(&self) -> Option<bool> {
        let p = web_sys::window()?.navigator().storage().persisted().ok()?;
        wasm_bindgen_futures::JsFuture::from(p)
            .await
            .ok()?
            .as_bool()
    }
}
