//! Screening rules as data (`data/rules.json`) and the small generic engine that evaluates their conditions.
