//! "Restore a backup": pick a file, give its passphrase if it is encrypted, see what it holds and what it replaces,
//! then confirm. Nothing changes before that.

use crate::store::backup::{self, Opened, Preview, SealedBackup, MAX_BYTES};
use crate::store::crypto::{LockKey, OpenError};
use crate::ui::chunked_views::{read_backup, restore_panel};
use crate::ui::deferred::deferred;
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

/// The words shown when the backup reader's code cannot be fetched.
const READER_MISSING: &str = "The part of Mosaic that reads backups could not be loaded: your device may be \
     offline, or this site was updated since you opened it. Nothing was changed; check your connection and choose \
     the file again.";

/// Reads a chosen file in the backup reader's chunk.
async fn read(bytes: Vec<u8>) -> Result<Opened, String> {
    read_backup(bytes)
        .await
        .unwrap_or_else(|_| Err(READER_MISSING.to_string()))
}

/// Opens an encrypted backup with `passphrase` and checks what it holds, as a plain backup is checked (in the
/// restore panel's chunk, with the key derivation it needs).
async fn open_sealed(file: &SealedBackup, passphrase: &str) -> Result<Preview, String> {
    let opened = match LockKey::for_sealed(passphrase, &file.sealed).await {
        Ok(key) => key.open(&file.sealed, &file.aad()).await,
        Err(e) => Err(e),
    };
    let damaged = "This encrypted backup is damaged, so it cannot be opened. Nothing was changed.";
    let data = opened.map_err(|e| match e {
        OpenError::WrongPassphrase => {
            "That passphrase does not open this backup. Nothing was changed; type it again."
                .to_string()
        }
        OpenError::Malformed => damaged.to_string(),
        OpenError::NoCrypto(why) => {
            format!("This backup could not be opened: {why}. Nothing was changed.")
        }
    })?;
    let data = String::from_utf8(data).map_err(|_| damaged.to_string())?;
    backup::import(file.plain(&data).as_bytes())
}

/// A file input that previews a backup and restores it on confirmation. The file input stays in the first download;
/// what follows a chosen file (the passphrase of an encrypted backup, the preview) comes with the backup reader's
/// code, as [`RestorePanel`].
#[component]
pub fn RestoreBackup(
    /// Unique id for the file input.
    id: &'static str,
) -> impl IntoView {
    let preview = RwSignal::new(None::<Preview>);
    let sealed = RwSignal::new(None::<SealedBackup>);
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
        sealed.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            let opened = match read_file(input.clone()).await {
                Ok(bytes) => read(bytes).await,
                Err(e) => Err(e),
            };
            match opened {
                Ok(Opened::Plain(p)) => {
                    preview.try_set(Some(*p));
                }
                Ok(Opened::Sealed(file)) => {
                    sealed.try_set(Some(file));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            input.set_value("");
        });
    };
    // A memo: the panel is built once per chosen file, not again when it moves from the passphrase to the preview.
    let chosen = Memo::new(move |_| preview.with(Option::is_some) || sealed.with(Option::is_some));
    view! {
        <div class="restore">
            <label class="file-label" for=id>"Restore a backup"</label>
            <input type="file" id=id accept=".json,application/json" on:change=on_change
                aria-describedby=error_id.clone() />
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
            {move || chosen.get().then(|| deferred(move || restore_panel(id, preview, sealed, error)))}
        </div>
    }
}

/// After a file is chosen: the passphrase of an encrypted backup, then what the backup holds, what it replaces, and
/// "Restore this backup".
#[component]
pub fn RestorePanel(
    /// The file input's id (the panel's ids derive from it).
    id: &'static str,
    /// The checked backup, once there is one.
    preview: RwSignal<Option<Preview>>,
    /// An encrypted backup waiting for its passphrase.
    sealed: RwSignal<Option<SealedBackup>>,
    /// The message under the file input.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let passphrase = RwSignal::new(String::new());
    let opening = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let passphrase_id = format!("{id}-passphrase");
    let unseal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = sealed.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        if opening.get_untracked() {
            return;
        }
        if typed.is_empty() {
            error.set(Some(
                "Type the passphrase this backup was made with.".to_string(),
            ));
            return;
        }
        error.set(None);
        opening.set(true);
        leptos::task::spawn_local(async move {
            let opened = open_sealed(&file, &typed).await;
            opening.try_set(false);
            match opened {
                Ok(p) => {
                    passphrase.try_set(String::new());
                    sealed.try_set(None);
                    preview.try_set(Some(p));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
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
        {move || sealed.get().map(|_| {
            let passphrase_id = passphrase_id.clone();
            let error_id = error_id.clone();
            view! {
                <form class="restore-unseal" on:submit=unseal novalidate>
                    <p>"This backup is encrypted. Type the passphrase it was made with to see what it holds."</p>
                    <label for=passphrase_id.clone()>"Passphrase of this backup"</label>
                    <input type="password" id=passphrase_id autocomplete="current-password"
                        aria-describedby=error_id
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                    <div class="banner-actions">
                        <button type="submit" class="primary" aria-disabled=move || opening.get().to_string()>
                            "Open this backup"
                        </button>
                        <button type="button" on:click=move |_| { sealed.set(None); error.set(None); }>"Cancel"</button>
                    </div>
                    <p class="hint" role="status">{move || opening.get().then_some("Opening… this takes a moment.")}</p>
                </form>
            }
        })}
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
    }
}
