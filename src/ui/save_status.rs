//! What the person sees about saving: a small status in the header, and banners when saving needs their attention.

use crate::share::download::{now_iso, save_file, stamp};
use crate::store::backup;
use crate::store::document::AppState;
use crate::store::saver::SaveStatus;
use crate::ui::session::{use_session, Session};
use leptos::prelude::*;

/// Downloads a backup of the current state (works in every mode, including read-only and memory-only).
pub fn download_backup(state: &AppState) {
    let now = now_iso();
    let _ = save_file(
        &format!("mosaic-backup-{}.json", stamp(&now)),
        "application/json",
        &backup::export(state, &now),
    );
}

/// Downloads a backup of the current state, encrypted with the passphrase when `encrypt` and the lock is on, in
/// clear otherwise; the error is a sentence for the person.
pub async fn download_backup_from(session: Session, encrypt: bool) -> Result<(), String> {
    if !(encrypt && session.lock_is_on()) {
        session.with_untracked(download_backup);
        return Ok(());
    }
    let now = now_iso();
    let file = session.sealed_backup(&now).await.map_err(|why| {
        format!("The encrypted backup could not be made: {why}. Nothing was downloaded.")
    })?;
    save_file(
        &format!("mosaic-backup-{}-encrypted.json", stamp(&now)),
        "application/json",
        &file,
    )
    .map_err(|why| format!("The backup could not be downloaded: {why}."))
}

/// The small "Saved / Saving… / Not saved" indicator in the header.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let session = use_session();
    let text = move || match session.save_status() {
        SaveStatus::Fresh => "Nothing saved yet",
        SaveStatus::Pending => "Saving…",
        SaveStatus::Saved { .. } => "Saved on this device",
        SaveStatus::NotSaved { .. } => "Not saved",
        SaveStatus::MemoryOnly => "Not saved (this page only)",
        SaveStatus::ReadOnly { .. } => "Read-only",
        SaveStatus::Quarantined { .. } => "Saving paused",
        SaveStatus::Conflict => "Changed in another tab",
        SaveStatus::Locked => "Locked",
    };
    let kind = move || match session.save_status() {
        SaveStatus::Saved { .. } | SaveStatus::Fresh | SaveStatus::Pending | SaveStatus::Locked => {
            "ok"
        }
        _ => "problem",
    };
    view! { <p class="save-status" data-save-status=kind aria-live="polite">{text}</p> }
}

/// Banners for every storage state that needs a decision or a warning.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let session = use_session();
    let message = RwSignal::new(None::<String>);
    move || {
        // With the lock on, a backup made in a hurry is encrypted like the data it copies.
        let backup_button = move || {
            view! {
                <button type="button" on:click=move |_| {
                    leptos::task::spawn_local(async move {
                        if let Err(why) = download_backup_from(session, true).await {
                            message.try_set(Some(why));
                        }
                    });
                }>
                    "Download a backup"
                </button>
            }
        };
        match session.save_status() {
            SaveStatus::NotSaved { reason } => view! {
                <div class="banner problem" role="alert">
                    <p><strong>"Not saved: "</strong>{reason}". Your answers are still here on this page and Mosaic keeps trying to save them. To be safe, download a backup."</p>
                    {backup_button()}
                    <p class="field-error">{move || message.get()}</p>
                </div>
            }.into_any(),
            SaveStatus::MemoryOnly => view! {
                <div class="banner problem" role="alert">
                    <p><strong>"This browser is not letting Mosaic save. "</strong>"Your answers are kept only while this page is open. Download a backup to keep them."</p>
                    {backup_button()}
                    <p class="field-error">{move || message.get()}</p>
                </div>
            }.into_any(),
            SaveStatus::ReadOnly { schema } => view! {
                <div class="banner problem" role="alert">
                    <p><strong>"Saved by a newer version of Mosaic. "</strong>
                    {format!("Your saved data (format {schema}) is shown read-only and will not be changed; anything you change now is not saved. Update Mosaic to keep working on it.")}</p>
                    <button type="button" on:click=move |_| {
                        if let Some(raw) = session.raw_document() {
                            let _ = save_file(&format!("mosaic-saved-data-{}.json", stamp(&now_iso())), "application/json", &raw);
                        }
                    }>"Download your saved data"</button>
                </div>
            }.into_any(),
            SaveStatus::Quarantined { reason, copy_key } => view! {
                <div class="banner problem" role="alert" data-banner="recovery">
                    <p><strong>"We could not read what was saved on this device. "</strong>
                    "It has been kept aside, unchanged, and nothing will be saved over it until you choose what to do. ("{reason}")"</p>
                    <div class="banner-actions">
                        <button type="button" on:click=move |_| {
                            if let Some(raw) = session.unreadable_bytes() {
                                if save_file(&format!("mosaic-unreadable-{}.json", stamp(&now_iso())), "application/json", &raw).is_ok() && copy_key.is_none() {
                                    session.release_quarantine();
                                }
                            }
                        }>"Download the unreadable data"</button>
                        <button type="button" on:click=move |_| match session.start_fresh() {
                            Ok(()) => message.set(None),
                            Err(e) => message.set(Some(e)),
                        }>"Start fresh (keep a copy)"</button>
                        <a class="button" href="#/settings">"Restore a backup"</a>
                    </div>
                    <p class="field-error">{move || message.get()}</p>
                </div>
            }.into_any(),
            SaveStatus::Conflict => view! {
                <div class="banner problem" role="alert">
                    <p><strong>"Mosaic was changed in another tab. "</strong>"This tab has changes that are not saved. Which version do you want to keep?"</p>
                    <div class="banner-actions">
                        <button type="button" on:click=move |_| session.keep_theirs()>"Use the other tab's version"</button>
                        <button type="button" on:click=move |_| session.keep_mine()>"Keep this tab's version"</button>
                    </div>
                </div>
            }.into_any(),
            _ => ().into_any(),
        }
    }
}
