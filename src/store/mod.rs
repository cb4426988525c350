//! The only code that touches browser storage: versioned envelope, migrations, quarantine, autosave.

pub mod backup;
pub mod envelope;
pub mod migrate;
pub mod state;
