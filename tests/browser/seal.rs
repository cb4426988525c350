//! Browser tests (wasm-bindgen-test in headless Chromium) of the passphrase lock's cryptography, done by the
//! browser's WebCrypto: the key cannot be exported, every seal has its own IV, the ciphertext opens only with the
//! right passphrase and only under the header it was bound to, and the record names the work factor.

use mosaic::store::crypto::{LockKey, OpenError};
use mosaic::store::seal::{doc_aad, ITERATIONS};
use std::collections::HashSet;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

const PLAIN: &str = r#"{"settings":{"crisis_line":"Call Dana on 555-0199"}}"#;

#[wasm_bindgen_test]
async fn the_key_cannot_be_exported_and_the_record_names_600000_iterations() {
    let key = LockKey::create("correct horse battery").await.expect("key");
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let export = subtle
        .export_key("raw", key.crypto_key())
        .expect("exportKey returns a promise");
    let refused = JsFuture::from(export).await;
    assert!(refused.is_err(), "the key must not be extractable");
    let sealed = key
        .seal(PLAIN.as_bytes(), &doc_aad(3, 1))
        .await
        .expect("sealed");
    assert_eq!(sealed.iter, 600_000);
    assert_eq!(ITERATIONS, 600_000);
    assert_eq!(sealed.kdf, "PBKDF2-SHA256");
    assert!(!sealed.ct.contains("Dana"));
}

#[wasm_bindgen_test]
async fn ten_thousand_seals_use_ten_thousand_different_ivs() {
    let key = LockKey::create("correct horse battery").await.expect("key");
    let aad = doc_aad(3, 1);
    let mut ivs = HashSet::new();
    let mut cts = HashSet::new();
    for _ in 0..10_000 {
        let sealed = key.seal(PLAIN.as_bytes(), &aad).await.expect("sealed");
        ivs.insert(sealed.iv);
        cts.insert(sealed.ct);
    }
    assert_eq!(ivs.len(), 10_000);
    assert_eq!(
        cts.len(),
        10_000,
        "the same data never gives the same ciphertext"
    );
}

#[wasm_bindgen_test]
async fn only_the_right_passphrase_opens_and_only_under_the_header_it_was_bound_to() {
    let key = LockKey::create("correct horse battery").await.expect("key");
    let sealed = key
        .seal(PLAIN.as_bytes(), &doc_aad(3, 4))
        .await
        .expect("sealed");

    let again = LockKey::for_sealed("correct horse battery", &sealed)
        .await
        .expect("same passphrase, same salt");
    assert!(again.made_for(&sealed));
    let opened = again.open(&sealed, &doc_aad(3, 4)).await.expect("opens");
    assert_eq!(String::from_utf8(opened).unwrap(), PLAIN);

    let wrong = LockKey::for_sealed("correct horse batterY", &sealed)
        .await
        .expect("a key, but the wrong one");
    assert_eq!(
        wrong.open(&sealed, &doc_aad(3, 4)).await,
        Err(OpenError::WrongPassphrase)
    );
    assert_eq!(
        again.open(&sealed, &doc_aad(3, 5)).await,
        Err(OpenError::WrongPassphrase),
        "replayed as another generation, it does not open"
    );
    let mut altered = sealed.clone();
    altered
        .ct
        .replace_range(0..1, if sealed.ct.starts_with('A') { "B" } else { "A" });
    assert_eq!(
        again.open(&altered, &doc_aad(3, 4)).await,
        Err(OpenError::WrongPassphrase),
        "one changed byte fails the tag"
    );
}

#[wasm_bindgen_test]
async fn an_encrypted_backup_opens_with_the_passphrase_into_the_same_document_and_never_as_a_stored_one(
) {
    use mosaic::store::backup::{self, Opened};
    use mosaic::store::document::AppState;
    let mut state = AppState::default();
    state.select("yoga");
    state.settings.crisis_line = "Call Dana on 555-0199".to_string();
    let key = LockKey::create("correct horse battery").await.expect("key");
    let (data, aad) = backup::sealed_export_parts(&state);
    let sealed = key.seal(data.as_bytes(), &aad).await.expect("sealed");
    let text = backup::export_sealed(&sealed, "2026-03-02T10:00:00Z");
    assert!(
        !text.contains("Dana"),
        "the file holds no plain text of the document"
    );
    assert!(
        !text.contains("yoga"),
        "the file holds no plain text of the document"
    );

    let Ok(Opened::Sealed(file)) = backup::open(text.as_bytes()) else {
        panic!("not read as an encrypted backup: {text}");
    };
    let opener = LockKey::for_sealed("correct horse battery", &file.sealed)
        .await
        .expect("key");
    let plain = opener.open(&file.sealed, &file.aad()).await.expect("opens");
    let preview = backup::import(file.plain(&String::from_utf8(plain).unwrap()).as_bytes())
        .expect("a valid backup inside");
    assert_eq!(preview.state.selected, vec!["yoga".to_string()]);
    assert_eq!(preview.state.settings.crisis_line, "Call Dana on 555-0199");

    let wrong = LockKey::for_sealed("correct horse batterY", &file.sealed)
        .await
        .expect("a key, but the wrong one");
    assert_eq!(
        wrong.open(&file.sealed, &file.aad()).await,
        Err(OpenError::WrongPassphrase)
    );
    assert_eq!(
        opener.open(&file.sealed, &doc_aad(file.schema, 1)).await,
        Err(OpenError::WrongPassphrase),
        "a backup's ciphertext never opens as a stored document's"
    );
}
