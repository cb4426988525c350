//! Ranking of therapies for one person, with a one-sentence reason for each position.
