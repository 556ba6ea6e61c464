//! The Exec view: set up a process and a program file, and see what each of
//! the five capability sets holds after execve, with the kernel's reason for
//! every capability. The simulation is `exec::execve_with`; the before-state
//! paste is read by `status::recognise`, the file by `text::parse_pasted`.
//!
//! Link parameters: `before` (pasted status lines), `uid`, `euid`, `sb`
//! (securebits, a number), `nnp` (1/0), `file` (setcap text or a getcap
//! line), `setuid` (1), `nosuid` (1), `rule` (`pre2025`). Explicit fields win
//! over what the pasted status says.
use super::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use super::route::Params;
use super::widgets::{copy_button, input_value, send_on_click, set_param, Example};
use super::ViewProps;
use caplens_core::catalog;
use caplens_core::exec::{
    self, ExecFile, ExecOptions, ProcessState, Securebits, SetName, SetidRule, Step, Transition,
};
use caplens_core::set::CapSet;
use caplens_core::status::{self, InputError, Report, SetKind};
use caplens_core::text;
use caplens_words::{decode as decode_words, exec as words, text as text_words, ui as t};
use yew::prelude::*;
use yew::virtual_dom::Attributes;

/// The link parameters that reproduce a ready-made example of the core
/// (`exec::examples`): the before-state as `/proc` lines, the ids, the file.
pub fn example_params(e: &exec::examples::Example) -> Params {
    let b = &e.before;
    let lines: Vec<String> = [
        (SetKind::Inheritable, b.inheritable),
        (SetKind::Permitted, b.permitted),
        (SetKind::Effective, b.effective),
        (SetKind::Bounding, b.bounding),
        (SetKind::Ambient, b.ambient),
    ]
    .iter()
    .map(|(k, set)| format!("{}:\t{}", k.proc_key(), set.hex16()))
    .collect();
    let mut p = Params::default()
        .with("before", &lines.join("\n"))
        .with("uid", &b.uid.to_string())
        .with("file", e.file_text)
        .with("ex", e.id.slug());
    if b.euid != b.uid {
        p.set("euid", &b.euid.to_string());
    }
    if b.no_new_privs {
        p.set("nnp", "1");
    }
    if b.securebits.0 != 0 {
        p.set("sb", &b.securebits.0.to_string());
    }
    if e.file.setuid_root {
        p.set("setuid", "1");
    }
    if e.file.nosuid_mount {
        p.set("nosuid", "1");
    }
    p
}

pub fn examples() -> Vec<Example> {
    exec::examples::examples()
        .iter()
        .map(|e| Example {
            id: e.id.slug(),
            label: words::example_title(e.id),
            params: example_params(e),
        })
        .collect()
}

/// The example the inputs still equal, if any (its lesson is shown).
fn current_example(params: &Params) -> Option<exec::examples::Example> {
    let e = exec::examples::by_slug(params.get("ex")?)?;
    (example_params(&e) == *params).then_some(e)
}

/// Securebits offered as checkboxes (the locks do not change an exec).
const SECUREBITS: [(u32, &str); 4] = [
    (Securebits::NOROOT, "SECBIT_NOROOT"),
    (Securebits::NO_SETUID_FIXUP, "SECBIT_NO_SETUID_FIXUP"),
    (Securebits::KEEP_CAPS, "SECBIT_KEEP_CAPS"),
    (
        Securebits::NO_CAP_AMBIENT_RAISE,
        "SECBIT_NO_CAP_AMBIENT_RAISE",
    ),
];

/// What went wrong with the inputs, each worded and positioned.
#[derive(Clone, PartialEq, Debug)]
pub enum InputProblem {
    Before(InputError),
    /// A bare mask: it does not say which set it is.
    BareMask {
        line: u32,
    },
    Uid {
        field: &'static str,
        value: String,
    },
    File(String),
}

/// Everything the view shows, computed from the link parameters.
#[derive(Clone, PartialEq, Debug)]
pub struct Simulation {
    pub before: ProcessState,
    pub file: ExecFile,
    /// libcap's canonical text of the file capabilities, for display.
    pub file_text: Option<String>,
    pub transition: Transition,
}

fn parse_id(params: &Params, key: &'static str) -> Result<Option<u32>, InputProblem> {
    let v = params.text(key).trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| InputProblem::Uid {
        field: key,
        value: v.to_string(),
    })
}

/// Reads the parameters into a process and a file and runs the simulator.
/// Sets the paste does not give get the defaults `caplens exec` uses:
/// bounding = every capability; for euid 0, permitted = effective = bounding;
/// otherwise empty (plus ambient).
pub fn simulate(params: &Params) -> Result<Simulation, InputProblem> {
    let pasted: Option<Report> = match params.text("before").trim() {
        "" => None,
        text => Some(status::recognise(text).map_err(InputProblem::Before)?),
    };
    if let Some(e) = pasted
        .as_ref()
        .and_then(|r| r.sets.iter().find(|e| e.kind.is_none()))
    {
        return Err(InputProblem::BareMask { line: e.line });
    }
    let get = |k: SetKind| pasted.as_ref().and_then(|r| r.get(k));
    let ids = pasted.as_ref().and_then(|r| r.uid);
    let uid = parse_id(params, "uid")?
        .or(ids.and_then(|i| i.real))
        .unwrap_or(0);
    let euid = parse_id(params, "euid")?
        .or(ids.and_then(|i| i.effective))
        .unwrap_or(uid);
    let suid = ids
        .and_then(|i| i.saved)
        .filter(|_| params.text("euid").is_empty())
        .unwrap_or(euid);
    let securebits = match params.get("sb") {
        Some(v) => Securebits(v.trim().parse().unwrap_or(0)),
        None => pasted
            .as_ref()
            .and_then(|r| r.securebits)
            .unwrap_or_default(),
    };
    let no_new_privs = match params.get("nnp") {
        Some(v) => v == "1",
        None => pasted
            .as_ref()
            .and_then(|r| r.no_new_privs)
            .unwrap_or(false),
    };
    let bounding = get(SetKind::Bounding).unwrap_or(catalog::KNOWN);
    let ambient = get(SetKind::Ambient).unwrap_or_default();
    let permitted = get(SetKind::Permitted)
        .unwrap_or(if euid == 0 { bounding } else { CapSet::EMPTY }.union(ambient));
    let before = ProcessState {
        uid,
        euid,
        suid,
        inheritable: get(SetKind::Inheritable).unwrap_or(ambient),
        permitted,
        effective: get(SetKind::Effective).unwrap_or(if euid == 0 { permitted } else { ambient }),
        bounding,
        ambient,
        securebits,
        no_new_privs,
    };

    let mut file = ExecFile {
        setuid_root: params.get("setuid") == Some("1"),
        caps: None,
        nosuid_mount: params.get("nosuid") == Some("1"),
    };
    let mut file_text = None;
    if !params.text("file").trim().is_empty() {
        let pasted = text::parse_pasted(params.text("file"))
            .map_err(|e| InputProblem::File(text_words::error(&e)))?;
        if let Some(c) = pasted.caps() {
            file.caps = Some(
                c.to_file_caps()
                    .map_err(|e| InputProblem::File(text_words::file_caps_error(&e)))?,
            );
            file_text = Some(text::to_text(&c));
        }
    }
    let options = ExecOptions {
        rule: if params.get("rule") == Some("pre2025") {
            SetidRule::Pre2025
        } else {
            SetidRule::Current
        },
        ..ExecOptions::default()
    };
    let transition = exec::execve_with(&before, &file, &options);
    Ok(Simulation {
        before,
        file,
        file_text,
        transition,
    })
}

fn problem_text(p: &InputProblem) -> String {
    match p {
        InputProblem::Before(e) => format!(
            "{} {}",
            t::at_line_column(e.line, e.column),
            decode_words::input_error_message(&e.kind)
        ),
        InputProblem::BareMask { line } => t::exec_bare_mask(*line),
        InputProblem::Uid { field, value } => t::exec_bad_id(field, value),
        InputProblem::File(msg) => t::exec_bad_file(msg),
    }
}

#[function_component(ExecView)]
pub fn exec_view(p: &ViewProps) -> Html {
    let params = p.params.clone();
    let result = use_memo(params.clone(), simulate);

    // Any edit leaves the example: its lesson no longer applies.
    let set = |key: &'static str| set_param(&p.params, &p.on_change, key, "ex");
    let lesson = current_example(&params);

    // Values shown in the controls: the effective inputs (paste defaults included).
    let shown = match &*result {
        Ok(s) => Some(s.before),
        Err(_) => None,
    };
    let sb_now = shown.map_or(0, |b| b.securebits.0);
    let mut secbit_boxes = Vec::with_capacity(SECUREBITS.len());
    for &(bit, name) in &SECUREBITS {
        let cb = set("sb");
        let onchange = Callback::from(move |e: Event| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = if i.checked() {
                sb_now | bit
            } else {
                sb_now & !bit
            };
            cb.emit(v.to_string())
        });
        secbit_boxes.push(check_box(
            h::id("sb-", bit as usize, ""),
            sb_now & bit != 0,
            onchange,
            name,
        ));
    }

    let on_clear = send_on_click(&p.on_load, Params::default());

    let lesson = match lesson {
        Some(e) => el(
            "p",
            attrs!("class" = "note", "id" = "exec-lesson"),
            h::kids([
                el(
                    "strong",
                    &[],
                    h::kids([st(words::example_title(e.id)), st(": ")]),
                ),
                st(words::example_point(e.id)),
            ]),
        ),
        None => Html::default(),
    };
    let answer = match &*result {
        Err(problem) => el(
            "div",
            attrs!("class" = "error", "id" = "exec-error", "role" = "alert"),
            h::kids([el_t("p", &[], problem_text(problem))]),
        ),
        Ok(sim) => outcome(sim),
    };

    el(
        "div",
        attrs!("class" = "exec-layout"),
        h::kids([
            el(
                "section",
                attrs!("class" = "panel", "aria-labelledby" = "exec-input-title"),
                h::kids([
                    el_s("h2", attrs!("id" = "exec-input-title"), t::EXEC_TITLE),
                    el_s("p", attrs!("class" = "muted"), t::EXEC_INTRO),
                    super::widgets::examples(examples(), &p.on_load),
                    el(
                        "div",
                        attrs!("class" = "exec-inputs"),
                        h::kids([
                            el(
                                "fieldset",
                                &[],
                                h::kids([
                                    el_s("legend", &[], t::EXEC_PROCESS),
                                    super::widgets::paste_box(
                                        "exec-before",
                                        t::EXEC_BEFORE_LABEL,
                                        h::attrs!(
                                            "id" = "exec-before",
                                            "rows" = "5",
                                            "spellcheck" = "false",
                                            "autocapitalize" = "off",
                                            "autocomplete" = "off",
                                            "placeholder" = t::EXEC_BEFORE_PLACEHOLDER
                                        ),
                                        AttrValue::from(params.shared("before")),
                                        set("before"),
                                    ),
                                    el(
                                        "div",
                                        attrs!("class" = "row"),
                                        h::kids([
                                            id_field(
                                                "exec-uid",
                                                t::EXEC_UID,
                                                &params,
                                                "uid",
                                                shown.map(|b| b.uid),
                                                set("uid"),
                                            ),
                                            id_field(
                                                "exec-euid",
                                                t::EXEC_EUID,
                                                &params,
                                                "euid",
                                                shown.map(|b| b.euid),
                                                set("euid"),
                                            ),
                                        ]),
                                    ),
                                    el(
                                        "div",
                                        attrs!("class" = "checks"),
                                        h::kids([
                                            flag_box(
                                                "exec-nnp",
                                                shown.is_some_and(|b| b.no_new_privs),
                                                set("nnp"),
                                                "1",
                                                "0",
                                                t::EXEC_NNP,
                                            ),
                                            h::list(secbit_boxes),
                                        ]),
                                    ),
                                ]),
                            ),
                            el(
                                "fieldset",
                                &[],
                                h::kids([
                                    el_s("legend", &[], t::EXEC_FILE),
                                    el(
                                        "p",
                                        attrs!("class" = "field"),
                                        h::kids([
                                            el_s(
                                                "label",
                                                attrs!("for" = "exec-file"),
                                                t::EXEC_FILE_LABEL,
                                            ),
                                            h::input(
                                                Attributes::Static(attrs!(
                                                    "type" = "text",
                                                    "id" = "exec-file",
                                                    "spellcheck" = "false",
                                                    "autocomplete" = "off",
                                                    "placeholder" = t::EXEC_FILE_PLACEHOLDER
                                                )),
                                                Some(AttrValue::from(
                                                    params.text("file").to_string(),
                                                )),
                                                None,
                                                h::on_input(input_value(set("file"))),
                                            ),
                                        ]),
                                    ),
                                    el(
                                        "div",
                                        attrs!("class" = "checks"),
                                        h::kids([
                                            flag_box(
                                                "exec-setuid",
                                                params.get("setuid") == Some("1"),
                                                set("setuid"),
                                                "1",
                                                "",
                                                t::EXEC_SETUID,
                                            ),
                                            flag_box(
                                                "exec-nosuid",
                                                params.get("nosuid") == Some("1"),
                                                set("nosuid"),
                                                "1",
                                                "",
                                                t::EXEC_NOSUID,
                                            ),
                                            flag_box(
                                                "exec-rule",
                                                params.get("rule") == Some("pre2025"),
                                                set("rule"),
                                                "pre2025",
                                                "",
                                                t::EXEC_PRE2025,
                                            ),
                                        ]),
                                    ),
                                    el(
                                        "div",
                                        attrs!("class" = "actions"),
                                        h::kids([h::button(
                                            attrs!("type" = "button", "id" = "exec-clear"),
                                            on_clear,
                                            h::kids([st(t::CLEAR)]),
                                        )]),
                                    ),
                                ]),
                            ),
                        ]),
                    ),
                ]),
            ),
            el(
                "section",
                attrs!(
                    "class" = "panel",
                    "id" = "exec-result",
                    "aria-live" = "polite",
                    "aria-labelledby" = "exec-result-title"
                ),
                h::kids([
                    el_s("h2", attrs!("id" = "exec-result-title"), t::EXEC_RESULT),
                    lesson,
                    answer,
                ]),
            ),
        ]),
    )
}

/// A uid field: the link's value, the effective one as a placeholder.
#[inline(never)]
fn id_field(
    id: &'static str,
    label: &'static str,
    params: &Params,
    key: &'static str,
    shown: Option<u32>,
    cb: Callback<String>,
) -> Html {
    el(
        "p",
        attrs!("class" = "field"),
        h::kids([
            el_dyn(
                "label",
                &["for"],
                vec![Some(AttrValue::Static(id))],
                h::kids([st(label)]),
            ),
            h::input(
                h::dynamic(
                    &["type", "inputmode", "id", "placeholder"],
                    vec![
                        Some(AttrValue::Static("text")),
                        Some(AttrValue::Static("numeric")),
                        Some(AttrValue::Static(id)),
                        Some(AttrValue::from(
                            shown.map(|v| v.to_string()).unwrap_or_default(),
                        )),
                    ],
                ),
                Some(AttrValue::from(params.text(key).to_string())),
                None,
                h::on_input(input_value(cb)),
            ),
        ]),
    )
}

/// A checkbox that sets its parameter to `on` or `off`.
#[inline(never)]
fn flag_box(
    id: &'static str,
    checked: bool,
    cb: Callback<String>,
    on: &'static str,
    off: &'static str,
    label: &'static str,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let i: web_sys::HtmlInputElement = e.target_unchecked_into();
        cb.emit(if i.checked() { on } else { off }.to_string())
    });
    check_box(AttrValue::Static(id), checked, onchange, label)
}

/// `<label class="check"><input type="checkbox">label</label>`.
#[inline(never)]
fn check_box(id: AttrValue, checked: bool, onchange: Callback<Event>, label: &'static str) -> Html {
    el_dyn(
        "label",
        &["for", "class"],
        vec![Some(id.clone()), Some(AttrValue::Static("check"))],
        h::kids([
            h::input(
                h::dynamic(
                    &["type", "id"],
                    vec![Some(AttrValue::Static("checkbox")), Some(id)],
                ),
                None,
                Some(checked),
                h::on_change(onchange),
            ),
            st(label),
        ]),
    )
}

#[inline(never)]
fn outcome(sim: &Simulation) -> Html {
    let tr = &sim.transition;
    let b = &tr.before;
    let problems = b.invariant_problems();
    let headline = match &tr.outcome {
        Err(r) => el(
            "div",
            attrs!("class" = "error", "id" = "exec-eperm", "role" = "alert"),
            h::kids([
                el("p", &[], h::kids([el_s("strong", &[], t::EXEC_EPERM)])),
                el_t("p", &[], words::refusal(r)),
            ]),
        ),
        Ok(a) => el(
            "p",
            if a.effective.is_empty() {
                attrs!("class" = "warn-box", "id" = "exec-headline")
            } else {
                attrs!("class" = "ok-box", "id" = "exec-headline")
            },
            h::kids([text(t::exec_headline(
                a.effective.len(),
                a.permitted.len(),
                a.uid,
                a.euid,
            ))]),
        ),
    };
    let mut rows = Vec::new();
    if let Ok(a) = &tr.outcome {
        for &s in &SetName::ALL {
            rows.push(set_row(s, b.get(s), a.get(s)));
        }
    }
    let mut reason_groups = Vec::with_capacity(3);
    for set in [SetName::Permitted, SetName::Effective, SetName::Ambient] {
        let mut lines = Vec::new();
        for r in tr.reasons.iter().filter(|r| r.set == set) {
            let class: h::Static = match (r.before, r.after) {
                (false, true) => attrs!("class" = "gained"),
                (true, false) => attrs!("class" = "lost"),
                (true, true) => attrs!("class" = "kept"),
                _ => attrs!("class" = "absent"),
            };
            lines.push(el_t("li", class, words::reason_line(r)));
        }
        reason_groups.push(reason_group(set, lines));
    }
    let mut notes: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {}", t::WARNING, words::state_problem(p)))
        .collect();
    for s in &tr.trace {
        if let Step::SetidCheck(c) = s {
            notes.extend(words::setid_rule_note(c));
        }
    }
    if let Some(f) = sim.file.caps {
        if !f.effective && tr.outcome.as_ref().is_ok_and(|a| !a.permitted.is_empty()) {
            notes.push(words::PLUS_P_VERSUS_EP.to_string());
        }
    }
    let steps: Vec<String> = tr.trace.iter().map(words::step).collect();
    let sets = if tr.outcome.is_ok() {
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
                                    th(t::EXEC_COL_SET),
                                    th(t::EXEC_COL_BEFORE),
                                    th(t::EXEC_COL_AFTER),
                                    th(t::EXEC_COL_GAINED),
                                    th(t::EXEC_COL_LOST),
                                    el(
                                        "th",
                                        attrs!("scope" = "col"),
                                        h::kids([el_s(
                                            "span",
                                            attrs!("class" = "offscreen"),
                                            t::COPY_MASK,
                                        )]),
                                    ),
                                ]),
                            )]),
                        ),
                        el("tbody", &[], h::kids([h::list(rows)])),
                    ]),
                )]),
            ),
            el_s("h3", &[], t::EXEC_WHY),
            el(
                "div",
                attrs!("class" = "reason-groups", "id" = "exec-reasons"),
                h::kids([h::list(reason_groups)]),
            ),
            el_s("p", attrs!("class" = "muted"), t::EXEC_UNCHANGED_SETS),
        ]))
    } else {
        Html::default()
    };
    h::list(h::kids([
        el(
            "p",
            attrs!("class" = "muted", "id" = "exec-setup"),
            h::kids([
                text(t::exec_process_line(
                    b.uid,
                    b.euid,
                    b.suid,
                    b.securebits.0,
                    b.no_new_privs,
                )),
                el("br", &[], Vec::new()),
                text(words::file_line(&sim.file, sim.file_text.as_deref())),
            ]),
        ),
        headline,
        h::when(!notes.is_empty(), || {
            el(
                "ul",
                attrs!("class" = "notes note", "id" = "exec-notes"),
                h::kids([h::list(h::items(notes))]),
            )
        }),
        sets,
        el(
            "details",
            attrs!("class" = "steps", "id" = "exec-steps", "open" = "open"),
            h::kids([
                el_s("summary", &[], t::EXEC_FORMULA),
                el_t(
                    "pre",
                    attrs!("class" = "formula", "id" = "exec-formula"),
                    words::formula(tr).join("\n"),
                ),
            ]),
        ),
        el(
            "details",
            attrs!("class" = "steps"),
            h::kids([
                el_s("summary", &[], t::EXEC_STEPS),
                el("ol", &[], h::kids([h::list(h::items(steps))])),
            ]),
        ),
    ]))
}

/// One row of the before/after table.
#[inline(never)]
fn set_row(s: SetName, x: CapSet, y: CapSet) -> Html {
    let gained = y.minus(x);
    let lost = x.minus(y);
    el_dyn(
        "tr",
        &["data-set"],
        vec![Some(AttrValue::Static(words::set_symbol(s)))],
        h::kids([
            el(
                "th",
                attrs!("scope" = "row"),
                h::kids([
                    st(words::set_name(s)),
                    el_t(
                        "span",
                        attrs!("class" = "muted"),
                        format!(" {}", words::set_symbol(s)),
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
            el("td", &[], h::kids([copy_button(y.hex16(), t::COPY_MASK)])),
        ]),
    )
}

/// The reasons for one set after the exec.
#[inline(never)]
fn reason_group(set: SetName, lines: Vec<Html>) -> Html {
    let body = if lines.is_empty() {
        el_s("p", attrs!("class" = "muted"), t::EXEC_SET_EMPTY)
    } else {
        el("ul", &[], h::kids([h::list(lines)]))
    };
    el_dyn(
        "div",
        &["class", "data-set"],
        vec![
            Some(AttrValue::Static("reasons")),
            Some(AttrValue::Static(words::set_symbol(set))),
        ],
        h::kids([
            el(
                "h4",
                &[],
                h::kids([
                    st(words::set_name(set)),
                    st(" "),
                    el(
                        "span",
                        attrs!("class" = "muted"),
                        h::kids([st(words::set_symbol(set)), st("′")]),
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
            .map(|c| format!("{sign}{}", words::cap_name(c)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pairs: &[(&str, &str)]) -> Result<Simulation, InputProblem> {
        simulate(
            &pairs
                .iter()
                .fold(Params::default(), |p, (k, v)| p.with(k, v)),
        )
    }

    #[test]
    fn every_example_simulates_exactly_as_the_core_example() {
        for e in exec::examples::examples() {
            let sim =
                simulate(&example_params(&e)).unwrap_or_else(|p| panic!("{}: {p:?}", e.id.slug()));
            assert_eq!(sim.before, e.before, "{}", e.id.slug());
            assert_eq!(sim.file, e.file, "{}", e.id.slug());
            assert_eq!(current_example(&example_params(&e)), Some(e));
        }
        let edited = example_params(&exec::examples::examples()[0]).with("uid", "5");
        assert_eq!(current_example(&edited), None);
    }

    #[test]
    fn plus_p_gives_permitted_only_and_plus_ep_gives_effective() {
        let p = run(&[("uid", "1000"), ("file", "cap_net_admin,cap_net_raw+p")]).unwrap();
        let a = p.transition.after().copied().unwrap();
        assert_eq!(a.permitted, CapSet::from_caps([12, 13]));
        assert!(a.effective.is_empty());
        let ep = run(&[("uid", "1000"), ("file", "/usr/bin/ping cap_net_raw=ep")]).unwrap();
        assert_eq!(ep.transition.after().unwrap().effective, CapSet::single(13));
        assert_eq!(ep.file_text.as_deref(), Some("cap_net_raw=ep"));
    }

    #[test]
    fn docker_bounding_set_refuses_a_file_asking_for_more() {
        let ex = examples()
            .into_iter()
            .find(|e| e.id == "docker-user-eperm")
            .unwrap();
        assert!(simulate(&ex.params).unwrap().transition.outcome.is_err());
        let ok = examples()
            .into_iter()
            .find(|e| e.id == "docker-user-filecap")
            .unwrap();
        assert_eq!(
            simulate(&ok.params)
                .unwrap()
                .transition
                .after()
                .unwrap()
                .effective,
            CapSet::single(10)
        );
    }

    #[test]
    fn defaults_follow_the_uid_and_the_paste() {
        let root = run(&[]).unwrap();
        assert_eq!(root.before.permitted, catalog::KNOWN);
        assert_eq!(root.before.effective, catalog::KNOWN);
        let user = run(&[("uid", "1000")]).unwrap();
        assert!(user.before.permitted.is_empty());
        assert_eq!(user.before.bounding, catalog::KNOWN);
        let pasted = run(&[(
            "before",
            "Uid:\t1000\t0\t0\t0\nCapBnd:\t00000000a80425fb\nNoNewPrivs:\t1",
        )])
        .unwrap();
        assert_eq!((pasted.before.uid, pasted.before.euid), (1000, 0));
        assert!(pasted.before.no_new_privs);
        assert_eq!(
            pasted.before.permitted,
            CapSet(0xa80425fb),
            "euid 0 gets the bounding set"
        );
        let overridden = run(&[
            ("before", "NoNewPrivs:\t1\nCapBnd:\t0"),
            ("nnp", "0"),
            ("uid", "5"),
        ])
        .unwrap();
        assert!(!overridden.before.no_new_privs);
        assert_eq!(overridden.before.uid, 5);
    }

    #[test]
    fn bad_inputs_are_explained() {
        assert!(matches!(
            run(&[("uid", "x1")]),
            Err(InputProblem::Uid { field: "uid", .. })
        ));
        assert!(matches!(
            run(&[("before", "a80425fb")]),
            Err(InputProblem::BareMask { line: 1 })
        ));
        assert!(matches!(
            run(&[("before", "CapPrm: zz")]),
            Err(InputProblem::Before(_))
        ));
        assert!(matches!(
            run(&[("file", "cap_net_rw+ep")]),
            Err(InputProblem::File(_))
        ));
        assert!(matches!(
            run(&[("file", "cap_net_raw+e cap_chown+p")]),
            Err(InputProblem::File(_))
        ));
        let msg = problem_text(&run(&[("file", "cap_net_rw+ep")]).unwrap_err());
        assert!(msg.contains("cap_net_rw"), "{msg}");
    }
}
