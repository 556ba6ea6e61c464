//! The mask grid: a checkbox per capability showing one set of the paste;
//! a tick rewrites that set in the paste box itself.
use super::set_title;
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st};
use crate::lang::W;
use crate::route::Params;
use crate::widgets::{copy_button, select_value, set_param};
use caplens_core::catalog::{self, LAST_CAP};
use caplens_core::mask;
use caplens_core::set::CapSet;
use caplens_core::status::{Report, SetEntry, SourceKind};
use caplens_words::prelude::*;
use yew::prelude::*;
use yew::virtual_dom::Attributes;

/// A checkbox per capability. It shows the chosen set of the pasted input;
/// ticking a box rewrites that set in the paste box, so the paste box, the
/// matrix, the grid and the link always agree.
#[inline(never)]
pub fn mask_grid(
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

    let picker = set_picker(sets, chosen, params, on_change);

    el(
        "section",
        attrs!(
            "class" = "panel area-grid",
            "id" = "mask-grid",
            "aria-labelledby" = "grid-title"
        ),
        h::kids([
            el_s("h2", attrs!("id" = "grid-title"), W.grid_title()),
            el_s(
                "p",
                attrs!("class" = "muted"),
                if editable {
                    W.grid_help()
                } else {
                    W.grid_disabled()
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
                    copy_button(current.hex16(), W.copy_mask(), W.built_mask().into()),
                    copy_button(
                        mask::capsh_list(current),
                        W.copy_names(),
                        W.built_mask().into(),
                    ),
                ]),
            ),
            el("div", attrs!("class" = "grid"), h::kids([h::list(boxes)])),
        ]),
    )
}

/// Which set the grid edits, when there are several.
fn set_picker(
    sets: &[SetEntry],
    chosen: usize,
    params: &Params,
    on_change: &Callback<Params>,
) -> Html {
    if sets.len() <= 1 {
        return Html::default();
    }
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
            el_s("label", attrs!("for" = "grid-set"), W.grid_which_set()),
            h::node(
                "select",
                Attributes::Static(attrs!("id" = "grid-set")),
                h::on_change(onchange),
                h::kids([h::list(options)]),
            ),
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
            Some(AttrValue::Static(W.summary(cap).unwrap_or(""))),
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
    use caplens_core::status;

    fn edit(input: &str, chosen: usize, cap: u8) -> String {
        let report = status::recognise(input).ok();
        let current = report
            .as_ref()
            .and_then(|r| r.sets.get(chosen))
            .map_or(CapSet::EMPTY, |e| e.caps);
        rewrite(input, report.as_ref(), chosen, cap, current)
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
