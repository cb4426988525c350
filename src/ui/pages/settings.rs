//! Settings: backup, restore, the passphrase lock, delete everything, storage status, the local crisis line and
//! display preferences.

use crate::clinical::rules::rule_book;
use crate::store::limits::MAX_CRISIS_LINE_CHARS;
use crate::store::saver::SaveStatus;
use crate::ui::components::delete_everything::DeleteEverything;
use crate::ui::kiosk::setup::KioskSetup;
use crate::ui::passphrase_lock::PassphraseLock;
use crate::ui::restore::RestoreBackup;
use crate::ui::save_status::download_backup_from;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The rule book's crisis lines in one phrase, e.g. "call or text 988 in the US" (the data's regions start a
/// sentence, so their first letter is lowered here).
fn known_crisis_lines() -> String {
    rule_book()
        .crisis_lines
        .iter()
        .map(|c| {
            let mut region = c.region.chars();
            let region = region
                .next()
                .map(|first| first.to_lowercase().chain(region).collect::<String>())
                .unwrap_or_default();
            format!("{} {} {}", c.how, c.contact, region)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The Settings view.
#[component]
pub fn SettingsView() -> impl IntoView {
    let session = use_session();
    let persisted = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move { persisted.set(session.persisted().await) });

    let saved_text = move || match session.save_status() {
        SaveStatus::Saved { at } if !at.is_empty() => format!("Saved on this device ({at})."),
        SaveStatus::Saved { .. } => "Saved on this device.".to_string(),
        SaveStatus::Fresh => "Nothing has been saved yet.".to_string(),
        SaveStatus::Pending => "Saving…".to_string(),
        SaveStatus::NotSaved { reason } => format!("Not saved: {reason}."),
        SaveStatus::MemoryOnly => "Not saved: this browser does not let Mosaic save.".to_string(),
        SaveStatus::ReadOnly { .. } => "Read-only: saved by a newer version of Mosaic.".to_string(),
        SaveStatus::Quarantined { .. } => {
            "Saving is paused until you decide about unreadable data.".to_string()
        }
        SaveStatus::Conflict => "Changed in another tab: choose which version to keep.".to_string(),
        SaveStatus::Locked => "Locked with a passphrase.".to_string(),
    };
    // Offered while the lock is on (re-read when the save status changes, as turning the lock on or off saves).
    let lock_on = move || {
        session.save_status();
        session.lock_is_on()
    };
    let encrypt = RwSignal::new(true);
    let backup_error = RwSignal::new(None::<String>);
    let download = move |_| {
        backup_error.set(None);
        leptos::task::spawn_local(async move {
            if let Err(why) = download_backup_from(session, encrypt.get_untracked()).await {
                backup_error.try_set(Some(why));
            }
        });
    };
    let persisted_text = move || {
        match persisted.get() {
        Some(true) => "Protected: the browser will not clear Mosaic's data to free space.",
        Some(false) => "Not protected: the browser may clear Mosaic's data if the device runs low on space. Keep a backup.",
        None => "The browser did not say whether Mosaic's data is protected. Keep a backup.",
    }
    };

    view! {
        <section class="view settings" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Settings"</h1>

            <section class="card" aria-labelledby="data-heading">
                <h2 id="data-heading">"Your data on this device"</h2>
                <p data-storage-status>{saved_text}</p>
                <p data-persisted>{persisted_text}</p>
                {move || lock_on().then(|| view! {
                    <div class="toggle">
                        <input type="checkbox" id="encrypt-backup" aria-describedby="encrypt-backup-hint"
                            prop:checked=move || encrypt.get()
                            on:change=move |ev| encrypt.set(event_target_checked(&ev)) />
                        <label for="encrypt-backup">"Encrypt the backup with my passphrase"</label>
                    </div>
                    <p class="hint" id="encrypt-backup-hint">
                        "An encrypted backup can be restored only with your passphrase, on this device or another."
                    </p>
                })}
                <p>
                    <button type="button" on:click=download>"Download a backup"</button>
                </p>
                <p class="field-error" role="alert">{move || backup_error.get()}</p>
                <p class="hint">"A backup is a file you keep. It holds your answers, choices, plan and check-ins."</p>
                <RestoreBackup id="settings-restore" />
            </section>

            <PassphraseLock />

            <section class="card" aria-labelledby="crisis-heading">
                <h2 id="crisis-heading">"Your local crisis line"</h2>
                <label for="crisis-line">"Crisis line to show if you tell Mosaic you are thinking of harming yourself"</label>
                <input
                    type="text"
                    id="crisis-line"
                    autocomplete="off"
                    maxlength=MAX_CRISIS_LINE_CHARS
                    aria-describedby="crisis-help"
                    prop:value=move || session.with(|s| s.settings.crisis_line.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        session.update(|s| s.settings.crisis_line = v);
                    }
                />
                <p class="hint" id="crisis-help">
                    "For example the name and number of a crisis line where you live. Left empty, Mosaic says "
                    "\"your local emergency number\" and shows the crisis lines it knows: " {known_crisis_lines()} "."
                </p>
            </section>

            <section class="card" aria-labelledby="display-heading">
                <h2 id="display-heading">"Display"</h2>
                <div class="toggle">
                    <input type="checkbox" id="large-text"
                        prop:checked=move || session.with(|s| s.settings.large_text)
                        on:change=move |ev| { let on = event_target_checked(&ev); session.update(|s| s.settings.large_text = on) } />
                    <label for="large-text">"Larger text"</label>
                </div>
                <div class="toggle">
                    <input type="checkbox" id="high-contrast"
                        prop:checked=move || session.with(|s| s.settings.high_contrast)
                        on:change=move |ev| { let on = event_target_checked(&ev); session.update(|s| s.settings.high_contrast = on) } />
                    <label for="high-contrast">"Higher contrast"</label>
                </div>
            </section>

            <section class="card" aria-labelledby="rules-heading">
                <h2 id="rules-heading">"Safety rules"</h2>
                <p>
                    "Every rule Mosaic uses to check safety, in plain words and with its source: "
                    <a href="#/safety-rules">"How Mosaic checks safety"</a>
                </p>
            </section>

            <KioskSetup />

            <section class="card danger-zone" aria-labelledby="delete-heading">
                <h2 id="delete-heading">"Delete everything"</h2>
                <p>"Removes all of Mosaic's data from this browser: answers, choices, plan, check-ins, settings and kept copies. This cannot be undone — download a backup first if you may want it later."</p>
                <DeleteEverything
                    ask="Delete everything…"
                    question="Delete all of Mosaic's data from this browser?"
                    confirm="Yes, delete everything"
                    id="confirm-delete"
                />
            </section>
        </section>
    }
}
