//! QR codes for share links, drawn as one SVG path so a phone can scan the plan off a clinic tablet's screen.
//!
//! Error correction: level L, raised to M only when M fits in the same version. A code shown on a screen is not
//! scuffed or folded, so the smallest, least dense code scans best from a tablet; L keeps a 1,200-byte link at
//! version ≤ 25 (docs/reliability.md, promise 10), and the link's own CRC-32 catches any misread that slips
//! through.

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the QR standard requires for a reliable scan.
pub const QUIET_ZONE: usize = 4;

/// The QR code for `text`: level L, or M when M needs no larger version; `Err` when it does not fit at all.
pub fn qr_code(text: &str) -> Result<QrCode, String> {
    let low = QrCode::with_error_correction_level(text, EcLevel::L).map_err(|e| {
        format!("This link is too long for a QR code ({e}). Share it without your own words.")
    })?;
    Ok(QrCode::with_version(text, low.version(), EcLevel::M).unwrap_or(low))
}

/// The drawing of a QR code: its side in modules (quiet zone included) and one SVG path of the dark modules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    /// Side of the square in modules, quiet zone included (the SVG viewBox is `0 0 size size`).
    pub size: usize,
    /// Path data of the dark modules.
    pub d: String,
}

/// The path drawing for `text`, for views that build the SVG element themselves (no HTML strings in the DOM).
pub fn qr_path(text: &str) -> Result<QrPath, String> {
    Ok(path(&qr_code(text)?))
}

/// An SVG of the QR code for `text`: a white square with one path of dark modules, sized in modules.
pub fn qr_svg(text: &str) -> Result<String, String> {
    let QrPath { size, d } = qr_path(text)?;
    // The white square keeps the quiet zone light even on a dark or high-contrast page background.
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
    ))
}

/// Traces `code` with a quiet zone; each run of dark modules in a row is one rectangle of the path.
fn path(code: &QrCode) -> QrPath {
    let width = code.width();
    let size = width + 2 * QUIET_ZONE;
    let colors = code.to_colors();
    let mut d = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Light {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
            d.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                x + QUIET_ZONE,
                y + QUIET_ZONE
            ));
            x += run;
        }
    }
    QrPath { size, d }
}
