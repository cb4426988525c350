//! The rule book in words as Markdown for `docs/clinical-rules.md` (lists rather than wide tables, so long messages
//! and sources stay readable on GitHub and on a phone).

use super::{BookText, Piece, Words};
use std::fmt::Write;

/// The command that regenerates `docs/clinical-rules.md` (named by the staleness test when the file is out of date).
pub const REGENERATE: &str = "cargo run --example clinical_rules > docs/clinical-rules.md";

/// The whole of `docs/clinical-rules.md`: a short introduction, then derived facts, red flags, notices and the rules
/// of every therapy.
pub fn markdown(book: &BookText) -> String {
    let mut out = String::new();
    out.push_str(&intro());
    section_derived(&mut out, book);
    section_flags(&mut out, book);
    section_notices(&mut out, book);
    section_therapies(&mut out, book);
    section_contacts(&mut out, book);
    out
}

fn intro() -> String {
    format!(
        "# How Mosaic checks safety: the clinical rule book

<!-- Generated from the compiled rule book; do not edit by hand. Regenerate with: {REGENERATE} -->

This is every safety rule Mosaic applies, written out in plain language so that a clinician can review the whole
rule book without reading code or data files. It is generated from the rules the app is built with
(`src/clinical/data/rules.json`, with the labels of `src/clinical/data/vocabulary.json` and `therapies.json`), so
it always says what the app does. Each rule carries its source; the wording a person sees is quoted as it appears
in the app.

How the rules work together:

- **Facts implied by other answers** (section 1) are added before any rule runs. A derived fact counts exactly
  like the answer it stands for, and when a rule fires only because of one, the person is told which answer it
  came from.
- **Red flags** (section 2) decide the plan-level outcome. Outcomes rank, most severe first: emergency, crisis,
  urgent, out of scope, proceed. The most severe outcome reached wins, every red flag that fired is listed, and
  only \"proceed\" leads to a plan.
- **Notices** (section 3) never block a plan; they tell the person something to know or to do.
- **Therapy rules** (section 4) give each therapy a status. Statuses rank, most severe first: blocked, clearance
  required, caution, allowed. The most severe rule that fires wins, the message of every rule that fired is
  shown, and a therapy that no rule hits is allowed. Statuses are worked out for every therapy, whatever the
  outcome. A therapy's list includes the rules it inherits (yoga, tai chi and physical therapy get the exercise
  rules), the rules of its group (such as the herbal supplements) and the rules given to every therapy that has
  a rule on an answer that was not given.
- **Crisis and emergency contacts** (section 5) are the services and numbers shown with the crisis and
  emergency outcomes.
- **An answer that was not given is unknown, never \"no\".** A rule about having a condition, symptom or medicine
  never fires on a skipped question, and the rules that treat a skipped question as a risk say so in their
  condition (\"… question was not answered\").

Names in *italics* are the labels and questions exactly as the app shows them.

To regenerate this file after changing the data files, run `{REGENERATE}`.
`cargo test` fails while this file is out of date.
"
    )
}

fn section_derived(out: &mut String, book: &BookText) {
    out.push_str("\n## 1. Facts implied by other answers\n\n");
    for d in &book.derived {
        let _ = writeln!(
            out,
            "- **{}**: {}, because {}.  \n  Source: {}",
            d.id,
            words(&d.sentence),
            escape(d.because),
            escape(d.source)
        );
    }
}

fn section_flags(out: &mut String, book: &BookText) {
    out.push_str("\n## 2. Red flags (plan level)\n");
    for f in &book.flags {
        let _ = write!(
            out,
            "\n### {}\n\n- **Outcome:** {}\n- **When:** {}\n- **Message:** {}\n- **What to do:** {}\n- **Source:** {}\n",
            f.id,
            f.outcome_words,
            words(&f.when),
            escape(f.message),
            escape(f.action),
            escape(f.source)
        );
    }
}

fn section_notices(out: &mut String, book: &BookText) {
    out.push_str("\n## 3. Notices\n");
    for n in &book.notices {
        let _ = write!(
            out,
            "\n### {} (`{}`)\n\n- **When:** {}\n- **Message:** {}\n",
            escape(n.title),
            n.id,
            words(&n.when),
            escape(n.message),
        );
        if let Some(offer) = n.offer {
            let _ = writeln!(out, "- **Also shows:** {offer}");
        }
        if n.missing_answer {
            out.push_str(
                "- **A missing safety answer:** while it is raised, the screening never says that no warning signs \
                 came up.\n",
            );
        }
        let _ = writeln!(out, "- **Source:** {}", escape(n.source));
    }
}

fn section_therapies(out: &mut String, book: &BookText) {
    out.push_str("\n## 4. Therapy rules\n");
    for t in &book.therapies {
        let _ = write!(out, "\n### {} (`{}`)\n\n", escape(t.name), t.id);
        if t.rules.is_empty() {
            out.push_str(
                "No therapy rule applies: it is allowed for everyone (the red flags and notices still apply).\n",
            );
            continue;
        }
        for r in &t.rules {
            let _ = writeln!(out, "- **{}**: {}", r.id, r.status_words);
            if let Some(applies) = &r.applies {
                let _ = writeln!(out, "  - Applies because: {}", words(applies));
            }
            let _ = write!(
                out,
                "  - When: {}\n  - Message: {}\n  - Source: {}\n",
                words(&r.when),
                escape(r.message),
                escape(r.source)
            );
        }
    }
}

fn section_contacts(out: &mut String, book: &BookText) {
    out.push_str(
        "\n## 5. Crisis and emergency contacts\n\nWith the crisis outcome and beside the notice about an unanswered \
         self-harm question, after the crisis line set in Settings (or \"your local emergency number\"):\n\n",
    );
    for c in book.crisis_lines {
        let _ = write!(
            out,
            "- {}, {} **{}** ({}), {}.  \n  Source: {}\n",
            escape(c.region),
            escape(c.how),
            escape(c.contact),
            escape(c.service),
            escape(c.hours),
            escape(c.source)
        );
    }
    out.push_str(
        "\nWith the emergency outcome, after \"Call your local emergency number now\":\n\n",
    );
    for n in book.emergency_numbers {
        let _ = write!(
            out,
            "- **{}** {}.  \n  Source: {}\n",
            escape(n.number),
            escape(n.region),
            escape(n.source)
        );
    }
}

/// Words as Markdown: labels in italics.
pub(super) fn words(w: &Words) -> String {
    w.0.iter()
        .map(|p| match p {
            Piece::Text(t) => escape(t),
            Piece::Term(l) => format!("*{}*", escape(l)),
        })
        .collect()
}

/// Text with the characters Markdown would read as formatting escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_characters_are_escaped() {
        assert_eq!(
            escape("a*b_c [d] <e> |f|"),
            "a\\*b\\_c \\[d\\] \\<e\\> \\|f\\|"
        );
    }

    #[test]
    fn labels_are_italic() {
        let w = Words(vec![
            Piece::Text("takes ".into()),
            Piece::Term("Blood thinners"),
        ]);
        assert_eq!(words(&w), "takes *Blood thinners*");
    }
}
