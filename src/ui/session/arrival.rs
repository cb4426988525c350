//! Why a kiosk page was loaded. Turning kiosk mode on and Finish both end with a fresh load of the launch address
//! (README, "Kiosk deployment"), so the page before can only leave a marker in the address's query saying which
//! confirmation the new page should show. The marker names no patient and no answer; start-up removes it from the
//! address before anything renders, and the session keeps it for the start screen (`KioskPage::arrival`).

/// What the page before asked the kiosk start screen to confirm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrival {
    /// Nothing: the browser's start-up page, an idle reset, the logo.
    #[default]
    Plain,
    /// Staff have just turned kiosk mode on: say so, and how to leave it.
    TurnedOn,
    /// A patient has just finished: say that their answers are cleared.
    Finished,
}

impl Arrival {
    /// The query (without `?`) that asks for this confirmation.
    fn query(self) -> Option<&'static str> {
        match self {
            Arrival::Plain => None,
            Arrival::TurnedOn => Some("kiosk=on"),
            Arrival::Finished => Some("kiosk=cleared"),
        }
    }

    /// The confirmation a page's query (`location.search`, with its `?`) asks for.
    pub fn from_search(search: &str) -> Arrival {
        let query = search.strip_prefix('?').unwrap_or(search);
        [Arrival::TurnedOn, Arrival::Finished]
            .into_iter()
            .find(|a| a.query() == Some(query))
            .unwrap_or(Arrival::Plain)
    }

    /// `launch` (the app's address `page`, which has no query, then the fragment) with this confirmation's marker
    /// between the two.
    pub fn mark(self, page: &str, launch: &str) -> String {
        match (self.query(), launch.strip_prefix(page)) {
            (Some(query), Some(fragment)) => format!("{page}?{query}{fragment}"),
            _ => launch.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://clinic.example/mosaic/";
    const LAUNCH: &str = "https://clinic.example/mosaic/#/kiosk/AbC-12_x";

    #[test]
    fn a_marker_goes_before_the_fragment_and_reads_back() {
        assert_eq!(
            Arrival::Finished.mark(PAGE, LAUNCH),
            "https://clinic.example/mosaic/?kiosk=cleared#/kiosk/AbC-12_x"
        );
        assert_eq!(
            Arrival::TurnedOn.mark(PAGE, LAUNCH),
            "https://clinic.example/mosaic/?kiosk=on#/kiosk/AbC-12_x"
        );
        assert_eq!(Arrival::Plain.mark(PAGE, LAUNCH), LAUNCH);
        // A launch address of another page is left as it is.
        assert_eq!(
            Arrival::Finished.mark("https://other.example/", LAUNCH),
            LAUNCH
        );
        assert_eq!(Arrival::from_search("?kiosk=cleared"), Arrival::Finished);
        assert_eq!(Arrival::from_search("?kiosk=on"), Arrival::TurnedOn);
    }

    #[test]
    fn any_other_query_asks_for_nothing() {
        for search in ["", "?", "?kiosk=off", "?kiosk=cleared&x=1", "?fresh"] {
            assert_eq!(Arrival::from_search(search), Arrival::Plain, "{search:?}");
        }
    }
}
