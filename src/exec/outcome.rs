//! The Exec view's answer: the setup in one line, the headline (or the
//! refusal), notes, the before/after table of the five sets, the kernel's
//! reason for every capability, the formula and the kernel's steps.
use super::Simulation;
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use crate::lang::W;
use crate::widgets::copy_button;
use caplens_core::exec::{CapReason, SetName, Step, Transition};
use caplens_core::set::CapSet;
use caplens_words::prelude::*;
use yew::prelude::*;

#[inline(never)]
pub fn outcome(sim: &Simulation) -> Html {
    let tr = &sim.transition;
    let steps: Vec<String> = tr.trace.iter().map(|x| W.step(x)).collect();
    h::list(h::kids([
        setup(sim),
        headline(tr),
        notes(sim),
        sets(tr),
        el(
            "details",
            attrs!("class" = "steps", "id" = "exec-steps", "open" = "open"),
            h::kids([
                el_s("summary", &[], W.exec_formula()),
                el_s("p", attrs!("class" = "muted legend"), W.formula_legend()),
                el_t(
                    "pre",
                    attrs!("class" = "formula", "id" = "exec-formula"),
                    W.formula(tr).join("\n"),
                ),
            ]),
        ),
        el(
            "details",
            attrs!("class" = "steps"),
            h::kids([
                el_s("summary", &[], W.exec_steps()),
                el("ol", &[], h::kids([h::list(h::items(steps))])),
            ]),
        ),
    ]))
}

/// The process and the file, in one line each.
fn setup(sim: &Simulation) -> Html {
    let b = &sim.transition.before;
    el(
        "p",
        attrs!("class" = "muted", "id" = "exec-setup"),
        h::kids([
            text(W.exec_process_line(b.uid, b.euid, b.suid, b.securebits.0, b.no_new_privs)),
            el("br", &[], Vec::new()),
            text(W.file_line(&sim.file, sim.file_text.as_deref())),
        ]),
    )
}

/// What the process ends up with, or why execve fails.
fn headline(tr: &Transition) -> Html {
    match &tr.outcome {
        Err(r) => el(
            "div",
            attrs!("class" = "error", "id" = "exec-eperm", "role" = "alert"),
            h::kids([
                el("p", &[], h::kids([el_s("strong", &[], W.exec_eperm())])),
                el_t("p", &[], W.refusal(r)),
            ]),
        ),
        Ok(a) => el(
            "p",
            if a.effective.is_empty() {
                attrs!("class" = "warn-box", "id" = "exec-headline")
            } else {
                attrs!("class" = "ok-box", "id" = "exec-headline")
            },
            h::kids([text(W.exec_headline(
                a.effective.len(),
                a.permitted.len(),
                a.uid,
                a.euid,
            ))]),
        ),
    }
}

/// Problems with the process as given, the setid rule's notes, and `+p`
/// without `+e` on the file.
fn notes(sim: &Simulation) -> Html {
    let tr = &sim.transition;
    let mut notes: Vec<String> = tr
        .before
        .invariant_problems()
        .iter()
        .map(|p| format!("{}{}", W.warning(), W.state_problem(p)))
        .collect();
    for s in &tr.trace {
        if let Step::SetidCheck(c) = s {
            notes.extend(W.setid_rule_note(c));
        }
    }
    if let Some(f) = sim.file.caps {
        if !f.effective && tr.outcome.as_ref().is_ok_and(|a| !a.permitted.is_empty()) {
            notes.push(W.plus_p_versus_ep().to_string());
        }
    }
    h::when(!notes.is_empty(), || {
        el(
            "ul",
            attrs!("class" = "notes note", "id" = "exec-notes"),
            h::kids([h::list(h::items(notes))]),
        )
    })
}

/// After a successful execve: the sets before and after, and why.
fn sets(tr: &Transition) -> Html {
    let Ok(a) = &tr.outcome else {
        return Html::default();
    };
    let mut rows = Vec::new();
    for &s in &SetName::ALL {
        rows.push(set_row(s, tr.before.get(s), a.get(s)));
    }
    let th = |label: &'static str| el_s("th", attrs!("scope" = "col"), label);
    h::list(h::kids([
        el(
            "div",
            attrs!("class" = "matrix-wrap"),
            h::kids([el(
                "table",
                attrs!("class" = "matrix sets-table", "id" = "exec-sets"),
                h::kids([
                    el(
                        "thead",
                        &[],
                        h::kids([el(
                            "tr",
                            &[],
                            h::kids([
                                th(W.exec_col_set()),
                                th(W.exec_col_before()),
                                th(W.exec_col_after()),
                                th(W.exec_col_gained()),
                                th(W.exec_col_lost()),
                                el(
                                    "th",
                                    attrs!("scope" = "col"),
                                    h::kids([el_s(
                                        "span",
                                        attrs!("class" = "offscreen"),
                                        W.copy_mask(),
                                    )]),
                                ),
                            ]),
                        )]),
                    ),
                    el("tbody", &[], h::kids([h::list(rows)])),
                ]),
            )]),
        ),
        el_s("h3", &[], W.exec_why()),
        el(
            "div",
            attrs!("class" = "reason-groups", "id" = "exec-reasons"),
            h::kids([h::list(reason_groups(tr))]),
        ),
        el_s("p", attrs!("class" = "muted"), W.exec_unchanged_sets()),
    ]))
}

/// The kernel's reason for every capability of the sets execve computes;
/// capabilities that changed alike for the same reason share one line.
fn reason_groups(tr: &Transition) -> Vec<Html> {
    let mut groups = Vec::with_capacity(3);
    for set in [SetName::Permitted, SetName::Effective, SetName::Ambient] {
        let mut alike: Vec<(&CapReason, Vec<u8>)> = Vec::new();
        for r in tr.reasons.iter().filter(|r| r.set == set) {
            let same = |(g, _): &&mut (&CapReason, Vec<u8>)| {
                (g.before, g.after) == (r.before, r.after) && g.why == r.why
            };
            match alike.iter_mut().find(same) {
                Some((_, caps)) => caps.push(r.cap),
                None => alike.push((r, vec![r.cap])),
            }
        }
        let lines = alike
            .into_iter()
            .map(|(r, caps)| el_t("li", change_class(r), W.shared_reason_line(&caps, r)))
            .collect();
        groups.push(reason_group(set, lines));
    }
    groups
}

fn change_class(r: &CapReason) -> h::Static {
    match (r.before, r.after) {
        (false, true) => attrs!("class" = "gained"),
        (true, false) => attrs!("class" = "lost"),
        (true, true) => attrs!("class" = "kept"),
        _ => attrs!("class" = "absent"),
    }
}

/// One row of the before/after table.
#[inline(never)]
fn set_row(s: SetName, x: CapSet, y: CapSet) -> Html {
    let gained = y.minus(x);
    let lost = x.minus(y);
    el_dyn(
        "tr",
        &["data-set"],
        vec![Some(AttrValue::Static(W.set_symbol(s)))],
        h::kids([
            el(
                "th",
                attrs!("scope" = "row"),
                h::kids([
                    st(W.exec_set_name(s)),
                    el_t(
                        "span",
                        attrs!("class" = "muted"),
                        format!(" {}", W.set_symbol(s)),
                    ),
                ]),
            ),
            el_t("td", attrs!("class" = "mono"), x.hex16()),
            el_t("td", attrs!("class" = "mono"), y.hex16()),
            el_t(
                "td",
                if gained.is_empty() {
                    &[]
                } else {
                    attrs!("class" = "gained")
                },
                names_or_dash(gained, "+"),
            ),
            el_t(
                "td",
                if lost.is_empty() {
                    &[]
                } else {
                    attrs!("class" = "lost")
                },
                names_or_dash(lost, "−"),
            ),
            el(
                "td",
                &[],
                h::kids([copy_button(
                    y.hex16(),
                    W.copy_mask(),
                    W.exec_set_name(s).into(),
                )]),
            ),
        ]),
    )
}

/// The reasons for one set after the exec.
#[inline(never)]
fn reason_group(set: SetName, lines: Vec<Html>) -> Html {
    let body = if lines.is_empty() {
        el_s("p", attrs!("class" = "muted"), W.exec_set_empty())
    } else {
        el("ul", &[], h::kids([h::list(lines)]))
    };
    el_dyn(
        "div",
        &["class", "data-set"],
        vec![
            Some(AttrValue::Static("reasons")),
            Some(AttrValue::Static(W.set_symbol(set))),
        ],
        h::kids([
            el(
                "h4",
                &[],
                h::kids([
                    st(W.exec_set_name(set)),
                    st(" "),
                    el(
                        "span",
                        attrs!("class" = "muted"),
                        h::kids([st(W.set_symbol(set)), st("′")]),
                    ),
                ]),
            ),
            body,
        ]),
    )
}

fn names_or_dash(set: CapSet, sign: &str) -> String {
    if set.is_empty() {
        "—".to_string()
    } else {
        set.iter()
            .map(|c| format!("{sign}{}", W.cap_name(c)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
