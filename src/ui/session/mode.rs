//! What kind of session a page runs, recorded once, here: the person's own device, a clinic kiosk, memory only, or
//! the preview of a shared plan. Kiosk behaviour everywhere (history, Finish, the idle reset, the front-desk
//! wording) asks this.

use super::Session;
use crate::store::kiosk::KioskConfig;
use crate::ui::address::{reload_at, start_url};
use crate::ui::session::arrival::Arrival;
use leptos::prelude::*;

/// How the session treats storage and the browser's history.
#[derive(Clone, Debug)]
pub enum Mode {
    /// The person's own device: the document is loaded from this browser's storage and autosaved there.
    Home,
    /// A clinic's waiting-room tablet: nothing about a patient is read or written, history gets no entries, and
    /// every session ends by loading `launch` afresh.
    Kiosk {
        /// The address that ends each session: the launch address, or this page's own address on the "not
        /// ready" screen, so a reset never lands in a normal session.
        launch: String,
        /// The kiosk's configuration (staff may change it); `None` on the "not ready" screen.
        config: Option<RwSignal<KioskConfig>>,
    },
    /// The document lives in this page only and storage is never touched: storage cannot be used (the status
    /// says so), or the page asks before it may touch it (a kiosk launch address on a device holding a plan).
    MemoryOnly,
    /// The read-only preview of a plan opened from a share link: screened and planned like the app's own
    /// document, never saved.
    SharedPreview,
}

/// What a kiosk page keeps while it runs; all of it belongs to one page, since a kiosk session ends with a page
/// load.
#[derive(Default)]
pub struct KioskPage {
    /// Wall-clock time (ms) of the patient's last activity, for the idle reset.
    pub last_activity: f64,
    /// The staff exit's lock as this page first saw it: (`performance.now()` then, milliseconds left then).
    pub lock_anchor: Option<(f64, f64)>,
    /// The timer of a long press on the logo under way.
    pub press_timer: Option<TimeoutHandle>,
    /// The confirmation the page before asked for, until the start screen takes it (shown once).
    pub arrival: Arrival,
}

impl Session {
    /// Reads or changes the kiosk page's state (`None` once the session is gone).
    pub fn with_kiosk_page<R>(&self, f: impl FnOnce(&mut KioskPage) -> R) -> Option<R> {
        self.parts.try_update_value(|p| f(&mut p.kiosk))
    }

    /// The session's mode.
    pub fn mode(&self) -> Mode {
        self.parts.with_value(|p| p.mode.clone())
    }

    /// Whether this page runs as a kiosk (decided once at start).
    pub fn is_kiosk(&self) -> bool {
        self.parts
            .try_with_value(|p| matches!(p.mode, Mode::Kiosk { .. }))
            .unwrap_or(false)
    }

    /// The kiosk's configuration, in a kiosk that can run.
    pub fn kiosk_config(&self) -> Option<RwSignal<KioskConfig>> {
        self.parts.try_with_value(|p| match &p.mode {
            Mode::Kiosk { config, .. } => *config,
            _ => None,
        })?
    }

    /// Sets the address that ends each kiosk session (staff saved a new configuration).
    pub fn set_kiosk_launch(&self, url: String) {
        self.parts.update_value(|p| {
            if let Mode::Kiosk { launch, .. } = &mut p.mode {
                *launch = url;
            }
        });
    }

    /// Ends a patient's kiosk session with a full page load at the launch address: memory, DOM and the history
    /// entry all go.
    pub fn finish_kiosk_session(&self) {
        let launch = self
            .parts
            .try_with_value(|p| match &p.mode {
                Mode::Kiosk { launch, .. } if !launch.is_empty() => Some(launch.clone()),
                _ => None,
            })
            .flatten();
        reload_at(&launch.unwrap_or_else(start_url));
    }
}
