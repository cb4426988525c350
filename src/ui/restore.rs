//! "Restore a backup": pick a file, see what it holds and what it replaces, then confirm. Nothing changes before that.

use crate::store::backup::{self, Preview, MAX_BYTES};
use crate::ui::chunked_views::read_backup;
use crate::ui::route::Route;
use crate::ui::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the chosen file as text, refusing large files before reading them.
async fn read_file(input: web_sys::HtmlInputElement) -> Result<Vec<u8>, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("No file was chosen.")?;
    if file.size() > MAX_BYTES as f64 {
        return Err(format!(
            "This file is too large to be a Mosaic backup ({} KB; the limit is {} KB).",
            (file.size() / 1024.0) as u64,
            MAX_BYTES / 1024
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read.")?;
    Ok(text.as_string().unwrap_or_default().into_bytes())
}

/// A file input that previews a backup and restores it on confirmation.
#[component]
pub fn RestoreBackup(
    /// Unique id for the file input.
    id: &'static str,
) -> impl IntoView {
    let session = use_session();
    let preview = RwSignal::new(None::<Preview>);
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        preview.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            let read = match read_file(input.clone()).await {
                Ok(bytes) => read_backup(bytes).await.unwrap_or_else(|_| {
                    Err("The part of Mosaic that reads backups could not be loaded: your device may be \
                         offline, or this site was updated since you opened it. Nothing was changed; \
                         check your connection and choose the file again."
                        .into())
                }),
                Err(e) => Err(e),
            };
            match read {
                Ok(p) => preview.set(Some(p)),
                Err(e) => error.set(Some(e)),
            }
            input.set_value("");
        });
    };
    let restore = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        match session.replace(p.state) {
            Ok(()) => {
                preview.set(None);
                session.navigate(&Route::Screening);
            }
            Err(e) => error.set(Some(format!("Nothing was changed: {}.", e.explain()))),
        }
    };
    view! {
        <div class="restore">
            <label class="file-label" for=id>"Restore a backup"</label>
            <input type="file" id=id accept=".json,application/json" on:change=on_change
                aria-describedby=error_id.clone() />
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
            {move || preview.get().map(|p| {
                let current = session.with_untracked(backup::describe);
                let had_answers = session.with_untracked(|s| s.has_answers());
                view! {
                    <section class="restore-preview" aria-labelledby=format!("{id}-preview")>
                        <h3 id=format!("{id}-preview")>"This backup holds"</h3>
                        <ul>{p.summary.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        {(!p.exported_at.is_empty()).then(|| view! { <p>"Saved " {p.exported_at.clone()}</p> })}
                        {had_answers.then(|| view! {
                            <p><strong>"It will replace what is on this device now: "</strong>{current.join("; ")}
                            ". A copy of that is kept on this device."</p>
                        })}
                        <div class="banner-actions">
                            <button type="button" class="primary" on:click=restore>"Restore this backup"</button>
                            <button type="button" on:click=move |_| preview.set(None)>"Cancel"</button>
                        </div>
                    </section>
                }
            })}
        </div>
    }
}
