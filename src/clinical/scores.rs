//! Scores (RULES §2.3): PEG, PHQ-4 (GAD-2, PHQ-2) and STarT Back.
