//! The Yew front end. Thin: it parses nothing itself and calls the core.
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <main id="app"><h1>{ "caplens" }</h1></main> }
}
