//! What a change moved: the plan spreads therapies over the week around each other, so changing one can shift
//! another to a different day; comparing the plans before and after says which, in words.

use super::schedule::day_list;
use super::Plan;
use crate::clinical::catalog::Catalog;

/// The days in `after` that were not in `before`.
fn gained(before: &[u8], after: &[u8]) -> Vec<u8> {
    after
        .iter()
        .copied()
        .filter(|d| !before.contains(d))
        .collect()
}

/// How one list of days changed: "moved to …" when as many days move, "is now on …" when the count changed.
fn change_words(before: &[u8], after: &[u8]) -> Option<String> {
    let new = gained(before, after);
    if new.is_empty() && before.len() == after.len() {
        return None;
    }
    Some(if after.is_empty() {
        "is no longer planned".to_string()
    } else if before.len() == after.len() {
        format!("moved to {}", day_list(&new))
    } else {
        format!("is now on {}", day_list(after))
    })
}

/// One sentence for each therapy other than `changed` whose sessions or home practice fall on other days in
/// `after` than in `before`, in plan order: "Acupuncture moved to Wednesday."
pub fn moved_days(catalog: &Catalog, before: &Plan, after: &Plan, changed: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in after.items.iter().filter(|i| i.therapy != changed) {
        let Some(old) = before.items.iter().find(|i| i.therapy == item.therapy) else {
            continue;
        };
        let name = catalog
            .therapy(&item.therapy)
            .map_or(item.therapy.as_str(), |t| t.name);
        if let Some(words) = change_words(&old.days, &item.days) {
            out.push(format!("{name} {words}."));
        }
        if let Some(words) = change_words(&old.home_days, &item.home_days) {
            out.push(format!("Home practice for {name} {words}."));
        }
    }
    out
}
