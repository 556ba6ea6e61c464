//! The Exec view: set up a process and a program file, and see what each of
//! the five capability sets holds after execve, with the kernel's reason for
//! every capability. The simulation is `exec::execve_with`; the before-state
//! paste is read by `status::recognise`, the file by `text::parse_pasted`.
//!
//! Link parameters: `before` (pasted status lines), `uid`, `euid`, `sb`
//! (securebits, a number), `nnp` (1/0), `file` (setcap text or a getcap
//! line), `setuid` (1), `nosuid` (1), `rule` (`pre2025`). Explicit fields win
//! over what the pasted status says.
mod examples;
mod input;
mod outcome;
mod simulation;

use crate::lang::W;
use caplens_words::prelude::*;
use examples::current_example;
pub use examples::{example_params, examples, state_params};
pub use outcome::outcome;
pub use simulation::{simulate, InputProblem, Simulation};

use crate::h::{self, attrs, el, el_s, el_t, s as st};
use crate::ViewProps;
use yew::prelude::*;

#[function_component(ExecView)]
pub fn exec_view(p: &ViewProps) -> Html {
    let result = use_memo(p.params.clone(), simulate);
    // Values shown in the controls: the effective inputs (paste defaults included).
    let shown = match &*result {
        Ok(s) => Some(s.before),
        Err(_) => None,
    };
    let status = match &*result {
        Ok(sim) => match &sim.transition.outcome {
            Ok(after) => W.status_exec(after.effective.len(), after.permitted.len()),
            Err(_) => W.status_exec_refused().to_string(),
        },
        Err(_) => String::new(),
    };
    let answer = match &*result {
        Err(problem) => el(
            "div",
            attrs!("class" = "error", "id" = "exec-error", "role" = "alert"),
            h::kids([el_t("p", &[], simulation::problem_text(problem))]),
        ),
        Ok(sim) => outcome::outcome(sim),
    };
    el(
        "div",
        attrs!("class" = "exec-layout"),
        h::kids([
            el(
                "section",
                attrs!("class" = "panel", "aria-labelledby" = "exec-input-title"),
                h::kids([
                    el_s("h2", attrs!("id" = "exec-input-title"), W.exec_title()),
                    el_s("p", attrs!("class" = "muted"), W.exec_intro()),
                    crate::widgets::examples(examples(), &p.on_load),
                    input::inputs(p, shown),
                ]),
            ),
            el(
                "section",
                attrs!(
                    "class" = "panel",
                    "id" = "exec-result",
                    "aria-labelledby" = "exec-result-title"
                ),
                h::kids([
                    el_s("h2", attrs!("id" = "exec-result-title"), W.exec_result()),
                    crate::status_line::status_line_of(status),
                    lesson(p),
                    answer,
                ]),
            ),
        ]),
    )
}

/// The point of the example the inputs still equal, if any.
fn lesson(p: &ViewProps) -> Html {
    match current_example(&p.params) {
        Some(e) => el(
            "p",
            attrs!("class" = "note", "id" = "exec-lesson"),
            h::kids([
                el(
                    "strong",
                    &[],
                    h::kids([st(W.example_title(e.id)), st(": ")]),
                ),
                st(W.example_point(e.id)),
            ]),
        ),
        None => Html::default(),
    }
}
