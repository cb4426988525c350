//! Small pieces shared by the screening, choose, plan and shared-plan views: status and evidence wording, pills
//! and badges, and the stop screen.

pub mod evidence;
pub mod status;
pub mod stop;
