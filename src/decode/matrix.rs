//! The capabilities × sets matrix: a row per capability, a column per set,
//! and a capability's full explanation under its row when opened.
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use crate::hooks::Explained;
use crate::lang::W;
use caplens_core::catalog;
use caplens_core::risk;
use caplens_core::set::CapSet;
use caplens_core::status::SetEntry;
use caplens_words::prelude::*;
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
                h::el_a(
                    "td",
                    h::attrs_of!("class" = "in", "aria-label" = W.yes()),
                    vec![h::s("✓")],
                )
            } else {
                h::el_a(
                    "td",
                    h::attrs_of!("class" = "out", "aria-label" = W.no()),
                    vec![h::s("·")],
                )
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
                                    W.col_number(),
                                ),
                                el_s("th", attrs!("scope" = "col"), W.col_name()),
                                h::list(set_heads(sets)),
                                el_s(
                                    "th",
                                    attrs!("scope" = "col", "class" = "summary-col"),
                                    W.col_summary(),
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
                    W.no_caps(),
                )
            }),
        ]),
    )
}

/// A column head per set.
fn set_heads(sets: &[SetEntry]) -> Vec<Html> {
    let mut head = Vec::with_capacity(sets.len());
    for e in sets {
        let label = W.set_label(e.kind);
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
                Some(AttrValue::Static(
                    e.kind.map(|x| W.set_name(x)).unwrap_or(""),
                )),
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
    let summary = W
        .summary(cap)
        .map_or_else(|| W.unknown_capability(cap), str::to_string);
    let danger = match risk::danger(cap).filter(|d| *d >= risk::Danger::High) {
        Some(d) => h::list(h::kids([
            st(" "),
            el_s("span", attrs!("class" = "badge bad"), W.danger_label(d)),
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
                    text(W.danger_line(W.danger_label(d), W.danger_meaning(d))),
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
                            text(W.since_kernel(&c.since.to_string())),
                            danger,
                        ]),
                    ),
                    about(cap, explained),
                    el_t("p", attrs!("class" = "muted"), W.membership(cap)),
                ]),
            )
        }
        None => el(
            "p",
            &[],
            h::kids([
                text(W.unknown_capability(cap)),
                st(" "),
                st(W.unknown_bits_meaning()),
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
                W.missing(catalog::get(cap).map_or("", |c| c.name)),
            ),
        },
        Explained::Loading => el_s("p", attrs!("class" = "muted loading"), W.loading()),
        Explained::Failed(why) => el_t("p", attrs!("class" = "warn-box"), why.to_string()),
    }
}
