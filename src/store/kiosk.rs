//! Kiosk configuration: the only thing kiosk mode ever stores (docs/reliability.md, promise K1). Patient data
//! never touches storage in kiosk mode; this record holds the staff PIN's salted slow hash, the idle timeout and
//! the clinic's wording.
//! The same configuration also travels in the kiosk's launch address (`#/kiosk/<payload>`), so a tablet whose
//! storage was wiped (an incognito restart) still starts as a kiosk: storage is a copy, never the authority.

use crate::share::link::{open_frame, seal_frame};
use crate::store::storage::{Storage, StoreError};
use serde::{Deserialize, Serialize};

/// Key of the kiosk configuration.
pub const KIOSK_KEY: &str = "mosaic/kiosk";
/// Default idle time before the "are you still there?" countdown, in seconds.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// Length of the countdown before the session is wiped (WCAG 2.2.1 asks for at least 20 s; we give 30).
pub const COUNTDOWN_SECONDS: u32 = 30;
/// Wrong PINs allowed before the staff exit locks.
pub const MAX_PIN_ATTEMPTS: u32 = 5;
/// How long the staff exit stays locked after the fifth wrong PIN, in seconds; each further wrong PIN doubles it.
pub const LOCKOUT_SECONDS: u32 = 60;
/// The longest lock, in seconds.
pub const MAX_LOCKOUT_SECONDS: u32 = 3_600;
/// Fewest digits in a staff PIN: a 4-digit PIN falls to a patient trying a few a day within a year.
pub const MIN_PIN_DIGITS: usize = 6;
/// Most digits in a staff PIN.
pub const MAX_PIN_DIGITS: usize = 12;
/// Longest front-desk wording, in characters (the setup form's limit).
pub const MAX_FRONT_DESK_CHARS: usize = 200;
/// What comes between the app's address and the launch payload.
pub const LAUNCH_PREFIX: &str = "#/kiosk/";
/// Version byte of the launch payload; any other version is refused, never guessed at.
pub const LAUNCH_VERSION: u8 = 1;
/// PBKDF2-SHA-256 iterations for the PIN (OWASP's figure, docs/reliability.md, promise K5): slow enough to make
/// guessing a stolen record costly, fast enough for one check on a tablet.
pub const PIN_ITERATIONS: u32 = 600_000;

/// A salted slow hash of the staff PIN; the PIN itself is never stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinRecord {
    /// Random salt, hex.
    pub salt: String,
    /// PBKDF2-SHA-256 output, hex.
    pub hash: String,
    /// Iterations used.
    pub iterations: u32,
}

/// The kiosk configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskConfig {
    /// Whether this device runs as a waiting-room kiosk.
    pub enabled: bool,
    /// The staff PIN record.
    pub pin: Option<PinRecord>,
    /// Idle seconds before the countdown.
    #[serde(default = "default_idle")]
    pub idle_seconds: u32,
    /// Countdown seconds before the wipe.
    #[serde(default = "default_countdown")]
    pub countdown_seconds: u32,
    /// What the clinic wants patients to do in a crisis or emergency, e.g. "Tell the front desk now".
    #[serde(default)]
    pub front_desk: String,
    /// Wrong PINs in a row (kept across reloads so reloading gives no extra guesses).
    #[serde(default)]
    pub failed_attempts: u32,
    /// Wall-clock time (ms since 1970) until which the staff exit is locked.
    #[serde(default)]
    pub locked_until: f64,
}

fn default_idle() -> u32 {
    DEFAULT_IDLE_SECONDS
}

fn default_countdown() -> u32 {
    COUNTDOWN_SECONDS
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            enabled: false,
            pin: None,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            countdown_seconds: COUNTDOWN_SECONDS,
            front_desk: String::new(),
            failed_attempts: 0,
            locked_until: 0.0,
        }
    }
}

impl KioskConfig {
    /// The clinic's crisis instruction, or a safe default.
    pub fn front_desk_or_default(&self) -> &str {
        if self.front_desk.trim().is_empty() {
            "Please tell the front desk or a member of staff now."
        } else {
            &self.front_desk
        }
    }

    /// Records a wrong PIN at wall-clock `now` (ms): from the fifth in a row on, each one locks the staff exit
    /// (see [`lockout_seconds`]). Only a right PIN resets the count, so waiting out a lock buys one guess, not five.
    pub fn record_failure(&mut self, now: f64) {
        self.failed_attempts = self.failed_attempts.saturating_add(1);
        let lock = lockout_seconds(self.failed_attempts);
        if lock > 0 {
            self.locked_until = now + f64::from(lock) * 1000.0;
        }
    }

    /// Milliseconds the staff exit stays locked at wall-clock `now` (ms); 0 when open. Never more than the lock's
    /// own length, so a clock set back cannot stretch a lock (within a page the staff dialog also measures
    /// elapsed monotonic time, so a clock set forward cannot shorten one).
    pub fn locked_ms(&self, now: f64) -> f64 {
        let longest = f64::from(lockout_seconds(self.failed_attempts)) * 1000.0;
        (self.locked_until - now).clamp(0.0, longest)
    }

    /// The launch payload of this configuration (idle time, front-desk wording and the PIN record; never the lock
    /// state, which belongs to one device). `None` without a PIN record.
    pub fn launch_payload(&self) -> Option<String> {
        let launch = Launch {
            idle_seconds: self.idle_seconds,
            front_desk: self.front_desk.clone(),
            pin: self.pin.clone()?,
        };
        let mut frame = vec![LAUNCH_VERSION];
        frame.extend(serde_json::to_vec(&launch).ok()?);
        Some(seal_frame(&frame))
    }

    /// Checks staff-entered values; the error is a sentence for the settings form.
    pub fn validate(&self) -> Result<(), String> {
        if !(10..=3600).contains(&self.idle_seconds) {
            return Err("The idle time must be between 10 and 3,600 seconds.".into());
        }
        if !(20..=300).contains(&self.countdown_seconds) {
            return Err("The countdown must be between 20 and 300 seconds.".into());
        }
        if self.front_desk.chars().count() > MAX_FRONT_DESK_CHARS {
            return Err("The front-desk wording must be at most 200 characters.".into());
        }
        if self.enabled && self.pin.is_none() {
            return Err("Set a staff PIN before turning kiosk mode on.".into());
        }
        Ok(())
    }
}

/// Seconds the staff exit is locked after `failures` wrong PINs in a row: none before [`MAX_PIN_ATTEMPTS`], then
/// [`LOCKOUT_SECONDS`], doubling with each further wrong PIN up to [`MAX_LOCKOUT_SECONDS`].
pub fn lockout_seconds(failures: u32) -> u32 {
    if failures < MAX_PIN_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - MAX_PIN_ATTEMPTS).min(16);
    LOCKOUT_SECONDS
        .saturating_mul(1 << doublings)
        .min(MAX_LOCKOUT_SECONDS)
}

/// Whether a PIN is acceptable: 6 to 12 digits.
pub fn pin_is_valid(pin: &str) -> bool {
    (MIN_PIN_DIGITS..=MAX_PIN_DIGITS).contains(&pin.len())
        && pin.chars().all(|c| c.is_ascii_digit())
}

/// What the launch address carries (version 1). Unknown fields are refused: a payload we do not fully understand
/// must not half-configure a kiosk.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Launch {
    idle_seconds: u32,
    front_desk: String,
    pin: PinRecord,
}

/// Why a launch payload was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaunchError {
    /// Cut off, mistyped or altered (base64url or checksum wrong).
    Damaged,
    /// Made by a version of Mosaic this one does not know.
    UnknownVersion(u8),
    /// Readable, but the settings in it are not acceptable.
    Invalid(String),
}

impl LaunchError {
    /// A sentence for the staff-only error screen.
    pub fn explain(&self) -> String {
        match self {
            LaunchError::Damaged => {
                "The kiosk launch address is damaged: part of it is missing or was changed.".into()
            }
            LaunchError::UnknownVersion(v) => format!(
                "The kiosk launch address was made by a different version of Mosaic (format {v})."
            ),
            LaunchError::Invalid(why) => {
                format!("The kiosk launch address holds settings that are not allowed: {why}")
            }
        }
    }
}

/// Reads a launch payload into an enabled kiosk configuration, checking its version, checksum and every value.
pub fn decode_launch(payload: &str) -> Result<KioskConfig, LaunchError> {
    let frame = open_frame(payload).map_err(|_| LaunchError::Damaged)?;
    let (&version, body) = frame.split_first().ok_or(LaunchError::Damaged)?;
    if version != LAUNCH_VERSION {
        return Err(LaunchError::UnknownVersion(version));
    }
    // Read as text (one JSON reader for the whole first download: the kiosk record is read from text too).
    let body = std::str::from_utf8(body).map_err(|_| LaunchError::Damaged)?;
    let launch: Launch =
        serde_json::from_str(body).map_err(|e| LaunchError::Invalid(format!("{e}.")))?;
    let pin_ok = launch.pin.salt.len() == 32
        && launch.pin.hash.len() == 64
        && launch.pin.iterations >= PIN_ITERATIONS
        && (launch.pin.salt.chars().chain(launch.pin.hash.chars())).all(|c| c.is_ascii_hexdigit());
    if !pin_ok {
        return Err(LaunchError::Invalid(
            "the staff PIN record is not valid.".into(),
        ));
    }
    let config = KioskConfig {
        enabled: true,
        pin: Some(launch.pin),
        idle_seconds: launch.idle_seconds,
        front_desk: launch.front_desk,
        ..KioskConfig::default()
    };
    config.validate().map_err(LaunchError::Invalid)?;
    Ok(config)
}

/// What storage holds under [`KIOSK_KEY`].
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// No record (or no storage at all): this device was never made a kiosk.
    Absent,
    /// A readable record (kiosk mode on or off).
    Config(KioskConfig),
    /// A record that cannot be read: this device was made a kiosk, so it must stay one (fail closed).
    Unreadable,
}

/// Reads the kiosk record kept in `storage`.
pub fn load(storage: &impl Storage) -> Stored {
    match storage.get(KIOSK_KEY) {
        Ok(Some(raw)) => parse_stored(&raw),
        _ => Stored::Absent,
    }
}

/// Judges a stored record's text (pure, so it is unit-tested).
pub fn parse_stored(raw: &str) -> Stored {
    match serde_json::from_str::<KioskConfig>(raw) {
        Ok(c) if c.validate().is_ok() => Stored::Config(c),
        _ => Stored::Unreadable,
    }
}

/// Whether opening a launch address must ask before this device becomes a kiosk: it holds someone's own saved data
/// (`mosaic_keys`: every Mosaic key in storage; anything but the kiosk record counts) and is not a kiosk already.
/// Becoming a kiosk deletes that data, so only staff may confirm it. A device whose stored record says "kiosk" (or
/// can no longer be read) starts as a kiosk and clears such leftovers on every start anyway: asking there would
/// protect nothing and only leave a tablet that is not a kiosk (fail closed).
pub fn launch_needs_consent(stored: &Stored, mosaic_keys: &[String]) -> bool {
    match stored {
        Stored::Config(c) if c.enabled => false,
        Stored::Unreadable => false,
        Stored::Config(_) | Stored::Absent => mosaic_keys.iter().any(|k| k != KIOSK_KEY),
    }
}

/// Session-storage key counting wrong staff PINs on the "this device holds a saved plan" screen. Session storage,
/// so the count survives a reload of the tab without writing anything next to the person's saved data.
pub const TAKEOVER_ATTEMPTS_KEY: &str = "mosaic/kiosk-takeover";

/// Wrong PINs so far on that screen and the lock they set, read from session storage's text (pure, so it is
/// unit-tested): anything unreadable counts as one wrong PIN short of the lock, never as a fresh start.
pub fn parse_takeover_attempts(raw: Option<&str>) -> KioskConfig {
    let (failed_attempts, locked_until) = match raw {
        None => (0, 0.0),
        Some(text) => {
            serde_json::from_str::<(u32, f64)>(text).unwrap_or((MAX_PIN_ATTEMPTS - 1, 0.0))
        }
    };
    KioskConfig {
        failed_attempts,
        locked_until,
        ..KioskConfig::default()
    }
}

/// The session-storage text of `attempts` (its wrong-PIN count and lock only).
pub fn takeover_attempts_text(attempts: &KioskConfig) -> String {
    serde_json::to_string(&(attempts.failed_attempts, attempts.locked_until)).unwrap_or_default()
}

/// Saves the kiosk configuration in `storage`.
pub fn save(storage: &impl Storage, config: &KioskConfig) -> Result<(), StoreError> {
    storage.set_verified(
        KIOSK_KEY,
        &serde_json::to_string(config).unwrap_or_default(),
    )
}

#[cfg(test)]
#[path = "kiosk_tests.rs"]
mod tests;
