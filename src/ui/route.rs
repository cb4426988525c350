//! Hash routes (`#/intake/pain`): they work on any static host and sub-path, and Back/Forward move between views.

/// A view of the app, as named by the URL hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no hash: the Welcome view.
    Welcome,
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
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash that leads to this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Welcome => "#/".to_string(),
            Route::NotFound(p) => format!("#{p}"),
        }
    }

    /// The document title for this view.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Welcome => "Mosaic — plan your chronic-pain care",
            Route::NotFound(_) => "Page not found — Mosaic",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_root_hashes_are_welcome() {
        for h in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(h), Route::Welcome, "{h:?}");
        }
    }

    #[test]
    fn unknown_hash_is_not_found_and_keeps_the_path() {
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("/nowhere".into()));
    }

    #[test]
    fn href_round_trips() {
        assert_eq!(Route::parse(&Route::Welcome.href()), Route::Welcome);
    }
}
