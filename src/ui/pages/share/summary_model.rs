//! What the clinician summary says, as plain values built by plain functions (tested natively): safety first, then
//! scores with their bands and dates, what was reported (a "not sure" list reads as unknown, never as none), each
//! chosen therapy with its status and every message, supplements, questions, progress and consents. It is built
//! from the redacted copy of the document only (`share::choices`), so a section left out cannot appear.

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::plan::Plan;
use crate::clinical::progress::{assess, baseline, CheckIn};
use crate::clinical::review::review_book;
use crate::clinical::review::summary::score;
use crate::clinical::scores::{Phq4Band, Risk, StartBackScore};
use crate::clinical::screening::{Outcome, Screening};
use crate::share::choices::ShareChoices;
use crate::store::document::AppState;
use crate::ui::components::consent_text::date_words;
use crate::ui::components::status::{because_sentence, status_id, status_label, therapy_name};
use crate::ui::pages::intake::model::{list_answer, ListKey};
use crate::ui::widgets::checklist::ListAnswer;

/// A label and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// What the value is.
    pub label: String,
    /// The value in words.
    pub value: String,
}

fn item(label: impl Into<String>, value: impl Into<String>) -> Item {
    Item {
        label: label.into(),
        value: value.into(),
    }
}

/// One instrument's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreRow {
    /// The instrument.
    pub instrument: &'static str,
    /// The score.
    pub value: String,
    /// Its band or risk group, in words.
    pub band: String,
    /// When it was answered.
    pub when: String,
}

/// One chosen therapy with its safety status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TherapyRow {
    /// Its name.
    pub name: String,
    /// The status ID (`data-status`).
    pub status_id: &'static str,
    /// The status in words.
    pub status: &'static str,
    /// Every caution or clearance message, each with why it applies.
    pub messages: Vec<String>,
    /// The schedule in the plan, or why it is not scheduled.
    pub schedule: String,
    /// When the person confirmed they understood its risks, or that they have not.
    pub consent: String,
}

/// Progress since the starting point.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressPart {
    /// How many check-ins, and over which dates.
    pub span: String,
    /// PEG and pain: starting point, latest, change and what it means.
    pub changes: Vec<Item>,
    /// Each complete check-in's PEG mean in date order, for the sparkline.
    pub peg: Vec<f64>,
    /// Sessions done against planned, per therapy.
    pub sessions: Vec<Item>,
    /// Side effects recorded, per therapy (worst level).
    pub side_effects: Vec<Item>,
    /// The person's notes and side-effect words by date; empty unless they chose to share notes.
    pub notes: Vec<Item>,
}

/// The whole summary.
#[derive(Clone, Debug, PartialEq)]
pub struct ClinicianSummary {
    /// Age, primary pain, other sites, duration.
    pub about: Vec<Item>,
    /// The safety check's outcome and the red flags asked and found.
    pub safety: Vec<Item>,
    /// PEG, PHQ-4 (with PHQ-2 and GAD-2), STarT Back.
    pub scores: Vec<ScoreRow>,
    /// Conditions, medicines and supplements reported.
    pub reported: Vec<Item>,
    /// The chosen therapies.
    pub therapies: Vec<TherapyRow>,
    /// Supplements taken or chosen, with what to do.
    pub supplements: Vec<Item>,
    /// The questions the person wants to ask.
    pub questions: Vec<String>,
    /// The person's goals in their own words, and the plan's goals.
    pub goals: Vec<String>,
    /// Progress, when check-ins are shared.
    pub progress: Option<ProgressPart>,
}

/// A vocabulary label (the ID itself if the catalog no longer knows it).
fn term(vocab: Vocab, id: &str) -> String {
    catalog().label(vocab, id)
}

/// A supplement's name: the catalog's when it can be chosen, else the vocabulary's.
fn cat_name(id: &str) -> String {
    catalog()
        .therapy(id)
        .map_or_else(|| term(Vocab::Supplement, id), |t| t.name.to_string())
}

fn labels(vocab: Vocab, ids: &[String]) -> String {
    ids.iter()
        .map(|id| term(vocab, id))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Questions answered yes, each in quotes: red-flag labels are the questions as asked.
fn quoted(vocab: Vocab, ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("\u{201c}{}\u{201d}", term(vocab, id)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A reported list, read through the wizard's own `list_answer` (which knows where each list keeps "not sure"): its
/// ticks, "none" only when the person said none, and unknown when they were not sure.
fn reported_list(state: &AppState, key: ListKey, vocab: Vocab) -> String {
    match list_answer(state, key) {
        ListAnswer::Unanswered => "Not answered".into(),
        ListAnswer::Chosen(ids) if ids.is_empty() => "None".into(),
        ListAnswer::Chosen(ids) => labels(vocab, &ids),
        ListAnswer::Unsure(ids) if ids.is_empty() => "Unknown (the person is not sure)".into(),
        ListAnswer::Unsure(ids) => format!(
            "{}; unknown beyond these (the person is not sure)",
            labels(vocab, &ids)
        ),
    }
}

fn duration(months: u16) -> String {
    match months {
        1 => "1 month".into(),
        m if m < 24 => format!("{m} months"),
        m if m % 12 == 0 => format!("{} years", m / 12),
        m => format!("{} years {} months", m / 12, m % 12),
    }
}

fn about(state: &AppState) -> Vec<Item> {
    let intake = &state.intake;
    let pain = intake.pain.as_ref();
    vec![
        item(
            "Age",
            intake
                .age
                .map_or("Not answered".into(), |a| format!("{a} years")),
        ),
        item(
            "Primary pain",
            pain.and_then(|p| p.primary.as_deref())
                .map_or("Not answered".into(), |id| term(Vocab::Condition, id)),
        ),
        item(
            "Other long-term pain",
            reported_list(state, ListKey::Sites, Vocab::Condition),
        ),
        item(
            "Duration",
            pain.and_then(|p| p.duration_months)
                .map_or("Not answered".into(), duration),
        ),
    ]
}

fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Emergency => "Stopped: emergency warning sign reported",
        Outcome::Crisis => "Stopped: crisis answer reported",
        Outcome::Urgent => "Stopped: urgent warning sign reported",
        Outcome::OutOfScope => "Outside what Mosaic is made for",
        Outcome::Proceed => "No warning sign stopped the plan",
    }
}

fn safety(shared: &AppState, screening: &Screening) -> Vec<Item> {
    let intake = &shared.intake;
    let at_intake = match intake.symptoms.as_deref() {
        None => "Not answered".to_string(),
        Some([]) => "Asked; none reported".to_string(),
        Some(ids) => format!("Yes to {}", quoted(Vocab::Symptom, ids)),
    };
    let mut out = vec![
        item("Safety check", outcome_words(screening.outcome)),
        item("Red flags at intake", at_intake),
    ];
    let asked: Vec<&CheckIn> = shared
        .checkins
        .iter()
        .filter(|c| c.red_flags.is_some())
        .collect();
    if !asked.is_empty() {
        let found: Vec<String> = asked
            .iter()
            .filter_map(|c| {
                let ids = c.red_flags.as_ref()?;
                (!ids.is_empty())
                    .then(|| format!("{}: yes to {}", c.date, quoted(Vocab::Symptom, ids)))
            })
            .collect();
        let n = asked.len();
        let times = if n == 1 {
            "1 check-in".to_string()
        } else {
            format!("{n} check-ins")
        };
        out.push(item(
            "Red flags at check-ins",
            if found.is_empty() {
                format!("Asked again at {times}; none reported")
            } else {
                format!("Asked again at {times}; reported {}", found.join("; "))
            },
        ));
    }
    for flag in &screening.flags {
        out.push(item(
            "Warning",
            format!("{} {}", flag.finding.message, flag.action),
        ));
    }
    out
}

fn phq4_band(band: Phq4Band) -> &'static str {
    match band {
        Phq4Band::Normal => "Normal (0–2)",
        Phq4Band::Mild => "Mild (3–5)",
        Phq4Band::Moderate => "Moderate (6–8)",
        Phq4Band::Severe => "Severe (9–12)",
    }
}

fn scores(shared: &AppState, screening: &Screening, choices: &ShareChoices) -> Vec<ScoreRow> {
    let s = &screening.scores;
    let intake = "At intake".to_string();
    let mut rows = vec![ScoreRow {
        instrument: "PEG (pain, enjoyment, general activity; 0–10)",
        value: s
            .peg
            .map_or("Not scored (incomplete)".into(), |p| score(p.display)),
        band: String::new(),
        when: intake.clone(),
    }];
    if let Some((c, mean)) = shared
        .checkins
        .iter()
        .filter_map(|c| Some((c, c.peg_mean()?)))
        .max_by(|a, b| (&a.0.date, a.0.week).cmp(&(&b.0.date, b.0.week)))
    {
        rows.push(ScoreRow {
            instrument: "PEG, latest check-in",
            value: score(mean),
            band: String::new(),
            when: date_words(&c.date),
        });
    }
    if choices.mood {
        let p = &s.phq4;
        let sub = |n: Option<u8>| n.map_or("incomplete".into(), |n| format!("{n}/6"));
        rows.push(ScoreRow {
            instrument: "PHQ-4 (anxiety and depression; 0–12)",
            value: match p.total {
                Some(t) => format!("{t} (PHQ-2 {}, GAD-2 {})", sub(p.phq2), sub(p.gad2)),
                None => "Not scored (incomplete)".into(),
            },
            band: p.band.map_or(String::new(), |b| phq4_band(b).to_string()),
            when: intake.clone(),
        });
        let self_harm = shared.intake.mood.and_then(|m| m.self_harm);
        rows.push(ScoreRow {
            instrument: "PHQ-9 item 9 (thoughts of self-harm; 0–3)",
            value: self_harm.map_or("Not answered".into(), |n| n.to_string()),
            band: match self_harm {
                Some(0) => "Not at all".into(),
                Some(_) => "Positive: see the safety check".into(),
                None => String::new(),
            },
            when: intake.clone(),
        });
    }
    match s.start_back {
        StartBackScore::NotApplicable => {}
        StartBackScore::Incomplete => rows.push(ScoreRow {
            instrument: "STarT Back (0–9)",
            value: "Not scored (incomplete)".into(),
            band: String::new(),
            when: intake,
        }),
        StartBackScore::Scored {
            total,
            psychosocial,
            risk,
        } => rows.push(ScoreRow {
            instrument: "STarT Back (0–9)",
            value: format!("{total} (distress subscore {psychosocial}/5)"),
            band: match risk {
                Risk::Low => "Low risk",
                Risk::Medium => "Medium risk",
                Risk::High => "High risk",
            }
            .into(),
            when: intake,
        }),
    }
    rows
}

fn reported(state: &AppState, choices: &ShareChoices) -> Vec<Item> {
    vec![
        item(
            "Health conditions",
            reported_list(state, ListKey::Conditions, Vocab::Condition),
        ),
        item(
            "Medicines",
            reported_list(state, ListKey::Medications, Vocab::Medication),
        ),
        item(
            "Supplements",
            if choices.supplements {
                reported_list(state, ListKey::Supplements, Vocab::Supplement)
            } else {
                "Not shared".into()
            },
        ),
    ]
}

const WEEKDAY_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn days(days: &[u8]) -> String {
    days.iter()
        .filter_map(|d| WEEKDAY_SHORT.get(usize::from(*d)).copied())
        .collect::<Vec<_>>()
        .join(", ")
}

fn therapies(shared: &AppState, screening: &Screening, plan: Option<&Plan>) -> Vec<TherapyRow> {
    let cat = catalog();
    shared
        .selected
        .iter()
        .filter(|id| cat.therapy(id).is_some_and(|t| !t.supplement))
        .filter_map(|id| {
            let screened = screening.therapy(id)?;
            let scheduled = plan.and_then(|p| p.items.iter().find(|i| &i.therapy == id));
            let excluded = plan.and_then(|p| p.excluded.iter().find(|e| &e.therapy == id));
            let schedule = match (scheduled, excluded) {
                (Some(i), _) => format!(
                    "{} a week ({}), {} min, weeks {}–{}",
                    i.per_week,
                    days(&i.days),
                    i.session_minutes,
                    i.start_week,
                    i.end_week
                ),
                (None, Some(e)) => format!("Not scheduled: {}", e.reason.trim_end_matches('.')),
                (None, None) => "Not scheduled".into(),
            };
            Some(TherapyRow {
                name: therapy_name(id),
                status_id: status_id(screened.status),
                status: status_label(screened.status),
                messages: screened
                    .findings
                    .iter()
                    .map(|f| match because_sentence(&f.because) {
                        Some(b) => format!("{} {b}", f.message),
                        None => f.message.clone(),
                    })
                    .collect(),
                schedule,
                consent: shared.consent(id).map_or(
                    "Risks not yet confirmed as understood".into(),
                    |c| {
                        format!(
                            "Confirmed understanding of the risks on {}",
                            date_words(&c.date)
                        )
                    },
                ),
            })
        })
        .collect()
}

fn progress(shared: &AppState, plan: Option<&Plan>) -> Option<ProgressPart> {
    let checkins = &shared.checkins;
    if checkins.is_empty() {
        return None;
    }
    let intake_peg = shared.intake.pain.as_ref().and_then(|p| p.peg.as_ref());
    let mut dated: Vec<&CheckIn> = checkins.iter().collect();
    dated.sort_by(|a, b| (&a.date, a.week).cmp(&(&b.date, b.week)));
    let (first, last) = (dated[0], dated[dated.len() - 1]);
    let n = dated.len();
    let span = format!(
        "{} check-in{} from {} to {}",
        n,
        if n == 1 { "" } else { "s" },
        date_words(&first.date),
        date_words(&last.date)
    );
    let words = &review_book().change;
    let changes = match (baseline(checkins, intake_peg), assess(checkins, intake_peg)) {
        (Some(_), Some(a)) => {
            let line = |c: crate::clinical::progress::Change, meaning: &str| {
                let percent = if c.baseline > 0.0 {
                    format!(", {:+.0} %", (c.current - c.baseline) / c.baseline * 100.0)
                } else {
                    String::new()
                };
                format!(
                    "{} → {} ({:+.1} points{percent}): {meaning}",
                    score(c.baseline),
                    score(c.current),
                    c.current - c.baseline
                )
            };
            let peg_meaning = if a.peg_meaningful || a.peg_30_percent {
                &words.peg_meaningful
            } else if a.peg.points < 0.0 {
                &words.peg_smaller
            } else {
                &words.peg_none
            };
            let pain_meaning = if a.pain_responder() {
                &words.pain_responder
            } else if a.pain.points < 0.0 {
                &words.pain_smaller
            } else {
                &words.pain_none
            };
            vec![
                item(
                    "PEG since the starting point",
                    line(a.peg, peg_meaning.text),
                ),
                item(
                    "Pain since the starting point",
                    line(a.pain, pain_meaning.text),
                ),
            ]
        }
        _ => vec![item(
            "Change",
            review_book().reasons.no_score_to_compare.text,
        )],
    };
    let peg = dated.iter().filter_map(|c| c.peg_mean()).collect();
    let mut sessions = Vec::new();
    let mut side_effects = Vec::new();
    if let Some(plan) = plan {
        for i in &plan.items {
            let weeks = u16::from(i.start_week)..=u16::from(i.end_week);
            let planned: u32 = dated
                .iter()
                .filter(|c| weeks.contains(&c.week))
                .map(|_| u32::from(i.per_week))
                .sum();
            let done: u32 = dated
                .iter()
                .filter_map(|c| c.sessions.get(&i.therapy))
                .map(|n| u32::from(*n))
                .sum();
            sessions.push(item(
                therapy_name(&i.therapy),
                format!("{done} of {planned} planned"),
            ));
        }
    }
    let mut worst: std::collections::BTreeMap<
        &str,
        (crate::clinical::progress::EffectLevel, usize),
    > = Default::default();
    for c in &dated {
        for (id, e) in &c.effects {
            if e.level > crate::clinical::progress::EffectLevel::None {
                let entry = worst.entry(id.as_str()).or_insert((e.level, 0));
                entry.0 = entry.0.max(e.level);
                entry.1 += 1;
            }
        }
    }
    for (id, (level, weeks)) in worst {
        side_effects.push(item(
            therapy_name(id),
            format!(
                "Worst: {} ({} check-in{})",
                crate::ui::components::side_effects::level_label(level),
                weeks,
                if weeks == 1 { "" } else { "s" }
            ),
        ));
    }
    // The redacted copy holds notes only when the person ticked them.
    let notes = dated
        .iter()
        .filter_map(|c| {
            let words: Vec<String> = std::iter::once(c.note.clone())
                .chain(std::iter::once(c.side_effects.clone()))
                .chain(
                    c.effects
                        .iter()
                        .filter(|(_, e)| !e.text.is_empty())
                        .map(|(id, e)| format!("{}: {}", therapy_name(id), e.text)),
                )
                .filter(|t| !t.is_empty())
                .collect();
            (!words.is_empty()).then(|| item(date_words(&c.date), words.join(" · ")))
        })
        .collect();
    Some(ProgressPart {
        span,
        notes,
        changes,
        peg,
        sessions,
        side_effects,
    })
}

/// The clinician summary of `shared` (already redacted by `choices`).
pub fn clinician_summary(
    shared: &AppState,
    choices: &ShareChoices,
    screening: &Screening,
    plan: Option<&Plan>,
) -> ClinicianSummary {
    let supplements = if choices.supplements {
        plan.map(|p| {
            p.supplements
                .iter()
                .map(|s| {
                    let name = cat_name(&s.supplement);
                    item(name, s.advice.clone())
                })
                .collect()
        })
        .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut goals: Vec<String> = shared
        .intake
        .values
        .as_ref()
        .map(|v| {
            v.goals
                .iter()
                .map(|g| format!("In their words: {g}"))
                .collect()
        })
        .unwrap_or_default();
    if let Some(p) = plan {
        goals.extend(
            p.goals
                .iter()
                .map(|g| format!("{} ({})", g.text, g.measure)),
        );
    }
    ClinicianSummary {
        about: about(shared),
        safety: safety(shared, screening),
        scores: scores(shared, screening, choices),
        reported: reported(shared, choices),
        therapies: therapies(shared, screening, plan),
        supplements,
        questions: plan
            .map(|p| p.questions.iter().map(|q| q.text.clone()).collect())
            .unwrap_or_default(),
        goals,
        progress: if choices.progress {
            progress(shared, plan)
        } else {
            None
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::pages::share::SharedCopy;

    /// The schema-3 store fixture: low back pain, two lists "not sure", three check-ins, a red flag at the last.
    fn fixture() -> AppState {
        let envelope: serde_json::Value =
            serde_json::from_str(include_str!("../../../../tests/fixtures/store/v3.json")).unwrap();
        serde_json::from_value(envelope["data"].clone()).unwrap()
    }

    fn summary(choices: &ShareChoices) -> ClinicianSummary {
        let copy = SharedCopy::of(&fixture(), choices);
        clinician_summary(&copy.state, choices, &copy.screening, copy.plan.as_ref())
    }

    fn value<'a>(items: &'a [Item], label: &str) -> &'a str {
        &items
            .iter()
            .find(|i| i.label == label)
            .unwrap_or_else(|| panic!("no {label}"))
            .value
    }

    #[test]
    fn who_it_is_for_and_what_was_reported_with_not_sure_as_unknown() {
        let s = summary(&ShareChoices::default());
        assert_eq!(value(&s.about, "Age"), "45 years");
        assert_eq!(value(&s.about, "Primary pain"), "Low back pain");
        assert_eq!(value(&s.about, "Duration"), "8 months");
        assert_eq!(
            value(&s.reported, "Medicines"),
            "Blood thinners; unknown beyond these (the person is not sure)"
        );
        assert_eq!(value(&s.reported, "Supplements"), "None");
        // The fixture keeps "not sure" for the other pain sites in the document's own list, not the intake's.
        assert_eq!(
            value(&s.about, "Other long-term pain"),
            "Unknown (the person is not sure)"
        );
    }

    #[test]
    fn red_flags_asked_again_at_check_ins_are_reported_with_their_date() {
        let s = summary(&ShareChoices::default());
        assert_eq!(
            value(&s.safety, "Red flags at intake"),
            "Asked; none reported"
        );
        assert_eq!(
            value(&s.safety, "Red flags at check-ins"),
            "Asked again at 2 check-ins; reported 2026-11-28: yes to \u{201c}Did a minor fall, strain or heavy \
             lift happen shortly before the pain got worse?\u{201d}"
        );
    }

    #[test]
    fn scores_carry_their_band_and_when() {
        let s = summary(&ShareChoices::default());
        let peg = &s.scores[0];
        assert_eq!(
            (peg.value.as_str(), peg.when.as_str()),
            ("5.7", "At intake")
        );
        let latest = s
            .scores
            .iter()
            .find(|r| r.instrument == "PEG, latest check-in")
            .unwrap();
        assert_eq!(
            (latest.value.as_str(), latest.when.as_str()),
            ("4.3", "28 November 2026")
        );
        let phq = s
            .scores
            .iter()
            .find(|r| r.instrument.starts_with("PHQ-4"))
            .unwrap();
        assert_eq!(phq.value, "2 (PHQ-2 1/6, GAD-2 1/6)");
        assert_eq!(phq.band, "Normal (0–2)");
    }

    #[test]
    fn mood_left_out_leaves_no_mood_score() {
        let s = summary(&ShareChoices {
            mood: false,
            ..ShareChoices::default()
        });
        assert!(s.scores.iter().all(|r| !r.instrument.starts_with("PHQ")));
    }

    #[test]
    fn progress_gives_the_change_from_the_two_check_in_baseline_in_numbers_and_words() {
        let p = summary(&ShareChoices::default()).progress.unwrap();
        assert_eq!(
            p.span,
            "3 check-ins from 14 November 2026 to 28 November 2026"
        );
        // Baseline (5.33 + 4.67) / 2 = 5.0, latest 4.33; pain (6 + 5) / 2 = 5.5, latest 5.
        assert_eq!(
            value(&p.changes, "PEG since the starting point"),
            "5 → 4.3 (-0.7 points, -13 %): better, though by less than the 1 point that counts as a meaningful change"
        );
        assert_eq!(
            value(&p.changes, "Pain since the starting point"),
            "5.5 → 5 (-0.5 points, -9 %): lower, though by less than the 2 points or 30 % that counts as a real improvement"
        );
        assert_eq!(
            value(&p.side_effects, "Yoga"),
            "Worst: Needed medical care (2 check-ins)"
        );
        assert_eq!(p.peg.len(), 3);
    }

    #[test]
    fn progress_left_out_or_outside_the_range_is_absent() {
        assert_eq!(
            summary(&ShareChoices {
                progress: false,
                ..ShareChoices::default()
            })
            .progress,
            None
        );
        let later = ShareChoices {
            from: Some("2026-12-01".into()),
            ..ShareChoices::default()
        };
        assert_eq!(summary(&later).progress, None);
    }

    #[test]
    fn notes_are_printed_only_when_ticked() {
        assert_eq!(
            summary(&ShareChoices::default()).progress.unwrap().notes,
            vec![]
        );
        let ticked = ShareChoices {
            notes: true,
            ..ShareChoices::default()
        };
        let notes = summary(&ticked).progress.unwrap().notes;
        assert_eq!(
            value(&notes, "21 November 2026"),
            "Busy week at work. · Tired after yoga · Mindfulness course (MBSR): Restless in the body scan · Yoga: \
             Sore wrists; skipped the second class"
        );
        assert_eq!(
            value(&notes, "28 November 2026"),
            "Yoga: Saw my GP about the wrist"
        );
    }
}
