//! The passphrase lock's stored form (docs/reliability.md, "Encryption at rest"). With the lock on, the document key
//! holds the envelope's header in clear (app, schema, generation, time: what two tabs and the newer-version rule
//! need before anyone unlocks) and the data only as AES-GCM ciphertext, next to what deriving the key again needs
//! (the KDF, its iteration count and salt). The ciphertext is bound to its header by the additional data, so it
//! cannot be moved to another key or replayed as another generation. Pure: the browser's WebCrypto does the
//! cryptography ([`crate::store::crypto`]); this file says what is stored and what it is bound to.

use crate::store::base64url;
use crate::store::envelope::APP;
use serde::Deserialize;

/// The key derivation every sealed document names.
pub const KDF: &str = "PBKDF2-SHA256";
/// PBKDF2-HMAC-SHA-256 work factor: OWASP's Password Storage Cheat Sheet asks for 600,000 or more.
pub const ITERATIONS: u32 = 600_000;
/// Random salt per passphrase (16 bytes, as in the WebCrypto examples the lock follows).
pub const SALT_BYTES: usize = 16;
/// A fresh random 96-bit IV per save: the length NIST SP 800-38D recommends for AES-GCM.
pub const IV_BYTES: usize = 12;
/// Minutes without use before Mosaic locks itself, the default first.
pub const LOCK_AFTER_CHOICES: [u32; 4] = [5, 1, 15, 60];
/// Shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The encrypted part of a sealed document or backup, with what is needed to open it again.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Sealed {
    /// Always [`KDF`].
    pub kdf: String,
    /// PBKDF2 iterations used for this key.
    pub iter: u32,
    /// The salt, base64url.
    pub salt: String,
    /// This save's IV, base64url.
    pub iv: String,
    /// The ciphertext with its tag, base64url.
    pub ct: String,
    /// Minutes without use before the app locks itself (not secret; kept here so the choice needs no schema change).
    #[serde(default = "default_lock_after")]
    pub lock_after_min: u32,
}

fn default_lock_after() -> u32 {
    LOCK_AFTER_CHOICES[0]
}

impl Sealed {
    /// The salt's bytes, if it is well formed.
    pub fn salt_bytes(&self) -> Option<Vec<u8>> {
        base64url::decode(&self.salt).filter(|s| s.len() == SALT_BYTES)
    }

    /// The IV's bytes, if it is well formed.
    pub fn iv_bytes(&self) -> Option<Vec<u8>> {
        base64url::decode(&self.iv).filter(|iv| iv.len() == IV_BYTES)
    }

    /// The ciphertext's bytes, if it is well formed.
    pub fn ct_bytes(&self) -> Option<Vec<u8>> {
        base64url::decode(&self.ct)
    }

    /// Whether the parameters are ones this version can open (known KDF, sane sizes).
    pub fn is_well_formed(&self) -> bool {
        self.kdf == KDF
            && self.iter >= 1
            && self.salt_bytes().is_some()
            && self.iv_bytes().is_some()
            && self.ct_bytes().is_some()
    }
}

/// A document written with the lock on.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SealedEnvelope {
    /// Always [`APP`].
    pub app: String,
    /// Schema of the sealed data.
    pub schema: u32,
    /// The save counter, as in a plain envelope.
    pub generation: u64,
    /// When it was saved.
    pub saved_at: String,
    /// The data, encrypted.
    pub sealed: Sealed,
}

impl SealedEnvelope {
    /// Reads stored bytes as a sealed document of ours; `None` for anything else (a plain document included).
    pub fn read(raw: &str) -> Option<SealedEnvelope> {
        let env: SealedEnvelope = serde_json::from_str(raw).ok()?;
        (env.app == APP).then_some(env)
    }

    /// The additional data its ciphertext is bound to.
    pub fn aad(&self) -> String {
        doc_aad(self.schema, self.generation)
    }

    /// The plain envelope this stands for, once its data has been decrypted to `data_json`, so the ordinary reader
    /// (migrations, strict checks) takes it from there.
    pub fn plain(&self, data_json: &str) -> String {
        format!(
            "{{\"app\":{},\"schema\":{},\"generation\":{},\"saved_at\":{},\"data\":{}}}",
            json_text(&self.app),
            self.schema,
            self.generation,
            json_text(&self.saved_at),
            data_json
        )
    }
}

/// `s` as a JSON string, quotes and escapes included: the sealed forms are written by hand (see [`write_envelope`]).
pub fn json_text(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The additional data of a sealed document: which key it belongs under, its schema and its generation.
pub fn doc_aad(schema: u32, generation: u64) -> String {
    format!("{APP}/doc|schema {schema}|generation {generation}")
}

/// The additional data of a sealed backup file: its format and schema.
pub fn backup_aad(schema: u32) -> String {
    format!("{APP}-backup|schema {schema}")
}

/// Writes a sealed document. Written out by hand rather than derived: saving runs in the code every first visit
/// downloads, and every value here is a number or a base64url or ISO 8601 string that needs no escaping beyond
/// what `text` does.
pub fn write_envelope(schema: u32, generation: u64, saved_at: &str, sealed: Sealed) -> String {
    format!(
        "{{\"app\":{},\"schema\":{schema},\"generation\":{generation},\"saved_at\":{},\"sealed\":{}}}",
        json_text(APP),
        json_text(saved_at),
        sealed.to_json()
    )
}

impl Sealed {
    /// The sealed part as JSON (written by hand, as [`write_envelope`] explains).
    pub fn to_json(&self) -> String {
        format!(
            "{{\"kdf\":{},\"iter\":{},\"salt\":{},\"iv\":{},\"ct\":{},\"lock_after_min\":{}}}",
            json_text(&self.kdf),
            self.iter,
            json_text(&self.salt),
            json_text(&self.iv),
            json_text(&self.ct),
            self.lock_after_min
        )
    }
}
