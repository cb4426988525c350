//! Share links: a person's answers, choices and plan settings packed into a URL fragment (`#/shared/<payload>`)
//! so a phone can open the plan from a QR code without anything being sent to a server (docs/reliability.md,
//! promise 10).
//!
//! The link carries the *inputs*, not the plan: the receiver screens and builds the plan again with the same
//! deterministic engine, which keeps links short and means a link can never show a plan the engine would not make.
//!
//! A payload is unpadded base64url of a frame:
//!
//! | bytes | content |
//! |---|---|
//! | 1 | format version ([`VERSION`]) |
//! | n | body, bit-packed as that version defines (`link/body.rs`; v2 adds three "not sure" bits to v1), zero-padded to a byte |
//! | 4 | CRC-32 of everything before it, big-endian |
//!
//! The frame (version first, CRC-32 last) is the same for every version, so the checksum is checked before the
//! version is trusted: a mistyped link reads as damaged, not as "made by a newer version".

mod bits;
mod body;
mod fields;
pub mod ids;
#[cfg(test)]
mod tests;

use crate::store::document::AppState;
use crate::store::validate::validate_data;
use std::fmt;

/// The newest format version this build reads and writes. A link is written in the lowest version that holds
/// what it carries: v3 only when it carries a flare plan, so every other link still opens in older versions.
pub const VERSION: u8 = 3;
/// Longest payload accepted, in characters; checked before any decoding so a hostile link costs nothing.
pub const MAX_PAYLOAD_CHARS: usize = 4096;
/// What comes between the app's address and the payload.
pub const ROUTE_PREFIX: &str = "#/shared/";
/// Longest "what matters" text carried, in UTF-8 bytes (longer text is cut, ending in "…").
pub const MAX_WHAT_MATTERS_BYTES: usize = body::MAX_WHAT_MATTERS;
/// Longest goal carried, in UTF-8 bytes (longer goals are cut, ending in "…").
pub const MAX_GOAL_BYTES: usize = body::MAX_GOAL;
/// Longest text of each part of a flare plan carried, in UTF-8 bytes (longer text is cut, ending in "…").
pub const MAX_FLARE_BYTES: usize = body::MAX_FLARE;

/// What a link carries beyond the answers, choices and plan settings, as the person ticked it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Include {
    /// What matters and the goals, in the person's own words.
    pub own_words: bool,
    /// The flare plan (its own words too), when there is one.
    pub flare: bool,
}

/// A plan opened from a link: the restored state and what the link said about itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// Format version the link was written in.
    pub version: u8,
    /// Intake, choices and plan settings; everything else (check-ins, settings, …) is left at its default.
    pub state: AppState,
    /// Whether the sender included their own words (what matters and goals).
    pub free_text: bool,
}

/// Why a link could not be opened; `Display` gives a sentence a patient can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_PAYLOAD_CHARS`].
    TooLarge,
    /// Not base64url, too short, or the checksum does not match: mistyped, cut off or altered.
    Damaged,
    /// Written by a newer format version than this build reads.
    NewerVersion(u8),
    /// The checksum matched but the data ended before the plan did.
    Truncated,
    /// The checksum matched but data follows the end of the plan.
    TrailingData,
    /// An index outside the ID table it refers to; names what kind of ID, with its article ("a therapy").
    UnknownId(&'static str),
    /// A number outside its allowed range; names the answer.
    OutOfRange(&'static str),
    /// Text that is not UTF-8, too long, or blank where words are needed; names the field.
    BadText(&'static str),
    /// The decoded state failed the document validator a backup must pass (message from the validator).
    Invalid(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const ASK: &str = "Ask the person who shared it for a new link or QR code.";
        match self {
            LinkError::TooLarge => write!(
                f,
                "This link is too long to be a Mosaic plan. Check that you copied only the link. {ASK}"
            ),
            LinkError::Damaged => write!(
                f,
                "This link is damaged or incomplete. Scan the QR code again or copy the whole link. {ASK}"
            ),
            LinkError::NewerVersion(_) => write!(
                f,
                "This link was made by a newer version of Mosaic. Reload the page to update Mosaic, then open the link again."
            ),
            LinkError::Truncated => write!(f, "This link is incomplete: part of the plan is missing. {ASK}"),
            LinkError::TrailingData => write!(
                f,
                "This link has extra data at the end that Mosaic does not understand. {ASK}"
            ),
            LinkError::UnknownId(what) => write!(
                f,
                "This link mentions {what} that this version of Mosaic does not know. {ASK}"
            ),
            LinkError::OutOfRange(what) => write!(
                f,
                "This link contains an answer Mosaic cannot accept (the {what}). {ASK}"
            ),
            LinkError::BadText(what) => {
                write!(f, "This link contains text Mosaic cannot read (the {what}). {ASK}")
            }
            LinkError::Invalid(why) => write!(f, "This link's answers did not pass Mosaic's checks: {why} {ASK}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// Packs the shareable part of `state` (intake, choices, plan settings; own words only if asked) into a payload.
pub fn encode(state: &AppState, include_free_text: bool) -> String {
    encode_with(
        state,
        Include {
            own_words: include_free_text,
            flare: false,
        },
    )
}

/// Packs the shareable part of `state` with what `include` asks for: a v3 link when it carries a flare plan, else v2.
pub fn encode_with(state: &AppState, include: Include) -> String {
    let flare = include.flare && !state.flare.is_empty();
    let mut w = bits::Writer::after(&[if flare { 3 } else { 2 }]);
    body::write(&mut w, state, include.own_words);
    if flare {
        body::write_flare(&mut w, &state.flare);
    }
    seal_frame(&w.finish())
}

/// Opens a payload: size, checksum, version, every index and range, then the validator a backup must pass.
pub fn decode(payload: &str) -> Result<Shared, LinkError> {
    let frame = open_frame(payload)?;
    let (version, rest) = frame.split_first().ok_or(LinkError::Damaged)?;
    let (state, free_text) = match *version {
        // Version 0 was never written, so it can only come from damage the checksum happened to miss.
        0 => return Err(LinkError::Damaged),
        v @ (1..=3) => {
            let mut r = bits::Reader::new(rest);
            let decoded = body::read(&mut r, v)?;
            r.finish()?;
            decoded
        }
        newer => return Err(LinkError::NewerVersion(newer)),
    };
    // Whatever the tables allow, the state must pass the same validator as a backup: "Save to this device" keeps
    // it, and a saved plan whose backup could not be restored would be a trap.
    let value = serde_json::to_value(&state).map_err(|e| LinkError::Invalid(e.to_string()))?;
    validate_data(&value).map_err(|problems| {
        let first = problems.into_iter().next().map(|p| p.message);
        LinkError::Invalid(first.unwrap_or_default())
    })?;
    Ok(Shared {
        version: *version,
        state,
        free_text,
    })
}

/// The full link: `base` without any fragment it had, then `#/shared/` and the payload.
pub fn href(base: &str, payload: &str) -> String {
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{ROUTE_PREFIX}{payload}")
}

/// Wraps version byte and body in the frame: appends the CRC-32 and writes base64url (no padding).
pub fn seal_frame(version_and_body: &[u8]) -> String {
    let mut bytes = version_and_body.to_vec();
    bytes.extend_from_slice(&bits::crc32(version_and_body).to_be_bytes());
    bits::base64url(&bytes)
}

/// Checks a payload's size, base64url and CRC-32 and returns version byte and body; the version is not judged here.
pub fn open_frame(payload: &str) -> Result<Vec<u8>, LinkError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLarge);
    }
    // Copying a link often brings a stray space or line break along; nothing else is forgiven.
    let payload = payload.trim();
    let mut bytes = bits::from_base64url(payload).ok_or(LinkError::Damaged)?;
    if bytes.len() < 5 {
        return Err(LinkError::Damaged);
    }
    let sum = bytes.split_off(bytes.len() - 4);
    if sum != bits::crc32(&bytes).to_be_bytes() {
        return Err(LinkError::Damaged);
    }
    Ok(bytes)
}
