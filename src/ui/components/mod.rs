//! Small pieces shared by the screening, choose, plan and shared-plan views: status and evidence wording, pills
//! and badges, the stop screen, the consent step, the self-harm question, and side effects in words.

pub mod consent;
pub mod consent_text;
pub mod evidence;
pub mod instruments;
pub mod self_harm;
pub mod side_effects;
pub mod sources;
pub mod status;
pub mod stop;
