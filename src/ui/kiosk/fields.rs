//! Errors of the kiosk's staff forms shown at the field they are about: the message sits beside the field, which
//! names it with `aria-describedby` and says `aria-invalid`, so a screen reader hears it where the fix is made.

use crate::store::kiosk::KioskConfig;
use leptos::prelude::*;

/// A field of a kiosk staff form that an error can belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The staff PIN.
    Pin,
    /// The staff PIN typed again.
    PinAgain,
    /// The idle time.
    Idle,
    /// The front-desk wording.
    FrontDesk,
    /// No one field (storage refused the record, say).
    Form,
}

/// The error a form shows, if any, with the field it belongs to.
pub type FormError = RwSignal<Option<(Field, String)>>;

/// The store's message for an idle time of `seconds`, checked alone: a default configuration with only it changed,
/// so the ranges live in one place (`KioskConfig::validate`).
pub fn idle_error(seconds: u32) -> Option<String> {
    KioskConfig {
        idle_seconds: seconds,
        ..KioskConfig::default()
    }
    .validate()
    .err()
}

/// The store's message for the front-desk wording `text`, checked alone (see [`idle_error`]).
pub fn front_desk_error(text: &str) -> Option<String> {
    KioskConfig {
        front_desk: text.to_string(),
        ..KioskConfig::default()
    }
    .validate()
    .err()
}

/// The first field error of a whole configuration, at its field (what [`KioskConfig::validate`] refuses that
/// is not one of these fields is the form's).
pub fn config_error(config: &KioskConfig) -> Option<(Field, String)> {
    if let Some(e) = idle_error(config.idle_seconds) {
        return Some((Field::Idle, e));
    }
    if let Some(e) = front_desk_error(&config.front_desk) {
        return Some((Field::FrontDesk, e));
    }
    config.validate().err().map(|e| (Field::Form, e))
}

/// `aria-invalid` of `field`: "true" while the form's error belongs to it.
pub fn invalid(error: FormError, field: Field) -> impl Fn() -> &'static str + Copy {
    move || {
        if error.with(|e| matches!(e, Some((f, _)) if *f == field)) {
            "true"
        } else {
            "false"
        }
    }
}

/// The error paragraph beside a field: `id` is what the field's `aria-describedby` names; it shows the form's
/// error only while that belongs to `field`. An alert, so the message is also announced when it appears.
#[component]
pub fn FieldError(
    /// The paragraph's id.
    id: &'static str,
    /// The field it speaks for.
    field: Field,
    /// The form's error.
    error: FormError,
) -> impl IntoView {
    let text = move || {
        error.with(|e| match e {
            Some((f, message)) if *f == field => Some(message.clone()),
            _ => None,
        })
    };
    view! { <p id=id class="field-error" role="alert">{text}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_value_is_checked_at_its_own_field() {
        assert_eq!(idle_error(120), None);
        assert_eq!(
            idle_error(5).as_deref(),
            Some("The idle time must be between 10 and 3,600 seconds.")
        );
        assert_eq!(front_desk_error("Please tell the front desk now."), None);
        assert_eq!(
            front_desk_error(&"x".repeat(201)).as_deref(),
            Some("The front-desk wording must be at most 200 characters.")
        );
        let config = KioskConfig {
            idle_seconds: 4000,
            front_desk: "y".repeat(300),
            ..KioskConfig::default()
        };
        assert_eq!(config_error(&config).map(|(f, _)| f), Some(Field::Idle));
    }

    #[test]
    fn what_no_field_holds_is_the_forms() {
        let config = KioskConfig {
            enabled: true,
            ..KioskConfig::default()
        };
        assert_eq!(
            config_error(&config),
            Some((
                Field::Form,
                "Set a staff PIN before turning kiosk mode on.".to_string()
            ))
        );
    }
}
