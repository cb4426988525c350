//! What a person can take away: files saved to their device (a backup, or saved data that could not be read), share
//! links that carry their plan in the URL fragment, QR codes that show such a link (and the kiosk launch address),
//! and what a clinician receives: the FHIR R4 export and the calendar, built from the sections the person chose.

pub mod calendar;
pub mod choices;
pub mod download;
pub mod fhir;
pub mod link;
pub mod qr;
