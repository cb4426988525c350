//! The staff PIN: a salted PBKDF2-SHA-256 hash made by the browser's WebCrypto (no crypto code in the bundle),
//! and a constant-time comparison when checking it.

use crate::store::kiosk::{PinRecord, PIN_ITERATIONS};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

async fn derive(pin: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("this browser has no WebCrypto")?;
    let subtle = crypto.subtle();
    let usages = js_sys::Array::of1(&"deriveBits".into());
    let raw = js_sys::Uint8Array::from(pin.as_bytes());
    let key = JsFuture::from(
        subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(|_| "the PIN could not be prepared")?,
    )
    .await
    .map_err(|_| "the PIN could not be prepared")?;
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &js_sys::Uint8Array::from(salt),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, key.unchecked_ref(), 256)
            .map_err(|_| "the PIN could not be hashed")?,
    )
    .await
    .map_err(|_| "the PIN could not be hashed")?;
    Ok(js_sys::Uint8Array::new(&bits).to_vec())
}

/// Makes a record for a new PIN with a fresh random salt.
pub async fn make_record(pin: &str) -> Result<PinRecord, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("this browser has no WebCrypto")?;
    let mut salt = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|_| "no random numbers available")?;
    let hash = derive(pin, &salt, PIN_ITERATIONS).await?;
    Ok(PinRecord {
        salt: hex(&salt),
        hash: hex(&hash),
        iterations: PIN_ITERATIONS,
    })
}

/// Whether `pin` matches the record (the comparison takes the same time whatever the mismatch).
pub async fn check(pin: &str, record: &PinRecord) -> bool {
    let (Some(salt), Some(expected)) = (unhex(&record.salt), unhex(&record.hash)) else {
        return false;
    };
    let Ok(got) = derive(pin, &salt, record.iterations).await else {
        return false;
    };
    got.len() == expected.len()
        && got
            .iter()
            .zip(&expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}
