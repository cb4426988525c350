//! Take the plan home: a QR code (and, at home, the link) that carries the plan in the URL fragment, which a
//! browser never sends to a server.

use crate::share::link;
use crate::share::qr::qr_path;
use crate::ui::address::start_url;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The take-home panel of the plan view.
#[component]
pub fn TakeHome() -> impl IntoView {
    let session = use_session();
    let in_kiosk = session.is_kiosk();
    let with_words = RwSignal::new(false);
    let href = Memo::new(move |_| {
        let payload = session.with(|s| link::encode(s, with_words.get()));
        link::href(&start_url(), &payload)
    });
    let qr = Memo::new(move |_| qr_path(&href.get()));
    view! {
        <section class="card take-home no-print" aria-labelledby="take-home-heading">
            <h2 id="take-home-heading">"Take your plan home"</h2>
            <p>
                "Scan this code with your phone's camera to open your plan in Mosaic on your phone, then choose "
                "\u{201c}Save to this device\u{201d}. The plan travels inside the link itself: it is not sent to or stored on any server."
            </p>
            <div class="toggle">
                <input type="checkbox" id="share-words" prop:checked=move || with_words.get()
                    on:change=move |ev| with_words.set(event_target_checked(&ev)) />
                <label for="share-words">"Include what matters to me and my goals (in my own words)"</label>
            </div>
            {move || match qr.get() {
                Ok(q) => view! {
                    <svg class="qr" role="img" aria-label="QR code of a link to your plan" data-link=move || href.get()
                        viewBox=format!("0 0 {0} {0}", q.size) shape-rendering="crispEdges">
                        <rect width=q.size.to_string() height=q.size.to_string() fill="#fff" />
                        <path fill="#000" d=q.d />
                    </svg>
                }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
            }}
            {(!in_kiosk).then(|| view! {
                <label for="share-link">"Or copy this link (it contains your plan)"</label>
                <input id="share-link" type="text" readonly prop:value=move || href.get()
                    on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
            })}
        </section>
    }
}
