//! The only code that touches browser storage: versioned envelope, migrations, quarantine, autosave.

pub mod backup;
pub mod envelope;
pub mod kiosk;
pub mod limits;
pub mod local;
pub mod migrate;
pub mod pin;
pub mod saver;
pub mod state;
pub mod validate;
