//! The Containers view: what a container's first process really gets.
use super::ViewProps;
use crate::strings::ui as t;
use yew::prelude::*;

#[function_component(ContainersView)]
pub fn containers_view(_p: &ViewProps) -> Html {
    html! { <section class="panel"><h2>{ t::view_name(super::route::View::Containers) }</h2><p>{ t::NOT_YET }</p></section> }
}
