//! The Decode view: paste anything that carries capability masks and see the
//! capabilities × sets matrix, what each set matches, and build a mask by
//! ticking boxes. All parsing is `status::recognise`; all wording is
//! `caplens_words`.
//!
//! Link parameters: `in` (the pasted text), `open` (the capability whose
//! explanation is open), `all` (show every capability, not only those set),
//! `grid` (which set the checkbox grid edits, by position).
mod grid;
mod matrix;
mod report;

pub use grid::rewrite;
pub use report::report_view;

use crate::h::{self, attrs, el, el_s, el_t, s as st, text};
use crate::hooks::use_explanations;
use crate::lang::W;
use crate::route::Params;
use crate::widgets::{send_on_click, set_param, Example};
use crate::ViewProps;
use caplens_core::set::CapSet;
use caplens_core::status::{self, InputError, SetEntry};
use caplens_words::prelude::*;
use std::rc::Rc;
use yew::prelude::*;

pub fn examples() -> Vec<Example> {
    let ex = |id, label, text: &str| Example {
        id,
        label,
        params: Params::default().with("in", text),
    };
    vec![
        ex(
            "capsh-decode",
            W.ex_capsh_decode(),
            "capsh --decode=0000001fffffffff",
        ),
        ex(
            "docker-status",
            W.ex_docker_status(),
            W.ex_docker_status_text(),
        ),
        ex(
            "docker-default",
            W.ex_docker_default(),
            "CapBnd: 00000000a80425fb",
        ),
        ex("proc-status", W.ex_proc_status(), W.ex_proc_status_text()),
    ]
}

#[function_component(DecodeView)]
pub fn decode_view(p: &ViewProps) -> Html {
    let input = p.params.shared("in");
    let explained = use_explanations(p.params.get("open").is_some_and(|o| !o.is_empty()));
    let result = use_memo(input.clone(), |text| {
        if text.trim().is_empty() {
            None
        } else {
            Some(status::recognise(text))
        }
    });
    let status = match &*result {
        Some(Ok(r)) => {
            let all = r.sets.iter().fold(CapSet::EMPTY, |all, e| all | e.caps);
            W.status_decode(r.sets.len(), all.len())
        }
        _ => String::new(),
    };
    let (body, grid_report) = match &*result {
        None => (
            el_s(
                "p",
                attrs!("class" = "muted", "id" = "decode-empty"),
                W.decode_empty(),
            ),
            None,
        ),
        Some(Err(e)) => (error_box(e, &input), None),
        Some(Ok(r)) => (
            report::report_view(r, &p.params, &p.on_change, &explained),
            Some(r),
        ),
    };
    // Built before `input` moves into the paste box.
    let grid = grid::mask_grid(grid_report, &input, &p.params, &p.on_change);

    // Source order is input, result, grid (the order a phone shows them);
    // on wide screens CSS puts the grid beside the input.
    el(
        "div",
        attrs!("class" = "decode-layout"),
        h::kids([
            input_section(p, input),
            el(
                "section",
                attrs!(
                    "class" = "panel area-result",
                    "id" = "decode-result",
                    "aria-labelledby" = "decode-result-title"
                ),
                h::kids([
                    el_s("h2", attrs!("id" = "decode-result-title"), W.result()),
                    crate::status_line::status_line_of(status),
                    body,
                ]),
            ),
            grid,
        ]),
    )
}

/// The paste box, the Clear button and the examples.
fn input_section(p: &ViewProps, input: Rc<str>) -> Html {
    let on_input = set_param(&p.params, &p.on_change, "in", "");
    let on_clear = send_on_click(&p.on_load, Params::default());
    el(
        "section",
        attrs!(
            "class" = "panel area-input",
            "aria-labelledby" = "decode-input-title"
        ),
        h::kids([
            el_s("h2", attrs!("id" = "decode-input-title"), W.decode_title()),
            crate::widgets::paste_box(
                "decode-input",
                W.decode_input_label(),
                h::attrs_of!(
                    "id" = "decode-input",
                    "rows" = "7",
                    "spellcheck" = "false",
                    "autocapitalize" = "off",
                    "autocomplete" = "off",
                    "placeholder" = W.decode_placeholder()
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
                    h::kids([st(W.clear())]),
                )]),
            ),
            crate::widgets::examples(examples(), &p.on_load),
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
                        W.at_line_column(e.line, e.column),
                    ),
                    text(W.input_error_message(&e.kind)),
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

/// The label of a set, with its name when the input says which set it is.
fn set_title(e: &SetEntry) -> Vec<Html> {
    h::kids([
        st(W.set_label(e.kind)),
        text(
            e.kind
                .map(|k| format!(" · {}", W.set_name(k)))
                .unwrap_or_default(),
        ),
    ])
}
