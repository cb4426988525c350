//! The two downloads of the share view: the FHIR R4 file and the calendar. Each is built from the shared copy at the
//! moment of the click and saved through the one download path (`share::download`), with what happened said in a
//! polite live region.

use super::SharedCopy;
use crate::share::calendar::{calendar, utc_stamp, CalendarOptions};
use crate::share::choices::ShareChoices;
use crate::share::download::{now_iso, save_file, stamp};
use crate::share::fhir::bundle;
use crate::ui::components::consent;
use leptos::prelude::*;

/// "08:00" as (8, 0); `None` for anything else.
fn parse_time(value: &str) -> Option<(u8, u8)> {
    let (h, m) = value.split_once(':')?;
    let (h, m) = (h.parse::<u8>().ok()?, m.get(..2)?.parse::<u8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// "Download the health-record file (FHIR)".
#[component]
pub fn FhirButton(shared: Memo<SharedCopy>, choices: RwSignal<ShareChoices>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let on_click = move |_| {
        let now = now_iso();
        let json = shared.with_untracked(|s| bundle(&s.state, &choices.get_untracked(), &now));
        let name = format!("mosaic-health-record-{}.json", stamp(&now));
        status.set(match save_file(&name, "application/fhir+json", &json) {
            Ok(()) => format!("Saved {name} to your downloads."),
            Err(e) => format!("The file could not be saved: {e}."),
        });
    };
    view! {
        <button type="button" on:click=on_click>"Download for a health record (FHIR file)"</button>
        <p class="take-home-status" role="status">{move || status.get()}</p>
    }
}

/// The calendar: when the plan starts, the time of day, the reminder, and the download.
#[component]
pub fn CalendarPanel(shared: Memo<SharedCopy>) -> impl IntoView {
    // The plan's weeks count from the first check-in; before any, from today.
    let first_day = shared.with_untracked(|s| {
        s.state
            .checkins
            .iter()
            .map(|c| c.date.clone())
            .min()
            .unwrap_or_else(consent::today)
    });
    let start = RwSignal::new(first_day);
    let time = RwSignal::new("08:00".to_string());
    let remind = RwSignal::new(30u16);
    let status = RwSignal::new(String::new());
    let has_plan =
        Memo::new(move |_| shared.with(|s| s.plan.as_ref().is_some_and(|p| !p.items.is_empty())));
    let on_click = move |_| {
        let Some(at) = parse_time(&time.get_untracked()) else {
            status.set("Please enter a time of day, such as 08:00.".into());
            return;
        };
        let start_day = start.get_untracked();
        if crate::clinical::dates::day_number(&start_day).is_none() {
            status.set("Please enter the date your plan starts.".into());
            return;
        }
        let options = CalendarOptions {
            start: start_day,
            time: at,
            remind_minutes: remind.get_untracked(),
            stamp: utc_stamp((js_sys::Date::now() / 1000.0) as i64),
        };
        let Some(text) = shared.with_untracked(|s| s.plan.as_ref().map(|p| calendar(p, &options)))
        else {
            return;
        };
        status.set(match save_file("mosaic-plan.ics", "text/calendar", &text) {
            Ok(()) => "Saved mosaic-plan.ics to your downloads. Open it to add the sessions to your calendar; \
                       opening a newer one later updates them."
                .into(),
            Err(e) => format!("The calendar could not be saved: {e}."),
        });
    };
    view! {
        <fieldset class="share-calendar">
            <legend><h3>"Your sessions in your calendar"</h3></legend>
            <Show when=move || has_plan.get()
                fallback=|| view! { <p class="hint">"Once you have a plan with therapies, you can add its sessions to your calendar."</p> }>
                <div class="share-field">
                    <label for="calendar-start">"My plan starts on"</label>
                    <input type="date" id="calendar-start" prop:value=move || start.get()
                        on:change=move |ev| start.set(event_target_value(&ev)) />
                </div>
                <div class="share-field">
                    <label for="calendar-time">"Time of my sessions"</label>
                    <input type="time" id="calendar-time" prop:value=move || time.get()
                        on:change=move |ev| time.set(event_target_value(&ev)) />
                </div>
                <div class="share-field">
                    <label for="calendar-remind">"Remind me"</label>
                    <select id="calendar-remind" on:change=move |ev| {
                        remind.set(event_target_value(&ev).parse().unwrap_or(30));
                    }>
                        <option value="15" selected=move || remind.get() == 15>"15 minutes before"</option>
                        <option value="30" selected=move || remind.get() == 30>"30 minutes before"</option>
                        <option value="60" selected=move || remind.get() == 60>"1 hour before"</option>
                        <option value="1440" selected=move || remind.get() == 1440>"1 day before"</option>
                    </select>
                </div>
                <button type="button" on:click=on_click>"Download calendar (.ics)"</button>
            </Show>
            <p class="take-home-status" role="status">{move || status.get()}</p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn a_time_field_value_reads_as_hours_and_minutes() {
        assert_eq!(parse_time("08:00"), Some((8, 0)));
        assert_eq!(parse_time("18:45:00"), Some((18, 45)));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time(""), None);
    }
}
