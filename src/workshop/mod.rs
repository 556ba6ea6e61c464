//! The Workshop view: the seed article step by step and twelve scenarios
//! (`caplens_core::workshop`). Each step asks first, then reveals what the
//! core computes for its input, the lesson and the misconception, and
//! loads the same input into the full view on request. Long text comes
//! from `workshop.txt` beside the page (`texts`).
//!
//! Link parameters: `s` (the step's id: `a1`…`a8`, `1`…`12`), `c` (the
//! chosen answer, by position), `r` (`1`: revealed), `present` (`1`:
//! presenter mode).
mod compare;
mod links;
mod presenter;
mod reveal;
mod step;
mod texts;

use crate::h::{self, attrs, el, el_s, el_t};
use crate::lang::W;
use crate::route::Params;
use crate::ViewProps;
use caplens_core::workshop::{self, Block, Step};
use caplens_words::prelude::*;
use step::Shown;
use texts::Loaded;
use yew::prelude::*;

pub use links::side_route;

/// A click that loads `params`.
fn send(cb: &Callback<Params>, params: Params) -> Callback<MouseEvent> {
    crate::widgets::send_on_click(cb, params)
}

#[function_component(WorkshopView)]
pub fn workshop_view(p: &ViewProps) -> Html {
    let steps = workshop::steps();
    let texts = texts::use_texts();
    let at = steps
        .iter()
        .position(|s| Some(s.id) == p.params.get("s"))
        .unwrap_or(0);
    let present = p.params.get("present") == Some("1");
    let revealed = p.params.get("r") == Some("1");
    let prev = at.checked_sub(1).map(|i| steps[i].id);
    let next = steps.get(at + 1).map(|s| s.id);
    presenter::use_presenting(present);
    presenter::use_keys(
        present.then(|| presenter::Keys {
            params: p.params.clone(),
            revealed,
            prev,
            next,
        }),
        p.on_load.clone(),
    );
    let shown = Shown {
        n: at + 1,
        total: steps.len(),
        texts: &texts,
        params: &p.params,
        on_change: &p.on_change,
        on_load: &p.on_load,
        revealed,
        chosen: p.params.get("c").and_then(|c| c.parse().ok()),
        present,
    };
    let body = h::list(h::kids([
        status(&texts),
        step::step_view(&steps[at], &shown),
        step::nav(prev, next, &shown),
    ]));
    if present {
        return el(
            "div",
            attrs!("class" = "ws-present", "id" = "ws-present-mode"),
            h::kids([body]),
        );
    }
    el(
        "div",
        attrs!("class" = "ws-layout"),
        h::kids([
            menu(steps, at, &texts),
            el("div", attrs!("class" = "panel ws-main"), h::kids([body])),
        ]),
    )
}

/// "Loading…" or why the text could not be loaded.
fn status(texts: &Loaded) -> Html {
    match texts {
        Loaded::Ready(_) => Html::default(),
        Loaded::Loading => el_s(
            "p",
            attrs!("class" = "muted", "role" = "status"),
            W.workshop_loading(),
        ),
        Loaded::Failed(why) => el_t(
            "p",
            attrs!("class" = "error", "id" = "ws-error", "role" = "alert"),
            why.to_string(),
        ),
    }
}

/// Every step by block, each a link to the step.
fn menu(steps: &[Step], at: usize, texts: &Loaded) -> Html {
    let mut blocks = Vec::new();
    let mut items = Vec::new();
    let mut block: Option<Block> = None;
    for (i, s) in steps.iter().enumerate() {
        if block != Some(s.block) {
            if let Some(b) = block {
                blocks.push(group(b, std::mem::take(&mut items)));
            }
            block = Some(s.block);
        }
        let title = texts.get(s.id, "title");
        let label = if title.is_empty() {
            s.id.to_string()
        } else {
            title
        };
        let href = format!("#v=workshop&s={}", s.id);
        items.push(el(
            "li",
            &[],
            h::kids([h::el_dyn(
                "a",
                &["href", "id", "aria-current"],
                vec![
                    Some(AttrValue::from(href)),
                    Some(AttrValue::from(format!("ws-link-{}", s.id))),
                    (i == at).then_some(AttrValue::Static("step")),
                ],
                h::kids([h::text(label)]),
            )]),
        ));
    }
    if let Some(b) = block {
        blocks.push(group(b, items));
    }
    el(
        "nav",
        attrs!("class" = "panel ws-menu", "id" = "ws-menu"),
        h::kids([el_s("h2", &[], W.workshop_title()), h::list(blocks)]),
    )
}

fn group(block: Block, items: Vec<Html>) -> Html {
    h::list(h::kids([
        el_s("h3", &[], W.block_name(block)),
        el("ol", attrs!("class" = "ws-steps"), items),
    ]))
}
