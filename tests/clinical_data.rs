//! The data files go through `clinical::data::load::compile`, the function `build.rs` runs: the real files compile
//! to exactly the app's statics, edited copies are refused naming the file and the JSON path, and a new health
//! condition with a therapy rule reaches the engine, the screening and the rule book's words with no Rust edit.
// The loader is for the build and native tests only; the app never parses the data.
#![cfg(not(target_arch = "wasm32"))]

use mosaic::clinical::catalog::catalog;
use mosaic::clinical::data::load::{compile, Data, DataError, Texts};
use mosaic::clinical::intake::Intake;
use mosaic::clinical::rule_text::describe;
use mosaic::clinical::rules::{rule_book, Engine};
use mosaic::clinical::screening::{screen_with, TherapyStatus};
use serde_json::{json, Value};

/// The three data files as JSON, to edit.
struct Files {
    vocabulary: Value,
    therapies: Value,
    rules: Value,
}

fn read(file: &str) -> String {
    let path = format!("{}/src/clinical/data/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

impl Files {
    fn committed() -> Files {
        let json = |file: &str| serde_json::from_str(&read(file)).unwrap();
        Files {
            vocabulary: json("vocabulary.json"),
            therapies: json("therapies.json"),
            rules: json("rules.json"),
        }
    }

    fn compile(&self) -> Result<Data, DataError> {
        let (vocabulary, therapies, rules) = (
            self.vocabulary.to_string(),
            self.therapies.to_string(),
            self.rules.to_string(),
        );
        compile(Texts {
            vocabulary: &vocabulary,
            therapies: &therapies,
            rules: &rules,
        })
    }

    /// The error an edited copy is refused with, as the build prints it after the data folder.
    fn refusal(&self) -> String {
        self.compile()
            .expect_err("the edited copy must be refused")
            .to_string()
    }
}

fn push(list: &mut Value, entry: Value) {
    list.as_array_mut().expect("a JSON array").push(entry);
}

#[test]
fn the_committed_files_compile_to_exactly_the_apps_statics() {
    let texts = (
        read("vocabulary.json"),
        read("therapies.json"),
        read("rules.json"),
    );
    let data = compile(Texts {
        vocabulary: &texts.0,
        therapies: &texts.1,
        rules: &texts.2,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(data.catalog, catalog());
    assert_eq!(data.rules, rule_book());
}

#[test]
fn herbs_diet_hypnosis_and_sleep_carry_the_supportive_self_care_label() {
    let herbal = rule_book().group("herbal").expect("the herbal group");
    let mut labelled: Vec<&str> = catalog()
        .therapies
        .iter()
        .filter(|t| t.supportive_self_care.is_some())
        .map(|t| t.id)
        .collect();
    labelled.sort_unstable();
    let mut expected: Vec<&str> = herbal.to_vec();
    expected.extend(["nutrition", "hypnosis", "sleep_stress"]);
    expected.sort_unstable();
    assert_eq!(
        labelled, expected,
        "SOURCES §2.7: herbal, diet, hypnosis and sleep"
    );
}

#[test]
fn a_yes_no_condition_with_one_therapy_rule_is_a_data_only_change() {
    let mut files = Files::committed();
    push(
        &mut files.vocabulary["health"],
        json!({"id": "lymphoedema", "label": "Lymphoedema (swelling from a blocked lymph system)",
               "source": "RULES §1.4 (test addition)"}),
    );
    push(
        &mut files.vocabulary["health_groups"][1]["ids"],
        json!("lymphoedema"),
    );
    push(
        &mut files.rules["therapy"],
        json!({"id": "MASSAGE-LYMPHOEDEMA", "for": "massage", "status": "caution",
               "when": {"any_condition": ["lymphoedema"]},
               "message": "With lymphoedema, ask your clinician which kind of massage is safe for you.",
               "source": "SOURCES §4.3 Massage (test addition)"}),
    );
    let data = files.compile().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !catalog().health.iter().any(|t| t.id == "lymphoedema"),
        "the copy, not the app's data, is under test"
    );

    // The intake shows it under its group.
    let group = &data.catalog.health_groups[1];
    assert_eq!(group.title, "Blood, clots and bones");
    assert_eq!(group.ids.last(), Some(&"lymphoedema"));

    // The engine compiles the copy's rules and the new rule reaches massage only.
    let ids = data
        .catalog
        .therapies
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    let engine = Engine::new(data.rules, ids).unwrap_or_else(|e| panic!("{e}"));
    let with = |conditions: &[&str]| Intake {
        conditions: Some(conditions.iter().map(|c| c.to_string()).collect()),
        ..Intake::default()
    };
    let screening = screen_with(&with(&["lymphoedema"]), &engine);
    let massage = screening.therapy("massage").unwrap();
    assert_eq!(massage.status, TherapyStatus::Caution);
    assert_eq!(massage.findings[0].rule, "MASSAGE-LYMPHOEDEMA");
    assert_eq!(
        massage.findings[0].message,
        "With lymphoedema, ask your clinician which kind of massage is safe for you."
    );
    let elsewhere = screening
        .therapies
        .iter()
        .filter(|t| t.findings.iter().any(|f| f.rule == "MASSAGE-LYMPHOEDEMA"))
        .count();
    assert_eq!(elsewhere, 1, "only massage has the rule");
    let without = screen_with(&with(&[]), &engine);
    assert_eq!(without.status("massage"), Some(TherapyStatus::Allowed));

    // The rule book in words names it with the new label.
    let book = describe(&engine, data.catalog);
    let rule = book
        .therapies
        .iter()
        .find(|t| t.id == "massage")
        .and_then(|t| t.rules.iter().find(|r| r.id == "MASSAGE-LYMPHOEDEMA"))
        .expect("massage lists the new rule");
    assert_eq!(
        rule.when.plain(),
        "the health condition “Lymphoedema (swelling from a blocked lymph system)”"
    );
}

#[test]
fn a_misspelled_value_names_the_file_and_the_json_path() {
    let mut files = Files::committed();
    files.therapies[2]["evidence"]["neck"]["rating"] = json!("great");
    assert_eq!(
        files.refusal(),
        "therapies.json: at $[2].evidence.neck.rating: unknown variant `great`, expected one of `recommended`, \
         `benefit`, `limited`, `no_benefit`, `not_studied`"
    );

    let mut files = Files::committed();
    files.rules["therapy"][4]["when"] = json!({"any_conditon": ["dvt"]});
    let refusal = files.refusal();
    assert!(
        refusal.starts_with(
            "rules.json: at $.therapy[4].when: unknown variant `any_conditon`, expected one of"
        ),
        "{refusal}"
    );

    let mut files = Files::committed();
    files.rules["notices"][0]["offer"] = json!("crisis_resource");
    let refusal = files.refusal();
    assert!(
        refusal.starts_with("rules.json: at $.notices[0].offer: unknown variant `crisis_resource`"),
        "{refusal}"
    );
}

#[test]
fn unknown_missing_and_repeated_keys_are_refused_where_they_are() {
    let mut files = Files::committed();
    files.vocabulary["health"][3]["lable"] = json!("Low platelets");
    assert_eq!(
        files.refusal(),
        "vocabulary.json: at $.health[3].lable: unknown field `lable`, expected one of `id`, `label`, `help`, \
         `aliases`, `source`"
    );

    let mut files = Files::committed();
    files.rules["flags"][0]
        .as_object_mut()
        .unwrap()
        .remove("source");
    assert_eq!(
        files.refusal(),
        "rules.json: at $.flags[0]: missing field `source`"
    );

    // serde_json keeps the last of two equal keys; the load must not.
    let text = read("vocabulary.json").replacen(
        r#""id": "pregnant","#,
        r#""id": "pregnant", "id": "pregnant","#,
        1,
    );
    let error = compile(Texts {
        vocabulary: &text,
        therapies: &read("therapies.json"),
        rules: &read("rules.json"),
    })
    .expect_err("a repeated key is refused");
    // serde_json adds the line and column, which move as the file grows.
    let refusal = error.to_string();
    assert!(
        refusal.starts_with("vocabulary.json: at $.health[0]: duplicate key `id` at line "),
        "{refusal}"
    );
}

#[test]
fn every_red_flag_and_health_fact_must_be_in_exactly_one_group() {
    let mut files = Files::committed();
    push(
        &mut files.vocabulary["health_groups"][0]["ids"],
        json!("dvt"),
    );
    assert_eq!(
        files.refusal(),
        "vocabulary.json: at $.health_groups[1].ids[2]: `dvt` is already in group 0 (\"Pregnancy\")"
    );

    let mut files = Files::committed();
    files.vocabulary["symptom_groups"][0]["ids"]
        .as_array_mut()
        .unwrap()
        .retain(|id| id != "fainting");
    assert_eq!(
        files.refusal(),
        "vocabulary.json: at $.symptom_groups: `fainting` is in no group"
    );

    let mut files = Files::committed();
    push(
        &mut files.vocabulary["health_groups"][6]["ids"],
        json!("chest_pain_now"),
    );
    assert_eq!(
        files.refusal(),
        "vocabulary.json: at $.health_groups[6].ids[3]: `chest_pain_now` is not in the list this group is for"
    );
}
