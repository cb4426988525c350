//! The 0–10 questions asked both at intake and at every check-in, worded once: the three PEG items (SOURCES §3.1,
//! recall "the past week") and the sleep quality rating (SOURCES §3.7, 0 = best possible sleep).

use crate::ui::widgets::scale::{interference_word, pain_word};

/// One 0–10 question: its wording, the words at each end, and what a value means when read aloud.
#[derive(Clone, Copy)]
pub struct ScaleQuestion {
    /// The question.
    pub legend: &'static str,
    /// The words under 0.
    pub low: &'static str,
    /// The words under 10.
    pub high: &'static str,
    /// A value's meaning, read out with it.
    pub describe: fn(u8) -> &'static str,
}

/// PEG item 1: average pain.
pub const PEG_PAIN: ScaleQuestion = ScaleQuestion {
    legend: "What number best describes your pain on average in the past week?",
    low: "No pain",
    high: "Pain as bad as you can imagine",
    describe: pain_word,
};

/// PEG item 2: interference with enjoyment of life.
pub const PEG_ENJOYMENT: ScaleQuestion = ScaleQuestion {
    legend: "What number best describes how, during the past week, pain has interfered with your enjoyment of life?",
    low: "Does not interfere",
    high: "Completely interferes",
    describe: interference_word,
};

/// PEG item 3: interference with general activity.
pub const PEG_ACTIVITY: ScaleQuestion = ScaleQuestion {
    legend: "What number best describes how, during the past week, pain has interfered with your general activity?",
    low: "Does not interfere",
    high: "Completely interferes",
    describe: interference_word,
};

/// Sleep quality over the past week; lower is better, as with pain.
pub const SLEEP: ScaleQuestion = ScaleQuestion {
    legend: "What number best describes the quality of your sleep during the past week?",
    low: "Best possible sleep",
    high: "Worst possible sleep",
    describe: sleep_word,
};

/// The sleep scale's ends in words; the numbers between carry no band of their own.
fn sleep_word(n: u8) -> &'static str {
    match n {
        0 => "best possible sleep",
        10 => "worst possible sleep",
        _ => "where 0 is the best possible sleep and 10 the worst",
    }
}
