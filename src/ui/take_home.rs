//! Take the plan home: a QR code (and, at home, the link with Share and Copy link) that carries the plan in the URL
//! fragment, which a browser never sends to a server. The printout carries the date, the code and the link.

use crate::share::link;
use crate::share::qr::qr_path;
use crate::ui::address::start_url;
use crate::ui::components::consent;
use crate::ui::components::consent_text::date_words;
use crate::ui::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Today on this device's calendar, in words ("2 March 2026").
fn today() -> String {
    date_words(&consent::today())
}

/// Modules (with the quiet zone) across a code that still prints at the small size: a printed code scans well
/// with about half a millimetre per module, and the small size is 26 mm (main.css, take-home).
const SMALL_PRINT_MODULES: usize = 52;

/// The QR code's classes: a denser code (a longer link) prints larger.
fn qr_class(modules: usize) -> &'static str {
    if modules > SMALL_PRINT_MODULES {
        "qr dense"
    } else {
        "qr"
    }
}

/// Whether this browser has `navigator.<name>` (Web Share and the Clipboard API are missing in some browsers and
/// outside secure contexts; calling a missing one would throw inside the app).
fn navigator_has(name: &str) -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false)
}

/// Whether a rejected share was the person closing the share sheet, which needs no message.
fn cancelled(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "AbortError")
}

/// Selects the link's text box, so a person can copy it with their device's own command.
fn select_link_box() {
    if let Some(input) = document()
        .get_element_by_id("share-link")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Opens the device's share sheet with the link.
async fn share(url: String) -> Result<(), JsValue> {
    let data = web_sys::ShareData::new();
    data.set_title("My Mosaic plan");
    data.set_url(&url);
    JsFuture::from(window().navigator().share_with_data(&data))
        .await
        .map(|_| ())
}

/// Puts the link on the clipboard; false where this browser cannot.
async fn copy(url: String) -> bool {
    if !navigator_has("clipboard") {
        return false;
    }
    let written = window().navigator().clipboard().write_text(&url);
    JsFuture::from(written).await.is_ok()
}

/// Share (where the device can) and Copy link, with what happened said in a polite live region.
#[component]
fn ShareButtons(
    /// The link to the plan.
    href: Memo<String>,
    /// What the last action did, for the live region.
    status: RwSignal<String>,
) -> impl IntoView {
    // Feature-detected once: where the device has no share sheet the button is not shown at all.
    let can_share = navigator_has("share");
    let on_share = move |_| {
        let url = href.get_untracked();
        status.set(String::new());
        leptos::task::spawn_local(async move {
            if let Err(e) = share(url).await {
                if !cancelled(&e) {
                    status.set("This device could not share the link. Use \u{201c}Copy link\u{201d} instead.".into());
                }
            }
        });
    };
    let on_copy = move |_| {
        let url = href.get_untracked();
        status.set(String::new());
        leptos::task::spawn_local(async move {
            if copy(url).await {
                status.set("Link copied".into());
            } else {
                status.set(
                    "The link could not be copied here. It is selected in the box below: copy it with your device's copy command."
                        .into(),
                );
                select_link_box();
            }
        });
    };
    view! {
        <div class="take-home-actions no-print">
            {can_share.then(|| view! { <button type="button" class="primary" on:click=on_share>"Share"</button> })}
            <button type="button" on:click=on_copy>"Copy link"</button>
            <p class="take-home-status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// The take-home panel of the plan view.
#[component]
pub fn TakeHome() -> impl IntoView {
    let session = use_session();
    let in_kiosk = session.is_kiosk();
    let with_words = RwSignal::new(false);
    let with_flare = RwSignal::new(false);
    let has_flare = Memo::new(move |_| session.with(|s| !s.flare.is_empty()));
    let href = Memo::new(move |_| {
        let include = link::Include {
            own_words: with_words.get(),
            flare: with_flare.get(),
        };
        let payload = session.with(|s| link::encode_with(s, include));
        link::href(&start_url(), &payload)
    });
    let qr = Memo::new(move |_| qr_path(&href.get()));
    let status = RwSignal::new(String::new());
    // A printout is dated the day it is printed, even from a page left open overnight.
    let printed_on = RwSignal::new(today());
    let handle = window_event_listener_untyped("beforeprint", move |_| printed_on.set(today()));
    on_cleanup(move || handle.remove());
    // "Scan this code" only where the code is for another device: a kiosk's screen and any printout. A phone that
    // holds the plan cannot scan its own screen, so at home sharing and copying the link come first.
    let on_screen = if in_kiosk {
        "Scan this code with your phone's camera to open your plan in Mosaic on your phone, then choose "
    } else {
        "To have your plan on your phone or another device, share the link or copy it and open it there (or scan \
         this code with that device's camera), then choose "
    };
    view! {
        <section class="card take-home" aria-labelledby="take-home-heading">
            <h2 id="take-home-heading">"Take your plan home"</h2>
            <p class="no-print">
                {on_screen}
                "\u{201c}Save to this device\u{201d}. The plan travels inside the link itself: it is not sent to or stored on any server."
            </p>
            <div class="toggle no-print">
                <input type="checkbox" id="share-words" prop:checked=move || with_words.get()
                    on:change=move |ev| {
                        with_words.set(event_target_checked(&ev));
                        // The link has changed, so "Link copied" would now be about the old one.
                        status.set(String::new());
                    } />
                <label for="share-words">"Include what matters to me and my goals (in my own words)"</label>
            </div>
            <Show when=move || has_flare.get()>
                <div class="toggle no-print">
                    <input type="checkbox" id="share-flare" prop:checked=move || with_flare.get()
                        on:change=move |ev| {
                            with_flare.set(event_target_checked(&ev));
                            status.set(String::new());
                        } />
                    <label for="share-flare">"Include my flare plan (in my own words, shortened if long)"</label>
                </div>
            </Show>
            <div class="take-home-code">
                {move || match qr.get() {
                    Ok(q) => view! {
                        <svg class=qr_class(q.size) role="img" aria-label="QR code of a link to your plan" data-link=move || href.get()
                            viewBox=format!("0 0 {0} {0}", q.size) shape-rendering="crispEdges">
                            <rect width=q.size.to_string() height=q.size.to_string() fill="#fff" />
                            <path fill="#000" d=q.d />
                        </svg>
                    }.into_any(),
                    Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                }}
                {(!in_kiosk).then(|| view! { <ShareButtons href=href status=status /> })}
                // The printout: the date, what the code is for, and the same link as text.
                <div class="print-only take-home-print">
                    <p class="take-home-printed">
                        "Printed on " {move || printed_on.get()} ". Scan this code with your phone's camera to open "
                        "this plan in Mosaic, then choose \u{201c}Save to this device\u{201d}. The same link:"
                    </p>
                    <p class="take-home-link">{move || href.get()}</p>
                </div>
            </div>
            {(!in_kiosk).then(|| view! {
                <label class="no-print" for="share-link">"The link to your plan (it contains your plan)"</label>
                <input id="share-link" class="no-print" type="text" readonly prop:value=move || href.get()
                    on:focus=move |ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::qr_class;

    #[test]
    fn a_denser_code_prints_larger() {
        assert_eq!(qr_class(41), "qr");
        assert_eq!(qr_class(52), "qr");
        assert_eq!(qr_class(53), "qr dense");
    }
}
