//! Small pieces shared by the screening, choose, plan and shared-plan views: status and evidence wording, pills
//! and badges, the stop screen, the consent step and the self-harm question.

pub mod consent;
pub mod consent_text;
pub mod evidence;
pub mod instruments;
pub mod self_harm;
pub mod sources;
pub mod status;
pub mod stop;
