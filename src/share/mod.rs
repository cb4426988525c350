//! What a person can take away: files saved to their device (a backup, or saved data that could not be read), share
//! links that carry their plan in the URL fragment, and QR codes that show such a link (and the kiosk launch address).

pub mod download;
pub mod link;
pub mod qr;
