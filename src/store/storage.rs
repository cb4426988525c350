//! Where Mosaic's keys live, as a small key-value interface: the browser's `localStorage` in the app
//! ([`crate::store::local::LocalStorage`]) and [`MemoryStorage`] in native tests, which can also play a full disk
//! or a browser that refuses storage altogether. Pure (no browser): the saver and the kiosk record are written
//! against this trait, so their behaviour is tested without a browser.

use std::cell::RefCell;
use std::collections::BTreeMap;

/// Key of the main document.
pub const DOC_KEY: &str = "mosaic/doc";
/// Every key Mosaic writes starts with this, so "delete everything" can find them all.
pub const PREFIX: &str = "mosaic/";
/// Prefix of quarantined unreadable documents.
pub const QUARANTINE_PREFIX: &str = "mosaic/quarantine/";
/// Copy of the document taken just before a backup replaced it.
pub const PRE_IMPORT_KEY: &str = "mosaic/backup/pre-import";
/// The stored bytes of a document from an older schema are kept here (`…v1`) until the migrated document has been
/// written and read back (docs/reliability.md, promise 4).
pub const PRE_MIGRATE_PREFIX: &str = "mosaic/backup/pre-migrate-v";
/// Key written and removed at once to find out whether storage can be used (outside [`PREFIX`]).
const PROBE_KEY: &str = "mosaic-probe";

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

/// A place that keeps text under keys, as `localStorage` does.
pub trait Storage {
    /// Reads a key.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;

    /// Writes a key.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;

    /// Removes a key (errors are ignored: there is nothing a person could do about them).
    fn remove(&self, key: &str);

    /// Every key that starts with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Vec<String>;

    /// Writes a key and reads it back, so a write the browser silently dropped is caught.
    fn set_verified(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.set(key, value)?;
        match self.get(key)? {
            Some(back) if back == value => Ok(()),
            _ => Err(StoreError::Other(
                "what was saved could not be read back".to_string(),
            )),
        }
    }

    /// Whether storage can be used: an existing document proves it without writing; otherwise a probe write
    /// (outside Mosaic's prefix, removed at once) tells.
    fn available(&self) -> bool {
        match self.get(DOC_KEY) {
            Ok(Some(_)) => true,
            Ok(None) => {
                let ok = self.set(PROBE_KEY, "1").is_ok();
                self.remove(PROBE_KEY);
                ok
            }
            Err(_) => false,
        }
    }

    /// Removes every key Mosaic wrote.
    fn remove_all(&self) {
        for key in self.keys_with_prefix(PREFIX) {
            self.remove(&key);
        }
    }
}

/// Two savers on one storage are two tabs of one browser: both hold a reference to it.
impl<S: Storage + ?Sized> Storage for &S {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) {
        (**self).remove(key)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        (**self).keys_with_prefix(prefix)
    }
}

/// Storage in memory, for native tests: a map of keys, plus switches that make it behave like a full disk
/// (every write refused) or a browser that blocks storage (every call refused).
#[derive(Debug, Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
    refuse_writes: RefCell<Option<StoreError>>,
    blocked: bool,
}

impl MemoryStorage {
    /// Empty storage that accepts everything.
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// Storage the browser does not let Mosaic use at all: every read and write fails with
    /// [`StoreError::Unavailable`].
    pub fn blocked() -> MemoryStorage {
        MemoryStorage {
            blocked: true,
            ..MemoryStorage::default()
        }
    }

    /// From now on every write fails with `error` (as `setItem` throws when the disk is full); `None` lets writes
    /// through again.
    pub fn refuse_writes(&self, error: Option<StoreError>) {
        *self.refuse_writes.borrow_mut() = error;
    }

    /// Puts `value` under `key` whatever the switches say, as another program (or a hand edit) would.
    pub fn put(&self, key: &str, value: &str) {
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
    }

    /// What is stored under `key` (for assertions).
    pub fn peek(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    /// Every key stored, in order (for assertions).
    pub fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        Ok(self.peek(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        if let Some(error) = self.refuse_writes.borrow().clone() {
            return Err(error);
        }
        self.put(key, value);
        Ok(())
    }

    fn remove(&self, key: &str) {
        if !self.blocked {
            self.items.borrow_mut().remove(key);
        }
    }

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        if self.blocked {
            return Vec::new();
        }
        self.items
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }
}
