//! One component per view of the flow.

pub mod check_in;
pub mod choose;
pub mod flare;
pub mod intake;
pub mod not_found;
pub mod plan;
pub mod plan_review;
pub mod progress;
pub mod review;
pub mod safety_rules;
pub mod screening;
pub mod settings;
pub mod share;
pub mod shared;
pub mod unlock;
pub mod welcome;
