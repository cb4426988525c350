//! The 12-week plan: weekly schedule, staggered starts, review points, conflicts, care team and questions.
