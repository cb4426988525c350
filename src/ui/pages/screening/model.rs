//! What the screening view says, computed from a [`Screening`] by plain functions (tested natively).

use crate::clinical::intake::Intake;
use crate::clinical::rules::rule_book;
use crate::clinical::scores::{Phq4Band, Phq4Score, Risk, Scores, StartBackScore};
use crate::clinical::screening::{Screening, TherapyScreening, TherapyStatus};

/// A notice's title, from the rule book's data (the rule's message is shown under it).
pub fn notice_title(id: &str) -> &'static str {
    rule_book().notice(id).map_or("Worth knowing", |n| n.title)
}

/// Whether any safety answer is unknown: a notice the rule book marks `missing_answer` was raised, or the
/// red-flag questions were never answered (no notice exists for those: the wizard never lets them be skipped).
/// While this holds, the view must not say that no warning signs came up.
pub fn safety_answers_missing(screening: &Screening, intake: &Intake) -> bool {
    intake.symptoms.is_none()
        || screening
            .notices
            .iter()
            .any(|n| rule_book().notice(&n.id).is_some_and(|r| r.missing_answer))
}

/// One score in plain words.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreLine {
    /// What the score is.
    pub name: &'static str,
    /// The value in words, e.g. "6.3 out of 10".
    pub value: String,
    /// What it means.
    pub meaning: String,
}

/// Words for a PHQ-4 band.
fn band_words(band: Phq4Band) -> &'static str {
    match band {
        Phq4Band::Normal => "in the usual range",
        Phq4Band::Mild => "mild",
        Phq4Band::Moderate => "moderate",
        Phq4Band::Severe => "severe",
    }
}

/// PEG, PHQ-4 and (for low back pain) STarT Back in plain words; incomplete scores say so, never zero.
pub fn score_lines(scores: &Scores) -> Vec<ScoreLine> {
    let mut out = Vec::new();
    out.push(match scores.peg {
        Some(p) => ScoreLine {
            name: "Pain and its effect on your life (PEG)",
            value: format!("{:.1} out of 10", p.display),
            meaning: "The average of your pain and how much it got in the way of enjoying life and daily activity last week. Your plan's reviews compare against it: a drop of 1 point or more is a meaningful change.".into(),
        },
        None => ScoreLine {
            name: "Pain and its effect on your life (PEG)",
            value: "Not scored".into(),
            meaning: "Not all three pain questions were answered, so there is no score to compare against later.".into(),
        },
    });
    out.push(phq4_line(&scores.phq4));
    match scores.start_back {
        StartBackScore::NotApplicable => {}
        StartBackScore::Incomplete => out.push(ScoreLine {
            name: "Back pain impact (STarT Back)",
            value: "Not scored".into(),
            meaning: "Not all nine back pain questions were answered.".into(),
        }),
        StartBackScore::Scored { total, psychosocial, risk } => out.push(ScoreLine {
            name: "Back pain impact (STarT Back)",
            value: format!(
                "{} risk ({total} out of 9)",
                match risk {
                    Risk::Low => "Low",
                    Risk::Medium => "Medium",
                    Risk::High => "High",
                }
            ),
            meaning: format!("How much back pain is affecting you and the chance it will keep doing so; the worry-and-mood part scored {psychosocial} out of 5."),
        }),
    }
    out
}

/// PHQ-4 in plain words.
fn phq4_line(phq4: &Phq4Score) -> ScoreLine {
    let name = "Mood and worry (PHQ-4)";
    match (phq4.total, phq4.band) {
        (Some(total), Some(band)) => {
            let mut meaning = "Four questions about nerves, worry, interest and low mood over the last two weeks.".to_string();
            if phq4.depression_positive() || phq4.anxiety_positive() {
                meaning.push_str(
                    " Part of it is high enough to talk about with your clinician (see above).",
                );
            }
            ScoreLine {
                name,
                value: format!("{total} out of 12, {}", band_words(band)),
                meaning,
            }
        }
        _ => ScoreLine {
            name,
            value: "Not scored".into(),
            meaning: "Not all four mood questions were answered.".into(),
        },
    }
}

/// How many therapies have each status, most severe first, leaving out statuses nobody has.
pub fn status_counts(therapies: &[TherapyScreening]) -> Vec<(TherapyStatus, usize)> {
    [
        TherapyStatus::Allowed,
        TherapyStatus::Caution,
        TherapyStatus::ClearanceRequired,
        TherapyStatus::Blocked,
    ]
    .into_iter()
    .map(|s| (s, therapies.iter().filter(|t| t.status == s).count()))
    .filter(|(_, n)| *n > 0)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::intake::{Intake, Mood, Pain, Peg, Phq4};
    use crate::clinical::screening::screen;

    fn intake(json: &str) -> Intake {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn incomplete_scores_are_never_shown_as_zero() {
        let lines = score_lines(&screen(&Intake::default()).scores);
        assert_eq!(lines.len(), 2, "no STarT Back line unless low back pain");
        assert!(lines.iter().all(|l| l.value == "Not scored"));
    }

    #[test]
    fn complete_scores_read_in_plain_words() {
        let i = Intake {
            pain: Some(Pain {
                primary: Some("low_back".into()),
                peg: Some(Peg {
                    pain: Some(6),
                    enjoyment: Some(6),
                    activity: Some(7),
                }),
                ..Pain::default()
            }),
            mood: Some(Mood {
                phq4: Some(Phq4 {
                    nervous: Some(2),
                    worry: Some(2),
                    interest: Some(0),
                    down: Some(0),
                }),
                self_harm: Some(0),
            }),
            ..Intake::default()
        };
        let lines = score_lines(&screen(&i).scores);
        assert_eq!(lines[0].value, "6.3 out of 10");
        assert_eq!(lines[1].value, "4 out of 12, mild");
        assert!(lines[1].meaning.contains("talk about"));
        assert_eq!(
            lines[2].value, "Not scored",
            "STarT Back asked but not answered"
        );
    }

    #[test]
    fn a_notice_shows_the_title_from_its_data() {
        assert_eq!(
            notice_title("conditions_unknown"),
            "Your health conditions could not be checked"
        );
        assert_eq!(
            notice_title("not_chronic"),
            "Mosaic is made for chronic pain"
        );
        assert_eq!(notice_title("no_such_notice"), "Worth knowing");
        for n in rule_book().notices {
            assert_ne!(notice_title(n.id), "Worth knowing", "{}", n.id);
        }
    }

    #[test]
    fn the_notices_about_missing_answers_are_those_of_the_safety_questions() {
        let ids: Vec<&str> = rule_book()
            .notices
            .iter()
            .filter(|n| n.missing_answer)
            .map(|n| n.id)
            .collect();
        assert_eq!(
            ids,
            [
                "medications_unknown",
                "conditions_unknown",
                "supplements_unknown",
                "age_unknown",
                "self_harm_unknown"
            ]
        );
    }

    /// Everything answered, nothing flagged: the baseline the next tests take one answer away from.
    const COMPLETE: &str = r#"{"age":52,"pain":{"primary":"neck","duration_months":14},
        "mood":{"self_harm":0},"symptoms":[],"conditions":[],"medications":[],"supplements":[]}"#;

    fn missing(json: &str) -> bool {
        let i = intake(json);
        safety_answers_missing(&screen(&i), &i)
    }

    #[test]
    fn no_safety_answer_is_missing_when_all_are_given() {
        assert!(!missing(COMPLETE));
    }

    #[test]
    fn each_unknown_safety_answer_counts_as_missing() {
        for (answer, unknown) in [
            (r#""conditions":[]"#, r#""conditions":null"#),
            (r#""medications":[]"#, r#""medications":null"#),
            (r#""supplements":[]"#, r#""supplements":null"#),
            (r#""age":52"#, r#""age":null"#),
            (r#""mood":{"self_harm":0}"#, r#""mood":{}"#),
            (r#""symptoms":[]"#, r#""symptoms":null"#),
        ] {
            assert!(COMPLETE.contains(answer), "{answer}");
            assert!(missing(&COMPLETE.replace(answer, unknown)), "{unknown}");
        }
    }

    #[test]
    fn other_notices_do_not_count_as_missing_safety_answers() {
        let short = COMPLETE.replace(r#""duration_months":14"#, r#""duration_months":1"#);
        let i = intake(&short);
        let s = screen(&i);
        assert!(s.has_notice("not_chronic"));
        assert!(!safety_answers_missing(&s, &i));
    }

    #[test]
    fn status_counts_add_up_and_skip_empty_statuses() {
        let s = screen(&intake(
            r#"{"conditions":["bleeding_disorder"],"medications":[]}"#,
        ));
        let counts = status_counts(&s.therapies);
        assert_eq!(
            counts.iter().map(|(_, n)| n).sum::<usize>(),
            s.therapies.len()
        );
        assert!(counts.iter().all(|(_, n)| *n > 0));
        assert!(counts.iter().any(|(st, _)| *st == TherapyStatus::Blocked));
    }
}
