//! Invariants of screening over random intakes (any mix of IDs, skipped answers and ages).

use mosaic::clinical::catalog::{catalog, Vocab};
use mosaic::clinical::intake::{Intake, Mood, Pain};
use mosaic::clinical::screening::{screen, Outcome, TherapyStatus};
use proptest::prelude::*;

/// A random subset of one vocabulary list, or "not answered".
fn ids(vocab: Vocab) -> impl Strategy<Value = Option<Vec<String>>> {
    let all: Vec<String> = catalog()
        .terms(vocab)
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    proptest::option::of(proptest::sample::subsequence(
        all.clone(),
        0..=all.len().min(6),
    ))
}

fn intake() -> impl Strategy<Value = Intake> {
    let primary = proptest::option::of(proptest::sample::select(vec![
        "low_back", "neck", "migraine",
    ]));
    (
        proptest::option::of(0u16..=120),
        primary,
        proptest::option::of(0u16..=40),
        proptest::option::of(0u8..=3),
        (
            ids(Vocab::Symptom),
            ids(Vocab::Health),
            ids(Vocab::Medication),
            ids(Vocab::Supplement),
        ),
        proptest::option::of(proptest::sample::select(vec!["active", "inactive"])),
    )
        .prop_map(
            |(
                age,
                primary,
                months,
                self_harm,
                (symptoms, conditions, medications, supplements),
                activity,
            )| {
                Intake {
                    age,
                    pain: Some(Pain {
                        primary: primary.map(String::from),
                        duration_months: months,
                        ..Pain::default()
                    }),
                    mood: Some(Mood {
                        phq4: None,
                        self_harm,
                    }),
                    symptoms,
                    conditions,
                    medications,
                    supplements,
                    activity: activity.map(String::from),
                    ..Intake::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn screening_is_consistent(intake in intake()) {
        let s = screen(&intake);
        prop_assert_eq!(&s, &screen(&intake));
        prop_assert_eq!(s.outcome, s.flags.first().map_or(Outcome::Proceed, |f| f.outcome));
        prop_assert!(s.flags.windows(2).all(|w| w[0].outcome <= w[1].outcome));
        prop_assert_eq!(s.therapies.len(), catalog().therapies.len());
        for t in &s.therapies {
            let statuses: Vec<TherapyStatus> = t.findings.iter().map(|f| f.status.unwrap()).collect();
            prop_assert!(statuses.windows(2).all(|w| w[0] <= w[1]));
            prop_assert_eq!(t.status, statuses.first().copied().unwrap_or(TherapyStatus::Allowed));
            prop_assert!(t.therapy != "kava" || t.status <= TherapyStatus::Caution);
        }
        let taken = intake.supplements.clone().unwrap_or_default();
        prop_assert!(s.alerts.iter().all(|a| taken.contains(&a.supplement) && a.status != TherapyStatus::Allowed));
        prop_assert_eq!(s.has_notice("medications_unknown"), intake.medications.is_none());
    }
}
