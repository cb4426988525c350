//! Limits on what the saved document may hold, shared by the screens that edit it and the backup validator, so a
//! backup made by this app always passes the validator and a hand-edited one cannot carry more than the screens allow.
//!
//! Text lengths are counted in UTF-16 code units, as the browser counts an input's `maxlength`.

/// At most this many goals (the "what matters" step keeps the first three).
pub const MAX_GOALS: usize = 3;
/// Longest "what matters most" answer: the textarea's `maxlength`.
pub const MAX_WHAT_MATTERS_CHARS: usize = 1000;
/// Longest text of the goals textarea (one goal a line), so also the longest single goal: the textarea's `maxlength`.
pub const MAX_GOALS_TEXT_CHARS: usize = 500;
/// Longest side-effects note of a check-in (the same room as "what matters"), and of what happened with one
/// therapy (`effects.<therapy>.text`): the same kind of note, about one therapy instead of the whole week.
pub const MAX_SIDE_EFFECTS_CHARS: usize = 1000;
/// Longest note of a check-in ("anything else about this week"): room for a few short paragraphs, as for "what
/// matters". A full note every week for three years (156 check-ins) is 156,000 characters, a few percent of the
/// roughly 5 MB a browser gives a site's `localStorage`; the whole document is one value there, read and written at
/// once, so a longer limit would cost every save.
pub const MAX_NOTE_CHARS: usize = 1000;
/// Longest text of each part of the flare plan (warning signs, what helps, what to reduce, who to call): the flare
/// page's `maxlength`, the same room as a check-in's note.
pub const MAX_FLARE_TEXT_CHARS: usize = 1000;
/// Longest crisis line: the Settings field's `maxlength`.
///
/// The crisis line is shown wherever crisis resources are, so its shape is what that one-line field accepts: a
/// single line (a text input drops line breaks) of at most this many characters, and no control characters other
/// than a tab (none can be typed there).
pub const MAX_CRISIS_LINE_CHARS: usize = 120;
/// Longest `exported_at` of a backup (an ISO 8601 time such as `2026-11-21T12:00:00.000Z` is 24).
pub const MAX_EXPORTED_AT_CHARS: usize = 40;
/// The list questions answered "not sure" as a whole (`AppState.unsure`), by the name the wizard records; the
/// health, medicines and supplements lists keep theirs in the intake (`Intake::UNSURE_LISTS`).
pub const UNSURE_KEYS: [&str; 2] = ["sites", "symptoms"];
/// Length of a text as the browser's `maxlength` counts it.
pub fn text_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Whether a crisis line has the shape the Settings field accepts (see [`MAX_CRISIS_LINE_CHARS`]).
pub fn is_crisis_line(s: &str) -> bool {
    text_len(s) <= MAX_CRISIS_LINE_CHARS && !has_line_break_or_control(s)
}

/// Whether a text holds a line break (including U+2028/U+2029) or a control character other than a tab.
pub fn has_line_break_or_control(s: &str) -> bool {
    s.chars()
        .any(|c| (c.is_control() && c != '\t') || c == '\u{2028}' || c == '\u{2029}')
}
