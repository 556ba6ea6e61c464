//! After the reveal: the answer the core computes for this step's input,
//! whether the audience's choice was it, the lesson, the misconception,
//! what is true today; then each side as its full view shows it.
use super::links::{open_href, side_route};
use super::texts::Loaded;
use crate::h::{self, attrs, el, el_a, el_s, el_t, s as st, text};
use crate::lang::W;
use crate::route::{Params, View};
use caplens_core::workshop::{self, Input, Step};
use caplens_words::prelude::*;
use yew::prelude::*;

/// The computed answer and the step's lesson.
pub fn answer_box(step: &Step, chosen: Option<usize>, texts: &Loaded) -> Html {
    let computed = workshop::answer(step).ok();
    let verdict = match (chosen.and_then(|i| step.choices.get(i)), computed) {
        (Some(c), Some(a)) if *c == a => el_s(
            "p",
            attrs!("class" = "ok-box", "id" = "ws-verdict"),
            W.right(),
        ),
        (Some(_), _) => el_s(
            "p",
            attrs!("class" = "warn-box", "id" = "ws-verdict"),
            W.wrong(),
        ),
        _ => Html::default(),
    };
    let computed = computed.map(|a| W.answer(&a)).unwrap_or_default();
    let labelled = |label: &'static str, id: &'static str, key: &str| {
        let value = texts.get(step.id, key);
        h::when(!value.is_empty(), || {
            el_a(
                "p",
                h::attrs_of!("id" = id, "class" = "ws-note"),
                h::kids([el_s("strong", &[], label), st(" "), text(value)]),
            )
        })
    };
    el(
        "div",
        attrs!("class" = "ws-answer", "id" = "ws-answer", "role" = "status"),
        h::kids([
            verdict,
            el(
                "p",
                attrs!("class" = "ws-computed-line"),
                h::kids([
                    el_s("span", attrs!("class" = "muted"), W.computed()),
                    st(" "),
                    el_t("code", attrs!("id" = "ws-computed"), computed),
                ]),
            ),
            labelled(W.lesson(), "ws-lesson", "lesson"),
            labelled(W.misconception(), "ws-misconception", "misconception"),
            h::when(step.dated, || labelled(W.today(), "ws-today", "today")),
        ]),
    )
}

/// "Open in X": loads the side into its full view. Of two sides, each
/// link names its side (`name`, as the comparison shows it).
pub fn open_link(side: &Input, i: usize, name: Option<String>) -> Html {
    let (view, _) = side_route(side);
    let label = match name {
        Some(name) => W.open_side_in(crate::view_name(view), &name),
        None => W.open_in(crate::view_name(view)),
    };
    h::el_dyn(
        "a",
        &["class", "id", "href"],
        vec![
            Some(AttrValue::Static("ws-open")),
            Some(h::id("ws-open-", i, "")),
            Some(AttrValue::from(open_href(side))),
        ],
        h::kids([text(label)]),
    )
}

/// What the full view shows for this side, rendered by that view's code.
pub fn full_view(side: &Input) -> Html {
    let (view, params) = side_route(side);
    match view {
        View::Decode => decode(&params),
        View::Exec => match crate::exec::simulate(&params) {
            Ok(sim) => crate::exec::outcome(&sim),
            Err(_) => Html::default(),
        },
        View::Containers => containers(&params),
        View::Workshop => Html::default(),
    }
}

fn decode(params: &Params) -> Html {
    match caplens_core::status::recognise(params.text("in")) {
        Ok(r) => crate::decode::report_view(
            &r,
            params,
            &Callback::noop(),
            &crate::hooks::Explained::Loading,
        ),
        Err(_) => Html::default(),
    }
}

fn containers(params: &Params) -> Html {
    use crate::containers::{analyse, entrypoint_caps, results, settings};
    let fcaps = entrypoint_caps(params).ok().flatten();
    match analyse(params.text("in"), &settings(params), fcaps) {
        Ok(a) => results(&a, false, params, &Callback::noop()),
        Err(_) => Html::default(),
    }
}
