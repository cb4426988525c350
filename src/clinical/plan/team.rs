//! Who to involve, supplements to discuss, and the questions to take to the clinician.

use super::{PlanItem, Question, SupplementNote, TeamMember};
use crate::clinical::catalog::{Catalog, Setting};
use crate::clinical::intake::Intake;
use crate::clinical::screening::{TherapyScreening, TherapyStatus};

/// NCCIH's advice behind a question for every supplement.
const TELL_PROVIDERS: &str = "SOURCES §4.3 (herbal row), §4.4; NCCIH: tell all your health care providers about complementary approaches you use";

/// Every supplement chosen or already taken, chosen ones first, each with what to do.
pub(super) fn supplement_notes(
    catalog: &Catalog,
    intake: &Intake,
    chosen: &[String],
    statuses: &[TherapyScreening],
) -> Vec<SupplementNote> {
    let taking: Vec<&String> = intake.supplements.iter().flatten().collect();
    let mut ids: Vec<&String> = chosen.iter().collect();
    for id in &taking {
        if !ids.contains(id) && catalog.therapy(id).is_some_and(|t| t.supplement) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let status = statuses
                .iter()
                .find(|s| &s.therapy == id)
                .map_or(TherapyStatus::Allowed, |s| s.status);
            let is_taking = taking.contains(&id);
            let when = if is_taking { "continuing" } else { "starting" };
            let advice = match status {
                TherapyStatus::Blocked => format!("The safety check says to avoid it: talk to your clinician or pharmacist before {when}."),
                _ => format!("No schedule: discuss it with your clinician or pharmacist before {when}."),
            };
            SupplementNote {
                supplement: id.clone(),
                chosen: chosen.contains(id),
                taking: is_taking,
                status,
                advice,
            }
        })
        .collect()
}

/// The usual clinician first, then each practitioner type once, then a pharmacist when supplements are involved.
pub(super) fn care_team(
    catalog: &Catalog,
    items: &[PlanItem],
    supplements: &[SupplementNote],
) -> Vec<TeamMember> {
    let mut team = vec![TeamMember {
        role: "Your usual clinician (family doctor, GP or nurse practitioner)".into(),
        credential: String::new(),
        therapies: Vec::new(),
        why: "Reviews this plan, its safety notes and any supplements, and follows your progress."
            .into(),
    }];
    for item in items {
        let Some(t) = catalog.therapy(&item.therapy) else {
            continue;
        };
        if t.setting == Setting::Home || t.provider.is_empty() {
            continue;
        }
        match team.iter_mut().find(|m| m.role == t.provider) {
            Some(m) => m.therapies.push(t.id.to_string()),
            None => team.push(TeamMember {
                role: t.provider.to_string(),
                credential: t.credential.to_string(),
                therapies: vec![t.id.to_string()],
                why: format!("Provides {}.", t.name),
            }),
        }
    }
    if !supplements.is_empty() {
        team.push(TeamMember {
            role: "Pharmacist".into(),
            credential: String::new(),
            therapies: Vec::new(),
            why: "Checks supplements against your medicines.".into(),
        });
    }
    team
}

/// One question per caution or clearance finding of a scheduled therapy, and one per supplement plus its findings.
pub(super) fn questions(
    catalog: &Catalog,
    items: &[PlanItem],
    supplements: &[SupplementNote],
    statuses: &[TherapyScreening],
) -> Vec<Question> {
    let findings = |id: &str| {
        statuses
            .iter()
            .find(|s| s.therapy == id)
            .map(|s| s.findings.as_slice())
            .unwrap_or(&[])
    };
    let name = |id: &str| {
        catalog
            .therapy(id)
            .map_or(id.to_string(), |t| t.name.to_string())
    };
    let mut out = Vec::new();
    for item in items {
        if !matches!(
            item.status,
            TherapyStatus::Caution | TherapyStatus::ClearanceRequired
        ) {
            continue;
        }
        let n = name(&item.therapy);
        for f in findings(&item.therapy) {
            let status = f.status.unwrap_or(item.status);
            if !matches!(
                status,
                TherapyStatus::Caution | TherapyStatus::ClearanceRequired
            ) {
                continue;
            }
            let text = if status == TherapyStatus::ClearanceRequired {
                format!(
                    "Do you approve me starting {n}? The safety check says: {}",
                    sentence(&f.message)
                )
            } else {
                format!("About {n}, the safety check says: {} What should I or my practitioner do differently?", sentence(&f.message))
            };
            out.push(Question {
                about: item.therapy.clone(),
                text,
                source: f.source.clone(),
            });
        }
    }
    for s in supplements {
        let n = name(&s.supplement);
        let text = if s.taking {
            format!("I take {n}. Is it safe with my medicines and health conditions, and should I keep taking it?")
        } else {
            format!("I am thinking of taking {n}. Is it safe with my medicines and health conditions, and is it worth trying for my pain?")
        };
        out.push(Question {
            about: s.supplement.clone(),
            text,
            source: TELL_PROVIDERS.into(),
        });
        for f in findings(&s.supplement) {
            out.push(Question {
                about: s.supplement.clone(),
                text: format!(
                    "About {n}, the safety check says: {} Should I stop, change or avoid it?",
                    sentence(&f.message)
                ),
                source: f.source.clone(),
            });
        }
    }
    out
}

/// Ensures a message ends with sentence punctuation so it can be followed by another sentence.
fn sentence(message: &str) -> String {
    let m = message.trim();
    if m.ends_with(['.', '!', '?']) {
        m.to_string()
    } else {
        format!("{m}.")
    }
}
