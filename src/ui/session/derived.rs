//! The screening (what the safety check shows), the ranking (what the choose view shows) and the plan (what the
//! plan view shows), derived from the document once and read by every view that needs them.
//!
//! Each is a memo made on first use rather than with the session: the release build moves the screening, ranking
//! and planning code out of the first download (into the views' chunks), and a memo made at start-up would pull
//! that code back into the main module. Made under an owner of the session's own (a child of the owner the session
//! was created under), it outlives the view that first asked, is shared by every later one, and goes with the
//! session.

use super::Session;
use crate::clinical::catalog::catalog;
use crate::clinical::plan::{build_plan, Plan};
use crate::clinical::ranking::{rank, Ranked};
use crate::clinical::screening::{screen, Screening};
use crate::ui::view_mirror::view_mirror;
use leptos::prelude::*;

/// The memos made so far, and the owner they are made under.
pub(super) struct Derived {
    /// The owner the memos belong to: a child of the session's creator, kept alive only by the session.
    owner: Owner,
    screening: Option<Memo<Screening>>,
    ranking: Option<Memo<Vec<Ranked>>>,
    plan: Option<Memo<Plan>>,
}

impl Derived {
    /// Nothing made yet; the memos' owner is made now, under the current one (the session's creator).
    pub(super) fn new() -> Derived {
        Derived {
            owner: Owner::new(),
            screening: None,
            ranking: None,
            plan: None,
        }
    }
}

impl Session {
    /// Runs `make` under the session's own owner (or the current one once the session is gone).
    fn under_session<T>(&self, make: impl FnOnce() -> T) -> T {
        match self.parts.try_with_value(|p| p.derived.owner.clone()) {
            Some(owner) => owner.with(make),
            None => make(),
        }
    }

    /// The screening of the current intake, recomputed only when the intake changes.
    pub fn screening(&self) -> Memo<Screening> {
        let shared = self.shared_screening();
        match self.view {
            Some(_) => view_mirror(move || shared.get()),
            None => shared,
        }
    }

    /// The screening memo every view shares, made under the session's owner on first use.
    fn shared_screening(&self) -> Memo<Screening> {
        if let Some(memo) = self.parts.try_with_value(|p| p.derived.screening).flatten() {
            return memo;
        }
        let intake = self.intake;
        let memo = self.under_session(|| Memo::new(move |_| intake.with(screen)));
        self.parts
            .update_value(|p| p.derived.screening = Some(memo));
        memo
    }

    /// Every therapy ranked for this person, in the engine's order (recomputed when the intake changes).
    pub fn ranking(&self) -> Memo<Vec<Ranked>> {
        let shared = self.shared_ranking();
        match self.view {
            Some(_) => view_mirror(move || shared.get()),
            None => shared,
        }
    }

    /// The ranking memo every view shares, made under the session's owner on first use.
    fn shared_ranking(&self) -> Memo<Vec<Ranked>> {
        if let Some(memo) = self.parts.try_with_value(|p| p.derived.ranking).flatten() {
            return memo;
        }
        let (intake, screening) = (self.intake, self.shared_screening());
        let memo = self.under_session(|| {
            Memo::new(move |_| {
                let s = screening.get();
                intake.with(|i| rank(catalog(), i, &s.therapies))
            })
        });
        self.parts.update_value(|p| p.derived.ranking = Some(memo));
        memo
    }

    /// The 12-week plan of the chosen therapies (recomputed when the answers, the choices or the plan settings
    /// change).
    pub fn plan(&self) -> Memo<Plan> {
        let shared = self.shared_plan();
        match self.view {
            Some(_) => view_mirror(move || shared.get()),
            None => shared,
        }
    }

    /// The plan memo every view shares, made under the session's owner on first use.
    fn shared_plan(&self) -> Memo<Plan> {
        if let Some(memo) = self.parts.try_with_value(|p| p.derived.plan).flatten() {
            return memo;
        }
        let (doc, screening) = (self.doc, self.shared_screening());
        let memo = self.under_session(|| {
            Memo::new(move |_| {
                let s = screening.get();
                doc.with(|d| build_plan(catalog(), &d.intake, &d.selected, &s.therapies, &d.plan))
            })
        });
        self.parts.update_value(|p| p.derived.plan = Some(memo));
        memo
    }
}
