//! Settings' "Lock with a passphrase": turning the lock on (after saying plainly that a forgotten passphrase loses
//! the data), how long Mosaic waits before locking itself, locking now, and turning the lock off again.

use crate::store::saver::SaveStatus;
use crate::store::seal::{LOCK_AFTER_CHOICES, MIN_PASSPHRASE_CHARS};
use crate::ui::save_status::download_backup;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The words for a choice of minutes.
fn minutes_text(minutes: u32) -> String {
    match minutes {
        1 => "1 minute".to_string(),
        60 => "1 hour".to_string(),
        m => format!("{m} minutes"),
    }
}

/// What is wrong with a new passphrase and its repetition, if anything.
fn check_new(passphrase: &str, again: &str, understood: bool) -> Option<String> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Some(format!(
            "Use at least {MIN_PASSPHRASE_CHARS} characters for the passphrase."
        ));
    }
    if passphrase != again {
        return Some("The two passphrases are not the same. Type them again.".to_string());
    }
    if !understood {
        return Some(
            "Tick the box to confirm that a forgotten passphrase cannot be recovered.".to_string(),
        );
    }
    None
}

/// The lock's section of Settings.
#[component]
pub fn PassphraseLock() -> impl IntoView {
    let session = use_session();
    let on = RwSignal::new(session.lock_is_on());
    let lock_after = RwSignal::new(session.lock_after_min().unwrap_or(LOCK_AFTER_CHOICES[0]));
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let working = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<String>);
    let can_save = move || {
        matches!(
            session.save_status(),
            SaveStatus::Fresh | SaveStatus::Pending | SaveStatus::Saved { .. }
        )
    };

    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked().is_some() {
            return;
        }
        let (typed, repeated) = (passphrase.get_untracked(), again.get_untracked());
        if let Some(problem) = check_new(&typed, &repeated, understood.get_untracked()) {
            error.set(Some(problem));
            return;
        }
        error.set(None);
        working.set(Some("Turning the lock on… this takes a moment."));
        leptos::task::spawn_local(async move {
            let result = session
                .turn_lock_on(&typed, lock_after.get_untracked())
                .await;
            working.try_set(None);
            match result {
                Ok(()) => {
                    passphrase.try_set(String::new());
                    again.try_set(String::new());
                    on.try_set(true);
                }
                Err(why) => {
                    error.try_set(Some(why));
                }
            }
        });
    };
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked().is_some() {
            return;
        }
        let typed = passphrase.get_untracked();
        error.set(None);
        working.set(Some("Checking the passphrase… this takes a moment."));
        leptos::task::spawn_local(async move {
            let result = session.turn_lock_off(&typed).await;
            working.try_set(None);
            match result {
                Ok(()) => {
                    passphrase.try_set(String::new());
                    on.try_set(false);
                }
                Err(why) => {
                    error.try_set(Some(why));
                }
            }
        });
    };
    let lock_now = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(why) = session.lock_now().await {
                error.try_set(Some(why));
            }
        });
    };
    let choose_minutes = move |ev| {
        if let Ok(minutes) = event_target_value(&ev).parse::<u32>() {
            lock_after.set(minutes);
            if on.get_untracked() {
                session.set_lock_after(minutes);
            }
        }
    };
    let minutes_select = move || {
        view! {
            <label for="lock-after">"Lock after this long without use"</label>
            <select id="lock-after" on:change=choose_minutes>
                {LOCK_AFTER_CHOICES
                    .iter()
                    .map(|m| {
                        let m = *m;
                        view! {
                            <option value=m.to_string() selected=move || lock_after.get() == m>
                                {minutes_text(m)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
    };
    let feedback = move || {
        view! {
            <p class="field-error" id="lock-error" role="alert">{move || error.get()}</p>
            <p class="hint" role="status">{move || working.get()}</p>
        }
    };

    view! {
        <section class="card" aria-labelledby="lock-heading" data-lock=move || if on.get() { "on" } else { "off" }>
            <h2 id="lock-heading">"Lock with a passphrase"</h2>
            {move || if on.get() {
                view! {
                    <p data-lock-state>
                        "On: your data on this device is encrypted. Mosaic asks for your passphrase when it is "
                        "opened, and locks itself after " {move || minutes_text(lock_after.get())} " without use."
                    </p>
                    {minutes_select()}
                    <p><button type="button" on:click=lock_now>"Lock now"</button></p>
                    <form on:submit=turn_off novalidate>
                        <h3>"Turn the lock off"</h3>
                        <p>"Your data is then saved on this device without encryption."</p>
                        <label for="lock-off-passphrase">"Your passphrase"</label>
                        <input type="password" id="lock-off-passphrase" autocomplete="current-password"
                            aria-describedby="lock-error"
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                        {feedback()}
                        <button type="submit">"Turn the lock off"</button>
                    </form>
                }.into_any()
            } else if !can_save() {
                view! {
                    <p>"The lock can be turned on once Mosaic is saving on this device again (see the message at the top of the page)."</p>
                }.into_any()
            } else {
                view! {
                    <p data-lock-state>
                        "Off. Anyone who can open this browser can read your plan. With a passphrase, Mosaic keeps "
                        "your data encrypted on this device and asks for the passphrase each time it is opened."
                    </p>
                    <p>
                        <strong>"If you forget the passphrase, your data cannot be recovered"</strong>
                        ": nobody has a copy of it. Download a backup first and keep it somewhere safe."
                    </p>
                    <p>
                        <button type="button" on:click=move |_| session.with_untracked(download_backup)>
                            "Download a backup"
                        </button>
                    </p>
                    <form on:submit=turn_on novalidate>
                        <label for="lock-passphrase">"New passphrase"</label>
                        <input type="password" id="lock-passphrase" autocomplete="new-password"
                            aria-describedby="lock-passphrase-hint lock-error"
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                        <p class="hint" id="lock-passphrase-hint">
                            {format!("At least {MIN_PASSPHRASE_CHARS} characters. A few unrelated words are easy to remember and hard to guess.")}
                        </p>
                        <label for="lock-passphrase-again">"Type the passphrase again"</label>
                        <input type="password" id="lock-passphrase-again" autocomplete="new-password"
                            aria-describedby="lock-error"
                            prop:value=move || again.get()
                            on:input=move |ev| again.set(event_target_value(&ev)) />
                        {minutes_select()}
                        <div class="toggle">
                            <input type="checkbox" id="lock-understood"
                                prop:checked=move || understood.get()
                                on:change=move |ev| understood.set(event_target_checked(&ev)) />
                            <label for="lock-understood">"I understand that if I forget the passphrase, my data on this device cannot be recovered"</label>
                        </div>
                        {feedback()}
                        <button type="submit" class="primary">"Turn the lock on"</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
