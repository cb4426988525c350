//! Hash routes (`#/intake/pain`): they work on any static host and sub-path, and Back/Forward move between views.

use crate::clinical::intake::Intake;

/// One step of the intake wizard, in the order asked. Red flags come second so a person in danger stops early.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Age, primary pain, other sites, duration, PEG-3.
    Pain,
    /// Red-flag questions.
    Safety,
    /// Health conditions.
    Health,
    /// Medicines and supplements.
    Medicines,
    /// PHQ-4 and the self-harm item.
    Mood,
    /// STarT Back (low back pain only).
    StartBack,
    /// Current activity level.
    Activity,
    /// What matters: values, Whole-Health areas, goals.
    Values,
    /// Time, budget, days and preferences.
    Practical,
}

impl Step {
    /// Every step in order (some may not apply to a person).
    pub const ALL: [Step; 9] = [
        Step::Pain,
        Step::Safety,
        Step::Health,
        Step::Medicines,
        Step::Mood,
        Step::StartBack,
        Step::Activity,
        Step::Values,
        Step::Practical,
    ];

    /// The URL segment, e.g. `start-back`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Pain => "pain",
            Step::Safety => "safety",
            Step::Health => "health",
            Step::Medicines => "medicines",
            Step::Mood => "mood",
            Step::StartBack => "start-back",
            Step::Activity => "activity",
            Step::Values => "values",
            Step::Practical => "practical",
        }
    }

    /// Short name for the progress indicator.
    pub fn title(self) -> &'static str {
        match self {
            Step::Pain => "Your pain",
            Step::Safety => "Safety questions",
            Step::Health => "Your health",
            Step::Medicines => "Medicines",
            Step::Mood => "Mood",
            Step::StartBack => "Back pain impact",
            Step::Activity => "Activity",
            Step::Values => "What matters",
            Step::Practical => "Practicalities",
        }
    }

    /// The main pain (a condition ID) that adds STarT Back to the intake.
    pub const START_BACK_FOR: &'static str = "low_back";

    /// Whether this step is asked of this person (STarT Back is only for low back pain: Keele does not
    /// recommend it for other conditions, SOURCES §3.4).
    pub fn applies(self, intake: &Intake) -> bool {
        match self {
            Step::StartBack => {
                intake.pain.as_ref().and_then(|p| p.primary.as_deref())
                    == Some(Step::START_BACK_FOR)
            }
            _ => true,
        }
    }

    /// The steps asked of this person, in order.
    pub fn sequence(intake: &Intake) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| s.applies(intake))
            .collect()
    }

    /// The next step asked of this person, if any.
    pub fn next(self, intake: &Intake) -> Option<Step> {
        let seq = Step::sequence(intake);
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL[i + 1..].iter().copied().find(|s| seq.contains(s))
    }

    /// The previous step asked of this person, if any.
    pub fn prev(self, intake: &Intake) -> Option<Step> {
        let seq = Step::sequence(intake);
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL[..i]
            .iter()
            .rev()
            .copied()
            .find(|s| seq.contains(s))
    }

    /// The step with this URL segment.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A view of the app, as named by the URL hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no hash: the Welcome view.
    Welcome,
    /// `#/intake/<step>`.
    Intake(Step),
    /// `#/review`: every intake answer on one page, each step with a link to change it.
    Review,
    /// `#/screening`: outcome, flags, notices and alerts.
    Screening,
    /// `#/choose`: therapy cards.
    Choose,
    /// `#/plan`: the weekly plan.
    Plan,
    /// `#/check-in` (a new weekly check-in) or `#/check-in/<n>` (the n-th saved one, from 1, to see or change).
    CheckIn(Option<usize>),
    /// `#/progress`: scores over the weeks and sessions done, as charts with tables.
    Progress,
    /// `#/plan-review` (a review now) or `#/plan-review/<week>` (the review point of that plan week).
    PlanReview(Option<u8>),
    /// `#/flare`: the flare (set-back) plan.
    Flare,
    /// `#/share`: share with a clinician (summary, FHIR file, calendar, link).
    Share,
    /// `#/settings`: backup, restore, delete, preferences.
    Settings,
    /// `#/safety-rules`: every safety rule in words, "How Mosaic checks safety".
    SafetyRules,
    /// `#/shared/<payload>`: a plan opened from a share link (empty once the address bar was cleaned).
    Shared(String),
    /// `#/kiosk/<payload>`: the kiosk launch address, read at start-up (its start screen afterwards).
    Kiosk(String),
    /// Anything we do not know; keeps the hash so the page can show it.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`); never fails.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.trim_end_matches('/');
        match path {
            "" => Route::Welcome,
            "/review" => Route::Review,
            "/screening" => Route::Screening,
            "/choose" => Route::Choose,
            "/plan" => Route::Plan,
            "/settings" => Route::Settings,
            "/check-in" => Route::CheckIn(None),
            "/progress" => Route::Progress,
            "/flare" => Route::Flare,
            "/share" => Route::Share,
            "/plan-review" => Route::PlanReview(None),
            "/safety-rules" => Route::SafetyRules,
            "/shared" => Route::Shared(String::new()),
            _ if path.starts_with("/shared/") => {
                Route::Shared(path["/shared/".len()..].to_string())
            }
            "/kiosk" => Route::Kiosk(String::new()),
            _ if path.starts_with("/kiosk/") => Route::Kiosk(path["/kiosk/".len()..].to_string()),
            _ => {
                if let Some(step) = path.strip_prefix("/intake/").and_then(Step::from_slug) {
                    return Route::Intake(step);
                }
                // A plan week, 1 to 12, written plainly.
                if let Some(w) = path.strip_prefix("/plan-review/") {
                    return match w.parse::<u8>() {
                        Ok(n @ 1..=12) if !w.starts_with('0') && !w.starts_with('+') => {
                            Route::PlanReview(Some(n))
                        }
                        _ => Route::NotFound(path.to_string()),
                    };
                }
                // Only plain numbers from 1: "01", "+1" or "0" name no check-in.
                match path.strip_prefix("/check-in/") {
                    Some(n) if n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0') => {
                        match n.parse() {
                            Ok(n) => Route::CheckIn(Some(n)),
                            Err(_) => Route::NotFound(path.to_string()),
                        }
                    }
                    _ => Route::NotFound(path.to_string()),
                }
            }
        }
    }

    /// The hash that leads to this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Welcome => "#/".to_string(),
            Route::Intake(step) => format!("#/intake/{}", step.slug()),
            Route::Review => "#/review".to_string(),
            Route::Screening => "#/screening".to_string(),
            Route::Choose => "#/choose".to_string(),
            Route::Plan => "#/plan".to_string(),
            Route::CheckIn(None) => "#/check-in".to_string(),
            Route::CheckIn(Some(n)) => format!("#/check-in/{n}"),
            Route::Progress => "#/progress".to_string(),
            Route::Flare => "#/flare".to_string(),
            Route::Share => "#/share".to_string(),
            Route::PlanReview(None) => "#/plan-review".to_string(),
            Route::PlanReview(Some(w)) => format!("#/plan-review/{w}"),
            Route::Settings => "#/settings".to_string(),
            Route::SafetyRules => "#/safety-rules".to_string(),
            Route::Shared(p) if p.is_empty() => "#/shared".to_string(),
            Route::Shared(p) => format!("#/shared/{p}"),
            Route::Kiosk(p) => format!("#/kiosk/{p}"),
            Route::NotFound(p) => format!("#{p}"),
        }
    }

    /// The view's short name, as in the document title and in "Back to …" links.
    pub fn name(&self) -> &'static str {
        match self {
            Route::Welcome => "Start",
            Route::Intake(step) => step.title(),
            Route::Review => "Your answers",
            Route::Screening => "Safety check",
            Route::Choose => "Choose therapies",
            Route::Plan => "Your plan",
            Route::CheckIn(_) => "Weekly check-in",
            Route::Progress => "Your progress",
            Route::Flare => "My flare plan",
            Route::Share => "Share with your clinician",
            Route::PlanReview(_) => "Plan review",
            Route::Settings => "Settings",
            Route::SafetyRules => "How Mosaic checks safety",
            Route::Shared(_) => "A shared plan",
            Route::Kiosk(_) => "Start",
            Route::NotFound(_) => "Page not found",
        }
    }

    /// The document title for this view.
    pub fn title(&self) -> String {
        match self {
            Route::Welcome | Route::Kiosk(_) => "Mosaic — plan your chronic-pain care".to_string(),
            _ => format!("{} — Mosaic", self.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::intake::Pain;

    fn with_primary(p: &str) -> Intake {
        Intake {
            pain: Some(Pain {
                primary: Some(p.into()),
                ..Pain::default()
            }),
            ..Intake::default()
        }
    }

    #[test]
    fn empty_and_root_hashes_are_welcome() {
        for h in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(h), Route::Welcome, "{h:?}");
        }
    }

    #[test]
    fn unknown_hash_is_not_found_and_keeps_the_path() {
        assert_eq!(
            Route::parse("#/nowhere"),
            Route::NotFound("/nowhere".into())
        );
        assert_eq!(
            Route::parse("#/intake/nope"),
            Route::NotFound("/intake/nope".into())
        );
    }

    #[test]
    fn the_kiosk_launch_address_is_a_route_with_its_payload() {
        assert_eq!(
            Route::parse("#/kiosk/AQe-x_9"),
            Route::Kiosk("AQe-x_9".into())
        );
        assert_eq!(Route::parse("#/kiosk"), Route::Kiosk(String::new()));
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        let mut routes = vec![
            Route::Welcome,
            Route::Review,
            Route::Screening,
            Route::Choose,
            Route::Plan,
            Route::CheckIn(None),
            Route::CheckIn(Some(1)),
            Route::Settings,
            Route::SafetyRules,
        ];
        routes.extend(Step::ALL.into_iter().map(Route::Intake));
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn safety_rules_has_its_own_address_and_title() {
        assert_eq!(Route::parse("#/safety-rules"), Route::SafetyRules);
        assert_eq!(Route::parse("#/safety-rules/"), Route::SafetyRules);
        assert_eq!(Route::SafetyRules.href(), "#/safety-rules");
        assert_eq!(
            Route::SafetyRules.title(),
            "How Mosaic checks safety — Mosaic"
        );
        assert_eq!(Route::Screening.title(), "Safety check — Mosaic");
    }

    #[test]
    fn check_ins_have_an_address_each() {
        assert_eq!(Route::parse("#/check-in"), Route::CheckIn(None));
        assert_eq!(Route::parse("#/check-in/3"), Route::CheckIn(Some(3)));
        assert_eq!(Route::CheckIn(Some(12)).href(), "#/check-in/12");
        assert_eq!(Route::CheckIn(None).title(), "Weekly check-in — Mosaic");
        for bad in [
            "#/check-in/0",
            "#/check-in/03",
            "#/check-in/x",
            "#/check-in/-1",
            "#/check-in/99999999999999999999999",
        ] {
            assert!(matches!(Route::parse(bad), Route::NotFound(_)), "{bad}");
        }
    }

    #[test]
    fn follow_through_views_have_their_addresses() {
        assert_eq!(Route::parse("#/progress"), Route::Progress);
        assert_eq!(Route::parse("#/flare"), Route::Flare);
        assert_eq!(Route::Flare.title(), "My flare plan — Mosaic");
        assert_eq!(Route::parse("#/plan-review"), Route::PlanReview(None));
        assert_eq!(Route::parse("#/plan-review/4"), Route::PlanReview(Some(4)));
        assert_eq!(Route::PlanReview(Some(12)).href(), "#/plan-review/12");
        for bad in [
            "#/plan-review/0",
            "#/plan-review/13",
            "#/plan-review/04",
            "#/plan-review/+4",
            "#/plan-review/x",
        ] {
            assert!(matches!(Route::parse(bad), Route::NotFound(_)), "{bad}");
        }
    }

    #[test]
    fn review_has_its_own_address_and_title() {
        assert_eq!(Route::parse("#/review"), Route::Review);
        assert_eq!(Route::Review.href(), "#/review");
        assert_eq!(Route::Review.title(), "Your answers — Mosaic");
    }

    #[test]
    fn start_back_is_asked_only_for_low_back_pain() {
        let back = with_primary("low_back");
        let neck = with_primary("neck");
        assert_eq!(Step::Mood.next(&back), Some(Step::StartBack));
        assert_eq!(Step::Mood.next(&neck), Some(Step::Activity));
        assert_eq!(Step::Activity.prev(&neck), Some(Step::Mood));
        assert_eq!(Step::sequence(&Intake::default()).len(), 8);
    }

    #[test]
    fn red_flags_are_asked_second() {
        assert_eq!(Step::Pain.next(&Intake::default()), Some(Step::Safety));
        assert_eq!(Step::Pain.prev(&Intake::default()), None);
        assert_eq!(Step::Practical.next(&Intake::default()), None);
    }
}
