//! What the Exec view computes from its link: the process before execve and
//! the program file, read from the inputs, and the simulator's transition
//! (`exec::execve_with`; the before-state paste is read by
//! `status::recognise`, the file by `text::parse_pasted`).
use crate::lang::W;
use crate::route::Params;
use caplens_core::catalog;
use caplens_core::exec::{
    self, ExecFile, ExecOptions, ProcessState, Securebits, SetidRule, Transition,
};
use caplens_core::set::CapSet;
use caplens_core::status::{self, InputError, Report, SetKind};
use caplens_core::text;
use caplens_words::prelude::*;

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
pub fn simulate(params: &Params) -> Result<Simulation, InputProblem> {
    let before = before_state(params)?;
    let (file, file_text) = exec_file(params)?;
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

/// The process before execve: the pasted status, with the explicit fields
/// winning over it. Sets the paste does not give get the defaults `caplens exec` uses:
/// bounding = every capability; for euid 0, permitted = effective = bounding;
/// otherwise empty (plus ambient).
fn before_state(params: &Params) -> Result<ProcessState, InputProblem> {
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
    Ok(ProcessState {
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
    })
}

/// The program file, and libcap's text of its capabilities.
fn exec_file(params: &Params) -> Result<(ExecFile, Option<String>), InputProblem> {
    let mut file = ExecFile {
        setuid_root: params.get("setuid") == Some("1"),
        caps: None,
        nosuid_mount: params.get("nosuid") == Some("1"),
    };
    let mut file_text = None;
    if !params.text("file").trim().is_empty() {
        let pasted =
            text::parse_pasted(params.text("file")).map_err(|e| InputProblem::File(W.error(&e)))?;
        if let Some(c) = pasted.caps() {
            file.caps = Some(
                c.to_file_caps()
                    .map_err(|e| InputProblem::File(W.file_caps_error(&e)))?,
            );
            file_text = Some(text::to_text(&c));
        }
    }
    Ok((file, file_text))
}

/// A problem, worded, with its position when it has one.
pub fn problem_text(p: &InputProblem) -> String {
    match p {
        InputProblem::Before(e) => format!(
            "{}{}",
            W.at_line_column(e.line, e.column),
            W.input_error_message(&e.kind)
        ),
        InputProblem::BareMask { line } => W.exec_bare_mask(*line),
        InputProblem::Uid { field, value } => W.exec_bad_id(field, value),
        InputProblem::File(msg) => W.exec_bad_file(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::{current_example, example_params, examples};

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
