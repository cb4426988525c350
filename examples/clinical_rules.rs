//! Prints the clinical rule book in words as Markdown: `cargo run --example clinical_rules > docs/clinical-rules.md`.
//!
//! An example rather than a second binary because the crate's binary is the wasm app; `tests/clinical_rules_doc.rs`
//! fails while the committed file differs from this output.

use mosaic::clinical::rule_text::{markdown, rule_book_text};

fn main() {
    print!("{}", markdown(&rule_book_text()));
}
