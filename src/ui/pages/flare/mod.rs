//! The flare plan (`#/flare`): what the person will do when their pain flares, written while they feel well. Their
//! early warning signs, what helps (ticked from their plan, and in their own words), what to reduce or pause, who to
//! call, and, from the rule book, when a flare is not just a flare. Answers are kept as they are typed; the page
//! prints on one sheet.

use crate::clinical::catalog::catalog;
use crate::clinical::flare::red_flags;
use crate::clinical::terms::Outcome;
use crate::store::document::FlarePlan;
use crate::store::limits::MAX_FLARE_TEXT_CHARS;
use crate::ui::components::stop::{emergency_numbers, CrisisResources};
use crate::ui::route::Route;
use crate::ui::session::{use_session, Session};
use leptos::prelude::*;

/// One free-text part of the flare plan: its field ID, question, hint and where it is kept.
struct TextPart {
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    read: fn(&FlarePlan) -> &String,
    write: fn(&mut FlarePlan) -> &mut String,
}

const SIGNS: TextPart = TextPart {
    id: "flare-signs",
    label: "What tells you a flare is starting?",
    hint: "Your early warning signs: for example sleeping badly, doing too much on a good day, or stress.",
    read: |f| &f.signs,
    write: |f| &mut f.signs,
};
const HELPS: TextPart = TextPart {
    id: "flare-helps",
    label: "What else helps you through a flare?",
    hint: "For example heat or cold, a short walk, a breathing exercise, a film, or talking to someone.",
    read: |f| &f.helps,
    write: |f| &mut f.helps,
};
const REDUCE: TextPart = TextPart {
    id: "flare-reduce",
    label: "What will you reduce or pause for a few days?",
    hint: "For example shorter sessions, fewer chores, or putting off a class, then building back up slowly.",
    read: |f| &f.reduce,
    write: |f| &mut f.reduce,
};
const CONTACTS: TextPart = TextPart {
    id: "flare-contacts",
    label: "Who will you call?",
    hint: "Names and numbers: your doctor or practice, your therapist, someone close to you.",
    read: |f| &f.contacts,
    write: |f| &mut f.contacts,
};

/// A textarea for one part, kept as it is typed.
fn text_part(session: Session, part: TextPart) -> impl IntoView {
    let hint_id = format!("{}-hint", part.id);
    let (read, write) = (part.read, part.write);
    view! {
        <div class="field">
            <label for=part.id class="section-title">{part.label}</label>
            <p class="hint" id=hint_id.clone()>{part.hint}</p>
            <textarea id=part.id autocomplete="off" rows="3" maxlength=MAX_FLARE_TEXT_CHARS.to_string() aria-describedby=hint_id
                prop:value=move || session.with(|s| read(&s.flare).clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    session.update(|s| *write(&mut s.flare) = v);
                }></textarea>
            <p class="print-only print-answer">{move || session.with(|s| read(&s.flare).clone())}</p>
        </div>
    }
}

/// The plan's therapies, each a tick for "this helps in a flare".
#[component]
fn FromPlan(session: Session) -> impl IntoView {
    let plan = session.plan();
    let items = move || {
        plan.with(|p| {
            p.items
                .iter()
                .map(|i| i.therapy.clone())
                .collect::<Vec<_>>()
        })
    };
    let list = move || {
        let ids = items();
        if ids.is_empty() {
            return view! {
                <p class="hint">"Once you have a plan, you can tick the parts of it that help you in a flare."</p>
            }
            .into_any();
        }
        ids.into_iter()
            .map(|id| {
                let name = catalog().therapy_name(&id);
                let box_id = format!("flare-helps-{id}");
                let (check_id, change_id) = (id.clone(), id.clone());
                view! {
                    <div class="check">
                        <input type="checkbox" id=box_id.clone()
                            prop:checked=move || session.with(|s| s.flare.helps_from_plan.contains(&check_id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = change_id.clone();
                                session.update(|s| {
                                    let list = &mut s.flare.helps_from_plan;
                                    list.retain(|t| *t != id);
                                    if on {
                                        list.push(id);
                                    }
                                });
                            } />
                        <label for=box_id>{name}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <fieldset class="flare-from-plan">
            <legend><h2>"What helps"</h2>"From your plan:"</legend>
            {list}
        </fieldset>
    }
}

/// When a flare is not just a flare: the red-flag questions for this person, most urgent first.
#[component]
fn NotJustAFlare(session: Session) -> impl IntoView {
    let groups = session.with_untracked(|s| red_flags(&s.intake));
    let line = session.with_untracked(|s| s.settings.crisis_line.clone());
    let groups = groups
        .into_iter()
        .map(|g| {
            let extra = (g.outcome == Outcome::Emergency).then(emergency_numbers);
            let questions = g
                .questions
                .into_iter()
                .map(|q| view! { <li>{q}</li> })
                .collect_view();
            view! {
                <div class="flare-red-flags" data-outcome=match g.outcome {
                    Outcome::Emergency => "emergency",
                    _ => "urgent",
                }>
                    <p><strong>{g.action}</strong>{extra.map(|n| format!(" Emergency numbers{n}."))}</p>
                    <p>"If the answer to any of these is yes:"</p>
                    <ul>{questions}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="callout now" aria-labelledby="flare-red-heading">
            <h2 id="flare-red-heading">"When a flare is not just a flare"</h2>
            <p>
                "A flare feels like your usual pain, only worse. Some signs are different: they need a doctor, "
                "and your flare plan is not the answer to them."
            </p>
            {groups}
            <h3>"If you have thoughts of ending your life"</h3>
            <CrisisResources line=line />
        </section>
    }
}

/// The flare plan view.
#[component]
pub fn FlareView() -> impl IntoView {
    let session = use_session();
    // A kiosk keeps nothing: saying otherwise would contradict its own promise in the footer.
    let kept = if session.is_kiosk() {
        "On this tablet it is cleared when you finish: print it to take it with you."
    } else {
        "Everything you write is kept on this device as you type."
    };
    view! {
        <section class="view flare" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"My flare plan"</h1>
            <p class="lead">
                "A flare is a time when your pain is much worse than usual for a while. Flares happen, and they "
                "pass. Writing down now what you will do makes a flare easier to get through. " {kept}
            </p>
            <div class="actions no-print">
                <button type="button" class="primary" on:click=move |_| {
                    let _ = window().print();
                }>"Print my flare plan"</button>
                <a class="button" href=Route::Plan.href()>"See my plan"</a>
            </div>
            <h2>"Early warning signs"</h2>
            {text_part(session, SIGNS)}
            <FromPlan session=session />
            {text_part(session, HELPS)}
            <h2>"What to ease off"</h2>
            {text_part(session, REDUCE)}
            <h2>"Who to call"</h2>
            {text_part(session, CONTACTS)}
            <NotJustAFlare session=session />
        </section>
    }
}
