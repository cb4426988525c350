//! Compiles the clinical data files (`src/clinical/data/*.json`) into Rust statics.
//!
//! The JSON files stay the single source a clinical reviewer reads and edits, but the app no longer ships their
//! text or a parser for them (about 38 KB of gzipped wasm). A file the app's types would have rejected now fails
//! the build, with the file and the JSON path in the message.

#[path = "build/emit.rs"]
mod emit;
#[path = "build/locate.rs"]
mod locate;
#[path = "build/model.rs"]
mod model;
// The app's own enums of the data's closed sets, so build and app share one definition. `Risk` is among them
// but no data file spells a risk group any more, so the build script itself does not use every item.
#[allow(dead_code)]
#[path = "src/clinical/terms.rs"]
mod terms;

use serde::de::DeserializeOwned;
use std::path::PathBuf;
use std::{env, fs, process};

/// Where the data files live, relative to the package root (where cargo runs build scripts).
const DATA: &str = "src/clinical/data";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    for file in ["vocabulary.json", "therapies.json", "rules.json"] {
        println!("cargo:rerun-if-changed={DATA}/{file}");
    }
    let vocabulary: model::Vocabulary = parse("vocabulary.json");
    let therapies: Vec<model::Therapy> = parse("therapies.json");
    let rules: model::RuleBook = parse("rules.json");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(
        out.join("catalog_data.rs"),
        emit::catalog(&vocabulary, therapies),
    );
    write(out.join("rules_data.rs"), emit::rules(&rules));
}

/// Reads and deserializes one data file, or stops the build naming the file, the JSON path and the problem.
fn parse<T: DeserializeOwned>(file: &str) -> T {
    let path = format!("{DATA}/{file}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    serde_json::from_str(&text).unwrap_or_else(|e| {
        let at = locate::path_at(&text, e.line(), e.column());
        fail(&format!("{path}: at {at}: {e}"))
    })
}

fn write(path: PathBuf, source: String) {
    fs::write(&path, source).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

/// A plain message and exit code, not a panic, so cargo shows the data error rather than a backtrace hint.
fn fail(message: &str) -> ! {
    eprintln!("error: invalid clinical data: {message}");
    process::exit(1)
}
