//! End-to-end scenarios (RULES §3): every `tests/scenarios/*.json` is read at run time, parsed strictly,
//! screened, and compared. All failing files are reported together, each with its first mismatch.

use mosaic::clinical::catalog::catalog;
use mosaic::clinical::intake::Intake;
use mosaic::clinical::rules::{engine, rule_book};
use mosaic::clinical::scores::Risk;
use mosaic::clinical::screening::{screen, Outcome, TherapyStatus};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    #[allow(dead_code)]
    id: String,
    #[allow(dead_code)]
    title: String,
    intake: Value,
    selected: Vec<String>,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    outcome: Outcome,
    #[serde(default)]
    therapies: BTreeMap<String, TherapyStatus>,
    #[serde(default)]
    notices: Option<Vec<String>>,
    #[serde(default)]
    start_back: Option<Risk>,
    #[serde(default)]
    peg: Option<f64>,
}

fn name<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .map(|v| v.as_str().unwrap_or("?").to_string())
        .unwrap_or_default()
}

/// Checks one scenario file; the error is its first problem or mismatch.
fn check(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let s: Scenario = serde_json::from_str(&text).map_err(|e| format!("invalid scenario: {e}"))?;
    let intake = Intake::from_value_strict(&s.intake, catalog()).map_err(|errs| {
        let first = &errs[0];
        format!(
            "invalid intake at `intake.{}`: {}",
            first.path, first.message
        )
    })?;
    let known_therapy = |id: &str| engine().rules_for(id).is_some();
    if let Some(bad) = s
        .selected
        .iter()
        .chain(s.expect.therapies.keys())
        .find(|t| !known_therapy(t))
    {
        return Err(format!("unknown therapy ID \"{bad}\""));
    }
    let notice_ids: BTreeSet<&str> = rule_book().notices.iter().map(|n| n.id).collect();
    if let Some(bad) = s
        .expect
        .notices
        .iter()
        .flatten()
        .find(|n| !notice_ids.contains(n.as_str()))
    {
        return Err(format!("unknown notice ID \"{bad}\""));
    }

    let result = screen(&intake);
    if result.outcome != s.expect.outcome {
        let fired: Vec<&str> = result
            .flags
            .iter()
            .map(|f| f.finding.rule.as_str())
            .collect();
        return Err(format!(
            "outcome: expected {}, got {} (flags: {:?})",
            name(&s.expect.outcome),
            name(&result.outcome),
            fired
        ));
    }
    for (therapy, want) in &s.expect.therapies {
        let got = result.therapy(therapy).expect("known therapy is screened");
        if got.status != *want {
            let rules: Vec<&str> = got.findings.iter().map(|f| f.rule.as_str()).collect();
            return Err(format!(
                "therapy {therapy}: expected {}, got {} (rules fired: {rules:?})",
                name(want),
                name(&got.status)
            ));
        }
    }
    if let Some(want) = &s.expect.notices {
        let want: BTreeSet<&str> = want.iter().map(String::as_str).collect();
        let got: BTreeSet<&str> = result.notices.iter().map(|n| n.id.as_str()).collect();
        if want != got {
            return Err(format!("notices: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(want) = s.expect.start_back {
        if result.scores.start_back.risk() != Some(want) {
            return Err(format!(
                "start_back: expected {}, got {:?}",
                name(&want),
                result.scores.start_back
            ));
        }
    }
    if let Some(want) = s.expect.peg {
        let got = result.scores.peg.map(|p| p.display);
        if got.is_none_or(|g| (g - want).abs() > 1e-9) {
            return Err(format!(
                "peg: expected {want}, got {got:?} (None = incomplete)"
            ));
        }
    }
    Ok(())
}

#[test]
fn every_scenario_file_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenario files in {}", dir.display());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            check(f)
                .err()
                .map(|e| format!("  {}: {e}", f.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} scenario files failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    println!("{} scenario files passed", files.len());
}
