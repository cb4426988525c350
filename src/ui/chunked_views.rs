//! The views whose code the release build moves out of the first download, one wasm chunk each (and the kiosk staff
//! panel, with its QR encoder, and the backup reader); the welcome, kiosk start and not-found views stay in the main
//! module because a first visit shows them.

use crate::store::backup::{self, Opened, Preview, SealedBackup};
use crate::store::kiosk::KioskConfig;
use crate::ui::deferred::{on_demand, ChunkMissing};
use crate::ui::kiosk::staff::StaffStage;
use crate::ui::kiosk::staff_panel::StaffPanel;
use crate::ui::kiosk::takeover::KioskTakeover;
use crate::ui::pages::{
    check_in::CheckInView, choose::ChooseView, flare::FlareView, intake::IntakeView,
    plan::PlanView, plan_review::PlanReviewView, progress::ProgressView, review::ReviewView,
    safety_rules::SafetyRulesView, screening::ScreeningView, settings::SettingsView,
    share::ShareView, shared::SharedView, unlock::UnlockView,
};
use crate::ui::restore::RestorePanel;
use crate::ui::route::{Route, Step};
use leptos::prelude::*;

on_demand! {
    /// The intake wizard at `step`.
    intake_chunk, preload_intake, fn intake(step: Step) { view! { <IntakeView step=step /> }.into_any() }
}
on_demand! {
    /// Every intake answer on one page ("Review my answers").
    review_chunk, preload_review, fn review() { view! { <ReviewView /> }.into_any() }
}
on_demand! {
    /// A weekly check-in: a new one, or the n-th saved one.
    check_in_chunk, preload_check_in, fn check_in(number: Option<usize>) { view! { <CheckInView number=number /> }.into_any() }
}
on_demand! {
    /// The safety-screening result.
    screening_chunk, preload_screening, fn screening() { view! { <ScreeningView /> }.into_any() }
}
on_demand! {
    /// Choosing therapies.
    choose_chunk, preload_choose, fn choose() { view! { <ChooseView /> }.into_any() }
}
on_demand! {
    /// The weekly plan and progress.
    plan_chunk, preload_plan, fn plan() { view! { <PlanView /> }.into_any() }
}
on_demand! {
    /// Scores over the weeks and sessions done.
    progress_chunk, preload_progress, fn progress() { view! { <ProgressView /> }.into_any() }
}
on_demand! {
    /// A review point: the plan week, or `None` for a review now.
    plan_review_chunk, preload_plan_review, fn plan_review(week: Option<u8>) { view! { <PlanReviewView week=week /> }.into_any() }
}
on_demand! {
    /// The flare plan.
    flare_chunk, preload_flare, fn flare() { view! { <FlareView /> }.into_any() }
}
on_demand! {
    /// Sharing with a clinician: the summary, the FHIR file, the calendar and a link.
    share_chunk, preload_share, fn share() { view! { <ShareView /> }.into_any() }
}
on_demand! {
    /// Settings, backup and restore.
    settings_chunk, preload_settings, fn settings() { view! { <SettingsView /> }.into_any() }
}
on_demand! {
    /// How Mosaic checks safety: every rule in words; `from` is the view to go back to.
    safety_rules_chunk, preload_safety_rules, fn safety_rules(from: Option<Route>) {
        view! { <SafetyRulesView from=from /> }.into_any()
    }
}
on_demand! {
    /// The passphrase screen of a locked Mosaic (only a device with the lock on needs it).
    unlock_chunk, preload_unlock, fn unlock() { view! { <UnlockView /> }.into_any() }
}
on_demand! {
    /// The kiosk staff panel, opened after the staff PIN.
    staff_chunk, preload_staff, fn staff_panel(stage: RwSignal<StaffStage>) { view! { <StaffPanel stage=stage /> }.into_any() }
}
on_demand! {
    /// The question shown when a kiosk launch address is opened on a device that holds someone's own plan (rare,
    /// so it stays out of the first visit).
    takeover_chunk, preload_takeover, fn kiosk_takeover(config: KioskConfig) { view! { <KioskTakeover config=config /> }.into_any() }
}
on_demand! {
    /// What follows a chosen backup file: its passphrase if it is encrypted, then its preview and "Restore".
    restore_panel_chunk, preload_restore_panel, fn restore_panel(
        id: &'static str,
        preview: RwSignal<Option<Preview>>,
        sealed: RwSignal<Option<SealedBackup>>,
        error: RwSignal<Option<String>>
    ) { view! { <RestorePanel id=id preview=preview sealed=sealed error=error /> }.into_any() }
}
on_demand! {
    /// A plan opened from a share link.
    shared_chunk, preload_shared, fn shared(payload: String) { view! { <SharedView payload=payload /> }.into_any() }
}

/// Reads and checks a backup file. Its own chunk: the strict checks of every field are large, and Welcome, which a
/// first visit shows, only needs them once a file is chosen.
#[cfg(mosaic_split)]
#[leptos::wasm_split::wasm_split(
    backup_chunk,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[doc(hidden)] backup_chunk)
)]
pub fn read_backup(bytes: Vec<u8>) -> Result<Result<Opened, String>, ChunkMissing> {
    Ok(backup::open(&bytes))
}

/// Reads and checks a backup file (an ordinary function in builds that are not split).
#[cfg(not(mosaic_split))]
pub async fn read_backup(bytes: Vec<u8>) -> Result<Result<Opened, String>, ChunkMissing> {
    Ok(backup::open(&bytes))
}

/// Brings the backup reader's code into memory ahead of use; true once it is there.
async fn preload_backup_reader() -> bool {
    #[cfg(mosaic_split)]
    {
        backup_chunk().await.is_ok()
    }
    #[cfg(not(mosaic_split))]
    {
        true
    }
}

/// Brings every deferred view's code into memory, the next likely step first, so later steps work offline; true
/// when all of it arrived.
pub async fn preload_all() -> bool {
    // A chunk that cannot be fetched now is fetched again when its view is opened (with a retry shown if it still
    // fails), so one failure does not stop the others.
    let mut all = preload_intake().await;
    all &= preload_screening().await;
    all &= preload_review().await;
    all &= preload_check_in().await;
    all &= preload_choose().await;
    all &= preload_plan().await;
    all &= preload_progress().await;
    all &= preload_flare().await;
    all &= preload_plan_review().await;
    all &= preload_share().await;
    all &= preload_settings().await;
    all &= preload_unlock().await;
    all &= preload_shared().await;
    all &= preload_safety_rules().await;
    all &= preload_staff().await;
    all &= preload_takeover().await;
    all &= preload_backup_reader().await;
    all &= preload_restore_panel().await;
    all
}
