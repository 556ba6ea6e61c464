//! The Containers view: paste a `docker run` line, a compose file or
//! Kubernetes manifests and see, per container, what the runtime writes and
//! what PID 1 really gets, the findings with their fixes, and a hardened
//! securityContext to copy. Reading is `paste::read`, analysis
//! `paste::report` (scheduled by `hooks::use_sliced_analysis`); words come
//! from `caplens_words::containers` and `caplens_words::k8s`.
//!
//! Link parameters: `in` (the pasted text), `rt` (`crio`; containerd when
//! absent), `docker` (Docker era), `user` (`root`/`nonroot`: the image's
//! USER when the input leaves it open), `fcaps` (file capabilities of the
//! entrypoint binary, setcap text, applied to every container).
mod analysis;
mod card;
mod examples;
mod input;
mod links;
mod results;
mod sets;

pub(crate) use analysis::set_entrypoint_caps;
pub use analysis::{analyse, entrypoint_caps, settings, Analysis};
pub use examples::examples;
pub use input::FOLD_ABOVE_BYTES;
pub use links::exec_links;
pub use results::{results, MAX_CARDS};

use crate::h::{self, attrs, el, el_s, el_t};
use crate::hooks::use_sliced_analysis;
use crate::lang::W;
use crate::ViewProps;
use caplens_core::paste::PasteError;
use caplens_words::prelude::*;
use yew::prelude::*;

/// The input panel beside the result: the analysis, "Reading…" while a large
/// paste is read in slices, a hint, or the error.
#[function_component(ContainersView)]
pub fn containers_view(p: &ViewProps) -> Html {
    let text = p.params.shared("in");
    let fcaps = entrypoint_caps(&p.params);
    let analysis = use_sliced_analysis((text.clone(), settings(&p.params), fcaps.clone()));
    let result = analysis.result();
    let form = match result {
        Some(Ok(a)) => Some(a.input.form),
        _ => None,
    };
    let status = match result {
        Some(Ok(a)) => W.status_containers(
            a.reports.len(),
            a.reports.iter().map(|r| r.findings.len()).sum(),
        ),
        _ => String::new(),
    };
    let body = result_body(p, result, analysis.pending(), text.len());
    el(
        "div",
        attrs!("class" = "containers-layout"),
        h::kids([
            input::input_section(p, text, form, &fcaps),
            el(
                "section",
                attrs!(
                    "id" = "containers-result",
                    "aria-labelledby" = "containers-result-title"
                ),
                h::kids([
                    el_s("h2", attrs!("id" = "containers-result-title"), W.result()),
                    crate::status_line::status_line_of(status),
                    body,
                ]),
            ),
        ]),
    )
}

/// The result panel's content: "Reading…" while a large paste of `len`
/// bytes is analysed, a hint while nothing is pasted, the error, or the results.
fn result_body(
    p: &ViewProps,
    result: Option<&Result<Analysis, PasteError>>,
    pending: bool,
    len: usize,
) -> Html {
    match result {
        None if pending => el_t(
            "p",
            attrs!(
                "class" = "muted",
                "id" = "containers-pending",
                "role" = "status"
            ),
            W.analysing(len),
        ),
        None => el_s(
            "p",
            attrs!("class" = "muted", "id" = "containers-empty"),
            W.containers_empty(),
        ),
        Some(Err(e)) => el(
            "div",
            attrs!(
                "class" = "error",
                "id" = "containers-error",
                "role" = "alert"
            ),
            h::kids([el_t("p", &[], paste_error(e))]),
        ),
        Some(Ok(a)) => {
            let show_all = p.params.get("cards") == Some("all");
            results::results(a, show_all, &p.params, &p.on_change)
        }
    }
}

fn paste_error(e: &PasteError) -> String {
    match e {
        PasteError::Yaml(y) => W.yaml_error(y),
        PasteError::Cmdline(c) => W.cmdline_error(c),
        PasteError::NotYaml => W.not_yaml_hint().to_string(),
        PasteError::Helm(h) => W.helm_input(h),
    }
}
