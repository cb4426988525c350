//! Benchmark: screening one realistic intake (budget ≤ 50 µs natively; README, "Measured budgets"), and building
//! its plan.
//! Run: `cargo bench --bench screening`.
//!
//! Each call is timed on its own so the median is robust to scheduler noise on a shared machine.

use mosaic::clinical::catalog::catalog;
use mosaic::clinical::intake::Intake;
use mosaic::clinical::plan::{build_plan, PlanSettings};
use mosaic::clinical::screening::screen;
use std::hint::black_box;
use std::time::Instant;

/// Budget for screening one intake natively, in microseconds (README, "Measured budgets").
const BUDGET_US: f64 = 50.0;
const WARM_UP: usize = 2_000;
const ITERATIONS: usize = 20_000;

/// S09-like: older person on warfarin with several conditions, medicines and supplements, every section answered.
const INTAKE: &str = r#"{
  "age": 67,
  "pain": {"primary": "low_back", "sites": ["neck", "knee_oa"], "duration_months": 30,
           "peg": {"pain": 6, "enjoyment": 7, "activity": 4}},
  "mood": {"phq4": {"nervous": 2, "worry": 1, "interest": 1, "down": 2}, "self_harm": 0},
  "start_back": {"agree": [1, 3, 4, 6], "bothersome": "very_much"},
  "symptoms": ["pain_new_or_worse"],
  "conditions": ["heart_disease", "osteoporosis", "diabetes", "kidney_disease", "balance_problems"],
  "medications": ["anticoagulant", "nsaid", "serotonergic", "diabetes_medicine", "many_prescriptions"],
  "supplements": ["fish_oil", "turmeric", "ginkgo"],
  "activity": "inactive",
  "practicalities": {"minutes_per_week": 240, "budget_per_month": 150, "days": [0, 2, 4, 5]}
}"#;

/// Therapies chosen for the plan (S09's choices plus home practices).
const SELECTED: [&str; 8] = [
    "massage",
    "acupuncture",
    "spinal_manipulation",
    "ginkgo",
    "fish_oil",
    "turmeric",
    "mindfulness",
    "tai_chi",
];

/// Mean and median microseconds per call of `f`, after a warm-up.
fn measure<T>(mut f: impl FnMut() -> T) -> (f64, f64) {
    for _ in 0..WARM_UP {
        black_box(f());
    }
    let mut samples: Vec<f64> = Vec::with_capacity(ITERATIONS);
    for _ in 0..ITERATIONS {
        let start = Instant::now();
        black_box(f());
        samples.push(start.elapsed().as_secs_f64() * 1e6);
    }
    let mean = samples.iter().sum::<f64>() / samples.len() as f64;
    samples.sort_by(f64::total_cmp);
    (mean, samples[samples.len() / 2])
}

fn main() {
    let intake = Intake::parse_strict(INTAKE).expect("benchmark intake is valid");
    let start = Instant::now();
    let first = screen(&intake);
    let once_ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "first call (parses embedded rules and catalog once): {once_ms:.2} ms; outcome {:?}, {} therapies, {} alerts",
        first.outcome,
        first.therapies.len(),
        first.alerts.len()
    );

    let (mean, median) = measure(|| screen(black_box(&intake)));
    let verdict = if median <= BUDGET_US {
        ""
    } else {
        " — OVER BUDGET"
    };
    println!("screening: mean {mean:.1} µs, median {median:.1} µs per intake (budget {BUDGET_US:.0} µs){verdict}");

    // The plan has no budget of its own in the README's budget table; it is timed so a regression is visible.
    let selected: Vec<String> = SELECTED.iter().map(|s| s.to_string()).collect();
    let settings = PlanSettings::default();
    let (plan_mean, plan_median) = measure(|| {
        build_plan(
            catalog(),
            black_box(&intake),
            &selected,
            &first.therapies,
            &settings,
        )
    });
    println!("planning: mean {plan_mean:.1} µs, median {plan_median:.1} µs per plan ({} therapies chosen)", SELECTED.len());

    if median > BUDGET_US {
        std::process::exit(1);
    }
}
