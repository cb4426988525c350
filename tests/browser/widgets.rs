//! Browser tests (wasm-bindgen-test in headless Chromium) of the intake widgets in a real DOM: the 0–10 scale,
//! the checklist's "None" and "Not sure", the radio group's "Clear answer", and the text field's error link.

use leptos::prelude::*;
use mosaic::ui::widgets::checklist::{Checklist, Item, ItemGroup, ListAnswer};
use mosaic::ui::widgets::field::TextField;
use mosaic::ui::widgets::radio::{Choice, RadioGroup};
use mosaic::ui::widgets::scale::{pain_word, Scale};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// Mounts a view in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), f).forget();
    container
}

fn find(c: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    c.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn checked(c: &web_sys::HtmlElement, selector: &str) -> bool {
    find(c, selector)
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
}

/// Clicks an element and lets Leptos apply the resulting updates.
async fn click(c: &web_sys::HtmlElement, selector: &str) {
    find(c, selector).click();
    leptos::task::tick().await;
}

fn text(c: &web_sys::HtmlElement) -> String {
    c.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_scale_sets_a_value_on_click_announces_it_and_clears_to_not_answered() {
    let value = RwSignal::new(None::<u8>);
    let c = mount(move || {
        view! {
            <Scale name="t-pain" legend="Pain on average" low="No pain" high="Worst imaginable"
                value=value on_change=move |v| value.set(v) describe=pain_word />
        }
    });
    leptos::task::tick().await;
    assert!(text(&c).contains("Not answered yet"));
    assert_eq!(
        find(&c, "#t-pain-7").get_attribute("aria-label").as_deref(),
        Some("7 out of 10, severe")
    );
    assert!(
        !checked(&c, "#t-pain-0"),
        "0 is not preselected: not answered differs from 0"
    );

    click(&c, "#t-pain-7").await;
    assert_eq!(value.get_untracked(), Some(7));
    assert!(checked(&c, "#t-pain-7"));
    assert!(
        text(&c).contains("Your answer: 7 out of 10, severe"),
        "{}",
        text(&c)
    );

    click(&c, "#t-pain-0").await;
    assert_eq!(value.get_untracked(), Some(0), "0 is an answer");
    assert!(text(&c).contains("0 out of 10, no pain"));

    click(&c, "button.clear").await;
    assert_eq!(value.get_untracked(), None);
    assert!(text(&c).contains("Not answered yet"));
    assert!((0..=10).all(|n| !checked(&c, &format!("#t-pain-{n}"))));
    c.remove();
}

fn meds() -> Vec<ItemGroup> {
    ItemGroup::plain(vec![
        Item {
            id: "nsaid".into(),
            label: "Anti-inflammatory painkillers".into(),
            help: "For example ibuprofen.".into(),
        },
        Item {
            id: "opioid".into(),
            label: "Opioid painkillers".into(),
            help: String::new(),
        },
    ])
}

#[wasm_bindgen_test]
async fn the_checklist_keeps_none_not_sure_and_ticks_apart() {
    let value = RwSignal::new(ListAnswer::Unanswered);
    let c = mount(move || {
        view! {
            <Checklist name="t-meds" legend="Medicines" groups=meds() value=value
                on_change=move |a| value.set(a) unsure_label="Not sure" />
        }
    });
    leptos::task::tick().await;
    assert_eq!(
        find(&c, "#t-meds-nsaid")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("t-meds-nsaid-help"),
        "example names are announced as help"
    );

    click(&c, "#t-meds-none").await;
    assert_eq!(value.get_untracked(), ListAnswer::Chosen(vec![]));
    assert_eq!(
        value.get_untracked().stored(),
        Some(vec![]),
        "none is stored as []"
    );
    assert!(checked(&c, "#t-meds-none"));

    click(&c, "#t-meds-nsaid").await;
    assert_eq!(
        value.get_untracked(),
        ListAnswer::Chosen(vec!["nsaid".into()])
    );
    assert!(!checked(&c, "#t-meds-none"), "ticking an item clears None");

    click(&c, "#t-meds-unsure").await;
    assert_eq!(
        value.get_untracked(),
        ListAnswer::Unsure(vec!["nsaid".into()])
    );
    assert_eq!(
        value.get_untracked().stored(),
        Some(vec!["nsaid".into()]),
        "not sure beside a tick keeps the tick"
    );
    assert!(checked(&c, "#t-meds-nsaid"), "not sure never unticks");

    click(&c, "#t-meds-nsaid").await;
    assert_eq!(value.get_untracked(), ListAnswer::Unsure(vec![]));
    assert_eq!(
        value.get_untracked().stored(),
        None,
        "not sure with nothing ticked is stored as not answered"
    );

    click(&c, "#t-meds-unsure").await;
    assert_eq!(
        value.get_untracked(),
        ListAnswer::Unanswered,
        "unticking not sure leaves no answer"
    );
    c.remove();
}

#[wasm_bindgen_test]
async fn a_radio_group_answer_can_be_cleared_back_to_not_answered() {
    let value = RwSignal::new(None::<String>);
    let c = mount(move || {
        view! {
            <RadioGroup name="t-act" legend="Active?" value=value on_change=move |v| value.set(v)
                choices=vec![Choice::new("active", "Yes"), Choice::new("inactive", "No")] chips=true />
        }
    });
    leptos::task::tick().await;
    assert!(
        c.query_selector("button.clear:not([hidden])")
            .unwrap()
            .is_none(),
        "nothing to clear yet (the button keeps its place, hidden)"
    );
    click(&c, "#t-act-inactive").await;
    assert_eq!(value.get_untracked().as_deref(), Some("inactive"));
    click(&c, "button.clear").await;
    assert_eq!(value.get_untracked(), None);
    assert!(!checked(&c, "#t-act-inactive"));
    c.remove();
}

#[wasm_bindgen_test]
async fn a_text_field_reports_typing_and_links_its_error() {
    let typed = RwSignal::new(String::new());
    let c = mount(move || {
        let error = Signal::derive(move || {
            typed
                .with(|t| t.contains('x'))
                .then(|| "Digits only".to_string())
        });
        view! { <TextField id="t-age" label="Age" hint="In years" value=typed on_input=move |t| typed.set(t) error=error /> }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = find(&c, "#t-age").unchecked_into();
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("t-age-hint")
    );
    input.set_value("4x");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(typed.get_untracked(), "4x");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("t-age-hint t-age-error")
    );
    assert_eq!(
        find(&c, "#t-age-error").text_content().as_deref(),
        Some("Digits only")
    );
    c.remove();
}
