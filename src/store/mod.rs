//! The only code that touches storage: the saved document, its versioned envelope and migrations, backups, the
//! kiosk record, the crash copy in IndexedDB, and the saver (autosave decisions, quarantine, two tabs) over a [`storage::Storage`].

pub mod backup;
pub mod base64url;
pub mod crypto;
pub mod document;
pub mod durable;
pub mod envelope;
pub mod kiosk;
pub mod limits;
pub mod local;
pub mod migrate;
pub mod pin;
pub mod saver;
pub mod seal;
pub mod storage;
pub mod validate;
