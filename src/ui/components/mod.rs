//! Small pieces shared by the screening, choose, plan and shared-plan views: status and evidence wording, pills
//! and badges, the stop screen, the consent step, the self-harm question, side effects in words, and "Delete everything".

pub mod consent;
pub mod consent_text;
pub mod delete_everything;
pub mod evidence;
pub mod instruments;
pub mod self_harm;
pub mod side_effects;
pub mod sources;
pub mod status;
pub mod stop;
