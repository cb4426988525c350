//! One component per view of the flow.

pub mod not_found;
pub mod welcome;
