//! The saved check-ins, newest first, each with a link to open it and "Delete" (with "Undo" until the next delete).

use super::Editing;
use crate::clinical::progress::CheckIn;
use crate::ui::address::rename_address;
use crate::ui::components::consent_text::date_words;
use crate::ui::route::Route;
use leptos::prelude::*;

/// One line of the list: "Week 3 · PEG 5.3" or what is missing.
fn summary(c: &CheckIn) -> String {
    let peg = c
        .peg_mean()
        .map_or_else(|| "PEG not complete".to_string(), |m| format!("PEG {m:.1}"));
    format!("Week {} \u{b7} {peg}", c.week)
}

/// The list of saved check-ins.
#[component]
pub fn History(editing: Editing) -> impl IntoView {
    let session = editing.session;
    // The last deleted check-in and where it was, for "Undo".
    let deleted = RwSignal::new(None::<(usize, CheckIn)>);
    let delete = move |i: usize| {
        let Some(removed) = session.with_untracked(|s| s.checkins.get(i).cloned()) else {
            return;
        };
        session.update(|s| {
            s.checkins.remove(i);
        });
        // The open check-in moves up one place when an earlier one goes; the deleted one itself is no longer open.
        match editing.index.get_untracked() {
            Some(open) if open == i => {
                editing.index.set(None);
                rename_address(&Route::CheckIn(None).href());
            }
            Some(open) if open > i => {
                editing.index.set(Some(open - 1));
                rename_address(&Route::CheckIn(Some(open)).href());
            }
            _ => {}
        }
        deleted.set(Some((i, removed)));
    };
    let undo = move |_| {
        if let Some((i, c)) = deleted.get_untracked() {
            session.update(|s| {
                let at = i.min(s.checkins.len());
                s.checkins.insert(at, c);
            });
            if let Some(open) = editing.index.get_untracked().filter(|open| *open >= i) {
                editing.index.set(Some(open + 1));
                rename_address(&Route::CheckIn(Some(open + 2)).href());
            }
            deleted.set(None);
        }
    };
    let rows = move || {
        let list: Vec<(usize, CheckIn)> =
            session.with(|s| s.checkins.iter().cloned().enumerate().rev().collect());
        list.into_iter()
            .map(|(i, c)| {
                let when = date_words(&c.date);
                let open = editing.index.get() == Some(i);
                view! {
                    <li class:open=open>
                        <a href=Route::CheckIn(Some(i + 1)).href() aria-current=open.then_some("page")>
                            {when.clone()}
                        </a>
                        " " <span class="hint">{summary(&c)}</span>
                        <button type="button" class="small" aria-label=format!("Delete the check-in of {when}")
                            on:click=move |_| delete(i)>"Delete"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let any = move || session.with(|s| !s.checkins.is_empty());
    view! {
        <section class="check-in-history" aria-labelledby="history-heading">
            <h2 id="history-heading">"Your check-ins"</h2>
            <p class="hint" role="status">
                {move || deleted.with(|d| d.as_ref().map(|(_, c)| format!("The check-in of {} was deleted. ", date_words(&c.date))))}
                {move || deleted.with(Option::is_some).then(|| view! {
                    <button type="button" class="small" on:click=undo>"Undo"</button>
                })}
            </p>
            <Show when=any fallback=|| view! { <p>"No check-ins yet."</p> }>
                <ul class="check-in-list">{rows}</ul>
                <a class="button" href=Route::CheckIn(None).href()>"Start a new check-in"</a>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_says_the_week_and_the_peg_or_that_it_is_incomplete() {
        let mut c = CheckIn {
            date: "2026-03-02".into(),
            week: 3,
            ..CheckIn::default()
        };
        assert_eq!(summary(&c), "Week 3 \u{b7} PEG not complete");
        c.peg.pain = Some(6);
        c.peg.enjoyment = Some(5);
        c.peg.activity = Some(5);
        assert_eq!(summary(&c), "Week 3 \u{b7} PEG 5.3");
    }
}
