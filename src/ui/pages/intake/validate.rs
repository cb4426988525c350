//! Pure validation of what a person types: each function turns the text into the stored value, `Ok(None)` for
//! an empty field (not answered), or a message to show beside the field. Tested natively.

use crate::clinical::intake::{Intake, Pain};
use crate::clinical::screening::age_out_of_scope;
use crate::ui::widgets::checklist::ListAnswer;

/// The oldest age accepted, to catch typing slips (the strict reader's bound).
pub const MAX_AGE: u16 = Intake::AGE.max;
/// At most this many goals (shared with the backup validator).
pub use crate::store::limits::MAX_GOALS;

/// Reads a whole number written with digits only, allowing "1,000"-style thousands separators.
fn whole_number(text: &str) -> Option<u32> {
    let groups: Vec<&str> = text.split(',').collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !well_grouped || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Age in whole years. Empty is "not answered"; under 18 is accepted (the screening then says the tool is
/// for adults and where to go instead); 0, over 120, fractions and words are refused with a message.
pub fn age(text: &str) -> Result<Option<u16>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match whole_number(t) {
        Some(0) | None => {
            Err("Enter your age in whole years, using numbers, for example 45.".into())
        }
        Some(n) if n > u32::from(MAX_AGE) => Err(format!(
            "Enter an age of {MAX_AGE} or less, in whole years."
        )),
        Some(n) => Ok(Some(n as u16)),
    }
}

/// Age is required in the wizard (RULES §4.1): some safety rules depend on it. `text` is what was typed; a
/// malformed entry is left to [`age`], so only an empty field gets this message.
pub fn age_required(text: &str) -> Option<String> {
    text.trim().is_empty().then(|| {
        "Please enter your age in whole years before going on. Some safety checks depend on it."
            .to_string()
    })
}

/// Whether the screening rules put a person of this age outside what Mosaic is made for (it is made for adults),
/// so the age step can say so at once.
pub fn is_minor(age: Option<u16>) -> bool {
    age.is_some_and(age_out_of_scope)
}

/// A whole amount such as minutes a week or a monthly budget, up to `max`; a leading currency sign is allowed.
pub fn amount(text: &str, max: u16, example: &str) -> Result<Option<u16>, String> {
    let t = text.trim();
    let t = t.strip_prefix(['$', '£', '€', '¥']).unwrap_or(t).trim();
    if t.is_empty() {
        return if text.trim().is_empty() {
            Ok(None)
        } else {
            Err(format!("Enter a whole number, for example {example}."))
        };
    }
    match whole_number(t) {
        None => Err(format!(
            "Enter a whole number using digits, for example {example}."
        )),
        Some(n) if n > u32::from(max) => Err(format!("Enter a number of {max} or less.")),
        Some(n) => Ok(Some(n as u16)),
    }
}

/// The unit a duration is typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Whole months.
    Months,
    /// Years, halves allowed (1.5 years = 18 months).
    Years,
}

impl Unit {
    /// The radio/select value.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Months => "months",
            Unit::Years => "years",
        }
    }

    /// Reads [`Unit::id`].
    pub fn from_id(id: &str) -> Unit {
        if id == "years" {
            Unit::Years
        } else {
            Unit::Months
        }
    }
}

/// How long the pain has lasted, stored in months (at most `Pain::DURATION_MONTHS`, 120 years).
pub fn duration(text: &str, unit: Unit) -> Result<Option<u16>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || {
        Err(match unit {
            Unit::Months => "Enter a whole number of months, for example 18.".to_string(),
            Unit::Years => "Enter a number of years, for example 2 or 1.5.".to_string(),
        })
    };
    let months = match unit {
        Unit::Months => match whole_number(t) {
            Some(n) => f64::from(n),
            None => return bad(),
        },
        Unit::Years => {
            let t = t.replace(',', ".");
            let plain = t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && t.bytes().filter(|b| *b == b'.').count() <= 1
                && t.bytes().any(|b| b.is_ascii_digit());
            match t.parse::<f64>() {
                Ok(y) if plain => (y * 12.0).round(),
                _ => return bad(),
            }
        }
    };
    let longest = Pain::DURATION_MONTHS.max;
    if months > f64::from(longest) {
        return Err(format!(
            "That is more than {} years: check the number and the unit.",
            longest / 12
        ));
    }
    Ok(Some(months as u16))
}

/// How a stored duration is shown: whole years when it is a whole number of years, otherwise months.
pub fn duration_text(months: Option<u16>) -> (String, Unit) {
    match months {
        Some(m) if m >= 12 && m % 12 == 0 => ((m / 12).to_string(), Unit::Years),
        Some(m) => (m.to_string(), Unit::Months),
        None => (String::new(), Unit::Months),
    }
}

/// Goals, one per line: the non-empty lines (the first three are stored) and a message when there are more.
pub fn goals(text: &str) -> (Vec<String>, Option<String>) {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let error = (lines.len() > MAX_GOALS).then(|| {
        format!(
            "You have written {} goals. Keep the three that matter most, one per line.",
            lines.len()
        )
    });
    (lines.into_iter().take(MAX_GOALS).collect(), error)
}

/// Free text as stored: `None` when only spaces were typed.
pub fn free_text(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The safety questions are the one required answer: a tick, or "None of these".
pub fn safety(answer: &ListAnswer) -> Option<String> {
    (!answer.is_answered()).then(|| {
        "Please answer this before going on: tick each one that is true for you, or tick \u{201c}None of these\u{201d}."
            .to_string()
    })
}

/// The self-harm question (PHQ-9 item 9) is required in the wizard (RULES §4.1): any answer, "Not at all" included.
pub fn self_harm(answer: Option<u8>) -> Option<String> {
    answer.is_none().then(|| {
        "Please answer the question about thoughts of being better off dead or of hurting yourself before going on. \u{201c}Not at all\u{201d} is an answer too."
            .to_string()
    })
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
