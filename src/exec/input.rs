//! The Exec view's inputs: the process before execve (its pasted status,
//! ids, no_new_privs and securebits) and the program file (its capabilities,
//! setuid bit, mount, and which kernel rule applies).
use crate::h::{self, attrs, el, el_dyn, el_s, s as st};
use crate::lang::W;
use crate::route::Params;
use crate::widgets::{input_value, send_on_click, set_param};
use crate::ViewProps;
use caplens_core::exec::{ProcessState, Securebits};
use caplens_words::prelude::*;
use yew::prelude::*;

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

/// Text that becomes the value of `key`. Any edit leaves the example: its
/// lesson no longer applies.
fn set(p: &ViewProps, key: &'static str) -> Callback<String> {
    set_param(&p.params, &p.on_change, key, "ex")
}

/// Both fieldsets; `shown` is the process the simulation used (paste
/// defaults included), whose values the controls show.
pub fn inputs(p: &ViewProps, shown: Option<ProcessState>) -> Html {
    el(
        "div",
        attrs!("class" = "exec-inputs"),
        h::kids([process_fieldset(p, shown), file_fieldset(p)]),
    )
}

/// The process before execve.
fn process_fieldset(p: &ViewProps, shown: Option<ProcessState>) -> Html {
    let params = &p.params;
    el(
        "fieldset",
        &[],
        h::kids([
            el_s("legend", &[], W.exec_process()),
            crate::widgets::paste_box(
                "exec-before",
                W.exec_before_label(),
                h::attrs_of!(
                    "id" = "exec-before",
                    "rows" = "5",
                    "spellcheck" = "false",
                    "autocapitalize" = "off",
                    "autocomplete" = "off",
                    "placeholder" = W.exec_before_placeholder()
                ),
                AttrValue::from(params.shared("before")),
                set(p, "before"),
            ),
            el(
                "div",
                attrs!("class" = "row"),
                h::kids([
                    id_field(
                        "exec-uid",
                        W.exec_uid(),
                        params,
                        "uid",
                        shown.map(|b| b.uid),
                        set(p, "uid"),
                    ),
                    id_field(
                        "exec-euid",
                        W.exec_euid(),
                        params,
                        "euid",
                        shown.map(|b| b.euid),
                        set(p, "euid"),
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
                        set(p, "nnp"),
                        "1",
                        "0",
                        W.exec_nnp(),
                    ),
                    h::list(securebit_boxes(p, shown.map_or(0, |b| b.securebits.0))),
                ]),
            ),
        ]),
    )
}

/// A checkbox per securebit; a tick rewrites `sb` from `sb_now`.
fn securebit_boxes(p: &ViewProps, sb_now: u32) -> Vec<Html> {
    let mut boxes = Vec::with_capacity(SECUREBITS.len());
    for &(bit, name) in &SECUREBITS {
        let cb = set(p, "sb");
        let onchange = Callback::from(move |e: Event| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = if i.checked() {
                sb_now | bit
            } else {
                sb_now & !bit
            };
            cb.emit(v.to_string())
        });
        // The name as the kernel spells it, then what it does.
        boxes.push(check_box_with(
            h::id("sb-", bit as usize, ""),
            sb_now & bit != 0,
            onchange,
            name,
            el_s(
                "span",
                attrs!("class" = "meaning"),
                W.securebit_meaning(bit),
            ),
        ));
    }
    boxes
}

/// The program file, and the Clear button.
fn file_fieldset(p: &ViewProps) -> Html {
    let params = &p.params;
    let on_clear = send_on_click(&p.on_load, Params::default());
    el(
        "fieldset",
        &[],
        h::kids([
            el_s("legend", &[], W.exec_file()),
            el(
                "p",
                attrs!("class" = "field"),
                h::kids([
                    el_s("label", attrs!("for" = "exec-file"), W.exec_file_label()),
                    h::input(
                        h::attrs_of!(
                            "type" = "text",
                            "id" = "exec-file",
                            "spellcheck" = "false",
                            "autocomplete" = "off",
                            "placeholder" = W.exec_file_placeholder()
                        ),
                        Some(AttrValue::from(params.text("file").to_string())),
                        None,
                        h::on_input(input_value(set(p, "file"))),
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
                        set(p, "setuid"),
                        "1",
                        "",
                        W.exec_setuid(),
                    ),
                    flag_box(
                        "exec-nosuid",
                        params.get("nosuid") == Some("1"),
                        set(p, "nosuid"),
                        "1",
                        "",
                        W.exec_nosuid(),
                    ),
                    flag_box(
                        "exec-rule",
                        params.get("rule") == Some("pre2025"),
                        set(p, "rule"),
                        "pre2025",
                        "",
                        W.exec_pre2025(),
                    ),
                ]),
            ),
            el(
                "div",
                attrs!("class" = "actions"),
                h::kids([h::button(
                    attrs!("type" = "button", "id" = "exec-clear"),
                    on_clear,
                    h::kids([st(W.clear())]),
                )]),
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
    check_box_with(id, checked, onchange, label, Html::default())
}

/// `check_box` with more inside its label (a securebit's meaning).
fn check_box_with(
    id: AttrValue,
    checked: bool,
    onchange: Callback<Event>,
    label: &'static str,
    more: Html,
) -> Html {
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
            more,
        ]),
    )
}
