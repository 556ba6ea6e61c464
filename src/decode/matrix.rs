//! The capabilities × sets matrix: a row per capability, a column per set,
//! and a capability's full explanation under its row when opened.
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use crate::hooks::Explained;
use caplens_core::catalog;
use caplens_core::risk;
use caplens_core::set::CapSet;
use caplens_core::status::SetEntry;
use caplens_words::{catalog as cat_text, decode as words, explanations, ui as t};
use yew::prelude::*;

/// Capabilities × sets. Rows: every capability in any set (or all of
/// them), then unknown bits; a click on a name opens its explanation.
#[inline(never)]
pub fn matrix(
    sets: &[SetEntry],
    show_all: bool,
    open: Option<u8>,
    on_toggle: Callback<u8>,
    explained: &Explained,
) -> Html {
    let union = sets.iter().fold(CapSet::EMPTY, |u, e| u.union(e.caps));
    let rows = if show_all {
        catalog::KNOWN.union(union)
    } else {
        union
    };
    let span = (sets.len() + 3).to_string();
    let mut body = Vec::new();
    for cap in rows.iter() {
        let mut cells = Vec::with_capacity(sets.len());
        for e in sets {
            cells.push(if e.caps.contains(cap) {
                el_s("td", attrs!("class" = "in", "aria-label" = t::YES), "✓")
            } else {
                el_s("td", attrs!("class" = "out", "aria-label" = t::NO), "·")
            });
        }
        body.push(matrix_row(
            cap,
            open == Some(cap),
            cells,
            &on_toggle,
            &span,
            explained,
        ));
    }
    el(
        "div",
        attrs!("class" = "matrix-wrap"),
        h::kids([
            el(
                "table",
                attrs!("class" = "matrix", "id" = "matrix"),
                h::kids([
                    el(
                        "thead",
                        &[],
                        h::kids([el(
                            "tr",
                            &[],
                            h::kids([
                                el_s(
                                    "th",
                                    attrs!("scope" = "col", "class" = "num-col"),
                                    t::COL_NUMBER,
                                ),
                                el_s("th", attrs!("scope" = "col"), t::COL_NAME),
                                h::list(set_heads(sets)),
                                el_s(
                                    "th",
                                    attrs!("scope" = "col", "class" = "summary-col"),
                                    t::COL_SUMMARY,
                                ),
                            ]),
                        )]),
                    ),
                    el("tbody", &[], h::kids([h::list(body)])),
                ]),
            ),
            h::when(rows.is_empty(), || {
                el_s(
                    "p",
                    attrs!("class" = "muted", "id" = "matrix-empty"),
                    t::NO_CAPS,
                )
            }),
        ]),
    )
}

/// A column head per set.
fn set_heads(sets: &[SetEntry]) -> Vec<Html> {
    let mut head = Vec::with_capacity(sets.len());
    for e in sets {
        let label = words::set_label(e.kind);
        // "Cap" is dropped on narrow screens so five columns fit on a phone.
        let (prefix, rest) = match label.strip_prefix("Cap") {
            Some(rest) => ("Cap", rest),
            None => ("", label),
        };
        head.push(el_dyn(
            "th",
            &["scope", "title", "class"],
            vec![
                Some(AttrValue::Static("col")),
                Some(AttrValue::Static(e.kind.map(words::set_name).unwrap_or(""))),
                Some(AttrValue::Static("set")),
            ],
            h::kids([
                el_s("span", attrs!("class" = "cap-prefix"), prefix),
                st(rest),
            ]),
        ));
    }
    head
}

/// One capability's row of the matrix, and its explanation when open.
#[inline(never)]
fn matrix_row(
    cap: u8,
    open: bool,
    cells: Vec<Html>,
    on_toggle: &Callback<u8>,
    span: &str,
    explained: &Explained,
) -> Html {
    let known = catalog::get(cap);
    let name = known.map_or_else(|| cap.to_string(), |c| c.libcap_name());
    let summary =
        cat_text::summary(cap).map_or_else(|| cat_text::unknown_capability(cap), str::to_string);
    let danger = match risk::danger(cap).filter(|d| *d >= risk::Danger::High) {
        Some(d) => h::list(h::kids([
            st(" "),
            el_s(
                "span",
                attrs!("class" = "badge bad"),
                cat_text::danger_label(d),
            ),
        ])),
        None => Html::default(),
    };
    let onclick = {
        let cb = on_toggle.clone();
        Callback::from(move |_: MouseEvent| cb.emit(cap))
    };
    let row = el_dyn(
        "tr",
        &["data-cap", "class"],
        vec![
            Some(AttrValue::from(cap.to_string())),
            Some(AttrValue::Static(if known.is_none() {
                "cap-row unknown"
            } else {
                "cap-row"
            })),
        ],
        h::kids([
            el_t("td", attrs!("class" = "num num-col"), cap.to_string()),
            el(
                "th",
                attrs!("scope" = "row"),
                h::kids([h::button(
                    if open {
                        attrs!(
                            "type" = "button",
                            "class" = "cap-name",
                            "aria-expanded" = "true"
                        )
                    } else {
                        attrs!(
                            "type" = "button",
                            "class" = "cap-name",
                            "aria-expanded" = "false"
                        )
                    },
                    onclick,
                    h::kids([text(name)]),
                )]),
            ),
            h::list(cells),
            el(
                "td",
                attrs!("class" = "summary summary-col"),
                h::kids([text(summary), danger]),
            ),
        ]),
    );
    let explain = h::when(open, || explain_row(cap, span, explained));
    h::list(h::kids([row, explain]))
}

/// The row under an open capability, spanning the table, with its explanation.
fn explain_row(cap: u8, span: &str, explained: &Explained) -> Html {
    el_dyn(
        "tr",
        &["class", "id"],
        vec![
            Some(AttrValue::Static("explain")),
            Some(h::id("explain-", cap.into(), "")),
        ],
        h::kids([el_dyn(
            "td",
            &["colspan"],
            vec![Some(AttrValue::from(span.to_string()))],
            h::kids([explanation(cap, explained)]),
        )]),
    )
}

/// The full explanation of one capability: what it allows, why it matters,
/// where it is granted by default, how dangerous it is.
#[inline(never)]
fn explanation(cap: u8, explained: &Explained) -> Html {
    match catalog::get(cap) {
        Some(c) => {
            let danger = match risk::danger(cap) {
                Some(d) => h::list(h::kids([
                    st(" · "),
                    text(t::danger_line(
                        cat_text::danger_label(d),
                        cat_text::danger_meaning(d),
                    )),
                ])),
                None => Html::default(),
            };
            el(
                "div",
                attrs!("class" = "explanation"),
                h::kids([
                    el(
                        "p",
                        &[],
                        h::kids([
                            el_s("strong", &[], c.name),
                            st(" · "),
                            text(t::since_kernel(&c.since.to_string())),
                            danger,
                        ]),
                    ),
                    about(cap, explained),
                    el_t("p", attrs!("class" = "muted"), cat_text::membership(cap)),
                ]),
            )
        }
        None => el(
            "p",
            &[],
            h::kids([
                text(cat_text::unknown_capability(cap)),
                st(" "),
                st(words::UNKNOWN_BITS_MEANING),
            ]),
        ),
    }
}

/// The long explanation itself, once the page has it.
fn about(cap: u8, explained: &Explained) -> Html {
    match explained {
        Explained::Ready(all) => match all.get(cap) {
            Some(about) => el_t("p", &[], about.to_string()),
            None => el_t(
                "p",
                attrs!("class" = "warn-box"),
                explanations::missing(catalog::get(cap).map_or("", |c| c.name)),
            ),
        },
        Explained::Loading => el_s(
            "p",
            attrs!("class" = "muted loading"),
            explanations::LOADING,
        ),
        Explained::Failed(why) => el_t("p", attrs!("class" = "warn-box"), why.to_string()),
    }
}
