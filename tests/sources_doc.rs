//! `docs/sources.md` is how a reader looks up the `RULES §…` and `SOURCES §…` citations carried by the clinical
//! data and the code, whose research notes are not in the repository. This fails, naming each missing section,
//! when the data files, `docs/clinical-rules.md` or the code's comments cite a section that the guide has no entry
//! for; and, naming the file and line, when code, README or docs cite the other research notes or point outside
//! the repository, since the repository must stand alone.

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The two cited documents; the anchor prefix in `docs/sources.md` is the lower-case name.
const DOCS: [&str; 2] = ["RULES", "SOURCES"];

/// One cited section, e.g. `("SOURCES", "4.2")`.
type Citation = (&'static str, String);

/// Every `RULES §x.y` / `SOURCES §x.y` in `text`. A `§` with no name before it belongs to the last document named
/// in the same string or line (`SOURCES §4.2 RF-DVT, §4.3 Massage`); after another document's name (`DESIGN §3`)
/// it is not ours. A range (`§5.2–5.3`) counts every section in it.
fn citations(text: &str) -> BTreeSet<Citation> {
    let mut found = BTreeSet::new();
    // A JSON string or a Markdown line is one source; a name never carries over into the next one.
    for segment in text.split(['"', '\n']) {
        let mut doc: Option<&'static str> = None;
        let mut rest = segment;
        while let Some((pos, name)) = next_token(rest) {
            rest = &rest[pos..];
            if let Some(name) = name {
                doc = DOCS.iter().copied().find(|d| *d == name);
                rest = &rest[name.len()..];
                continue;
            }
            rest = &rest['§'.len_utf8()..];
            let first = section_number(rest);
            rest = &rest[first.len()..];
            let first = first.trim_end_matches('.');
            let Some(doc) = doc.filter(|_| !first.is_empty()) else {
                continue;
            };
            found.insert((doc, first.to_string()));
            if let Some(after) = rest.strip_prefix('–') {
                let last = section_number(after).trim_end_matches('.');
                for section in expand_range(first, last) {
                    found.insert((doc, section));
                }
            }
        }
    }
    found
}

/// The next token of `s` and its byte offset: a `§` (`None`), or a document name (an upper-case word followed by
/// ` §`, such as `SOURCES` or `DESIGN`).
fn next_token(s: &str) -> Option<(usize, Option<&str>)> {
    s.char_indices().find_map(|(i, c)| {
        if c == '§' {
            return Some((i, None));
        }
        let starts_word = s[..i]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric());
        let word_len = s[i..]
            .find(|c: char| !c.is_ascii_uppercase())
            .unwrap_or(s.len() - i);
        let word = &s[i..i + word_len];
        (starts_word && word.len() >= 2 && s[i + word_len..].starts_with(" §"))
            .then_some((i, Some(word)))
    })
}

/// The leading `1.2.3`-style section number of `s` (possibly with a trailing full stop, trimmed by the caller).
fn section_number(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The sections from `first` to `last` inclusive when they share a parent (`5.2`–`5.3`), else just `last`.
fn expand_range(first: &str, last: &str) -> Vec<String> {
    let split = |s: &str| {
        s.rsplit_once('.')
            .and_then(|(p, n)| Some((p.to_string(), n.parse::<u32>().ok()?)))
    };
    match (split(first), split(last)) {
        (Some((pa, a)), Some((pb, b))) if pa == pb && a <= b => {
            (a..=b).map(|n| format!("{pa}.{n}")).collect()
        }
        _ if !last.is_empty() => vec![last.to_string()],
        _ => Vec::new(),
    }
}

/// The anchor `docs/sources.md` uses for a section: `SOURCES §4.2` → `sources-4-2`.
fn anchor(doc: &str, section: &str) -> String {
    format!("{}-{}", doc.to_lowercase(), section.replace('.', "-"))
}

/// Whether the guide has an entry for the section: its anchor, followed before the next anchor by the section
/// number itself (so an anchor cannot sit on someone else's entry).
fn has_entry(guide: &str, doc: &str, section: &str) -> bool {
    let tag = format!("<a id=\"{}\"></a>", anchor(doc, section));
    let Some(start) = guide.find(&tag) else {
        return false;
    };
    let body = &guide[start + tag.len()..];
    let body = &body[..body.find("<a id=").unwrap_or(body.len())];
    body.contains(&format!("§{section} ")) || body.contains(&format!("§{section}\n"))
}

/// The repository root, so the test reads the files it checks wherever it runs from.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The file's text, or a panic naming it.
fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every string in a JSON value, each one a separate source (parsed, so `\u00a7` escapes are read as `§`).
fn json_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// Every citation in `src/clinical/data/*.json` and `docs/clinical-rules.md`.
fn cited_in_repo() -> BTreeSet<Citation> {
    let data = root().join("src/clinical/data");
    let mut found = BTreeSet::new();
    for entry in
        fs::read_dir(&data).unwrap_or_else(|e| panic!("cannot list {}: {e}", data.display()))
    {
        let path = entry.expect("a readable directory entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let value: Value = serde_json::from_str(&read(&path))
                .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
            let mut strings = Vec::new();
            json_strings(&value, &mut strings);
            found.extend(strings.iter().flat_map(|s| citations(s)));
        }
    }
    found.extend(citations(&read(&root().join("docs/clinical-rules.md"))));
    found
}

/// This file: it is the checker, so its fixtures spell out the very citations and paths it forbids.
const CHECKER: &str = "tests/sources_doc.rs";

/// Every file under `dir` (relative to the root), recursively, whose name ends in one of `exts` (any file if empty).
fn files_under(dir: &str, exts: &[&str], out: &mut Vec<PathBuf>) {
    let path = root().join(dir);
    let entries =
        fs::read_dir(&path).unwrap_or_else(|e| panic!("cannot list {}: {e}", path.display()));
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        let relative = path
            .strip_prefix(root())
            .expect("under the root")
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            files_under(&relative, exts, out);
        } else if exts.is_empty() || exts.iter().any(|e| relative.ends_with(e)) {
            out.push(PathBuf::from(relative));
        }
    }
}

/// The code and scripts whose comments may cite sections, relative to the root: the Rust in `src/`, `tests/` and
/// `build/`, `build.rs`, and everything in `bench/`, `e2e/*.mjs` and `scripts/`; all but the checker itself.
fn code_files() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("build.rs")];
    files_under("src", &[".rs"], &mut files);
    files_under("tests", &[".rs"], &mut files);
    files_under("build", &[], &mut files);
    files_under("bench", &[], &mut files);
    files_under("e2e", &[".mjs"], &mut files);
    files_under("scripts", &[], &mut files);
    files.retain(|f| f != Path::new(CHECKER));
    files.sort();
    files
}

/// Every place in `text` that cites the research notes kept outside the repository (`DESIGN §6`,
/// `RELIABILITY.md`) or points at them (`../shared`, `shared/clinical`): its 1-based line number and what was found.
fn outside_references(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for name in ["DESIGN", "RELIABILITY"] {
            for form in [
                format!("{name} §"),
                format!("{name}§"),
                format!("{name}.md"),
            ] {
                if line.contains(&form) {
                    found.push((i + 1, form));
                }
            }
        }
        for path in ["../shared", "shared/clinical"] {
            if line.contains(path) {
                found.push((i + 1, path.to_string()));
            }
        }
    }
    found
}

#[test]
fn every_section_cited_in_code_has_an_entry_in_the_sources_guide() {
    let guide = read(&root().join("docs/sources.md"));
    let mut all = BTreeSet::new();
    let mut missing = Vec::new();
    for file in code_files() {
        let cited = citations(&read(&root().join(&file)));
        for (doc, section) in &cited {
            if !has_entry(&guide, doc, section) {
                let anchor = anchor(doc, section);
                missing.push(format!(
                    "{}: {doc} §{section} (anchor `{anchor}`)",
                    file.display()
                ));
            }
        }
        all.extend(cited);
    }
    // Guards against a silent pass if the code moved and nothing was collected.
    assert!(
        all.contains(&("RULES", "4.1".to_string()))
            && all.contains(&("SOURCES", "3.4".to_string())),
        "expected the code to cite RULES §4.1 and SOURCES §3.4; found only {all:?}"
    );
    assert!(
        missing.is_empty(),
        "docs/sources.md has no entry for these sections cited in code; add one, with its anchor, for each:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn code_and_docs_cite_only_documents_in_the_repository() {
    let mut files = code_files();
    files.push(PathBuf::from("README.md"));
    files_under("docs", &[".md"], &mut files);
    // Guards against a silent pass if a folder moved and nothing in it was scanned.
    for folder in ["src", "tests", "build", "bench", "e2e", "scripts", "docs"] {
        assert!(
            files.iter().any(|f| f.starts_with(folder)),
            "expected files under {folder}/ to be scanned; found only {files:?}"
        );
    }
    let found: Vec<String> = files
        .iter()
        .flat_map(|file| {
            outside_references(&read(&root().join(file)))
                .into_iter()
                .map(move |(line, what)| format!("{}:{line}: {what}", file.display()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "these cite the research notes outside the repository; cite the section of README or docs/ that says the \
         same thing instead (see docs/reliability.md, docs/ARCHITECTURE.md):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn every_cited_section_has_an_entry_in_the_sources_guide() {
    let guide = read(&root().join("docs/sources.md"));
    let cited = cited_in_repo();
    // Guards against a silent pass if the data moved and nothing was collected.
    assert!(
        cited.contains(&("SOURCES", "4.3".to_string()))
            && cited.contains(&("RULES", "1.4".to_string())),
        "expected the clinical data to cite SOURCES §4.3 and RULES §1.4; found only {cited:?}"
    );
    let missing: Vec<String> = cited
        .iter()
        .filter(|(doc, section)| !has_entry(&guide, doc, section))
        .map(|(doc, section)| format!("{doc} §{section} (anchor `{}`)", anchor(doc, section)))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/sources.md has no entry for these cited sections; add one, with its anchor, for each:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn citations_are_read_the_way_the_data_writes_them() {
    let found = citations(
        r#"{"source":"RULES §4.2; SOURCES §4.2 RF-DVT, §4.3 Massage (no massage); §4.1 N-UNKNOWN."}
Source: SOURCES §5.2–5.4 and RULES §1.1. DESIGN §3 is not ours; a lone §9.9 has no document."#,
    );
    let expected: BTreeSet<Citation> = [
        ("RULES", "4.2"),
        ("SOURCES", "4.2"),
        ("SOURCES", "4.3"),
        ("SOURCES", "4.1"),
        ("SOURCES", "5.2"),
        ("SOURCES", "5.3"),
        ("SOURCES", "5.4"),
        ("RULES", "1.1"),
    ]
    .into_iter()
    .map(|(d, s)| (d, s.to_string()))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn an_entry_needs_its_anchor_and_its_number() {
    let guide = "<a id=\"sources-4-2\"></a>\n### §4.2 — Red flags\n<a id=\"sources-4-3\"></a>\n### Precautions\n";
    assert!(has_entry(guide, "SOURCES", "4.2"));
    assert!(
        !has_entry(guide, "SOURCES", "4.3"),
        "an anchor without the section number is not an entry"
    );
    assert!(!has_entry(guide, "SOURCES", "4.4"));
    assert!(!has_entry(guide, "RULES", "4.2"));
}

#[test]
fn the_guide_stands_alone() {
    let guide = read(&root().join("docs/sources.md"));
    for outside in ["../shared", "shared/clinical", "/work/"] {
        assert!(
            !guide.contains(outside),
            "docs/sources.md points outside the repository ({outside})"
        );
    }
    let anchors: Vec<&str> = guide
        .match_indices("<a id=\"")
        .map(|(i, _)| &guide[i..])
        .collect();
    let unique: BTreeSet<&str> = anchors
        .iter()
        .map(|a| &a[..a.find("\"></a>").unwrap_or(a.len())])
        .collect();
    assert_eq!(
        unique.len(),
        anchors.len(),
        "docs/sources.md repeats an anchor"
    );
}

#[test]
fn citations_of_the_notes_outside_the_repository_are_found_by_line() {
    let text = "//! Budget (README, \"Measured budgets\").
// Fits at version 25 (DESIGN §6), per RELIABILITY§2.6.
// See docs/reliability.md, promise K4; RULES §4.1 is looked up in docs/sources.md.
//! Read ../shared/clinical/RULES.md and RELIABILITY.md.
";
    let expected: Vec<(usize, String)> = [
        (2, "DESIGN §"),
        (2, "RELIABILITY§"),
        (4, "RELIABILITY.md"),
        (4, "../shared"),
        (4, "shared/clinical"),
    ]
    .into_iter()
    .map(|(line, what)| (line, what.to_string()))
    .collect();
    assert_eq!(outside_references(text), expected);
}
