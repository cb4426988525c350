//! Small text helpers the views share.

/// Upper-cases the first letter and keeps the rest as it is ("licensed acupuncturist" → "Licensed acupuncturist").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::capitalise;

    #[test]
    fn only_the_first_letter_changes() {
        assert_eq!(capitalise("physical therapist"), "Physical therapist");
        assert_eq!(capitalise("GP or pain clinic"), "GP or pain clinic");
        assert_eq!(capitalise("éducateur"), "Éducateur");
        assert_eq!(capitalise(""), "");
    }
}
