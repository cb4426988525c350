//! Reusable, accessible form widgets.

pub mod checklist;
pub mod field;
pub mod radio;
pub mod scale;
