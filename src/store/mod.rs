//! The only code that touches browser storage: versioned envelope, migrations, quarantine, autosave.

pub mod state;
