//! Reliability promise 14 (docs/reliability.md): what a person types or imports is only ever shown as text. Leptos
//! writes text nodes and attribute values, which the browser never parses as markup, so the one way to break the
//! promise is to hand a string to the HTML parser. This fails, naming the file and line, on any use of the raw-HTML
//! APIs in the app's code, its scripts or its page; the allow list is empty, and an entry would need a reason here.

use std::fs;
use std::path::{Path, PathBuf};

/// The spellings that parse a string as HTML: Leptos's `inner_html` attribute, web-sys's setters and
/// `insert_adjacent_html`, and their DOM names in JavaScript and HTML files.
const RAW_HTML: [&str; 6] = [
    "inner_html",
    "outer_html",
    "insert_adjacent_html",
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
];

/// Files allowed to use them, with the reason (none today).
const ALLOWED: [&str; 0] = [];

/// Every raw-HTML use in `text`, as (line number, line).
fn raw_html_uses(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| RAW_HTML.iter().any(|api| line.contains(api)))
        .map(|(n, line)| (n + 1, line.trim().to_string()))
        .collect()
}

/// The files under `dir` with one of `extensions`, recursively.
fn files(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extensions, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
}

#[test]
fn the_scanner_finds_each_raw_html_spelling() {
    let sample = "view! { <div inner_html=text /> }\nel.set_inner_html(&s);\nlet x = 1;\nnode.innerHTML = s;\n\
                  el.insert_adjacent_html(\"beforeend\", &s)";
    let lines: Vec<usize> = raw_html_uses(sample).into_iter().map(|(n, _)| n).collect();
    assert_eq!(lines, vec![1, 2, 4, 5]);
}

#[test]
fn no_code_hands_a_string_to_the_html_parser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    files(&root.join("src"), &["rs"], &mut found);
    files(&root.join("scripts"), &["mjs", "js", "sh"], &mut found);
    files(&root.join("public"), &["js", "html", "svg"], &mut found);
    found.push(root.join("index.html"));
    // The test's own constants name the APIs; nothing else in the repository's code may.
    assert!(
        found.len() > 100,
        "the walk found only {} files",
        found.len()
    );
    let mut uses = Vec::new();
    for path in &found {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if ALLOWED.contains(&relative.as_str()) {
            continue;
        }
        let text = fs::read_to_string(path).unwrap_or_default();
        for (line, code) in raw_html_uses(&text) {
            uses.push(format!("{relative}:{line}: {code}"));
        }
    }
    assert!(
        uses.is_empty(),
        "raw HTML would let typed or imported text become markup:\n{}",
        uses.join("\n")
    );
}
