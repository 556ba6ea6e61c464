//! The Decode view: paste anything that carries capability masks and see the
//! capabilities × sets matrix, what each set matches, and build a mask by
//! ticking boxes. All parsing is `status::recognise`; all wording is
//! `strings`.
//!
//! Link parameters: `in` (the pasted text), `open` (the capability whose
//! explanation is open), `all` (show every capability, not only those set),
//! `grid` (which set the checkbox grid edits, by position).
use super::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use super::route::Params;
use super::widgets::{copy_button, select_value, send_on_click, set_param, Example};
use super::ViewProps;
use caplens_core::catalog::{self, LAST_CAP};
use caplens_core::mask;
use caplens_core::preset;
use caplens_core::risk;
use caplens_core::set::CapSet;
use caplens_core::status::{self, InputError, Report, SetEntry, SourceKind};
use caplens_words::{catalog as cat_text, decode as words, ui as t};
use yew::prelude::*;
use yew::virtual_dom::Attributes;

pub fn examples() -> Vec<Example> {
    let ex = |id, label, text: &str| Example {
        id,
        label,
        params: Params::default().with("in", text),
    };
    vec![
        ex(
            "capsh-decode",
            t::EX_CAPSH_DECODE,
            "capsh --decode=0000001fffffffff",
        ),
        ex(
            "docker-status",
            t::EX_DOCKER_STATUS,
            t::EX_DOCKER_STATUS_TEXT,
        ),
        ex(
            "docker-default",
            t::EX_DOCKER_DEFAULT,
            "CapBnd: 00000000a80425fb",
        ),
        ex("proc-status", t::EX_PROC_STATUS, t::EX_PROC_STATUS_TEXT),
    ]
}

#[function_component(DecodeView)]
pub fn decode_view(p: &ViewProps) -> Html {
    let input = p.params.shared("in");
    let result = use_memo(input.clone(), |text| {
        if text.trim().is_empty() {
            None
        } else {
            Some(status::recognise(text))
        }
    });

    let on_input = set_param(&p.params, &p.on_change, "in", "");
    let on_clear = send_on_click(&p.on_load, Params::default());

    let (body, grid_report) = match &*result {
        None => (
            el_s(
                "p",
                attrs!("class" = "muted", "id" = "decode-empty"),
                t::DECODE_EMPTY,
            ),
            None,
        ),
        Some(Err(e)) => (error_box(e, &input), None),
        Some(Ok(report)) => (report_view(report, &p.params, &p.on_change), Some(report)),
    };
    // Built before `input` moves into the paste box.
    let grid = mask_grid(grid_report, &input, &p.params, &p.on_change);

    // Source order is input, result, grid (the order a phone shows them);
    // on wide screens CSS puts the grid beside the input.
    el(
        "div",
        attrs!("class" = "decode-layout"),
        h::kids([
            el(
                "section",
                attrs!(
                    "class" = "panel area-input",
                    "aria-labelledby" = "decode-input-title"
                ),
                h::kids([
                    el_s("h2", attrs!("id" = "decode-input-title"), t::DECODE_TITLE),
                    super::widgets::paste_box(
                        "decode-input",
                        t::DECODE_INPUT_LABEL,
                        h::attrs!(
                            "id" = "decode-input",
                            "rows" = "7",
                            "spellcheck" = "false",
                            "autocapitalize" = "off",
                            "autocomplete" = "off",
                            "placeholder" = t::DECODE_PLACEHOLDER
                        ),
                        AttrValue::from(input),
                        on_input,
                    ),
                    el(
                        "div",
                        attrs!("class" = "actions input-actions"),
                        h::kids([h::button(
                            attrs!("type" = "button", "id" = "decode-clear"),
                            on_clear,
                            h::kids([st(t::CLEAR)]),
                        )]),
                    ),
                    super::widgets::examples(examples(), &p.on_load),
                ]),
            ),
            el(
                "section",
                attrs!(
                    "class" = "panel area-result",
                    "id" = "decode-result",
                    "aria-live" = "polite",
                    "aria-labelledby" = "decode-result-title"
                ),
                h::kids([
                    el_s("h2", attrs!("id" = "decode-result-title"), t::RESULT),
                    body,
                ]),
            ),
            grid,
        ]),
    )
}

/// The error with its position, and the offending line with a caret under it.
#[inline(never)]
fn error_box(e: &InputError, input: &str) -> Html {
    let line = input
        .lines()
        .nth(e.line.saturating_sub(1) as usize)
        .unwrap_or("");
    // Long lines are cut around the column so the caret stays visible.
    let col = e.column.saturating_sub(1) as usize;
    let chars: Vec<char> = line.chars().collect();
    let start = col.saturating_sub(40);
    let shown: String = chars.iter().skip(start).take(80).collect();
    let mut caret = " ".repeat(col - start);
    caret.push('^');
    let excerpt = !shown.trim().is_empty();
    el(
        "div",
        attrs!("class" = "error", "id" = "decode-error", "role" = "alert"),
        h::kids([
            el(
                "p",
                &[],
                h::kids([
                    el_t(
                        "span",
                        attrs!("class" = "where"),
                        t::at_line_column(e.line, e.column),
                    ),
                    st(" "),
                    text(words::input_error_message(&e.kind)),
                ]),
            ),
            h::when(excerpt, || {
                el(
                    "pre",
                    attrs!("class" = "excerpt"),
                    h::kids([text(shown), st("\n"), text(caret)]),
                )
            }),
        ]),
    )
}

/// A link that opens the Exec view with these sets as the process before
/// exec (only for input that names its sets: bare masks could be any set).
fn exec_link(r: &Report, input: &str) -> Option<String> {
    if r.sets.is_empty() || r.sets.iter().any(|e| e.kind.is_none()) {
        return None;
    }
    let params = Params::default().with("before", input);
    Some(format!(
        "#{}",
        super::route::Route {
            view: super::route::View::Exec,
            params,
            panic_test: false
        }
        .to_fragment()
    ))
}

/// The label of a set, with its name when the input says which set it is.
fn set_title(e: &SetEntry) -> Vec<Html> {
    h::kids([
        st(words::set_label(e.kind)),
        text(
            e.kind
                .map(|k| format!(" · {}", words::set_name(k)))
                .unwrap_or_default(),
        ),
    ])
}

#[inline(never)]
fn report_view(r: &Report, params: &Params, on_change: &Callback<Params>) -> Html {
    let show_all = params.get("all") == Some("1");
    let open: Option<u8> = params
        .get("open")
        .and_then(|s| s.parse().ok())
        .filter(|&n: &u8| n < 64);

    let mut facts = h::kids([el_t(
        "span",
        attrs!("class" = "badge"),
        t::recognised_as(words::source_kind(r.source)),
    )]);
    if let Some(nnp) = r.no_new_privs {
        facts.push(el_dyn(
            "span",
            &["id", "title", "class"],
            vec![
                Some(AttrValue::Static("fact-nnp")),
                Some(AttrValue::Static(words::no_new_privs(nnp))),
                Some(AttrValue::Static(if nnp {
                    "badge ok"
                } else {
                    "badge warn"
                })),
            ],
            h::kids([st(t::nnp_badge(nnp))]),
        ));
    }
    if let Some(mode) = r.seccomp {
        facts.push(el_s(
            "span",
            attrs!("class" = "badge", "id" = "fact-seccomp"),
            words::seccomp(mode),
        ));
    }
    if let Some(uid) = r.uid {
        facts.push(el_t(
            "span",
            attrs!("class" = "badge", "id" = "fact-uid"),
            t::uid_badge(uid.real, uid.effective),
        ));
    }
    let notes: Vec<String> = r.notes.iter().map(words::note).collect();
    let mut cards = Vec::with_capacity(r.sets.len());
    for (i, e) in r.sets.iter().enumerate() {
        cards.push(set_card(i, e));
    }

    let toggle_all = {
        let (params, cb) = (params.clone(), on_change.clone());
        Callback::from(move |_: Event| {
            cb.emit(params.clone().with("all", if show_all { "" } else { "1" }))
        })
    };
    let toggle_open = {
        let (params, cb) = (params.clone(), on_change.clone());
        Callback::from(move |cap: u8| {
            let next = if open == Some(cap) {
                String::new()
            } else {
                cap.to_string()
            };
            cb.emit(params.clone().with("open", &next))
        })
    };
    let link = match exec_link(r, params.text("in")) {
        Some(href) => el(
            "p",
            &[],
            h::kids([el_dyn(
                "a",
                &["class", "id", "href"],
                vec![
                    Some(AttrValue::Static("button-link")),
                    Some(AttrValue::Static("decode-to-exec")),
                    Some(AttrValue::from(href)),
                ],
                h::kids([st(t::DECODE_TO_EXEC)]),
            )]),
        ),
        None => Html::default(),
    };

    h::list(h::kids([
        el("p", attrs!("class" = "facts"), h::kids([h::list(facts)])),
        h::when(!notes.is_empty(), || {
            el(
                "ul",
                attrs!("class" = "notes warn-box", "id" = "decode-notes"),
                h::kids([h::list(h::items(notes))]),
            )
        }),
        el("div", attrs!("class" = "sets"), h::kids([h::list(cards)])),
        link,
        el(
            "div",
            attrs!("class" = "matrix-head actions"),
            h::kids([
                el_s("h3", &[], t::MATRIX_TITLE),
                el(
                    "label",
                    attrs!("class" = "toggle"),
                    h::kids([
                        h::input(
                            Attributes::Static(attrs!("type" = "checkbox", "id" = "show-all")),
                            None,
                            Some(show_all),
                            h::on_change(toggle_all),
                        ),
                        st(" "),
                        st(t::SHOW_ALL),
                    ]),
                ),
            ]),
        ),
        matrix(&r.sets, show_all, open, toggle_open),
    ]))
}

#[inline(never)]
fn set_card(i: usize, e: &SetEntry) -> Html {
    let names = mask::capsh_list(e.caps);
    let cmp = preset::compare(e.caps);
    let kernel = cmp
        .kernel
        .filter(|k| k.reason == preset::RangeReason::FullSet);
    let kernel = match kernel {
        Some(k) => el_t(
            "li",
            attrs!("class" = "kernel-note"),
            words::kernel_range(&k),
        ),
        None => Html::default(),
    };
    let compare = h::kids([h::list(h::items(words::comparison(&cmp))), kernel]);
    el_dyn(
        "div",
        &["class", "id"],
        vec![
            Some(AttrValue::Static("set-card")),
            Some(h::id("set-", i, "")),
        ],
        h::kids([
            el(
                "h3",
                &[],
                h::kids([
                    el("span", &[], set_title(e)),
                    el_t(
                        "span",
                        attrs!("class" = "badge"),
                        t::count_caps(e.caps.len()),
                    ),
                ]),
            ),
            el_t("div", attrs!("class" = "hex"), e.caps.hex16()),
            el(
                "div",
                attrs!("class" = "actions"),
                h::kids([
                    copy_button(e.caps.hex16(), t::COPY_MASK),
                    copy_button(names, t::COPY_NAMES),
                ]),
            ),
            el("ul", attrs!("class" = "compare"), compare),
        ]),
    )
}

/// Capabilities × sets. Rows: every capability in any set (or all of
/// them), then unknown bits; a click on a name opens its explanation.
#[inline(never)]
fn matrix(sets: &[SetEntry], show_all: bool, open: Option<u8>, on_toggle: Callback<u8>) -> Html {
    let union = sets.iter().fold(CapSet::EMPTY, |u, e| u.union(e.caps));
    let rows = if show_all {
        catalog::KNOWN.union(union)
    } else {
        union
    };
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
        body.push(matrix_row(cap, open == Some(cap), cells, &on_toggle, &span));
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
                                h::list(head),
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

/// One capability's row of the matrix, and its explanation when open.
#[inline(never)]
fn matrix_row(cap: u8, open: bool, cells: Vec<Html>, on_toggle: &Callback<u8>, span: &str) -> Html {
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
    let explain = h::when(open, || {
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
                h::kids([explanation(cap)]),
            )]),
        )
    });
    h::list(h::kids([row, explain]))
}

/// The full explanation of one capability: what it allows, why it matters,
/// where it is granted by default, how dangerous it is.
#[inline(never)]
fn explanation(cap: u8) -> Html {
    match (catalog::get(cap), cat_text::explanation(cap)) {
        (Some(c), Some(about)) => {
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
                    el_s("p", &[], about),
                    el_t("p", attrs!("class" = "muted"), cat_text::membership(cap)),
                ]),
            )
        }
        _ => el(
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

/// A checkbox per capability. It shows the chosen set of the pasted input;
/// ticking a box rewrites that set in the paste box, so the paste box, the
/// matrix, the grid and the link always agree.
#[inline(never)]
fn mask_grid(
    report: Option<&Report>,
    input: &str,
    params: &Params,
    on_change: &Callback<Params>,
) -> Html {
    let sets: &[SetEntry] = report.map_or(&[], |r| &r.sets);
    // Unless the link says otherwise, show the first set that holds anything.
    let first_nonempty = sets.iter().position(|e| !e.caps.is_empty()).unwrap_or(0);
    let chosen = params
        .get("grid")
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&i| i < sets.len())
        .unwrap_or(first_nonempty);
    let current = sets.get(chosen).map_or(CapSet::EMPTY, |e| e.caps);
    let editable = report.is_some() || input.trim().is_empty();

    // What every box's handler needs, shared instead of copied 41 times.
    let ctx = std::rc::Rc::new((
        params.clone(),
        on_change.clone(),
        input.to_string(),
        report.cloned(),
    ));
    let mut boxes = Vec::with_capacity(usize::from(LAST_CAP) + 1);
    for cap in 0..=LAST_CAP {
        let onchange = {
            let ctx = ctx.clone();
            Callback::from(move |_: Event| {
                let (params, cb, input, report) = &*ctx;
                let text = rewrite(input, report.as_ref(), chosen, cap, current);
                cb.emit(params.clone().with("in", &text))
            })
        };
        boxes.push(grid_box(cap, current.contains(cap), editable, onchange));
    }

    let picker = if sets.len() > 1 {
        let onchange = select_value(set_param(params, on_change, "grid", ""));
        let mut options = Vec::with_capacity(sets.len());
        for (i, e) in sets.iter().enumerate() {
            options.push(h::option(
                AttrValue::from(i.to_string()),
                i == chosen,
                set_title(e),
            ));
        }
        el(
            "p",
            attrs!("class" = "field"),
            h::kids([
                el_s("label", attrs!("for" = "grid-set"), t::GRID_WHICH_SET),
                h::node(
                    "select",
                    Attributes::Static(attrs!("id" = "grid-set")),
                    h::on_change(onchange),
                    h::kids([h::list(options)]),
                ),
            ]),
        )
    } else {
        Html::default()
    };

    el(
        "section",
        attrs!(
            "class" = "panel area-grid",
            "id" = "mask-grid",
            "aria-labelledby" = "grid-title"
        ),
        h::kids([
            el_s("h2", attrs!("id" = "grid-title"), t::GRID_TITLE),
            el_s(
                "p",
                attrs!("class" = "muted"),
                if editable {
                    t::GRID_HELP
                } else {
                    t::GRID_DISABLED
                },
            ),
            picker,
            el(
                "p",
                attrs!("class" = "actions"),
                h::kids([
                    el_t(
                        "span",
                        attrs!("class" = "hex mono", "id" = "grid-hex"),
                        current.hex16(),
                    ),
                    copy_button(current.hex16(), t::COPY_MASK),
                    copy_button(mask::capsh_list(current), t::COPY_NAMES),
                ]),
            ),
            el("div", attrs!("class" = "grid"), h::kids([h::list(boxes)])),
        ]),
    )
}

#[inline(never)]
fn grid_box(cap: u8, checked: bool, editable: bool, onchange: Callback<Event>) -> Html {
    let c = &catalog::CAPABILITIES[cap as usize];
    let id = h::id("grid-", cap.into(), "");
    el_dyn(
        "label",
        &["for", "title"],
        vec![
            Some(id.clone()),
            Some(AttrValue::Static(cat_text::summary(cap).unwrap_or(""))),
        ],
        h::kids([
            h::input(
                h::dynamic(
                    &["type", "id", "disabled"],
                    vec![
                        Some(AttrValue::Static("checkbox")),
                        Some(id),
                        (!editable).then_some(AttrValue::Static("disabled")),
                    ],
                ),
                None,
                Some(checked),
                h::on_change(onchange),
            ),
            el_t("span", attrs!("class" = "n"), cap.to_string()),
            st(c.short_name()),
        ]),
    )
}

/// The paste box text after toggling `cap` in set number `chosen`.
/// `/proc`-style lines and bare masks are edited in place, so everything
/// else the user pasted stays; other formats are rewritten as `CapXxx:` lines.
pub fn rewrite(
    input: &str,
    report: Option<&Report>,
    chosen: usize,
    cap: u8,
    current: CapSet,
) -> String {
    let new = if current.contains(cap) {
        current.without(cap)
    } else {
        current.with(cap)
    };
    let Some(report) = report else {
        return new.hex16(); // empty box: start a bare mask
    };
    let line_of = |e: &SetEntry| match e.kind {
        Some(k) => format!("{}:\t{}", k.proc_key(), e.caps.hex16()),
        None => e.caps.hex16(),
    };
    let mut sets = report.sets.clone();
    if let Some(e) = sets.get_mut(chosen) {
        e.caps = new;
    }
    match report.source {
        SourceKind::BareMask | SourceKind::CapLines | SourceKind::ProcStatus => {
            let mut lines: Vec<String> = input.lines().map(str::to_string).collect();
            if let Some(e) = sets.get(chosen) {
                if let Some(l) = lines.get_mut(e.line.saturating_sub(1) as usize) {
                    *l = line_of(e);
                }
            }
            lines.join("\n")
        }
        SourceKind::CapshDecode
        | SourceKind::CapshPrint
        | SourceKind::Getpcaps
        | SourceKind::NameList => sets.iter().map(line_of).collect::<Vec<_>>().join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(input: &str, chosen: usize, cap: u8) -> String {
        let report = status::recognise(input).ok();
        let current = report
            .as_ref()
            .and_then(|r| r.sets.get(chosen))
            .map_or(CapSet::EMPTY, |e| e.caps);
        rewrite(input, report.as_ref(), chosen, cap, current)
    }

    #[test]
    fn exec_link_only_for_named_sets() {
        let named = "CapEff:\t0000000000002000\nCapPrm:\t0000000000002000";
        let link = exec_link(&status::recognise(named).unwrap(), named).unwrap();
        let route = super::super::route::Route::parse(&link);
        assert_eq!(route.view, super::super::route::View::Exec);
        assert_eq!(route.params.text("before"), named);
        assert_eq!(
            exec_link(&status::recognise("a80425fb").unwrap(), "a80425fb"),
            None
        );
    }

    #[test]
    fn grid_starts_a_bare_mask_from_an_empty_box() {
        assert_eq!(rewrite("", None, 0, 13, CapSet::EMPTY), "0000000000002000");
    }

    #[test]
    fn grid_toggles_bits_of_a_bare_mask() {
        assert_eq!(edit("a80425fb", 0, 13), "00000000a80405fb");
        assert_eq!(edit("00000000a80405fb", 0, 13), "00000000a80425fb");
    }

    #[test]
    fn grid_edits_one_proc_line_and_keeps_the_rest() {
        let input = "Name:\tsh\nCapInh:\t0000000000000000\nCapEff:\t0000000000000001\nSeccomp:\t2";
        let r = status::recognise(input).unwrap();
        let eff = r
            .sets
            .iter()
            .position(|e| e.kind == Some(status::SetKind::Effective))
            .unwrap();
        assert_eq!(
            edit(input, eff, 0),
            "Name:\tsh\nCapInh:\t0000000000000000\nCapEff:\t0000000000000000\nSeccomp:\t2"
        );
    }

    #[test]
    fn grid_rewrites_other_formats_as_proc_lines() {
        let out = edit("capsh --decode=0000000000003000", 0, 0);
        let r = status::recognise(&out).unwrap();
        assert_eq!(r.sets[0].caps, CapSet(0x3001), "{out}");
    }
}
