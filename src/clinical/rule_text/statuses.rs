//! What an outcome, a therapy status and a notice's offer mean for the person, in words.

use crate::clinical::rules::NoticeOffer;
use crate::clinical::screening::{Outcome, TherapyStatus};

/// An outcome in words, with what it means for the person.
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Emergency => "Emergency: go to emergency care now",
        Outcome::Crisis => "Crisis: crisis support now, for a risk of self-harm",
        Outcome::Urgent => "Urgent: see a clinician within a day or two",
        Outcome::OutOfScope => "Out of scope: outside what Mosaic is made for",
        Outcome::Proceed => "Proceed: a plan can be built",
    }
}

/// What a notice offers, in words.
pub(super) fn offer_words(offer: NoticeOffer) -> &'static str {
    match offer {
        NoticeOffer::CrisisResources => "the crisis contacts (section 5)",
        NoticeOffer::AnswerHealthQuestions => "a link back to the health questions",
    }
}

/// A therapy status in words, with what it means for the person.
pub fn status_words(status: TherapyStatus) -> &'static str {
    match status {
        TherapyStatus::Blocked => "Blocked: cannot be added",
        TherapyStatus::ClearanceRequired => {
            "Clearance required: do not start until a clinician approves"
        }
        TherapyStatus::Caution => "Caution: can be added, with this message",
        TherapyStatus::Allowed => "Allowed",
    }
}
