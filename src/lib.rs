//! The Yew front end. Thin: it parses nothing itself; it calls the core and
//! turns results into words only through `caplens_words`.
//!
//! The whole page state (active view + that view's inputs) lives in the URL
//! fragment, so a link reproduces exactly what is shown.
pub mod containers;
pub mod decode;
pub mod dom;
pub mod exec;
pub mod h;
pub mod hooks;
pub mod lang;
pub mod language;
pub mod panic;
pub mod route;
pub mod share;
pub mod site;
pub mod status_line;
pub mod widgets;
pub mod workshop;

use crate::lang::W;
use caplens_words::prelude::*;
use route::{Params, Route, View, MAX_LINK_PARAMS};
use yew::prelude::*;

/// Props every view gets: its inputs and two ways to change them.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    pub params: Params,
    /// Typing: updates the link without a history entry.
    pub on_change: Callback<Params>,
    /// Deliberate steps (an example, a reset): a history entry, so Back undoes it.
    pub on_load: Callback<Params>,
}

/// How a state change reaches the address bar.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Write {
    /// The change came from the address bar (a link, Back): leave it alone.
    #[default]
    None,
    /// Typing: rewrite the fragment without a history entry.
    Replace,
    /// A deliberate step: a new history entry.
    Push,
}

#[derive(Clone, PartialEq, Default)]
struct State {
    view: View,
    inputs: [Params; 4],
    write: Write,
    /// Counts arrivals in another view by a link (not by a tab), so the page
    /// can take the reader to the top of the view they were sent to.
    arrivals: u32,
    /// Counts loaded inputs (an example, a permalink), so the page can
    /// bring the reader to the result.
    results: u32,
}

enum Action {
    /// The fragment changed (link opened in this tab, Back, Forward).
    Navigate(Route),
    SetParams(Params, Write),
    Show(View),
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        let mut s = (*self).clone();
        match action {
            // Keeps what the user typed in the other views.
            Action::Navigate(route) => {
                if route.view != s.view {
                    s.arrivals += 1;
                }
                s.view = route.view;
                s.inputs[index(route.view)] = route.params;
                s.write = Write::None;
            }
            Action::SetParams(params, write) => {
                // An example (a deliberate load), not typing or Clear.
                if write == Write::Push && !params.is_empty() {
                    s.results += 1;
                }
                s.inputs[index(s.view)] = params;
                s.write = write;
            }
            Action::Show(view) => {
                s.view = view;
                s.write = Write::Push;
            }
        }
        s.into()
    }
}

impl State {
    fn params(&self) -> &Params {
        &self.inputs[index(self.view)]
    }

    fn too_big(&self) -> bool {
        self.params().size() > MAX_LINK_PARAMS
    }

    /// The fragment for the visible state; inputs too large for a link are left out.
    fn fragment(&self) -> String {
        let params = if self.too_big() {
            Params::default()
        } else {
            self.params().clone()
        };
        Route {
            view: self.view,
            params,
            panic_test: false,
        }
        .to_fragment()
    }
}

fn index(v: View) -> usize {
    match v {
        View::Decode => 0,
        View::Exec => 1,
        View::Containers => 2,
        View::Workshop => 3,
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let route = use_memo((), |_| Route::parse(&dom::fragment()));
    if route.panic_test {
        // Hidden switch for the end-to-end test of the panic hook.
        panic!("{}", W.panic_test_message());
    }
    if !site::holds(route.view) {
        // A link to the other build's view (`#v=workshop&s=5` on the
        // everyday page): pass it on, fragment and all.
        site::go(&route);
    }
    let state = use_reducer_eq(|| {
        let mut s = State {
            view: route.view,
            ..State::default()
        };
        s.inputs[index(route.view)] = route.params.clone();
        // A permalink: its answer is what the reader came for.
        s.results = u32::from(!route.params.is_empty());
        s
    });

    // Links opened in the same tab, Back and Forward.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_nav = move |_: &web_sys::Event| {
                let route = Route::parse(&dom::fragment());
                if site::holds(route.view) {
                    dispatch.dispatch(Action::Navigate(route))
                } else {
                    site::go(&route)
                }
            };
            let a = gloo::events::EventListener::new(&window, "hashchange", on_nav.clone());
            let b = gloo::events::EventListener::new(&window, "popstate", on_nav);
            move || drop((a, b))
        });
    }
    // Keep the address bar in step with what is shown.
    use_effect_with(state.clone(), |s| {
        match s.write {
            Write::None => {}
            Write::Replace => dom::replace_fragment(&s.fragment()),
            Write::Push => dom::push_fragment(&s.fragment()),
        }
        // The language switch keeps the state it links to in step.
        language::refresh_links();
    });

    // Each view has its own title (for tabs, history and screen readers).
    use_effect_with(state.view, |&view| {
        gloo::utils::document().set_title(&W.document_title(view_name(view)));
    });
    // A link into another view (such as "Simulate an exec from this
    // process") starts the reader at the top of that view, on its heading.
    use_effect_with(state.arrivals, |&arrivals| {
        if arrivals > 0 {
            dom::show_top_heading();
        }
    });

    // After an example or a permalink, the answer is on screen and focused.
    use_effect_with(state.results, |&results| {
        if results > 0 {
            dom::show_result();
        }
    });

    let on_change = {
        let d = state.dispatcher();
        Callback::from(move |p: Params| d.dispatch(Action::SetParams(p, Write::Replace)))
    };
    let on_load = {
        let d = state.dispatcher();
        Callback::from(move |p: Params| d.dispatch(Action::SetParams(p, Write::Push)))
    };

    let params = state.params().clone();
    let props = ViewProps {
        params,
        on_change,
        on_load,
    };
    if !site::holds(state.view) {
        // On its way to the other build (`site::go` above): nothing to show.
        return Html::default();
    }
    page(&state, view_of(state.view, props))
}

/// The view itself. Each build compiles in only the views it holds
/// (`site`), so the other build's code stays out of its download.
fn view_of(view: View, props: ViewProps) -> Html {
    match view {
        #[cfg(not(feature = "workshop"))]
        View::Decode => html! { <decode::DecodeView ..props /> },
        #[cfg(not(feature = "workshop"))]
        View::Exec => html! { <exec::ExecView ..props /> },
        #[cfg(not(feature = "workshop"))]
        View::Containers => html! { <containers::ContainersView ..props /> },
        #[cfg(feature = "workshop")]
        View::Workshop => html! { <workshop::WorkshopView ..props /> },
        // The other build's view: the browser is on its way there.
        #[allow(unreachable_patterns)]
        _ => Html::default(),
    }
}

/// The header with the tabs, the current view in `main`, the footer.
fn page(state: &UseReducerHandle<State>, view: Html) -> Html {
    h::list(h::kids([
        header(tabs(state)),
        html! { <share::Share fragment={state.fragment()} /> },
        h::el(
            "main",
            main_attrs(state.view),
            h::kids([
                h::when(state.too_big(), || {
                    h::el_s(
                        "p",
                        h::attrs!("class" = "note", "id" = "link-too-big", "role" = "status"),
                        W.link_too_big(),
                    )
                }),
                view,
            ]),
        ),
        h::el(
            "footer",
            h::attrs!("class" = "foot"),
            h::kids([h::el_s("p", &[], W.footer())]),
        ),
    ]))
}

/// A button per view of this build (the current one is marked and does
/// nothing); a link for each view of the other build.
fn tabs(state: &UseReducerHandle<State>) -> Vec<Html> {
    let mut tabs = Vec::with_capacity(View::ALL.len());
    for v in View::ALL {
        let label = h::kids([
            h::el_s("span", h::attrs!("class" = "tab-name"), view_name(v)),
            h::el_s("span", h::attrs!("class" = "tab-hint"), view_hint(v)),
        ]);
        if !site::holds(v) {
            tabs.push(tab_link(v, label));
            continue;
        }
        let d = state.dispatcher();
        let current = state.view == v;
        let onclick = Callback::from(move |_: MouseEvent| {
            if !current {
                d.dispatch(Action::Show(v))
            }
        });
        tabs.push(h::button(tab_attrs(v, current), onclick, label));
    }
    tabs
}

/// A tab that opens the other build at `v`.
fn tab_link(v: View, label: Vec<Html>) -> Html {
    let href = site::href_to(v, &format!("v={}", v.slug()));
    h::el_dyn(
        "a",
        &["id", "class", "href"],
        vec![
            Some(AttrValue::Static(tab_id(v))),
            Some(AttrValue::Static("tab")),
            Some(AttrValue::from(href)),
        ],
        label,
    )
}

fn tab_id(v: View) -> &'static str {
    match v {
        View::Decode => "tab-decode",
        View::Exec => "tab-exec",
        View::Containers => "tab-containers",
        View::Workshop => "tab-workshop",
    }
}

/// The brand and the tabs.
fn header(tabs: Vec<Html>) -> Html {
    h::el(
        "header",
        h::attrs!("class" = "top"),
        h::kids([
            html! { <language::Languages /> },
            h::el(
                "div",
                h::attrs!("class" = "brand"),
                h::kids([
                    h::el(
                        "h1",
                        &[],
                        h::kids([
                            h::el_s(
                                "span",
                                h::attrs!("class" = "logo", "aria-hidden" = "true"),
                                "⌕",
                            ),
                            h::s(W.app_name()),
                        ]),
                    ),
                    h::el_s("p", h::attrs!("class" = "tagline"), W.tagline()),
                ]),
            ),
            h::el_a(
                "nav",
                h::attrs_of!("class" = "tabs", "aria-label" = W.views_label()),
                h::kids([h::list(tabs)]),
            ),
        ]),
    )
}

/// A tab's attributes (fixed ids: the tests and the CSS use them).
fn tab_attrs(v: View, current: bool) -> h::Static {
    use h::attrs;
    match (v, current) {
        (View::Decode, false) => attrs!("type" = "button", "id" = "tab-decode", "class" = "tab"),
        (View::Decode, true) => attrs!(
            "type" = "button",
            "id" = "tab-decode",
            "aria-current" = "page",
            "class" = "tab current"
        ),
        (View::Exec, false) => attrs!("type" = "button", "id" = "tab-exec", "class" = "tab"),
        (View::Exec, true) => attrs!(
            "type" = "button",
            "id" = "tab-exec",
            "aria-current" = "page",
            "class" = "tab current"
        ),
        (View::Containers, false) => {
            attrs!("type" = "button", "id" = "tab-containers", "class" = "tab")
        }
        (View::Containers, true) => attrs!(
            "type" = "button",
            "id" = "tab-containers",
            "aria-current" = "page",
            "class" = "tab current"
        ),
        (View::Workshop, false) => {
            attrs!("type" = "button", "id" = "tab-workshop", "class" = "tab")
        }
        (View::Workshop, true) => attrs!(
            "type" = "button",
            "id" = "tab-workshop",
            "aria-current" = "page",
            "class" = "tab current"
        ),
    }
}

fn main_attrs(v: View) -> h::Static {
    use h::attrs;
    match v {
        View::Decode => attrs!("id" = "main", "class" = "view view-decode"),
        View::Exec => attrs!("id" = "main", "class" = "view view-exec"),
        View::Containers => attrs!("id" = "main", "class" = "view view-containers"),
        View::Workshop => attrs!("id" = "main", "class" = "view view-workshop"),
    }
}

/// A tab's name, from the words.
pub(crate) fn view_name(v: View) -> &'static str {
    match v {
        View::Decode => W.decode_name(),
        View::Exec => W.exec_name(),
        View::Containers => W.containers_name(),
        View::Workshop => W.workshop_name(),
    }
}

/// What a tab's view reads, from the words.
fn view_hint(v: View) -> &'static str {
    match v {
        View::Decode => W.decode_hint(),
        View::Exec => W.exec_hint(),
        View::Containers => W.containers_hint(),
        View::Workshop => W.workshop_hint(),
    }
}
