//! The Welcome view: what Mosaic is and is not, what to do in an emergency, the privacy promise, and the start action.

use crate::clinical::rules::rule_book;
use crate::ui::components::stop::emergency_numbers;
use crate::ui::restore::RestoreBackup;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// First view a person sees.
#[component]
pub fn Welcome() -> impl IntoView {
    let session = use_session();
    let has_answers = move || session.with(|s| s.has_answers());
    view! {
        <section class="view welcome" aria-labelledby="view-heading">
            <h1 id="view-heading" tabindex="-1">"Build a care plan for your chronic pain"</h1>
            <p class="lead">
                "Mosaic helps you combine your usual medical care with complementary therapies — "
                "such as exercise, yoga, acupuncture, massage or mindfulness — safely, and in a way that fits your life."
            </p>

            <div class="actions">
                <Show
                    when=has_answers
                    fallback=|| view! {
                        <a class="button primary" href="#/intake/pain">"Start planning"</a>
                        <span class="hint">"About 10 minutes. You can stop and come back."</span>
                    }
                >
                    <a class="button primary" href="#/intake/pain">"Continue where you left off"</a>
                    <a class="button" href="#/screening">"See your safety check"</a>
                </Show>
            </div>

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
