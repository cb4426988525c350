//! Citations in words a patient can read. The data cites sections of the evidence notes (`SOURCES §4.3 Yoga`) and
//! of the rule contract (`RULES §4.1 N-UNKNOWN-AGE`); patients see the first by the section's title from
//! docs/sources.md (compiled in by `build.rs`), the second as one mention of Mosaic's safety rules, and everything
//! else (guidelines, studies, links) as written.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/source_titles.rs"));
}

/// How the rule-contract references read to a patient (the rules themselves are listed in words on their own page).
pub const RULE_BOOK_WORDS: &str =
    "Mosaic\u{2019}s safety rules (see \u{201c}How Mosaic checks safety\u{201d})";

/// The title docs/sources.md gives a SOURCES section, e.g. `4.3` → "Precautions for each therapy".
pub fn section_title(section: &str) -> Option<&'static str> {
    generated::SOURCE_TITLES
        .iter()
        .find(|(s, _)| *s == section)
        .map(|(_, t)| *t)
}

/// The parts of one citation in readable words, in order, each once.
pub fn readable(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |text: String| {
        if !out.contains(&text) {
            out.push(text);
        }
    };
    for part in source.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(rest) = part.strip_prefix("SOURCES §") {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let (number, detail) = rest.split_at(end);
            match section_title(number.trim_end_matches('.')) {
                Some(title) => push(with_detail(title, detail.trim())),
                None => push(part.to_string()),
            }
        } else if part.starts_with("RULES §") || part.starts_with('§') {
            // A bare `§4.1 N-UNKNOWN` follows another citation in the data and names a rule of the contract.
            push(RULE_BOOK_WORDS.to_string());
        } else {
            push(part.to_string());
        }
    }
    out
}

/// "Precautions for each therapy: Yoga", or with a parenthesis as written.
fn with_detail(title: &str, detail: &str) -> String {
    match detail {
        "" => title.to_string(),
        d if d.starts_with('(') => format!("{title} {d}"),
        d => format!("{title}: {d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_read_as_their_titles_and_rule_references_as_one_mention() {
        assert_eq!(
            readable("SOURCES §4.3 Yoga; NEISS 2001-2014 (PMC5117171); RULES §4.1 N-UNKNOWN-AGE"),
            [
                "Precautions for each therapy: Yoga",
                "NEISS 2001-2014 (PMC5117171)",
                "Mosaic\u{2019}s safety rules (see \u{201c}How Mosaic checks safety\u{201d})",
            ]
        );
        assert_eq!(
            readable(
                "RULES §4.1 N-UNKNOWN-CONDITIONS; SOURCES §4.1 (an unknown question is a caution)"
            ),
            [
                "Mosaic\u{2019}s safety rules (see \u{201c}How Mosaic checks safety\u{201d})",
                "The rule model (an unknown question is a caution)",
            ]
        );
        assert_eq!(
            readable("SOURCES §4.3 Herbal, §4.4 Any herbal; NCCIH; §4.1 N-UNKNOWN; RULES §2.2"),
            [
                "Precautions for each therapy: Herbal, §4.4 Any herbal",
                "NCCIH",
                "Mosaic\u{2019}s safety rules (see \u{201c}How Mosaic checks safety\u{201d})",
            ]
        );
        assert_eq!(
            section_title("2.7"),
            Some("The therapy × condition summary grid")
        );
        assert_eq!(section_title("9.9"), None);
    }

    #[test]
    fn no_citation_in_the_data_shows_a_section_sign_to_patients_except_inside_a_detail() {
        use crate::clinical::{catalog::catalog, rules::rule_book};
        let book = rule_book();
        let mut sources: Vec<&str> = book.flags.iter().map(|r| r.source).collect();
        sources.extend(book.notices.iter().map(|r| r.source));
        sources.extend(book.therapy.iter().map(|r| r.source));
        sources.extend(
            catalog()
                .therapies
                .iter()
                .flat_map(|t| t.evidence.iter().map(|(_, e)| e.source)),
        );
        for s in sources {
            for part in readable(s) {
                // A title with a detail may still name a second section ("…: Herbal, §4.4 Any herbal").
                let head = part.split(':').next().unwrap_or_default();
                assert!(!head.contains('§'), "{s} → {part}");
                assert!(
                    !part.starts_with("SOURCES") && !part.contains("RULES §"),
                    "{s} → {part}"
                );
            }
        }
    }
}
