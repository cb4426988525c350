//! The reactive app state shared by every view, and the few named actions that change it.

use crate::clinical::intake::Intake;
use crate::clinical::screening::{screen, Screening};
use crate::store::state::AppState;
use crate::ui::route::Route;
use leptos::prelude::*;

/// Handle to the app state, provided as context by the root component. `Copy`, so closures can capture it.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// The whole saved document.
    pub state: RwSignal<AppState>,
    /// Screening of the current intake, recomputed only when the intake changes.
    pub screening: Memo<Screening>,
}

impl AppCtx {
    /// Creates the context around a loaded state.
    pub fn new(initial: AppState) -> AppCtx {
        let state = RwSignal::new(initial);
        let intake = Memo::new(move |_| state.with(|s| s.intake.clone()));
        let screening = Memo::new(move |_| intake.with(screen));
        AppCtx { state, screening }
    }

    /// Reads from the intake (tracked: the caller re-runs when the intake changes).
    pub fn with_intake<T>(&self, f: impl FnOnce(&Intake) -> T) -> T {
        self.state.with(|s| f(&s.intake))
    }

    /// Changes the intake.
    pub fn update_intake(&self, f: impl FnOnce(&mut Intake)) {
        self.state.update(|s| f(&mut s.intake));
    }

    /// Changes anything in the state.
    pub fn update(&self, f: impl FnOnce(&mut AppState)) {
        self.state.update(f);
    }
}

/// The app context; panics only if a view is rendered outside the root component (a programming error).
pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

/// Goes to a view by setting the URL hash, which adds a history entry so Back returns here
/// (in kiosk mode the entry is replaced instead, so no earlier patient's screen is ever one Back away).
pub fn navigate(route: &Route) {
    if crate::ui::kiosk::is_active() {
        crate::ui::kiosk::replace_hash(&route.href());
    } else {
        let _ = window().location().set_hash(&route.href());
    }
}
