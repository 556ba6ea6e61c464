//! One short `role="status"` line per view. Screen readers announce it once
//! typing pauses ("Result: 5 sets, 14 capabilities in all."), instead of
//! re-reading a whole result section (thousands of characters) on every
//! keystroke, as `aria-live` on the section did. Errors stay `role="alert"`.

use crate::h;
use gloo::timers::callback::Timeout;
use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// How long the text must stay the same before it is announced.
const PAUSE_MS: u32 = 600;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// The summary of what is shown now ("" while there is nothing).
    pub text: AttrValue,
}

#[function_component(StatusLine)]
pub fn status_line(p: &StatusProps) -> Html {
    let shown = use_state(AttrValue::default);
    {
        let shown = shown.clone();
        use_effect_with(p.text.clone(), move |text| {
            let text = text.clone();
            let timer = Timeout::new(PAUSE_MS, move || shown.set(text));
            move || drop(timer)
        });
    }
    h::el(
        "p",
        h::attrs!("class" = "visually-hidden", "role" = "status"),
        h::kids([h::text(shown.to_string())]),
    )
}

/// The line for a view: `html!` only here, so each view adds one call.
pub fn status_line_of(text: String) -> Html {
    html! { <StatusLine text={AttrValue::from(text)} /> }
}
