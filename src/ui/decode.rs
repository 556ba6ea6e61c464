//! The Decode view: paste anything that carries capability masks and see the
//! capabilities × sets matrix, what each set matches, and build a mask by
//! ticking boxes. All parsing is `status::recognise`; all wording is
//! `strings`.
//!
//! Link parameters: `in` (the pasted text), `open` (the capability whose
//! explanation is open), `all` (show every capability, not only those set),
//! `grid` (which set the checkbox grid edits, by position).
use super::route::Params;
use super::widgets::{CopyButton, Example, Examples, PasteBox};
use super::ViewProps;
use crate::catalog::{self, LAST_CAP};
use crate::mask;
use crate::preset;
use crate::risk;
use crate::set::CapSet;
use crate::status::{self, InputError, Report, SetEntry, SourceKind};
use crate::strings::{catalog as cat_text, decode as words, ui as t};
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
    let input = p.params.text("in").to_string();
    let result = use_memo(input.clone(), |text| {
        if text.trim().is_empty() {
            None
        } else {
            Some(status::recognise(text))
        }
    });

    let on_input = {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |text: String| cb.emit(params.clone().with("in", &text)))
    };
    let on_clear = {
        let cb = p.on_load.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Params::default()))
    };

    let body = match &*result {
        None => html! { <p class="muted" id="decode-empty">{ t::DECODE_EMPTY }</p> },
        Some(Err(e)) => error_box(e, &input),
        Some(Ok(report)) => {
            html! { <ReportView report={report.clone()} params={p.params.clone()} on_change={p.on_change.clone()} on_load={p.on_load.clone()} /> }
        }
    };
    let grid_report = match &*result {
        Some(Ok(r)) => Some(r.clone()),
        _ => None,
    };

    // Source order is input, result, grid (the order a phone shows them);
    // on wide screens CSS puts the grid beside the input.
    html! {
        <div class="decode-layout">
            <section class="panel area-input" aria-labelledby="decode-input-title">
                <h2 id="decode-input-title">{ t::DECODE_TITLE }</h2>
                <PasteBox id="decode-input" label={t::DECODE_INPUT_LABEL} value={input.clone()}
                    placeholder={t::DECODE_PLACEHOLDER} on_input={on_input} rows={7} />
                <div class="actions input-actions">
                    <button type="button" id="decode-clear" onclick={on_clear}>{ t::CLEAR }</button>
                </div>
                <Examples examples={examples()} on_load={p.on_load.clone()} />
            </section>
            <section class="panel area-result" id="decode-result" aria-live="polite" aria-labelledby="decode-result-title">
                <h2 id="decode-result-title">{ t::RESULT }</h2>
                { body }
            </section>
            <MaskGrid report={grid_report} input={input} params={p.params.clone()} on_change={p.on_change.clone()} />
        </div>
    }
}

/// The error with its position, and the offending line with a caret under it.
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
    let caret = format!("{}^", " ".repeat(col - start));
    html! {
        <div class="error" id="decode-error" role="alert">
            <p><span class="where">{ t::at_line_column(e.line, e.column) }</span>{ " " }{ words::input_error_message(&e.kind) }</p>
            if !shown.trim().is_empty() {
                <pre class="excerpt">{ shown }{ "\n" }{ caret }</pre>
            }
        </div>
    }
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

#[derive(Properties, PartialEq)]
struct ReportProps {
    report: Report,
    params: Params,
    on_change: Callback<Params>,
    on_load: Callback<Params>,
}

#[function_component(ReportView)]
fn report_view(p: &ReportProps) -> Html {
    let r = &p.report;
    let show_all = p.params.get("all") == Some("1");
    let open: Option<u8> = p
        .params
        .get("open")
        .and_then(|s| s.parse().ok())
        .filter(|&n: &u8| n < 64);

    let facts = {
        let mut v: Vec<Html> = vec![
            html! { <span class="badge">{ t::recognised_as(words::source_kind(r.source)) }</span> },
        ];
        if let Some(nnp) = r.no_new_privs {
            v.push(html! { <span class={classes!("badge", if nnp { "ok" } else { "warn" })} id="fact-nnp" title={words::no_new_privs(nnp)}>{ t::nnp_badge(nnp) }</span> });
        }
        if let Some(mode) = r.seccomp {
            v.push(html! { <span class="badge" id="fact-seccomp">{ words::seccomp(mode) }</span> });
        }
        if let Some(uid) = r.uid {
            v.push(html! { <span class="badge" id="fact-uid">{ t::uid_badge(uid.real, uid.effective) }</span> });
        }
        v
    };
    let notes = r
        .notes
        .iter()
        .map(|n| html! { <li>{ words::note(n) }</li> });

    let toggle_all = {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |_: Event| {
            cb.emit(params.clone().with("all", if show_all { "" } else { "1" }))
        })
    };
    let toggle_open = {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |cap: u8| {
            let next = if open == Some(cap) {
                String::new()
            } else {
                cap.to_string()
            };
            cb.emit(params.clone().with("open", &next))
        })
    };

    html! {
        <>
            <p class="facts">{ for facts }</p>
            if !r.notes.is_empty() {
                <ul class="notes warn-box" id="decode-notes">{ for notes }</ul>
            }
            <div class="sets">{ for r.sets.iter().enumerate().map(|(i, e)| set_card(i, e)) }</div>
            if let Some(href) = exec_link(r, p.params.text("in")) {
                <p><a class="button-link" id="decode-to-exec" {href}>{ t::DECODE_TO_EXEC }</a></p>
            }
            <div class="matrix-head actions">
                <h3>{ t::MATRIX_TITLE }</h3>
                <label class="toggle"><input type="checkbox" id="show-all" checked={show_all} onchange={toggle_all} />{ " " }{ t::SHOW_ALL }</label>
            </div>
            <Matrix sets={r.sets.clone()} {show_all} {open} on_toggle={toggle_open} />
        </>
    }
}

fn set_card(i: usize, e: &SetEntry) -> Html {
    let names = mask::capsh_list(e.caps);
    let cmp = preset::compare(e.caps);
    let kernel = cmp
        .kernel
        .filter(|k| k.reason == preset::RangeReason::FullSet);
    let label = words::set_label(e.kind);
    html! {
        <div class="set-card" id={format!("set-{i}")}>
            <h3>
                <span>{ label }{ e.kind.map(|k| format!(" · {}", words::set_name(k))).unwrap_or_default() }</span>
                <span class="badge">{ t::count_caps(e.caps.len()) }</span>
            </h3>
            <div class="hex">{ e.caps.hex16() }</div>
            <div class="actions">
                <CopyButton text={e.caps.hex16()} label={t::COPY_MASK} />
                <CopyButton text={names.clone()} label={t::COPY_NAMES} />
            </div>
            <ul class="compare">
                { for words::comparison(&cmp).into_iter().map(|l| html! { <li>{ l }</li> }) }
                if let Some(k) = kernel {
                    <li class="kernel-note">{ words::kernel_range(&k) }</li>
                }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MatrixProps {
    sets: Vec<SetEntry>,
    show_all: bool,
    open: Option<u8>,
    on_toggle: Callback<u8>,
}

/// Capabilities × sets. Rows: every capability in any set (or all of
/// them), then unknown bits; a click on a name opens its explanation.
#[function_component(Matrix)]
fn matrix(p: &MatrixProps) -> Html {
    let union = p.sets.iter().fold(CapSet::EMPTY, |u, e| u.union(e.caps));
    let rows = if p.show_all {
        catalog::KNOWN.union(union)
    } else {
        union
    };
    let head = p.sets.iter().map(|e| {
        let label = words::set_label(e.kind);
        // "Cap" is dropped on narrow screens so five columns fit on a phone.
        let (prefix, rest) = match label.strip_prefix("Cap") {
            Some(rest) => ("Cap", rest),
            None => ("", label),
        };
        html! { <th scope="col" class="set" title={e.kind.map(words::set_name).unwrap_or("")}><span class="cap-prefix">{ prefix }</span>{ rest }</th> }
    });
    let body = rows.iter().map(|cap| {
        let cells = p.sets.iter().map(|e| {
            if e.caps.contains(cap) {
                html! { <td class="in" aria-label={t::YES}>{ "✓" }</td> }
            } else {
                html! { <td class="out" aria-label={t::NO}>{ "·" }</td> }
            }
        });
        let open = p.open == Some(cap);
        let known = catalog::get(cap);
        let name = known.map_or_else(|| cap.to_string(), |c| c.libcap_name());
        let summary = cat_text::summary(cap).map_or_else(|| cat_text::unknown_capability(cap), str::to_string);
        let danger = risk::danger(cap);
        let onclick = {
            let cb = p.on_toggle.clone();
            Callback::from(move |_: MouseEvent| cb.emit(cap))
        };
        let span = p.sets.len() + 3;
        html! {
            <>
                <tr class={classes!("cap-row", known.is_none().then_some("unknown"))} data-cap={cap.to_string()}>
                    <td class="num num-col">{ cap }</td>
                    <th scope="row">
                        <button type="button" class="cap-name" aria-expanded={open.to_string()} {onclick}>{ name }</button>
                    </th>
                    { for cells }
                    <td class="summary summary-col">
                        { summary }
                        if let Some(d) = danger.filter(|d| *d >= risk::Danger::High) {
                            { " " }<span class={classes!("badge", "bad")}>{ cat_text::danger_label(d) }</span>
                        }
                    </td>
                </tr>
                if open {
                    <tr class="explain" id={format!("explain-{cap}")}>
                        <td colspan={span.to_string()}>{ explanation(cap) }</td>
                    </tr>
                }
            </>
        }
    });
    html! {
        <div class="matrix-wrap">
            <table class="matrix" id="matrix">
                <thead><tr>
                    <th scope="col" class="num-col">{ t::COL_NUMBER }</th>
                    <th scope="col">{ t::COL_NAME }</th>
                    { for head }
                    <th scope="col" class="summary-col">{ t::COL_SUMMARY }</th>
                </tr></thead>
                <tbody>{ for body }</tbody>
            </table>
            if rows.is_empty() {
                <p class="muted" id="matrix-empty">{ t::NO_CAPS }</p>
            }
        </div>
    }
}

/// The full explanation of one capability: what it allows, why it matters,
/// where it is granted by default, how dangerous it is.
fn explanation(cap: u8) -> Html {
    match (catalog::get(cap), cat_text::explanation(cap)) {
        (Some(c), Some(text)) => html! {
            <div class="explanation">
                <p><strong>{ c.name }</strong>{ " · " }{ t::since_kernel(&c.since.to_string()) }
                   if let Some(d) = risk::danger(cap) {
                       { " · " }{ t::danger_line(cat_text::danger_label(d), cat_text::danger_meaning(d)) }
                   }
                </p>
                <p>{ text }</p>
                <p class="muted">{ cat_text::membership(cap) }</p>
            </div>
        },
        _ => {
            html! { <p>{ cat_text::unknown_capability(cap) }{ " " }{ words::UNKNOWN_BITS_MEANING }</p> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct GridProps {
    report: Option<Report>,
    input: String,
    params: Params,
    on_change: Callback<Params>,
}

/// A checkbox per capability. It shows the chosen set of the pasted input;
/// ticking a box rewrites that set in the paste box, so the paste box, the
/// matrix, the grid and the link always agree.
#[function_component(MaskGrid)]
fn mask_grid(p: &GridProps) -> Html {
    let sets: Vec<SetEntry> = p
        .report
        .as_ref()
        .map(|r| r.sets.clone())
        .unwrap_or_default();
    // Unless the link says otherwise, show the first set that holds anything.
    let first_nonempty = sets.iter().position(|e| !e.caps.is_empty()).unwrap_or(0);
    let chosen = p
        .params
        .get("grid")
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&i| i < sets.len())
        .unwrap_or(first_nonempty);
    let current = sets.get(chosen).map_or(CapSet::EMPTY, |e| e.caps);
    let editable = p.report.is_some() || p.input.trim().is_empty();

    let boxes = (0..=LAST_CAP).map(|cap| {
        let c = &catalog::CAPABILITIES[cap as usize];
        let onchange = {
            let (params, cb, input, report) = (p.params.clone(), p.on_change.clone(), p.input.clone(), p.report.clone());
            Callback::from(move |_: Event| {
                let text = rewrite(&input, report.as_ref(), chosen, cap, current);
                cb.emit(params.clone().with("in", &text))
            })
        };
        let id = format!("grid-{cap}");
        html! {
            <label for={id.clone()} title={cat_text::summary(cap).unwrap_or("")}>
                <input type="checkbox" id={id} checked={current.contains(cap)} disabled={!editable} {onchange} />
                <span class="n">{ cap }</span>{ c.short_name() }
            </label>
        }
    });

    let picker = (sets.len() > 1).then(|| {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        let onchange = Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(params.clone().with("grid", &sel.value()))
        });
        html! {
            <p class="field">
                <label for="grid-set">{ t::GRID_WHICH_SET }</label>
                <select id="grid-set" {onchange}>
                    { for sets.iter().enumerate().map(|(i, e)| html! {
                        <option value={i.to_string()} selected={i == chosen}>{ words::set_label(e.kind) }{ e.kind.map(|k| format!(" · {}", words::set_name(k))).unwrap_or_default() }</option>
                    }) }
                </select>
            </p>
        }
    });

    html! {
        <section class="panel area-grid" id="mask-grid" aria-labelledby="grid-title">
            <h2 id="grid-title">{ t::GRID_TITLE }</h2>
            <p class="muted">{ if editable { t::GRID_HELP } else { t::GRID_DISABLED } }</p>
            { for picker }
            <p class="actions">
                <span class="hex mono" id="grid-hex">{ current.hex16() }</span>
                <CopyButton text={current.hex16()} label={t::COPY_MASK} />
                <CopyButton text={mask::capsh_list(current)} label={t::COPY_NAMES} />
            </p>
            <div class="grid">{ for boxes }</div>
        </section>
    }
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
