//! The plan page's last change, said in one status line: what was done, which other therapies it moved to another
//! day (the plan spreads therapies around each other, so one change can shift another), and an Undo.

use super::model::change_status;
use crate::clinical::catalog::catalog;
use crate::clinical::plan::{moved_days, Plan, PlanChange, PlanSettings};
use crate::store::document::{AppState, Consent};
use crate::ui::session::Session;
use leptos::html;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The parts of the document a plan-page change touches, as they were before it.
#[derive(Clone)]
struct Before {
    selected: Vec<String>,
    plan: PlanSettings,
    /// Kept because taking a therapy out drops its consent; undoing brings both back.
    consents: BTreeMap<String, Consent>,
}

impl Before {
    /// A copy of those parts of `s`.
    fn of(s: &AppState) -> Before {
        Before {
            selected: s.selected.clone(),
            plan: s.plan.clone(),
            consents: s.consents.clone(),
        }
    }

    /// Puts them back into `s`.
    fn restore(self, s: &mut AppState) {
        s.selected = self.selected;
        s.plan = self.plan;
        s.consents = self.consents;
    }
}

/// What the status line says, and what Undo puts back (with the therapy the change was about).
#[derive(Clone, Default)]
struct Said {
    text: String,
    undo: Option<(Before, String)>,
}

/// How the plan page's controls change the plan, so every change is reported the same way (one per page).
#[derive(Clone, Copy)]
pub struct PlanEdits {
    session: Session,
    plan: Memo<Plan>,
    said: RwSignal<Said>,
    undo_button: NodeRef<html::Button>,
    line: NodeRef<html::P>,
}

impl PlanEdits {
    /// Edits over `session`'s document, comparing `plan` before and after each change.
    pub fn new(session: Session, plan: Memo<Plan>) -> PlanEdits {
        PlanEdits {
            session,
            plan,
            said: RwSignal::new(Said::default()),
            undo_button: NodeRef::new(),
            line: NodeRef::new(),
        }
    }

    /// Changes the document; returns what it was before and the sentences for therapies other than `changed`
    /// that moved.
    fn change(&self, changed: &str, f: impl FnOnce(&mut AppState)) -> (Before, Vec<String>) {
        let before_plan = self.plan.get_untracked();
        let before = self.session.with_untracked(Before::of);
        self.session.update(f);
        // The memo recomputes on this read, so the comparison sees the plan the change made.
        let moved = self
            .plan
            .with_untracked(|after| moved_days(catalog(), &before_plan, after, changed));
        (before, moved)
    }

    /// Applies a conflict's fix, says what it did and what moved, and moves focus to Undo (the fix's button
    /// goes away with the conflict it solved).
    pub fn apply(&self, fix: &PlanChange) {
        let (before, moved) = self.change(fix.therapy(), |s| {
            if let PlanChange::Remove { therapy } = fix {
                // The document's own removal also drops the consent, so adding it again asks again.
                s.deselect(therapy);
            }
            fix.apply(&mut s.selected, &mut s.plan);
        });
        let done = format!("Done: {}.", fix.describe(catalog()));
        self.said.set(Said {
            text: change_status(Some(&done), &moved),
            undo: Some((before, fix.therapy().to_string())),
        });
        let button = self.undo_button;
        // The button renders on the next tick; an animation frame comes after it.
        request_animation_frame(move || {
            // `try_`: the view may have closed in between.
            if let Some(b) = button.try_get_untracked().flatten() {
                let _ = b.focus();
            }
        });
    }

    /// Changes one therapy's frequency or days from its own controls; says so only when other therapies moved.
    pub fn edit(&self, therapy: &str, f: impl FnOnce(&mut PlanSettings)) {
        let (before, moved) = self.change(therapy, |s| f(&mut s.plan));
        self.said.set(if moved.is_empty() {
            Said::default()
        } else {
            Said {
                text: change_status(None, &moved),
                undo: Some((before, therapy.to_string())),
            }
        });
    }

    /// Puts back what the last change replaced, says what moved back, and keeps focus in the status line.
    fn undo(&self) {
        let Some((before, therapy)) = self.said.with_untracked(|s| s.undo.clone()) else {
            return;
        };
        let (_, moved) = self.change(&therapy, |s| before.restore(s));
        self.said.set(Said {
            text: change_status(Some("Undone: your plan is back as it was."), &moved),
            undo: None,
        });
        let line = self.line;
        request_animation_frame(move || {
            if let Some(p) = line.try_get_untracked().flatten() {
                let _ = p.focus();
            }
        });
    }

    /// Clears the status line and takes focus to the week it was about.
    fn close(&self) {
        self.said.set(Said::default());
        if let Some(h) = document().get_element_by_id("week-heading") {
            use wasm_bindgen::JsCast;
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
}

/// The status line: a polite live region that stays in the page (so screen readers hear each change), with
/// Undo while there is something to undo; it sticks to the bottom of the screen so an edit far down is seen.
#[component]
pub fn ChangeLine(
    /// The page's edits.
    edits: PlanEdits,
) -> impl IntoView {
    let said = edits.said;
    let shown = move || said.with(|s| !s.text.is_empty());
    view! {
        <div class="plan-change no-print" class:shown=shown>
            <p class="plan-change-text" role="status" aria-live="polite" aria-atomic="true" tabindex="-1" node_ref=edits.line>
                {move || said.with(|s| s.text.clone())}
            </p>
            <Show when=move || said.with(|s| s.undo.is_some())>
                <button type="button" class="primary" node_ref=edits.undo_button on:click=move |_| edits.undo()>
                    "Undo"
                </button>
            </Show>
            <Show when=shown>
                <button type="button" on:click=move |_| edits.close()>"Close"</button>
            </Show>
        </div>
    }
}
