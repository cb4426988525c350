//! The stored document: a versioned envelope around [`AppState`], and how raw bytes are read back.
//! Pure (no browser): the storage edge passes strings in and out.

use crate::store::document::AppState;
use crate::store::migrate::{migrate, CURRENT_SCHEMA};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

/// The `app` marker of every document Mosaic writes.
pub const APP: &str = "mosaic";

/// What is written under the document key (read here; written by [`encode`], or by
/// [`crate::store::seal::write_envelope`] with the passphrase lock on).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Envelope {
    /// Always [`APP`]: tells our documents from anything else under the key.
    pub app: String,
    /// Schema of `data`.
    pub schema: u32,
    /// Incremented on every save; a tab that saw an older generation must not overwrite a newer one.
    pub generation: u64,
    /// When it was saved (ISO 8601, from the browser clock).
    pub saved_at: String,
    /// The app state (absent when the data is sealed).
    #[serde(default)]
    pub data: Value,
    /// Present when the passphrase lock sealed the data; read only when the person unlocks it, so the code every
    /// first visit downloads stays small.
    #[serde(default)]
    pub sealed: Option<IgnoredAny>,
}

/// What reading stored bytes gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// A document of this or an older schema, migrated to the current one.
    Ready {
        /// The state.
        state: AppState,
        /// Its generation.
        generation: u64,
        /// The schema it was stored with (older means it was migrated and should be backed up first).
        stored_schema: u32,
    },
    /// A document written by a newer version: show read-only, never save over it.
    Newer {
        /// Its schema.
        schema: u32,
        /// Its generation.
        generation: u64,
        /// The part of its data this version understands, if any.
        state: Option<AppState>,
    },
    /// A document sealed by the passphrase lock: nothing can be read until the person unlocks it.
    Locked {
        /// Its generation (in clear, so two tabs still compare saves).
        generation: u64,
    },
    /// Bytes that could not be read: quarantine them and ask the person.
    Unreadable {
        /// Why, in plain words.
        reason: String,
    },
}

/// Wraps a state for storage.
pub fn encode(state: &AppState, generation: u64, saved_at: &str) -> String {
    // Written around the document's own JSON rather than through `Envelope`, which would compile a second
    // serializer of the whole document (into a JSON value) into the first download.
    format!(
        "{{\"app\":\"{APP}\",\"schema\":{CURRENT_SCHEMA},\"generation\":{generation},\"saved_at\":{},\"data\":{}}}",
        serde_json::to_string(saved_at).unwrap_or_default(),
        state.to_json()
    )
}

/// Reads stored bytes; never panics, whatever they hold.
pub fn decode(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Empty;
    };
    let env: Envelope = match serde_json::from_str(raw) {
        Ok(env) => env,
        Err(e) => {
            return Loaded::Unreadable {
                reason: format!("the saved data is not a readable Mosaic document ({e})"),
            }
        }
    };
    if env.app != APP {
        return Loaded::Unreadable {
            reason: format!("the saved data belongs to another app (\"{}\")", env.app),
        };
    }
    // A sealed document is never mistaken for a damaged one: it waits for the passphrase.
    if env.sealed.is_some() {
        return Loaded::Locked {
            generation: env.generation,
        };
    }
    if env.schema > CURRENT_SCHEMA {
        let state = serde_json::from_value(env.data).ok();
        return Loaded::Newer {
            schema: env.schema,
            generation: env.generation,
            state,
        };
    }
    let data = match migrate(env.schema, env.data) {
        Ok(d) => d,
        Err(reason) => return Loaded::Unreadable { reason },
    };
    match serde_json::from_value::<AppState>(data) {
        Ok(state) => Loaded::Ready {
            state,
            generation: env.generation,
            stored_schema: env.schema,
        },
        Err(e) => Loaded::Unreadable {
            reason: format!("part of the saved data could not be read ({e})"),
        },
    }
}

/// The clear part every stored document of ours starts with, plain or sealed.
#[derive(Deserialize)]
struct Head {
    app: String,
    generation: u64,
    saved_at: Option<String>,
}

/// The head of stored bytes, if they are one of our documents.
fn head(raw: &str) -> Option<Head> {
    serde_json::from_str::<Head>(raw)
        .ok()
        .filter(|h| h.app == APP)
}

/// The generation of stored bytes, if they are one of our documents, plain or sealed (used to detect a newer save
/// by another tab).
pub fn generation_of(raw: Option<&str>) -> Option<u64> {
    head(raw?).map(|h| h.generation)
}

/// Whether `copy` is a later save of the same document than `local`: both are documents of ours (plain or sealed),
/// and `copy` has the higher generation and was saved no earlier. Used to bring back the browser-crash copy
/// ([`crate::store::durable`]); a copy left over from before a deletion is older by its time, so it never comes back.
pub fn is_later_save(copy: &str, local: &str) -> bool {
    match (head(copy), head(local)) {
        (
            Some(Head {
                generation: g_copy,
                saved_at: Some(t_copy),
                ..
            }),
            Some(Head {
                generation: g_local,
                saved_at: Some(t_local),
                ..
            }),
        ) => g_copy > g_local && t_copy >= t_local,
        _ => false,
    }
}
