//! The screen a locked Mosaic shows instead of everything else: the passphrase, and what to do if it is forgotten.

use crate::store::seal::MIN_PASSPHRASE_CHARS;
use crate::ui::components::delete_everything::DeleteEverything;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Asks for the passphrase and opens the saved data with it.
#[component]
pub fn UnlockView() -> impl IntoView {
    let session = use_session();
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("Type your passphrase to unlock.".to_string()));
            return;
        }
        working.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            // Once unlocked, the app replaces this view: its signals are left alone then, since effects that
            // read them could still be queued while the view is taken down.
            if let Err(why) = session.unlock(&typed).await {
                working.try_set(false);
                error.try_set(Some(why));
                // Back to the field, so the person can type it again at once.
                if let Some(field) = document().get_element_by_id("unlock-passphrase") {
                    use wasm_bindgen::JsCast;
                    if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                        let _ = field.focus();
                    }
                }
            } else {
                // The view that was asked for replaces this one as soon as it renders; keyboard and screen-reader
                // users land on its heading then (this view's own heading is still in the page now).
                session.set_heading_focus_pending(true);
            }
        });
    };
    view! {
        <section class="view unlock" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Mosaic is locked"</h1>
            <p>"Your plan on this device is encrypted. Type your passphrase to open it."</p>
            <form class="card" on:submit=submit novalidate>
                <label for="unlock-passphrase">"Passphrase"</label>
                <input
                    type="password"
                    id="unlock-passphrase"
                    autocomplete="current-password"
                    minlength=MIN_PASSPHRASE_CHARS
                    aria-describedby="unlock-error"
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=move || passphrase.get()
                    on:input=move |ev| passphrase.set(event_target_value(&ev))
                />
                <p class="field-error" id="unlock-error" role="alert">{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary" aria-disabled=move || working.get().to_string()>"Unlock"</button>
                </div>
                <p role="status" class="hint">{move || working.get().then_some("Unlocking… this takes a moment.")}</p>
            </form>
            <details class="card">
                <summary>"Forgot your passphrase?"</summary>
                <p>
                    "Nobody can open the data without it: Mosaic has no server and no copy of your passphrase. "
                    "If you kept a backup file that is not encrypted, you can start again and restore it."
                </p>
                <DeleteEverything
                    ask="Delete the locked data and start again…"
                    question="Delete the locked data from this browser? It cannot be recovered."
                    confirm="Yes, delete it"
                    id="confirm-forget"
                />
            </details>
        </section>
    }
}
