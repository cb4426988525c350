//! What the week grid's colours and bars mean, in words: each entry also names its kind, so colour only supports
//! the text. The swatches use the grid's own classes, so they always look like what they explain.

use leptos::prelude::*;

/// The key to the week grid and to the 12-week bars under each therapy.
#[component]
pub fn WeekLegend() -> impl IntoView {
    view! {
        <div class="week-legend no-print">
            <h3 id="legend-heading">"How to read your week"</h3>
            <ul>
                <li>
                    <span class="swatch entry" aria-hidden="true"></span>
                    <span><strong>"Session"</strong>" — teal edge and box: an appointment, class or workout."</span>
                </li>
                <li>
                    <span class="swatch entry home" aria-hidden="true"></span>
                    <span><strong>"Home practice"</strong>" — gold edge, yellow box: on your own, at home."</span>
                </li>
                <li>
                    <span class="swatch swatch-text" aria-hidden="true">"Weeks"</span>
                    <span><strong>"Weeks 3–10"</strong>" — runs only in those weeks; without it, all 12."</span>
                </li>
                <li>
                    <span class="swatch swatch-text" aria-hidden="true">"min"</span>
                    <span><strong>"75 min"</strong>" by a day — that day's total once everything has started."</span>
                </li>
                <li>
                    <span class="swatch timeline" aria-hidden="true"><span class="bar from-4 to-9"></span></span>
                    <span><strong>"Teal bar"</strong>" under each therapy further down — the weeks of the 12 it runs."</span>
                </li>
            </ul>
        </div>
    }
}
