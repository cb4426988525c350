//! The Welcome view: what Mosaic is and is not, what to do in an emergency, the privacy promise, and the main action
//! for where the person is: start, continue at the first unanswered step, or see the plan.

use crate::clinical::rules::rule_book;
use crate::store::document::AppState;
use crate::ui::components::stop::emergency_numbers;
use crate::ui::pages::intake::step_status::resume_route;
use crate::ui::restore::RestoreBackup;
use crate::ui::route::{Route, Step};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// "Next: Medicines." — where "Continue where you left off" leads, in words.
fn next_words(resume: &Route) -> String {
    match resume {
        Route::Intake(step) => format!("Next: {}.", step.title()),
        _ => "Next: your safety check.".to_string(),
    }
}

/// Welcome's actions for what is saved, the main one first, and a hint beside them: "Start planning" when nothing is
/// answered; "See my plan", "Weekly check-in" and, after a check-in, "My progress" once therapies are chosen; otherwise "Continue where you left off", at the first
/// unanswered step or, with the intake finished, the safety check. Decided from the saved answers alone: running the
/// safety check here would put the screening engine into the first download (the plan page shows it if a later
/// answer now stops the plan).
fn home_actions(s: &AppState) -> (Vec<(Route, &'static str)>, Option<String>) {
    if !s.has_answers() {
        let start = (Route::Intake(Step::Pain), "Start planning");
        let hint = "About 10 minutes. You can stop and come back.".to_string();
        return (vec![start], Some(hint));
    }
    let resume = resume_route(s);
    let review = (Route::Review, "Review my answers");
    let safety = (Route::Screening, "See your safety check");
    let unfinished = matches!(resume, Route::Intake(_));
    let hint = next_words(&resume);
    let go_on = (resume, "Continue where you left off");
    if !s.selected.is_empty() {
        let check_in = (Route::CheckIn(None), "Weekly check-in");
        let mut actions = vec![(Route::Plan, "See my plan"), check_in];
        if !s.checkins.is_empty() {
            actions.push((Route::Progress, "My progress"));
        }
        actions.extend([(Route::Flare, "My flare plan"), review, safety]);
        actions.extend(unfinished.then_some(go_on));
        (actions, None)
    } else {
        let mut actions = vec![go_on, review];
        actions.extend(unfinished.then_some(safety));
        (actions, Some(hint))
    }
}

/// First view a person sees.
#[component]
pub fn Welcome() -> impl IntoView {
    let session = use_session();
    let actions = move || {
        let (links, hint) = session.with(home_actions);
        // The hint says where the main action leads, so it sits right after it (on a phone, under it).
        let mut hint = hint.map(|h| view! { <span class="hint">{h}</span> });
        let links = links.into_iter().enumerate().map(|(k, (route, label))| {
            let class = if k == 0 { "button primary" } else { "button" };
            view! { <a class=class href=route.href()>{label}</a> {hint.take()} }
        });
        links.collect_view()
    };
    view! {
        <section class="view welcome" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Build a care plan for your chronic pain"</h1>
            <p class="lead">
                "Mosaic helps you combine your usual medical care with complementary therapies — "
                "such as exercise, yoga, acupuncture, massage or mindfulness — safely, and in a way that fits your life."
            </p>

            <div class="actions">{actions}</div>

            <div class="cards">
                <section class="card" aria-labelledby="what-it-does">
                    <h2 id="what-it-does">"What Mosaic does"</h2>
                    <ul>
                        <li>"Asks about your pain, your health, your medicines and what matters to you."</li>
                        <li>
                            "Checks every therapy against your answers and tells you why something needs care or is not safe for you. "
                            <a href="#/safety-rules">"See how Mosaic checks safety"</a>
                        </li>
                        <li>"Shows what the research says for your kind of pain, honestly."</li>
                        <li>"Builds a 12-week plan that fits your time and budget, to print or share with your clinicians."</li>
                    </ul>
                </section>
                <section class="card" aria-labelledby="what-it-is-not">
                    <h2 id="what-it-is-not">"What Mosaic is not"</h2>
                    <ul>
                        <li>"It is planning help, not medical advice, and it does not diagnose."</li>
                        <li>"It does not replace your doctor or other clinicians: take your plan to them."</li>
                        <li>"It is not for emergencies."</li>
                    </ul>
                </section>
            </div>

            <section class="callout emergency" aria-labelledby="emergency-heading">
                <h2 id="emergency-heading">"In an emergency"</h2>
                <p>
                    "If you have sudden severe symptoms — chest pain, sudden weakness or numbness, loss of bladder or bowel control, "
                    "or the worst headache of your life — " <strong>"call your local emergency number now"</strong>
                    {emergency_numbers()} "."
                </p>
                <p>"If you are thinking about harming yourself, contact a crisis line now."</p>
                // The services and numbers are clinical content: they come from the rule book's data, with sources.
                {rule_book().crisis_lines.iter().map(|c| view! {
                    <p>{c.region} ", " {c.how} " " <strong>{c.contact}</strong> " (" {c.service} ")."</p>
                }).collect_view()}
                <p>"Elsewhere, call your local crisis line or emergency number."</p>
            </section>

            <section class="card restore-card" aria-labelledby="restore-heading">
                <h2 id="restore-heading">"Already have a backup?"</h2>
                <p>"If you saved a Mosaic backup file before, you can open it here. You will see what it holds before anything changes."</p>
                <RestoreBackup id="welcome-restore" />
            </section>

            <section class="callout privacy" aria-labelledby="privacy-heading">
                <h2 id="privacy-heading">"Your answers stay on this device"</h2>
                <p>
                    "There is no account and no server. What you enter is kept only in this browser on this device, "
                    "and nothing is sent anywhere unless you choose to print, export or share it yourself."
                </p>
            </section>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(s: &AppState) -> Vec<&'static str> {
        home_actions(s).0.into_iter().map(|(_, l)| l).collect()
    }

    #[test]
    fn nothing_answered_offers_only_start_planning() {
        let (actions, hint) = home_actions(&AppState::default());
        assert_eq!(actions, vec![(Route::Intake(Step::Pain), "Start planning")]);
        assert_eq!(
            hint.as_deref(),
            Some("About 10 minutes. You can stop and come back.")
        );
    }

    #[test]
    fn answers_without_chosen_therapies_continue_at_the_first_unanswered_step() {
        let mut s = AppState::default();
        s.intake.age = Some(40);
        let (actions, hint) = home_actions(&s);
        assert_eq!(
            actions[0],
            (Route::Intake(Step::Pain), "Continue where you left off")
        );
        assert_eq!(hint.as_deref(), Some("Next: Your pain."));
        assert_eq!(
            labels(&s),
            [
                "Continue where you left off",
                "Review my answers",
                "See your safety check"
            ]
        );
    }

    #[test]
    fn chosen_therapies_lead_to_the_plan_and_the_unfinished_intake_is_still_offered() {
        let mut s = AppState::default();
        s.intake.age = Some(40);
        s.selected.push("yoga".into());
        let (actions, hint) = home_actions(&s);
        assert_eq!(actions[0], (Route::Plan, "See my plan"));
        assert_eq!(hint, None);
        assert_eq!(
            labels(&s),
            [
                "See my plan",
                "Weekly check-in",
                "My flare plan",
                "Review my answers",
                "See your safety check",
                "Continue where you left off"
            ]
        );
    }
}
