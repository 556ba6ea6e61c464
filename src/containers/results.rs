//! What the analysis found: the summary of the whole paste, an overview
//! line when there are several containers, then a card per container.
use super::card::card;
use super::Analysis;
use crate::h::{self, attrs, el, el_s, el_t, s as st, text};
use crate::lang::W;
use crate::route::Params;
use crate::widgets::send_on_click;
use caplens_core::analysis::{ContainerReport, Severity};
use caplens_words::prelude::*;
use yew::prelude::*;

/// Cards rendered before "show all": a 1 MB manifest has thousands of
/// containers, and building that many cards would freeze the page for
/// seconds. The summary above the cards still counts all of them.
pub const MAX_CARDS: usize = 30;

/// What the analysis found: the summary, then a card per container.
#[inline(never)]
pub fn results(
    a: &Analysis,
    show_all: bool,
    params: &Params,
    on_change: &Callback<Params>,
) -> Html {
    let notes: Vec<String> = a.input.notes.iter().map(|x| W.k8s_note(x)).collect();
    let mut cards = Vec::new();
    for (i, (r, c)) in a
        .reports
        .iter()
        .zip(&a.input.containers)
        .enumerate()
        .take(if show_all { usize::MAX } else { MAX_CARDS })
    {
        cards.push(card(i, r, c, params.text("fcaps")));
    }
    let more = if !show_all && a.reports.len() > MAX_CARDS {
        let on_show_all = send_on_click(on_change, params.clone().with("cards", "all"));
        el(
            "p",
            attrs!("class" = "note", "id" = "more-cards"),
            h::kids([
                text(W.more_cards(MAX_CARDS, a.reports.len())),
                st(" "),
                h::button(
                    attrs!("type" = "button", "id" = "show-all-cards"),
                    on_show_all,
                    h::kids([st(W.show_all_cards())]),
                ),
            ]),
        )
    } else {
        Html::default()
    };
    h::list(h::kids([
        el(
            "p",
            attrs!("class" = "facts"),
            h::kids([
                el_s(
                    "span",
                    attrs!("class" = "badge", "id" = "containers-form"),
                    W.form(a.input.form),
                ),
                st(" "),
                el_t(
                    "span",
                    attrs!("class" = "badge"),
                    W.count_containers(a.reports.len()),
                ),
            ]),
        ),
        h::when(!notes.is_empty(), || {
            el(
                "ul",
                attrs!("class" = "note notes", "id" = "containers-notes"),
                h::kids([h::list(h::items(notes))]),
            )
        }),
        h::when(a.reports.is_empty(), || {
            el_s("p", attrs!("class" = "warn-box"), W.no_containers())
        }),
        h::when(a.reports.len() > 1, || overview(&a.reports)),
        h::list(cards),
        more,
    ]))
}

/// One line per container: where it is, its worst finding, its verdicts.
/// With many containers this is the part worth reading first.
#[inline(never)]
fn overview(reports: &[ContainerReport]) -> Html {
    let mut counts = [0usize; 4]; // none, info, warning, error
    for r in reports {
        counts[match r.worst() {
            None => 0,
            Some(Severity::Info) => 1,
            Some(Severity::Warning) => 2,
            Some(Severity::Error) => 3,
        }] += 1;
    }
    el(
        "p",
        attrs!("class" = "facts", "id" = "containers-overview"),
        h::kids([
            el_t(
                "span",
                attrs!("class" = "badge bad"),
                W.containers_with("error", counts[3]),
            ),
            el_t(
                "span",
                attrs!("class" = "badge warn"),
                W.containers_with("warning", counts[2]),
            ),
            el_t(
                "span",
                attrs!("class" = "badge ok"),
                W.containers_with("info", counts[1]),
            ),
            el_t(
                "span",
                attrs!("class" = "badge"),
                W.containers_clean(counts[0]),
            ),
        ]),
    )
}
