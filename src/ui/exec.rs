//! The Exec view: what each capability set holds after execve, and why.
use super::ViewProps;
use crate::strings::ui as t;
use yew::prelude::*;

#[function_component(ExecView)]
pub fn exec_view(_p: &ViewProps) -> Html {
    html! { <section class="panel"><h2>{ t::view_name(super::route::View::Exec) }</h2><p>{ t::NOT_YET }</p></section> }
}
