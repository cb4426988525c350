//! One line chart of a 0–10 score over the weeks, drawn as SVG with [`crate::ui::charts::Frame`]: the line, a point
//! per check-in that the keyboard can step through (arrow keys, Home, End) with its value read out and shown, and
//! optionally a shaded band from the starting point to the line of a meaningful change.

use crate::clinical::review::summary::score;
use crate::ui::charts::{Axis, Frame};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A point of the chart: where it is and what a screen reader says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// Weeks since the first check-in, from 1.
    pub at: f64,
    /// The score, 0–10.
    pub value: f64,
    /// "Week 3, 15 March 2026: PEG 5.3".
    pub label: String,
}

/// The starting point and the line a change must pass to count, drawn as a band between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Goalposts {
    /// The starting score.
    pub from: f64,
    /// The score at which a change counts as meaningful.
    pub line: f64,
    /// What the line means, for the legend ("1 point or 30 % better").
    pub line_label: &'static str,
}

/// The chart's size and margins; its axes come from the data.
fn frame(last_week: f64) -> Frame {
    Frame {
        width: 340.0,
        height: 190.0,
        left: 30.0,
        right: 10.0,
        top: 10.0,
        bottom: 28.0,
        x: Axis {
            min: 1.0,
            max: last_week.max(2.0),
        },
        y: Axis {
            min: 0.0,
            max: 10.0,
        },
    }
}

/// Up to five whole weeks to label along the bottom, first and last included.
fn week_ticks(last: f64) -> Vec<u32> {
    let last = last.ceil().max(2.0) as u32;
    let step = (last - 1).div_ceil(4).max(1);
    let mut ticks: Vec<u32> = (1..=last).step_by(step as usize).collect();
    if ticks.last() != Some(&last) {
        ticks.push(last);
    }
    ticks
}

/// A score chart; `id` names it (`data-points`), `name` says what is measured ("PEG", "Pain").
#[component]
pub fn LineChart(
    id: &'static str,
    name: &'static str,
    points: Vec<ChartPoint>,
    #[prop(optional)] goalposts: Option<Goalposts>,
) -> impl IntoView {
    let last_week = points.iter().map(|p| p.at).fold(1.0, f64::max);
    let f = frame(last_week);
    let line: Vec<(f64, f64)> = points.iter().map(|p| (p.at, p.value)).collect();
    let path = f.line(&line);
    let count = points.len();
    let last = count.saturating_sub(1);
    // The point the keyboard is on (the latest at first): the only one in the tab order. Moving it changes two
    // attributes directly, and one listener on the chart serves every point: three years of weekly check-ins are
    // 156 points a chart, and an effect or a handler per point made the view miss its 50 ms budget.
    let active = StoredValue::new(last);
    let shown = RwSignal::new(None::<String>);
    // Points carry only their place and what is read out; their look is in the stylesheet, and only the active one
    // has a `tabindex` (the keyboard moves it): each attribute is a call into the browser, and 468 points made
    // thousands of them. A point is found by its position among the chart's circles.
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let circles = move || {
        svg.get_untracked()
            .and_then(|s| s.query_selector_all("circle").ok())
    };
    let point = move |k: usize| {
        circles()
            .and_then(|list| list.item(k as u32))
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let now = active.get_value();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => (now + 1).min(last),
            "ArrowLeft" | "ArrowDown" => now.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        if let Some(el) = point(next) {
            let _ = el.set_attribute("tabindex", "0");
            let _ = el.focus();
        }
    };
    // A point that gains focus (by keyboard, click or Tab) becomes the one in the tab order, and its value shows.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let target: Option<web_sys::Node> = ev.target().and_then(|t| t.dyn_into().ok());
        let (Some(target), Some(list)) = (target, circles()) else {
            return;
        };
        let Some(k) = (0..list.length()).find(|i| list.item(*i).as_ref() == Some(&target)) else {
            return;
        };
        let k = k as usize;
        let before = active.get_value();
        if before != k {
            if let Some(el) = point(before) {
                let _ = el.remove_attribute("tabindex");
            }
            active.set_value(k);
        }
        // What a screen reader says of the point is what the chart shows under it.
        shown.set(
            target
                .dyn_ref::<web_sys::Element>()
                .and_then(|e| e.get_attribute("aria-label")),
        );
    };
    let y_ticks = [0.0, 5.0, 10.0];
    let x_ticks = week_ticks(last_week);
    let band = goalposts.as_ref().map(|g| {
        let (top, height) = f.band(g.from, g.line);
        let (x, width) = (f.left, f.width - f.left - f.right);
        view! {
            <rect class="chart-band" x=format!("{x:.1}") y=format!("{top:.1}") width=format!("{width:.1}")
                height=format!("{height:.1}") />
            <line class="chart-start" x1=format!("{:.1}", f.left) x2=format!("{:.1}", f.width - f.right)
                y1=format!("{:.1}", f.py(g.from)) y2=format!("{:.1}", f.py(g.from)) />
            <line class="chart-goal" x1=format!("{:.1}", f.left) x2=format!("{:.1}", f.width - f.right)
                y1=format!("{:.1}", f.py(g.line)) y2=format!("{:.1}", f.py(g.line)) />
        }
    });
    let legend = goalposts.map(|g| {
        view! {
            <p class="chart-legend">
                <span class="key key-start" aria-hidden="true"></span>
                {format!("Starting point ({})", score(g.from))}
                <span class="key key-goal" aria-hidden="true"></span>
                {format!("{} ({})", g.line_label, score(g.line))}
            </p>
        }
    });
    let dots = points
        .into_iter()
        .enumerate()
        .map(|(k, p)| {
            view! {
                <circle role="img" aria-label=p.label
                    cx=format!("{:.1}", f.px(p.at)) cy=format!("{:.1}", f.py(p.value))
                    tabindex=(k == last).then_some("0") />
            }
        })
        .collect_view();
    view! {
        <svg node_ref=svg class="chart" data-points=id viewBox=format!("0 0 {} {}", f.width, f.height) role="group"
            aria-label=format!("{name} chart: use the arrow keys to go from one check-in to the next")
            on:keydown=on_key on:focusin=on_focus on:focusout=move |_| shown.set(None)>
            {band}
            {y_ticks.map(|y| view! {
                <line class="chart-grid" x1=format!("{:.1}", f.left) x2=format!("{:.1}", f.width - f.right)
                    y1=format!("{:.1}", f.py(y)) y2=format!("{:.1}", f.py(y)) />
                <text class="chart-tick" x=format!("{:.1}", f.left - 6.0) y=format!("{:.1}", f.py(y) + 4.0)
                    text-anchor="end" aria-hidden="true">{format!("{y:.0}")}</text>
            })}
            {x_ticks.into_iter().map(|w| view! {
                <text class="chart-tick" x=format!("{:.1}", f.px(f64::from(w))) y=format!("{:.1}", f.height - 10.0)
                    text-anchor="middle" aria-hidden="true">{format!("Wk {w}")}</text>
            }).collect_view()}
            <path class="chart-line" d=path />
            {dots}
        </svg>
        {legend}
        <p class="chart-focus" aria-hidden="true">{move || shown.get().unwrap_or_default()}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::week_ticks;

    #[test]
    fn week_labels_include_the_first_and_last_week_and_at_most_five() {
        assert_eq!(week_ticks(1.0), vec![1, 2]);
        assert_eq!(week_ticks(5.0), vec![1, 2, 3, 4, 5]);
        assert_eq!(week_ticks(12.0), vec![1, 4, 7, 10, 12]);
        assert_eq!(week_ticks(11.4), vec![1, 4, 7, 10, 12]);
        assert_eq!(week_ticks(156.0), vec![1, 40, 79, 118, 156]);
    }
}
