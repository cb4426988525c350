//! "Where this comes from": the citations behind a message, folded away and in readable words (section titles
//! instead of section numbers; `crate::clinical::citation`).

use crate::clinical::citation::readable;
use leptos::prelude::*;

/// Every readable part of `sources`, in order, each once.
pub fn readable_all<'a>(sources: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in sources.into_iter().flat_map(readable) {
        if !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

/// A disclosure "Where this comes from" listing the citations of `sources`.
#[component]
pub fn WhereFrom(
    /// The data's citations, as written there.
    sources: Vec<String>,
) -> impl IntoView {
    let items = readable_all(sources.iter().map(String::as_str))
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view();
    view! {
        <details class="sources">
            <summary>"Where this comes from"</summary>
            <ul>{items}</ul>
        </details>
    }
}
