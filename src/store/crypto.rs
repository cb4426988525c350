//! The passphrase lock's cryptography, all done by the browser's WebCrypto (no crypto code in the bundle): PBKDF2-
//! SHA-256 turns the passphrase into an AES-GCM key that JavaScript cannot export, and every seal uses a fresh
//! random IV. The key lives only in this page's memory; reloading the page (which is how Mosaic locks) drops it.

use crate::store::base64url;
use crate::store::seal::{Sealed, IV_BYTES, KDF, SALT_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why sealed data could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The passphrase does not match (AES-GCM refused the tag): nothing is wrong with the stored bytes.
    WrongPassphrase,
    /// The sealed record is not one this version can read.
    Malformed,
    /// The browser cannot do the cryptography (no WebCrypto outside https or localhost).
    NoCrypto(String),
}

/// A key made from the passphrase, with the salt and work factor it was made with.
#[derive(Clone, Debug)]
pub struct LockKey {
    key: web_sys::CryptoKey,
    salt: Vec<u8>,
    iter: u32,
    /// Minutes without use before the app locks itself (written with every seal).
    pub lock_after_min: u32,
}

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| {
            "this browser cannot encrypt here (it needs a secure https address)".to_string()
        })
}

/// `n` random bytes from the browser's generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("this browser has no random number generator for Mosaic")?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "no random numbers available")?;
    Ok(bytes)
}

/// The AES-GCM parameters for one operation: its IV and the additional data it is bound to.
fn gcm(iv: &[u8], aad: &str) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &js_sys::Uint8Array::from(iv));
    params.set_additional_data_u8_array(&js_sys::Uint8Array::from(aad.as_bytes()));
    params
}

impl LockKey {
    /// Derives the key for `passphrase` with `salt` and `iter` PBKDF2 iterations (hundreds of milliseconds by
    /// design: show that something is happening).
    pub async fn derive(passphrase: &str, salt: &[u8], iter: u32) -> Result<LockKey, String> {
        let subtle = subtle()?;
        let failed = |_| "the passphrase could not be prepared".to_string();
        let base = JsFuture::from(
            subtle
                .import_key_with_str(
                    "raw",
                    &js_sys::Uint8Array::from(passphrase.as_bytes()),
                    "PBKDF2",
                    false,
                    &js_sys::Array::of1(&"deriveKey".into()),
                )
                .map_err(failed)?,
        )
        .await
        .map_err(failed)?;
        let params = web_sys::Pbkdf2Params::new(
            "PBKDF2",
            &"SHA-256".into(),
            iter,
            &js_sys::Uint8Array::from(salt),
        );
        let aes = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&aes, &"name".into(), &"AES-GCM".into());
        let _ = js_sys::Reflect::set(&aes, &"length".into(), &256.into());
        let usages = js_sys::Array::of2(&"encrypt".into(), &"decrypt".into());
        let key = JsFuture::from(
            subtle
                // Not extractable: page script can use the key but never read it out.
                .derive_key_with_object_and_object(
                    &params,
                    base.unchecked_ref(),
                    &aes,
                    false,
                    &usages,
                )
                .map_err(failed)?,
        )
        .await
        .map_err(failed)?;
        Ok(LockKey {
            key: key.unchecked_into(),
            salt: salt.to_vec(),
            iter,
            lock_after_min: crate::store::seal::LOCK_AFTER_CHOICES[0],
        })
    }

    /// A new key for `passphrase` with a fresh random salt and the current work factor.
    pub async fn create(passphrase: &str) -> Result<LockKey, String> {
        let salt = random_bytes(SALT_BYTES)?;
        LockKey::derive(passphrase, &salt, crate::store::seal::ITERATIONS).await
    }

    /// The key `passphrase` gives for what `sealed` was made with.
    pub async fn for_sealed(passphrase: &str, sealed: &Sealed) -> Result<LockKey, OpenError> {
        let salt = sealed.salt_bytes().ok_or(OpenError::Malformed)?;
        let mut key = LockKey::derive(passphrase, &salt, sealed.iter)
            .await
            .map_err(OpenError::NoCrypto)?;
        key.lock_after_min = sealed.lock_after_min;
        Ok(key)
    }

    /// Encrypts `plain`, bound to `aad`, under a fresh random IV.
    pub async fn seal(&self, plain: &[u8], aad: &str) -> Result<Sealed, String> {
        let iv = random_bytes(IV_BYTES)?;
        let failed = |_| "the data could not be encrypted".to_string();
        let ct = JsFuture::from(
            subtle()?
                .encrypt_with_object_and_u8_array(&gcm(&iv, aad), &self.key, plain)
                .map_err(failed)?,
        )
        .await
        .map_err(failed)?;
        Ok(Sealed {
            kdf: KDF.to_string(),
            iter: self.iter,
            salt: base64url::encode(&self.salt),
            iv: base64url::encode(&iv),
            ct: base64url::encode(&js_sys::Uint8Array::new(&ct).to_vec()),
            lock_after_min: self.lock_after_min,
        })
    }

    /// Decrypts `sealed`, which must be bound to `aad`; a wrong key and altered bytes both fail the tag check.
    pub async fn open(&self, sealed: &Sealed, aad: &str) -> Result<Vec<u8>, OpenError> {
        if !sealed.is_well_formed() {
            return Err(OpenError::Malformed);
        }
        let (Some(iv), Some(ct)) = (sealed.iv_bytes(), sealed.ct_bytes()) else {
            return Err(OpenError::Malformed);
        };
        let subtle = subtle().map_err(OpenError::NoCrypto)?;
        let promise = subtle
            .decrypt_with_object_and_u8_array(&gcm(&iv, aad), &self.key, &ct)
            .map_err(|_| OpenError::Malformed)?;
        let plain = JsFuture::from(promise)
            .await
            .map_err(|_| OpenError::WrongPassphrase)?;
        Ok(js_sys::Uint8Array::new(&plain).to_vec())
    }

    /// Whether this key was made with the salt and work factor `sealed` names.
    pub fn made_for(&self, sealed: &Sealed) -> bool {
        sealed.salt_bytes().as_deref() == Some(self.salt.as_slice()) && sealed.iter == self.iter
    }

    /// The browser's key object (for the test that shows it cannot be exported).
    pub fn crypto_key(&self) -> &web_sys::CryptoKey {
        &self.key
    }
}
