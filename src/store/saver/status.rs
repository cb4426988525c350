//! The save status the UI shows.

/// What the person sees about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing entered or saved yet (also the status of a session that never saves, such as a kiosk's).
    Fresh,
    /// Changes waiting for the debounce.
    Pending,
    /// Everything is saved; `at` is the browser time of the last save.
    Saved {
        /// ISO time of the last save.
        at: String,
    },
    /// The last save failed; answers are kept in memory and saving is retried.
    NotSaved {
        /// Why, in plain words.
        reason: String,
    },
    /// Storage cannot be used: answers live only in this page.
    MemoryOnly,
    /// The saved data is from a newer version: shown read-only, never overwritten.
    ReadOnly {
        /// Its schema.
        schema: u32,
    },
    /// The saved data could not be read: it is kept aside and nothing is saved until the person chooses.
    Quarantined {
        /// Why it could not be read.
        reason: String,
        /// Where a copy of the raw bytes was put, if that worked.
        copy_key: Option<String>,
    },
    /// Another tab saved newer data while this tab had unsaved changes.
    Conflict,
    /// The saved data is sealed by the passphrase lock: nothing is shown or saved until the person unlocks it.
    Locked,
}

impl SaveStatus {
    /// Whether saving is currently allowed.
    pub fn allows_saving(&self) -> bool {
        matches!(
            self,
            SaveStatus::Fresh
                | SaveStatus::Pending
                | SaveStatus::Saved { .. }
                | SaveStatus::NotSaved { .. }
        )
    }
}
