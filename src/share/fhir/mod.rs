//! The FHIR R4 export: the shared copy of the document as one `collection` Bundle a clinician's record system can
//! read. Everything in it is patient-reported, so every resource carries the same tag and names the person (one
//! Patient with no name or identifier, since Mosaic has neither) as its author, performer or source.
//!
//! The exporter reads only the redacted copy (`ShareChoices::redact`); the choices themselves only let it say which
//! sections were left out. Codes and their displays live in `loinc.json`, each with the page it was checked
//! against. References are `urn:uuid:` full URLs made from a hash of the copy and the resource's place in the
//! bundle, so the same document always exports the same bytes.

mod observations;
mod questionnaire;
mod resources;
#[cfg(test)]
mod tests;

use crate::clinical::catalog::{catalog, Vocab};
use crate::clinical::plan::build_plan;
use crate::clinical::screening::screen;
use crate::share::choices::ShareChoices;
use crate::store::document::AppState;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// LOINC's code system.
const LOINC: &str = "http://loinc.org";
/// UCUM, for the `{score}`, week and minute units.
const UCUM: &str = "http://unitsofmeasure.org";
/// The tag on every resource: nothing in the bundle was entered or checked by a clinician.
const TAG_SYSTEM: &str = "urn:mosaic:tag";

/// Builds the pretty-printed FHIR R4 `collection` Bundle of the shared copy, stamped with `now` (an ISO instant).
pub fn bundle(shared: &AppState, choices: &ShareChoices, now: &str) -> String {
    let mut x = Export::new(shared, now);
    let screening = screen(&shared.intake);
    let plan = screening.builds_plan().then(|| {
        build_plan(
            catalog(),
            &shared.intake,
            &shared.selected,
            &screening.therapies,
            &shared.plan,
        )
    });
    let qr = questionnaire::response(&mut x, choices);
    observations::intake(&mut x, &screening.scores, &qr);
    observations::checkins(&mut x);
    let goals = resources::goals(&mut x, plan.as_ref());
    if let Some(plan) = &plan {
        resources::care_plan(&mut x, plan, &screening, &goals);
    }
    resources::medicines(&mut x, &screening);
    let bundle = Bundle {
        resource_type: "Bundle",
        meta: tag(),
        kind: "collection",
        timestamp: now,
        entry: x.entries,
    };
    serde_json::to_string_pretty(&bundle).expect("a bundle of JSON values always serializes")
}

/// The Bundle itself; a struct so that `resourceType` comes first.
#[derive(Serialize)]
struct Bundle<'a> {
    #[serde(rename = "resourceType")]
    resource_type: &'static str,
    meta: Value,
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: &'a str,
    entry: Vec<Entry>,
}

/// One entry: its `urn:uuid:` full URL and the resource.
#[derive(Serialize)]
struct Entry {
    #[serde(rename = "fullUrl")]
    full_url: String,
    resource: Resource,
}

/// A resource: its type first, then its elements (in key order, which keeps the output stable).
#[derive(Serialize)]
struct Resource {
    #[serde(rename = "resourceType")]
    resource_type: &'static str,
    #[serde(flatten)]
    body: Map<String, Value>,
}

/// One code of `loinc.json` (its `source` and `note` are for reviewers and not read here).
#[derive(Deserialize)]
struct Term {
    /// The LOINC code; `None` for a measure LOINC has no code for.
    #[serde(default)]
    code: Option<String>,
    /// LOINC's name for it; for an unverified code or an uncoded measure, a plain description.
    display: String,
    /// Whether `display` was read from LOINC; only then is it sent as the coding's display.
    #[serde(default)]
    verified: bool,
}

/// The three STarT Back risk answers.
#[derive(Deserialize)]
struct RiskAnswers {
    low: Term,
    medium: Term,
    high: Term,
}

/// Every code the export uses, read from `loinc.json`: a named field each, so a missing entry fails to parse.
#[derive(Deserialize)]
struct Terms {
    peg_panel: Term,
    peg_mean: Term,
    peg_pain: Term,
    peg_enjoyment: Term,
    peg_activity: Term,
    phq2_panel: Term,
    phq2_interest: Term,
    phq2_down: Term,
    phq2_total: Term,
    gad2_nervous: Term,
    gad2_worry: Term,
    gad2_total: Term,
    phq9_item9: Term,
    /// Not at all … Nearly every day, indexed by the answer's score (0–3).
    phq_answers: [Term; 4],
    start_back_panel: Term,
    /// Items 1–9 in instrument order.
    start_back_items: [Term; 9],
    start_back_distress: Term,
    start_back_total: Term,
    start_back_risk: Term,
    start_back_risk_answers: RiskAnswers,
    sleep_quality: Term,
}

impl Terms {
    /// Parses `loinc.json`; it is compiled in and a test reads it, so a failure here is a build mistake.
    fn load() -> Terms {
        serde_json::from_str(include_str!("loinc.json")).expect("loinc.json matches `Terms`")
    }
}

/// The export under way: the copy, its codes, the ids made so far and the entries in bundle order.
struct Export<'a> {
    shared: &'a AppState,
    terms: Terms,
    now: &'a str,
    /// The date part of `now`: the intake's date.
    today: &'a str,
    /// A hash of the whole copy, so that ids differ between documents but not between exports of one.
    seed: u64,
    patient: String,
    entries: Vec<Entry>,
}

impl<'a> Export<'a> {
    /// Starts the bundle with the Patient: nothing is known of the person but that they answered.
    fn new(shared: &'a AppState, now: &'a str) -> Export<'a> {
        let doc = serde_json::to_string(shared).unwrap_or_default();
        let mut x = Export {
            shared,
            terms: Terms::load(),
            now,
            today: now.get(..10).unwrap_or(now),
            seed: fnv(FNV_OFFSET, doc.as_bytes()),
            patient: String::new(),
            entries: Vec::new(),
        };
        x.patient = x.add("Patient", "patient", Map::new());
        x
    }

    /// The `urn:uuid:` of the resource `key` (unique within the bundle).
    fn urn(&self, key: &str) -> String {
        uuid(self.seed, key)
    }

    /// Adds a resource under `key`, tagged as patient-reported; returns its full URL for references.
    fn add(
        &mut self,
        resource_type: &'static str,
        key: &str,
        mut body: Map<String, Value>,
    ) -> String {
        let full_url = self.urn(&format!("{resource_type}/{key}"));
        // FHIR JSON has no empty lists: an element with nothing in it is left out.
        body.retain(|_, v| v.as_array().is_none_or(|a| !a.is_empty()));
        body.insert("meta".into(), tag());
        self.entries.push(Entry {
            full_url: full_url.clone(),
            resource: Resource {
                resource_type,
                body,
            },
        });
        full_url
    }

    /// A reference to the Patient.
    fn patient_ref(&self) -> Value {
        reference(&self.patient)
    }
}

/// `{"reference": url}`.
fn reference(url: &str) -> Value {
    json!({ "reference": url })
}

/// The `meta` every resource carries: patient-reported, not checked by a clinician.
fn tag() -> Value {
    json!({ "tag": [{
        "system": TAG_SYSTEM,
        "code": "patient-reported",
        "display": "Patient-reported in Mosaic (not entered or checked by a clinician)"
    }] })
}

/// A CodeableConcept of one code of `loinc.json` (text only for a measure without a code).
fn concept(term: &Term) -> Value {
    match &term.code {
        Some(_) => json!({ "coding": [coding(term)], "text": term.display }),
        None => json!({ "text": term.display }),
    }
}

/// A Coding of one LOINC code; a display LOINC was not seen to give is left out rather than sent as LOINC's.
fn coding(term: &Term) -> Value {
    let mut c = json!({ "system": LOINC, "code": term.code });
    if term.verified {
        c["display"] = json!(term.display);
    }
    c
}

/// A UCUM quantity in `{score}`.
fn score(value: impl Into<Value>) -> Value {
    json!({ "value": value.into(), "unit": "{score}", "system": UCUM, "code": "{score}" })
}

/// A JSON object literal as a map (the macro only makes values).
fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// STarT Back items 1–8 as answered so far: the intake's `agree` list once all eight are answered, the document's
/// item-by-item answers before that (so a skipped item is never read as "disagree").
fn start_back_answers(shared: &AppState) -> [Option<bool>; 8] {
    let agree = shared
        .intake
        .start_back
        .as_ref()
        .and_then(|s| s.agree.as_ref());
    std::array::from_fn(|k| match agree {
        Some(list) => Some(list.contains(&(k as u8 + 1))),
        None => shared.start_back_items.get(k).copied().flatten(),
    })
}

/// The plain-language label of a vocabulary ID (the ID itself if the catalog no longer knows it).
fn label(vocab: Vocab, id: &str) -> String {
    catalog().label(vocab, id)
}

/// A therapy's display name (the ID itself if the catalog no longer knows it).
fn therapy_name(id: &str) -> String {
    catalog().therapy_name(id)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`, continuing from `state`: small and stable across platforms, unlike `std`'s hasher.
fn fnv(mut state: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        state ^= u64::from(*b);
        state = state.wrapping_mul(FNV_PRIME);
    }
    state
}

/// The SplitMix64 finalizer: FNV alone leaves keys that differ in their last byte with ids that share a prefix.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A `urn:uuid:` shaped like a version-4 UUID, made from `seed` and `key` (two hashes give the 128 bits).
fn uuid(seed: u64, key: &str) -> String {
    let high = mix(fnv(seed, key.as_bytes()));
    let low = mix(fnv(seed ^ high, key.as_bytes()));
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&high.to_be_bytes());
    b[8..].copy_from_slice(&low.to_be_bytes());
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|v| format!("{v:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}
