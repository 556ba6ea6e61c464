//! One step on screen: where it is, its title, the article's command and
//! output, the question with its choices, then (once revealed) the answer,
//! the comparison and the sides' full views.
use super::links::step_params;
use super::texts::Loaded;
use super::{compare, reveal};
use crate::h::{self, attrs, el, el_a, el_s, el_t, s as st, text};
use crate::lang::W;
use crate::route::Params;
use caplens_core::workshop::Step;
use caplens_words::prelude::*;
use yew::prelude::*;

/// What the step view needs besides the step.
pub struct Shown<'a> {
    pub n: usize,
    pub total: usize,
    pub texts: &'a Loaded,
    pub params: &'a Params,
    pub on_change: &'a Callback<Params>,
    pub on_load: &'a Callback<Params>,
    pub revealed: bool,
    pub chosen: Option<usize>,
    pub present: bool,
}

pub fn step_view(step: &Step, s: &Shown) -> Html {
    el(
        "article",
        attrs!("class" = "ws-step", "id" = "ws-step"),
        h::kids([
            el_t(
                "p",
                attrs!("class" = "ws-place muted", "id" = "ws-place"),
                format!("{} · {}", W.step_of(s.n, s.total), W.block_name(step.block)),
            ),
            el_t(
                "h2",
                attrs!("id" = "ws-title"),
                s.texts.get(step.id, "title"),
            ),
            article_lines(step),
            el_t(
                "p",
                attrs!("class" = "ws-question", "id" = "ws-question"),
                s.texts.get(step.id, "question"),
            ),
            choices(step, s),
            if s.revealed {
                revealed(step, s)
            } else {
                h::button(
                    attrs!("type" = "button", "id" = "ws-reveal", "class" = "primary"),
                    super::send(s.on_load, s.params.clone().with("r", "1")),
                    h::kids([st(W.reveal())]),
                )
            },
        ]),
    )
}

/// The article's command and what it printed.
fn article_lines(step: &Step) -> Html {
    h::when(!step.command.is_empty(), || {
        let output = if step.output.is_empty() {
            String::new()
        } else {
            format!("\n{}", step.output)
        };
        el(
            "pre",
            attrs!("class" = "ws-terminal", "id" = "ws-command"),
            h::kids([text(format!("$ {}{output}", step.command))]),
        )
    })
}

/// The choices; picking one records it (the reveal stays a separate press).
fn choices(step: &Step, s: &Shown) -> Html {
    let mut buttons = Vec::with_capacity(step.choices.len());
    for (i, c) in step.choices.iter().enumerate() {
        let chosen = s.chosen == Some(i);
        let next = s.params.clone().with("c", &i.to_string());
        buttons.push(h::node(
            "button",
            h::dynamic(
                &["type", "class", "id", "aria-pressed"],
                vec![
                    Some(AttrValue::Static("button")),
                    Some(AttrValue::Static(if chosen {
                        "choice chosen"
                    } else {
                        "choice"
                    })),
                    Some(h::id("ws-choice-", i, "")),
                    Some(AttrValue::Static(if chosen { "true" } else { "false" })),
                ],
            ),
            h::on_click(super::send(s.on_change, next)),
            h::kids([el_t("code", &[], W.answer(c))]),
        ));
    }
    el_a(
        "div",
        h::attrs_of!(
            "class" = "ws-choices",
            "role" = "group",
            "aria-label" = W.your_choice()
        ),
        buttons,
    )
}

/// The answer, the comparison, and each side with its link and (outside
/// presenter mode) its full view.
fn revealed(step: &Step, s: &Shown) -> Html {
    let mut sides = Vec::with_capacity(step.sides.len());
    for (i, side) in step.sides.iter().enumerate() {
        sides.push(el(
            "section",
            attrs!("class" = "ws-full"),
            h::kids([
                reveal::open_link(side, i, side_name(step, i, s.texts)),
                h::when(!s.present, || reveal::full_view(side)),
            ]),
        ));
    }
    h::list(h::kids([
        reveal::answer_box(step, s.chosen, s.texts),
        compare::compare(step, s.texts),
        el("div", attrs!("class" = "ws-sides"), sides),
    ]))
}

/// Side `i`'s name when the step compares two, as the comparison shows it.
fn side_name(step: &Step, i: usize, texts: &Loaded) -> Option<String> {
    let key = super::texts::SIDE_KEYS
        .get(i)
        .filter(|_| step.sides.len() > 1)?;
    Some(texts.get(step.id, key)).filter(|name| !name.is_empty())
}

/// Previous and next, and the switch into or out of presenter mode.
pub fn nav(prev: Option<&str>, next: Option<&str>, s: &Shown) -> Html {
    let go = |id: Option<&str>| id.map(|id| super::send(s.on_load, step_params(s.params, id)));
    let button = |attrs: h::Static, cb: Option<Callback<MouseEvent>>, label: &'static str| match cb
    {
        Some(cb) => h::button(attrs, cb, h::kids([st(label)])),
        None => Html::default(),
    };
    let toggle = s
        .params
        .clone()
        .with("present", if s.present { "" } else { "1" });
    el(
        "nav",
        attrs!("class" = "ws-nav"),
        h::kids([
            button(
                attrs!("type" = "button", "id" = "ws-prev"),
                go(prev),
                W.previous(),
            ),
            button(
                attrs!("type" = "button", "id" = "ws-next"),
                go(next),
                W.next(),
            ),
            button(
                attrs!("type" = "button", "id" = "ws-present"),
                Some(super::send(s.on_load, toggle)),
                if s.present {
                    W.leave_presenter()
                } else {
                    W.presenter()
                },
            ),
            h::when(s.present, || {
                el_s("span", attrs!("class" = "muted ws-keys"), W.keys_hint())
            }),
        ]),
    )
}
