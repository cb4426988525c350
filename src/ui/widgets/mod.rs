//! Reusable, accessible form widgets.

pub mod checklist;
pub mod scale;
