//! What a patient can take away: backup JSON, FHIR R4, calendar files and share links.

pub mod download;
pub mod link;
pub mod qr;
