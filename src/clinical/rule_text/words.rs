//! The wording type every rule is written in: plain text mixed with catalog labels, so each renderer (the
//! Markdown rule book, the in-app view, tests) can set the labels apart in its own way.

/// One piece of wording: plain text, or a catalog label that renderers set apart (emphasis).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// A catalog label (a question, condition, medicine, pain condition or therapy name).
    Term(&'static str),
}

/// A sentence fragment made of [`Piece`]s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words(pub Vec<Piece>);

impl Words {
    /// Appends plain text, merging it with the text before it.
    pub(super) fn text(&mut self, s: &str) -> &mut Self {
        match self.0.last_mut() {
            Some(Piece::Text(t)) => t.push_str(s),
            _ => self.0.push(Piece::Text(s.to_string())),
        }
        self
    }

    /// Appends a catalog label.
    pub(super) fn term(&mut self, label: &'static str) -> &mut Self {
        self.0.push(Piece::Term(label));
        self
    }

    /// Appends other words.
    pub(super) fn words(&mut self, other: Words) -> &mut Self {
        for piece in other.0 {
            match piece {
                Piece::Text(t) => self.text(&t),
                Piece::Term(l) => self.term(l),
            };
        }
        self
    }

    /// The words as one plain string, labels in curly quotes (for tests, titles and screen text).
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Term(l) => format!("“{l}”"),
            })
            .collect()
    }
}
