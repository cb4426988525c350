//! When a flare is not just a flare: the red-flag questions that, answered "yes" during a flare, would stop this
//! person's plan, grouped by what to do (the rule book's action for the rule that fires), most urgent first.
//!
//! Worked out by the screening engine itself, on the person's own answers with that one symptom added, so the flare
//! plan can never disagree with the safety check: a symptom that stops a plan only together with other facts (a new
//! or worse pain with a cancer history, say) is listed only for a person who has those facts.

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::intake::Intake;
use crate::clinical::screening::{screen, Flag};
use crate::clinical::terms::Outcome;

/// Red-flag questions that lead to the same action.
#[derive(Clone, Debug, PartialEq)]
pub struct RedFlagGroup {
    /// How urgent (emergency or urgent).
    pub outcome: Outcome,
    /// What to do, in the rule book's words.
    pub action: &'static str,
    /// The red-flag questions, in the vocabulary's order.
    pub questions: Vec<&'static str>,
}

/// The red flags of a flare for this person, emergency first.
pub fn red_flags(intake: &Intake) -> Vec<RedFlagGroup> {
    let probe = |symptoms: Vec<String>| {
        let mut i = intake.clone();
        i.symptoms = Some(symptoms);
        screen(&i).flags
    };
    // Flags the person's other answers raise already (a crisis, say) are not the symptom's doing.
    let already: Vec<Flag> = probe(Vec::new());
    let mut groups: Vec<RedFlagGroup> = Vec::new();
    for term in catalog().terms(Vocab::Symptom) {
        let raised = probe(vec![term.id.to_string()]);
        let Some(flag) = raised
            .iter()
            .filter(|f| !already.contains(f))
            .filter(|f| matches!(f.outcome, Outcome::Emergency | Outcome::Urgent))
            .min_by_key(|f| f.outcome)
        else {
            continue;
        };
        let action = rule_action(&flag.finding.rule);
        match groups
            .iter_mut()
            .find(|g| g.outcome == flag.outcome && g.action == action)
        {
            Some(g) => g.questions.push(term.label),
            None => groups.push(RedFlagGroup {
                outcome: flag.outcome,
                action,
                questions: vec![term.label],
            }),
        }
    }
    groups.sort_by_key(|g| g.outcome);
    groups
}

/// The rule book's action for a plan-level rule, as `'static` text.
fn rule_action(rule: &str) -> &'static str {
    crate::clinical::rules::rule_book()
        .flags
        .iter()
        .find(|r| r.id == rule)
        .map_or("", |r| r.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questions(groups: &[RedFlagGroup], outcome: Outcome) -> Vec<&'static str> {
        groups
            .iter()
            .filter(|g| g.outcome == outcome)
            .flat_map(|g| g.questions.iter().copied())
            .collect()
    }

    #[test]
    fn emergencies_come_first_with_the_rule_books_action() {
        let groups = red_flags(&Intake::default());
        assert_eq!(groups[0].outcome, Outcome::Emergency);
        assert_eq!(
            groups[0].action,
            "Call your local emergency number or go to the nearest emergency department now. Do not start any new therapy."
        );
        let emergency = questions(&groups, Outcome::Emergency);
        assert!(emergency.contains(
            &"Do you have numbness in your groin or buttocks (where you would sit on a saddle)?"
        ));
        assert!(emergency.contains(&"Have both of your legs become weak recently?"));
        let urgent = questions(&groups, Outcome::Urgent);
        assert!(urgent.contains(&"Do you have a fever or chills along with the pain?"));
        assert!(!urgent.contains(&"Have both of your legs become weak recently?"));
    }
}
