//! Defence in depth for kiosk mode: even a direct `replace` (the restore path) writes nothing in a kiosk session.
//! Its own test binary, because the saver's status is per page and a kiosk boot must not leak into other tests.
#![cfg(target_arch = "wasm32")]

use mosaic::clinical::intake::Intake;
use mosaic::store::local;
use mosaic::store::saver;
use mosaic::store::state::AppState;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn replace_writes_nothing_in_a_kiosk_session() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let _ = saver::boot_kiosk();
    let state = AppState {
        intake: Intake {
            age: Some(52),
            ..Intake::default()
        },
        selected: vec!["yoga".into()],
        ..AppState::default()
    };
    assert!(saver::replace(&state).is_ok());
    assert_eq!(local::get(local::DOC_KEY).unwrap(), None);
    assert_eq!(local::get(local::PRE_IMPORT_KEY).unwrap(), None);
    assert_eq!(storage.length().unwrap(), 0, "nothing at all was written");
}
