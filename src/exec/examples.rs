//! The Exec view's examples: the core's ready-made cases (`exec::examples`)
//! as link parameters, and which one the inputs still equal.
use crate::lang::W;
use crate::route::Params;
use crate::widgets::Example;
use caplens_core::exec;
use caplens_core::status::SetKind;
use caplens_words::prelude::*;

/// The link parameters that reproduce a ready-made example of the core
/// (`exec::examples`).
pub fn example_params(e: &exec::examples::Example) -> Params {
    state_params(&e.before, &e.file, e.file_text).with("ex", e.id.slug())
}

/// The link parameters of a process and a program: the before-state as
/// `/proc` lines, the ids, the file (the workshop's steps use it too).
pub fn state_params(b: &exec::ProcessState, file: &exec::ExecFile, file_text: &str) -> Params {
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
        .with("file", file_text);
    if b.euid != b.uid {
        p.set("euid", &b.euid.to_string());
    }
    if b.no_new_privs {
        p.set("nnp", "1");
    }
    if b.securebits.0 != 0 {
        p.set("sb", &b.securebits.0.to_string());
    }
    if file.setuid_root {
        p.set("setuid", "1");
    }
    if file.nosuid_mount {
        p.set("nosuid", "1");
    }
    p
}

pub fn examples() -> Vec<Example> {
    exec::examples::examples()
        .iter()
        .map(|e| Example {
            id: e.id.slug(),
            label: W.example_title(e.id),
            params: example_params(e),
        })
        .collect()
}

/// The example the inputs still equal, if any (its lesson is shown).
pub fn current_example(params: &Params) -> Option<exec::examples::Example> {
    let e = exec::examples::by_slug(params.get("ex")?)?;
    (example_params(&e) == *params).then_some(e)
}
