//! The session over the browser's real `localStorage`: a kiosk session writes nothing even when a view asks it to
//! replace the document (the restore path), and a session at home autosaves a change once the debounce ends.
//! The saver's decisions themselves are tested natively (`tests/saver.rs`).

use leptos::prelude::*;
use mosaic::clinical::intake::Intake;
use mosaic::store::document::AppState;
use mosaic::store::envelope::{decode, Loaded};
use mosaic::store::local::LocalStorage;
use mosaic::store::saver::SaveStatus;
use mosaic::store::storage::{Storage, DOC_KEY, PRE_IMPORT_KEY};
use mosaic::ui::session::{Mode, Session};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn restored() -> AppState {
    AppState {
        intake: Intake {
            age: Some(52),
            ..Intake::default()
        },
        selected: vec!["yoga".into()],
        ..AppState::default()
    }
}

/// Resolves after `ms` milliseconds (one step of a wait for a condition).
async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn replace_writes_nothing_in_a_kiosk_session() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let session = Session::new(
            AppState::default(),
            Mode::Kiosk {
                launch: String::new(),
                config: None,
            },
        );
        assert!(session.replace(restored()).is_ok());
        assert_eq!(session.get_untracked(), restored(), "the page shows it");
        assert_eq!(LocalStorage.get(DOC_KEY).unwrap(), None);
        assert_eq!(LocalStorage.get(PRE_IMPORT_KEY).unwrap(), None);
        assert_eq!(storage.length().unwrap(), 0, "nothing at all was written");
    });
}

#[wasm_bindgen_test]
async fn a_session_at_home_saves_a_change_after_the_debounce() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // Made inside a mounted (empty) view, as the app shell makes it, so its effect has Leptos's executor.
    let slot: Rc<Cell<Option<Session>>> = Rc::new(Cell::new(None));
    let out = slot.clone();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    leptos::mount::mount_to(container, move || out.set(Some(Session::at_home()))).forget();
    let session = slot.get().expect("mounted");
    assert_eq!(session.save_status_untracked(), SaveStatus::Fresh);
    // The autosave effect's first run (which saves nothing: it is the load) happens on the next tick.
    leptos::task::tick().await;
    session.update(|s| s.settings.crisis_line = "Lifeline 13 11 14".into());
    // Wait for the save (the debounce is 300 ms), for at most 5 s.
    let mut waited = 0;
    while LocalStorage.get(DOC_KEY).unwrap().is_none() && waited < 5_000 {
        tick(50).await;
        waited += 50;
    }
    let raw = LocalStorage.get(DOC_KEY).unwrap();
    let Loaded::Ready {
        state, generation, ..
    } = decode(raw.as_deref())
    else {
        panic!("no document saved within 5 s: {raw:?}")
    };
    assert_eq!(state.settings.crisis_line, "Lifeline 13 11 14");
    assert_eq!(generation, 1);
    assert!(matches!(
        session.save_status_untracked(),
        SaveStatus::Saved { .. }
    ));
    storage.clear().unwrap();
}
