//! Moving between views, and the little the session remembers about it: the last step reached with Next (so the
//! wizard's Back can undo it through the browser's history), the share link this page opened (so the preview
//! survives Back and Forward after the link left the address bar), and a heading focus asked for before the new
//! view's code arrived.

use super::Session;
use crate::ui::address::replace_hash;
use crate::ui::route::{Route, Step};
use leptos::prelude::*;

/// What the session remembers about navigation.
#[derive(Default)]
pub(super) struct Trail {
    /// The last move made with Next inside the wizard (from, to).
    last_next: Option<(Step, Step)>,
    /// The payload of the share link opened in this page.
    shared_link: Option<String>,
    /// Whether a navigation wanted the new view's heading focused before that view had rendered.
    heading_focus_pending: bool,
}

impl Session {
    /// Goes to a view by setting the URL hash, which adds a history entry so Back returns here (in a kiosk the
    /// entry is replaced instead, so no earlier patient's screen is ever one Back away).
    pub fn navigate(&self, route: &Route) {
        if self.is_kiosk() {
            replace_hash(&route.href());
        } else {
            let _ = window().location().set_hash(&route.href());
        }
    }

    /// Remembers the wizard move just made with Next (`None` for a move out of the wizard).
    pub fn note_next(&self, moved: Option<(Step, Step)>) {
        self.parts.update_value(|p| p.trail.last_next = moved);
    }

    /// The last wizard move made with Next, forgotten as it is read (a Back uses it once).
    pub fn take_last_next(&self) -> Option<(Step, Step)> {
        self.parts
            .try_update_value(|p| p.trail.last_next.take())
            .flatten()
    }

    /// Remembers the share link opened in this page.
    pub fn remember_shared_link(&self, payload: String) {
        self.parts
            .update_value(|p| p.trail.shared_link = Some(payload));
    }

    /// The share link opened in this page, if any.
    pub fn shared_link(&self) -> Option<String> {
        self.parts
            .try_with_value(|p| p.trail.shared_link.clone())
            .flatten()
    }

    /// Remembers (or forgets) that the current view's heading should be focused once it renders.
    pub fn set_heading_focus_pending(&self, pending: bool) {
        self.parts
            .update_value(|p| p.trail.heading_focus_pending = pending);
    }

    /// Whether the heading should be focused now that the view rendered; forgotten as it is read.
    pub fn take_heading_focus_pending(&self) -> bool {
        self.parts
            .try_update_value(|p| std::mem::take(&mut p.trail.heading_focus_pending))
            .unwrap_or(false)
    }
}
