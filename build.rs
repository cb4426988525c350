//! Compiles the clinical data files (`src/clinical/data/*.json`) into Rust statics.
//!
//! The JSON files stay the single source a clinical reviewer reads and edits, but the app ships neither their text
//! nor a parser for them (about 38 KB of gzipped wasm). The build reads them into the app's own types
//! (`src/clinical/data`, included below) with the app's own checks ([`data::load::compile`]), so a file the app
//! would refuse fails the build, with the file and the JSON path in the message; then it writes those values out.

// The app's data types and their loader, and the enums they use: one definition for the build and the app. The
// build uses only part of them (the app's methods live elsewhere), hence `dead_code`.
#[allow(dead_code, unused_imports)]
#[path = "src/clinical/data/mod.rs"]
mod data;
#[path = "build/emit.rs"]
mod emit;
#[allow(dead_code)]
#[path = "src/clinical/terms.rs"]
mod terms;

use std::path::PathBuf;
use std::{env, fs, process};

/// Where the data files live, relative to the package root (where cargo runs build scripts).
const DATA: &str = "src/clinical/data";
/// The document explaining every cited SOURCES section; its headings name them for patients.
const SOURCES_DOC: &str = "docs/sources.md";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=src/clinical/terms.rs");
    println!("cargo:rerun-if-changed={SOURCES_DOC}");
    let read = |file: &str| {
        let path = format!("{DATA}/{file}");
        fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
    };
    let (vocabulary, therapies, rules) = (
        read("vocabulary.json"),
        read("therapies.json"),
        read("rules.json"),
    );
    let texts = data::load::Texts {
        vocabulary: &vocabulary,
        therapies: &therapies,
        rules: &rules,
    };
    let data = data::load::compile(texts).unwrap_or_else(|e| fail(&format!("{DATA}/{e}")));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(
        out.join("catalog_data.rs"),
        emit::static_item("CATALOG", "Catalog", data.catalog),
    );
    write(
        out.join("rules_data.rs"),
        emit::static_item("RULE_BOOK", "RuleBook", data.rules),
    );
    let review = data::load::compile_review(&read("review.json"))
        .unwrap_or_else(|e| fail(&format!("{DATA}/{e}")));
    write(
        out.join("review_data.rs"),
        emit::static_item("REVIEW_BOOK", "ReviewBook", review),
    );
    let doc =
        fs::read_to_string(SOURCES_DOC).unwrap_or_else(|e| fail(&format!("{SOURCES_DOC}: {e}")));
    write(
        out.join("source_titles.rs"),
        emit::static_item("SOURCE_TITLES", "&[(&str, &str)]", &source_titles(&doc)),
    );
}

/// The SOURCES sections `docs/sources.md` explains, from its headings `### §4.3 — Precautions for each therapy`:
/// (`4.3`, `Precautions for each therapy`).
fn source_titles(doc: &str) -> Vec<(&str, &str)> {
    let titles: Vec<(&str, &str)> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("### §")?.split_once(" \u{2014} "))
        .collect();
    if titles.is_empty() {
        fail(&format!(
            "{SOURCES_DOC}: no `### §N — Title` headings found"
        ));
    }
    titles
}

fn write(path: PathBuf, source: String) {
    fs::write(&path, source).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

/// A plain message and exit code, not a panic, so cargo shows the data error rather than a backtrace hint.
fn fail(message: &str) -> ! {
    eprintln!("error: invalid clinical data: {message}");
    process::exit(1)
}
