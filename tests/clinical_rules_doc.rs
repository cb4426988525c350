//! `docs/clinical-rules.md` is generated from the compiled rule book; this fails, naming the command, when the
//! committed file no longer matches the data it describes.

use mosaic::clinical::rule_text::{markdown, rule_book_text, REGENERATE};

#[test]
fn committed_rule_book_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/clinical-rules.md");
    let committed = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read docs/clinical-rules.md ({e}); run `{REGENERATE}`"));
    let fresh = markdown(&rule_book_text());
    if committed != fresh {
        let (line, (old, new)) = committed
            .lines()
            .chain(std::iter::repeat(""))
            .zip(fresh.lines().chain(std::iter::repeat("")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .expect("the files differ, so some line differs");
        panic!(
            "docs/clinical-rules.md is out of date: run `{REGENERATE}`\nfirst difference at line {}:\n  committed: {old}\n  generated: {new}",
            line + 1
        );
    }
}

#[test]
fn the_document_names_known_rules_with_their_wording() {
    let doc = markdown(&rule_book_text());
    assert!(doc.starts_with("# How Mosaic checks safety: the clinical rule book\n"));
    assert!(doc.contains("\n### RF-CES\n\n- **Outcome:** Emergency: go to emergency care now\n"));
    assert!(doc.contains(
        "- **DERIVED-TRANSPLANT-IMMUNOSUPPRESSED**: If you take *Transplant medicines*, Mosaic also counts \
         *A weakened immune system*, because you take a transplant medicine, which lowers the body's defences."
    ));
    assert!(doc.contains(
        "- **N-UNKNOWN-CONDITIONS**: Caution: can be added, with this message\n  - Applies because: given to every \
         therapy that has a rule on the health-conditions answer\n  - When: the health-conditions question was not \
         answered, or the person was not sure about some of it\n"
    ));
    assert!(doc.contains(
        "\n### Cognitive behavioural therapy (CBT) for pain (`cbt`)\n\nNo therapy rule applies"
    ));
}
