//! The session: the one owner of the document a person is working on. It is created once by the app shell and
//! provided as context ([`use_session`]); views read the document through it and change it only through its
//! methods. It also holds the save status, the [`Mode`] the page runs in, the autosave loop around the store's
//! saver ([`autosave`]), and what every view derives from the document — the screening, the ranking and the plan —
//! computed once here and read everywhere ([`derived`]).
//!
//! A change flows one way: a view calls [`Session::update`] → the document signal changes → the views that read it
//! re-render, and (at home) the autosave loop tells the saver, which arms the debounce and then writes.

pub mod arrival;
mod autosave;
mod derived;
mod lock;
mod mode;
mod navigation;

pub use mode::{KioskPage, Mode};

use crate::clinical::intake::Intake;
use crate::store::document::AppState;
use crate::store::local::LocalStorage;
use crate::store::saver::{SaveStatus, Saver};
use crate::ui::view_mirror::view_tracker;
use leptos::prelude::*;

/// Handle to the session. `Copy`, so closures and event handlers capture it; every part lives in the reactive
/// owner it was created under (the app shell's, for the app's session).
#[derive(Clone, Copy)]
pub struct Session {
    /// The whole document; private, so every change goes through a method.
    doc: RwSignal<AppState>,
    /// What the person sees about saving.
    status: RwSignal<SaveStatus>,
    /// The intake answers, so what depends on them only re-runs when they change.
    intake: Memo<Intake>,
    /// Everything else, in one place (one stored value keeps the first download small).
    parts: StoredValue<Parts>,
    /// In a view's copy of the session ([`Session::for_view`]): the mirrors its reads go through.
    view: Option<ViewReads>,
}

/// A view's own mirrors of the session's long-lived signals (see [`crate::ui::view_mirror`] for why).
#[derive(Clone, Copy)]
struct ViewReads {
    /// Changes whenever the document does.
    doc: Memo<()>,
    intake: Memo<Intake>,
    /// Changes whenever the save status does.
    status: Memo<()>,
}

/// The session's plain (non-reactive) parts.
struct Parts {
    /// What kind of session this is (changes only when kiosk staff save a new launch address).
    mode: Mode,
    /// The ranking and the plan, made on first use.
    derived: derived::Derived,
    /// The saver (at home) and its pending timer.
    autosave: autosave::Autosave,
    /// Navigation memory: the last step reached with Next, the share link opened.
    trail: navigation::Trail,
    /// A kiosk page's clocks and timers (unused elsewhere).
    kiosk: KioskPage,
    /// The passphrase lock's key and idle clock (at home, when the lock is on).
    lock: lock::LockState,
}

impl Session {
    /// A session over `initial` that reads and writes no storage: a kiosk, a shared-plan preview, a page asking
    /// before it may touch storage, or a test. Its save status stays [`SaveStatus::Fresh`].
    pub fn new(initial: AppState, mode: Mode) -> Session {
        Session::build(initial, mode, SaveStatus::Fresh, None)
    }

    fn build(
        initial: AppState,
        mode: Mode,
        status: SaveStatus,
        saver: Option<Saver<LocalStorage>>,
    ) -> Session {
        let doc = RwSignal::new(initial);
        let intake = Memo::new(move |_| doc.with(|s| s.intake.clone()));
        Session {
            doc,
            status: RwSignal::new(status),
            intake,
            parts: StoredValue::new(Parts {
                mode,
                derived: derived::Derived::new(),
                autosave: autosave::Autosave::new(saver),
                trail: navigation::Trail::default(),
                kiosk: KioskPage::default(),
                lock: lock::LockState::default(),
            }),
            view: None,
        }
    }

    /// This session as one view sees it: reads go through mirrors owned by the current reactive owner (the view),
    /// so a view that closes leaves nothing behind in the session's signals. Writes still go to the session.
    pub fn for_view(self) -> Session {
        let (doc, status) = (self.doc, self.status);
        let doc_changed = view_tracker(move || doc.track());
        let view = ViewReads {
            doc: doc_changed,
            intake: Memo::new(move |_| {
                doc_changed.get();
                doc.with_untracked(|s| s.intake.clone())
            }),
            status: view_tracker(move || status.track()),
        };
        Session {
            view: Some(view),
            ..self
        }
    }

    /// Reads the document (tracked: the caller re-runs when it changes).
    pub fn with<T>(&self, f: impl FnOnce(&AppState) -> T) -> T {
        self.track_doc();
        self.doc.with_untracked(f)
    }

    /// Tracks the document: through the view's mirror in a view's copy. Not generic, so the many `with` call
    /// sites share one copy of this choice (the first download has no room for one per site).
    fn track_doc(&self) {
        // A memo is computed (and so subscribed to what it reads) only when read: `get`, never just `track`.
        match self.view {
            Some(v) => v.doc.get(),
            None => self.doc.track(),
        }
    }

    /// Reads the document without tracking it (event handlers, one-off decisions).
    pub fn with_untracked<T>(&self, f: impl FnOnce(&AppState) -> T) -> T {
        self.doc.with_untracked(f)
    }

    /// A copy of the whole document, untracked.
    pub fn get_untracked(&self) -> AppState {
        self.doc.get_untracked()
    }

    /// Reads the intake answers (tracked, only by the intake).
    pub fn with_intake<T>(&self, f: impl FnOnce(&Intake) -> T) -> T {
        self.intake().with(|_| ());
        self.intake.with_untracked(f)
    }

    /// The intake answers, as a memo.
    pub fn intake(&self) -> Memo<Intake> {
        self.view.map_or(self.intake, |v| v.intake)
    }

    /// Changes anything in the document.
    pub fn update(&self, f: impl FnOnce(&mut AppState)) {
        self.doc.update(f);
    }

    /// Changes the intake answers.
    pub fn update_intake(&self, f: impl FnOnce(&mut Intake)) {
        self.doc.update(|s| f(&mut s.intake));
    }

    /// What the person sees about saving (tracked: the caller re-runs when it changes). Only the session changes
    /// it, as the saver decides.
    pub fn save_status(&self) -> SaveStatus {
        match self.view {
            Some(v) => v.status.get(),
            None => self.status.track(),
        }
        self.status.get_untracked()
    }

    /// [`Session::save_status`] without tracking.
    pub fn save_status_untracked(&self) -> SaveStatus {
        self.status.get_untracked()
    }
}

/// The session; panics only if a view is rendered outside the app shell (a programming error).
pub fn use_session() -> Session {
    expect_context::<Session>()
}
