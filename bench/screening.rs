//! Benchmark: screening and planning one realistic intake (filled in with the clinical core).
fn main() {}
