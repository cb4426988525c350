//! The browser's `localStorage`, and nothing else: every read, write and delete of Mosaic's keys goes through here.

use wasm_bindgen::{JsCast, JsValue};

/// Key of the main document.
pub const DOC_KEY: &str = "mosaic/doc";
/// Every key Mosaic writes starts with this, so "delete everything" can find them all.
pub const PREFIX: &str = "mosaic/";
/// Prefix of quarantined unreadable documents.
pub const QUARANTINE_PREFIX: &str = "mosaic/quarantine/";
/// Copy of the document taken just before a backup replaced it.
pub const PRE_IMPORT_KEY: &str = "mosaic/backup/pre-import";

/// Why storage refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full (any of the spellings browsers use).
    Quota,
    /// Storage cannot be used at all (blocked, private mode, disabled).
    Unavailable,
    /// Anything else, with the browser's words.
    Other(String),
}

impl StoreError {
    /// A sentence for the "not saved" banner.
    pub fn explain(&self) -> String {
        match self {
            StoreError::Quota => "this browser's storage for Mosaic is full".to_string(),
            StoreError::Unavailable => "this browser does not let Mosaic save".to_string(),
            StoreError::Other(msg) => format!("the browser refused to save ({msg})"),
        }
    }
}

/// Classifies a thrown storage error. Browsers spell "full" differently: Chromium `QuotaExceededError`,
/// Firefox `NS_ERROR_DOM_QUOTA_REACHED`, old WebKit codes 22 and 1014 (RELIABILITY §1.4).
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

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(StoreError::Unavailable),
    }
}

/// Reads a key.
pub fn get(key: &str) -> Result<Option<String>, StoreError> {
    storage()?.get_item(key).map_err(|e| classify(&e))
}

/// Writes a key.
pub fn set(key: &str, value: &str) -> Result<(), StoreError> {
    storage()?.set_item(key, value).map_err(|e| classify(&e))
}

/// Writes a key and reads it back, so a write the browser silently dropped is caught.
pub fn set_verified(key: &str, value: &str) -> Result<(), StoreError> {
    set(key, value)?;
    match get(key)? {
        Some(back) if back == value => Ok(()),
        _ => Err(StoreError::Other(
            "what was saved could not be read back".to_string(),
        )),
    }
}

/// Removes a key (errors are ignored: there is nothing a person could do about them).
pub fn remove(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Ok(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Whether storage can be used: an existing document proves it without writing; otherwise a probe write
/// (outside Mosaic's prefix, removed at once) tells.
pub fn available() -> bool {
    match get(DOC_KEY) {
        Ok(Some(_)) => true,
        Ok(None) => {
            let probe = "mosaic-probe";
            let ok = set(probe, "1").is_ok();
            remove(probe);
            ok
        }
        Err(_) => false,
    }
}

/// Removes every key Mosaic wrote except `keep`, and clears session storage (kiosk start-up).
pub fn remove_all_except(keep: &str) {
    for key in keys_with_prefix(PREFIX) {
        if key != keep {
            remove(&key);
        }
    }
    if let Some(Ok(Some(session))) = web_sys::window().map(|w| w.session_storage()) {
        let _ = session.clear();
    }
}

/// Removes every key Mosaic wrote.
pub fn remove_all() {
    for key in keys_with_prefix(PREFIX) {
        remove(&key);
    }
}
