//! The Containers view's input panel: the paste box (folded away for a huge
//! paste), the selectors that matter for what was pasted, the entrypoint's
//! file capabilities, and the examples.
use super::examples::examples;
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st};
use crate::lang::W;
use crate::route::Params;
use crate::widgets::{input_value, select_value, send_on_click, set_param};
use crate::ViewProps;
use caplens_core::exec::FileCaps;
use caplens_core::paste::Form;
use caplens_words::prelude::*;
use std::rc::Rc;
use yew::prelude::*;

/// Pastes longer than this fold their text area away (see
/// `widgets::paste_box_folding`) until the user asks to see the text.
pub const FOLD_ABOVE_BYTES: usize = 256 * 1024;

/// The input panel for the pasted `text`; `form` is what it was recognised
/// as (None while nothing is), `fcaps` the entrypoint's file capabilities.
#[inline(never)]
pub fn input_section(
    p: &ViewProps,
    text: Rc<str>,
    form: Option<Form>,
    fcaps: &Result<Option<FileCaps>, String>,
) -> Html {
    let on_input = set_param(&p.params, &p.on_change, "in", "");
    let fold_note = fold_note(p, text.len());
    el(
        "section",
        attrs!(
            "class" = "panel",
            "aria-labelledby" = "containers-input-title"
        ),
        h::kids([
            el_s(
                "h2",
                attrs!("id" = "containers-input-title"),
                W.containers_title(),
            ),
            crate::widgets::paste_box_folding(
                "containers-input",
                W.containers_input_label(),
                h::attrs_of!(
                    "id" = "containers-input",
                    "rows" = "10",
                    "spellcheck" = "false",
                    "autocapitalize" = "off",
                    "autocomplete" = "off",
                    "placeholder" = W.containers_placeholder()
                ),
                AttrValue::from(text),
                on_input,
                fold_note,
            ),
            settings_row(p, form),
            el_s(
                "p",
                attrs!("class" = "muted legend"),
                W.runtime_versions_note(),
            ),
            fcaps_field(p),
            fcaps_error(fcaps),
            crate::widgets::examples(examples(), &keeping_settings(p)),
        ]),
    )
}

/// A huge paste is kept, but out of sight, unless the user asks for it.
fn fold_note(p: &ViewProps, len: usize) -> Option<Html> {
    (len > FOLD_ABOVE_BYTES && p.params.get("text") != Some("shown")).then(|| {
        el(
            "p",
            attrs!("class" = "note", "id" = "containers-folded"),
            h::kids([
                h::text(W.paste_folded(len)),
                st(" "),
                h::button(
                    attrs!("type" = "button", "id" = "containers-unfold"),
                    send_on_click(&p.on_change, p.params.clone().with("text", "shown")),
                    h::kids([st(W.show_pasted_text())]),
                ),
            ]),
        )
    })
}

/// Only the selectors that matter for what was pasted (all of them while
/// nothing is recognised yet), and the Clear button.
fn settings_row(p: &ViewProps, form: Option<Form>) -> Html {
    let show_k8s = !matches!(form, Some(Form::DockerCommand | Form::Compose));
    let show_docker = !matches!(form, Some(Form::Kubernetes));
    let params = &p.params;
    let k8s = h::when(show_k8s, || {
        select_field(
            "containers-runtime",
            W.k8s_runtime(),
            params,
            on_change_of(params, &p.on_change, "rt"),
            "rt",
            &[("", "containerd"), ("crio", "CRI-O")],
        )
    });
    let docker = h::when(show_docker, || {
        select_field(
            "containers-docker",
            W.docker_era(),
            params,
            on_change_of(params, &p.on_change, "docker"),
            "docker",
            &[
                ("", W.docker_era_ge25()),
                ("20.10.14-24", "20.10.14 – 24.x"),
                ("le-20.10.13", W.docker_era_le20_10_13()),
            ],
        )
    });
    let user = select_field(
        "containers-user",
        W.image_user(),
        params,
        on_change_of(params, &p.on_change, "user"),
        "user",
        &[
            ("", W.image_user_unknown()),
            ("root", W.image_user_root()),
            ("nonroot", W.image_user_nonroot()),
        ],
    );
    let on_clear = send_on_click(&p.on_load, Params::default());
    el(
        "div",
        attrs!("class" = "row settings"),
        h::kids([
            k8s,
            docker,
            user,
            el(
                "p",
                attrs!("class" = "field"),
                h::kids([h::button(
                    attrs!("type" = "button", "id" = "containers-clear"),
                    on_clear,
                    h::kids([st(W.clear())]),
                )]),
            ),
        ]),
    )
}

/// The entrypoint's file capabilities, as setcap text.
fn fcaps_field(p: &ViewProps) -> Html {
    let on_fcaps = input_value(set_param(&p.params, &p.on_change, "fcaps", ""));
    el(
        "p",
        attrs!("class" = "field"),
        h::kids([
            el_s("label", attrs!("for" = "containers-fcaps"), W.fcaps_label()),
            h::input(
                h::attrs_of!(
                    "type" = "text",
                    "id" = "containers-fcaps",
                    "spellcheck" = "false",
                    "autocomplete" = "off",
                    "placeholder" = W.fcaps_placeholder()
                ),
                Some(AttrValue::from(p.params.text("fcaps").to_string())),
                None,
                h::on_input(on_fcaps),
            ),
        ]),
    )
}

/// What is wrong with the file capabilities, if anything.
fn fcaps_error(fcaps: &Result<Option<FileCaps>, String>) -> Html {
    match fcaps {
        Err(msg) => el_t(
            "p",
            attrs!(
                "class" = "error",
                "id" = "containers-fcaps-error",
                "role" = "alert"
            ),
            W.exec_bad_file(msg),
        ),
        Ok(_) => Html::default(),
    }
}

/// A handler that writes a select's value to `key`.
fn on_change_of(params: &Params, cb: &Callback<Params>, key: &'static str) -> Callback<Event> {
    select_value(set_param(params, cb, key, ""))
}

/// A labelled select of `(value, label)` options for the parameter `key`.
#[inline(never)]
fn select_field(
    id: &'static str,
    label: &'static str,
    params: &Params,
    onchange: Callback<Event>,
    key: &str,
    options: &[(&'static str, &'static str)],
) -> Html {
    let mut opts = Vec::with_capacity(options.len());
    for &(value, label) in options {
        opts.push(h::option(
            AttrValue::Static(value),
            params.text(key) == value,
            h::kids([st(label)]),
        ));
    }
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
            h::node(
                "select",
                h::dynamic(&["id"], vec![Some(AttrValue::Static(id))]),
                h::on_change(onchange),
                opts,
            ),
        ]),
    )
}

/// The link parameters that are the user's choices, not part of the input:
/// the Kubernetes runtime, the Docker era and the image's user.
const SETTINGS: [&str; 3] = ["rt", "docker", "user"];

/// Loads an example's paste (and its entrypoint's file capabilities) but
/// keeps the settings as the user set them, so "now the same under CRI-O"
/// stays one click.
fn keeping_settings(p: &ViewProps) -> Callback<Params> {
    let (params, on_load) = (p.params.clone(), p.on_load.clone());
    Callback::from(move |mut example: Params| {
        for key in SETTINGS {
            if let Some(value) = params.get(key) {
                example.set(key, value);
            }
        }
        on_load.emit(example)
    })
}
