//! Kiosk configuration: the only thing kiosk mode ever stores (RELIABILITY §3). Patient data never touches storage
//! in kiosk mode; this record holds the staff PIN's salted slow hash, the idle timeout and the clinic's wording.

use crate::store::local;
use serde::{Deserialize, Serialize};

/// Key of the kiosk configuration.
pub const KIOSK_KEY: &str = "mosaic/kiosk";
/// Default idle time before the "are you still there?" countdown, in seconds.
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// Length of the countdown before the session is wiped (WCAG 2.2.1 asks for at least 20 s; we give 30).
pub const COUNTDOWN_SECONDS: u32 = 30;
/// Wrong PINs allowed before the staff exit locks.
pub const MAX_PIN_ATTEMPTS: u32 = 5;
/// How long the staff exit stays locked after too many wrong PINs, in seconds.
pub const LOCKOUT_SECONDS: u32 = 60;
/// PBKDF2-SHA-256 iterations for the PIN (OWASP's figure, RELIABILITY §2.4): slow enough to make guessing a
/// stolen record costly, fast enough for one check on a tablet.
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

    /// Records a wrong PIN; the fifth in a row locks the staff exit for [`LOCKOUT_SECONDS`] from `now` (ms).
    pub fn record_failure(&mut self, now: f64) {
        self.failed_attempts += 1;
        if self.failed_attempts >= MAX_PIN_ATTEMPTS {
            self.failed_attempts = 0;
            self.locked_until = now + f64::from(LOCKOUT_SECONDS) * 1000.0;
        }
    }

    /// Seconds the staff exit stays locked at `now` (ms); 0 when open.
    pub fn locked_for(&self, now: f64) -> u32 {
        if self.locked_until > now {
            ((self.locked_until - now) / 1000.0).ceil() as u32
        } else {
            0
        }
    }

    /// Checks staff-entered values; the error is a sentence for the settings form.
    pub fn validate(&self) -> Result<(), String> {
        if !(10..=3600).contains(&self.idle_seconds) {
            return Err("The idle time must be between 10 and 3,600 seconds.".into());
        }
        if !(20..=300).contains(&self.countdown_seconds) {
            return Err("The countdown must be between 20 and 300 seconds.".into());
        }
        if self.enabled && self.pin.is_none() {
            return Err("Set a staff PIN before turning kiosk mode on.".into());
        }
        Ok(())
    }
}

/// Whether a PIN is acceptable: 4 to 12 digits.
pub fn pin_is_valid(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit())
}

/// Reads the kiosk configuration; anything unreadable means "not a kiosk" (it holds no patient data).
pub fn load() -> KioskConfig {
    local::get(KIOSK_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Saves the kiosk configuration.
pub fn save(config: &KioskConfig) -> Result<(), local::StoreError> {
    local::set_verified(
        KIOSK_KEY,
        &serde_json::to_string(config).unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_give_two_minutes_and_a_thirty_second_countdown() {
        let c: KioskConfig = serde_json::from_str(r#"{"enabled":false,"pin":null}"#).unwrap();
        assert_eq!(c.idle_seconds, 120);
        assert_eq!(c.countdown_seconds, 30);
        assert_eq!(
            c.front_desk_or_default(),
            "Please tell the front desk or a member of staff now."
        );
    }

    #[test]
    fn kiosk_mode_needs_a_pin_and_sane_timings() {
        let mut c = KioskConfig {
            enabled: true,
            ..KioskConfig::default()
        };
        assert!(c.validate().unwrap_err().contains("PIN"));
        c.pin = Some(PinRecord {
            salt: "s".into(),
            hash: "h".into(),
            iterations: PIN_ITERATIONS,
        });
        assert!(c.validate().is_ok());
        c.countdown_seconds = 5;
        assert!(c.validate().is_err());
    }

    #[test]
    fn five_wrong_pins_lock_the_staff_exit_for_a_minute() {
        let mut c = KioskConfig::default();
        for _ in 0..4 {
            c.record_failure(1_000.0);
        }
        assert_eq!(c.locked_for(1_000.0), 0);
        c.record_failure(1_000.0);
        assert_eq!(c.locked_for(1_000.0), 60);
        assert_eq!(c.locked_for(60_999.0), 1);
        assert_eq!(c.locked_for(61_000.0), 0);
    }

    #[test]
    fn pins_are_four_to_twelve_digits() {
        assert!(pin_is_valid("2468"));
        assert!(!pin_is_valid("12a4"));
        assert!(!pin_is_valid("123"));
        assert!(!pin_is_valid("1234567890123"));
    }
}
