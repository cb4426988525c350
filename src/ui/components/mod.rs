//! Small pieces shared by the screening, choose and plan views: status and evidence wording, pills and badges.

pub mod evidence;
pub mod status;
