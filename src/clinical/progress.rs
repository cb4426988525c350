//! Progress maths: PEG trend, change from baseline and meaningful change (RULES §2.3, SOURCES §5.3).
