//! The ways a container can start, simulated (runtime, runc, exec), and the
//! report's views of them: the OCI sets, PID 1, the runtime's notes.

use super::report::{AnalysisOptions, ByImageUser, ImageUser, Outcome, Pid1, Started};
use crate::container::{ContainerSpec, UserSpec};
use crate::exec::ExecFile;
use crate::runtime::runc::{self, StartFailure};
use crate::runtime::{self, CreationError, OciSets, RunUser, RuntimeNote};

/// Every way the container can start: one outcome per user to simulate.
pub(super) fn outcomes(spec: &ContainerSpec, opts: &AnalysisOptions) -> Vec<Outcome> {
    users(spec, opts.image_user)
        .into_iter()
        .map(|u| simulate(spec, u, opts))
        .collect()
}

/// The users to simulate.
fn users(spec: &ContainerSpec, image_user: ImageUser) -> Vec<RunUser> {
    match &spec.user {
        UserSpec::Uid(0) => vec![RunUser::Root],
        UserSpec::Uid(n) => vec![RunUser::NonRoot { uid: Some(*n) }],
        UserSpec::Name(n) if n == "root" => vec![RunUser::Root],
        UserSpec::Name(_) => vec![RunUser::NonRoot { uid: None }],
        // runAsNonRoot: the kubelet refuses an image whose USER is root (§8.1),
        // so only the non-root outcome can run.
        UserSpec::Image if matches!(&spec.run_as_non_root, Some(f) if f.value) => {
            vec![RunUser::NonRoot { uid: None }]
        }
        UserSpec::Image => match image_user {
            ImageUser::Root => vec![RunUser::Root],
            ImageUser::NonRoot => vec![RunUser::NonRoot { uid: None }],
            ImageUser::Unknown => vec![RunUser::Root, RunUser::NonRoot { uid: None }],
        },
    }
}

fn simulate(spec: &ContainerSpec, user: RunUser, opts: &AnalysisOptions) -> Outcome {
    let oci = runtime::oci_sets(spec, user, &opts.runtime);
    let start = oci.as_ref().ok().map(|o| {
        let file = ExecFile {
            setuid_root: false,
            caps: spec.entrypoint_file_caps,
            nosuid_mount: false,
        };
        runc::first_process(&o.sets, o.no_new_privs, user, opts.runtime.host, &file).map(|fp| {
            let uid = match user {
                RunUser::Root => Some(0),
                RunUser::NonRoot { uid } => uid,
            };
            Started {
                pid1: Pid1 {
                    uid,
                    state: fp.after_exec,
                },
                warnings: fp.before_exec.warnings,
                exec: fp.exec,
            }
        })
    });
    Outcome { user, oci, start }
}

/// Two outcomes: the image's USER decides, and it is not known.
fn unknown_user(outcomes: &[Outcome]) -> bool {
    outcomes.len() == 2
}

/// The first refusal to create the container, if any.
pub(super) fn creation_error(outcomes: &[Outcome]) -> Option<CreationError> {
    outcomes.iter().find_map(|o| o.oci.as_ref().err().cloned())
}

/// The first failure to start the first process, if any.
pub(super) fn start_failure(outcomes: &[Outcome]) -> Option<StartFailure> {
    outcomes.iter().find_map(|o| match &o.start {
        Some(Err(f)) => Some(*f),
        _ => None,
    })
}

/// The runtime's notes of every outcome, each once, in the order they come.
pub(super) fn notes(outcomes: &[Outcome]) -> Vec<RuntimeNote> {
    let first = &outcomes[0];
    let mut notes: Vec<RuntimeNote> = first
        .oci
        .as_ref()
        .map(|o| o.notes.clone())
        .unwrap_or_default();
    if let Some(o) = outcomes.get(1).and_then(|o| o.oci.as_ref().ok()) {
        for n in &o.notes {
            if !notes.contains(n) {
                notes.push(n.clone());
            }
        }
    }
    if outcomes.iter().all(|o| o.user.is_root()) {
        // Only a non-root program depends on the empty ambient set.
        notes.retain(|n| *n != RuntimeNote::AmbientNeverSet);
    }
    notes
}

/// The OCI sets to show: the first outcome's, else the second's.
pub(super) fn oci(outcomes: &[Outcome]) -> Option<OciSets> {
    outcomes[0]
        .oci_sets()
        .copied()
        .or_else(|| outcomes.get(1).and_then(|o| o.oci_sets().copied()))
}

/// Both outcomes' OCI sets (root, non-root) when the image's USER decides.
pub(super) fn oci_by_image_user(outcomes: &[Outcome]) -> Option<(OciSets, OciSets)> {
    if !unknown_user(outcomes) {
        return None;
    }
    match (outcomes[0].oci_sets(), outcomes[1].oci_sets()) {
        (Some(r), Some(n)) => Some((*r, *n)),
        _ => None,
    }
}

/// PID 1 for a known user, or for each guess when the image's USER decides.
pub(super) fn pid1(outcomes: &[Outcome]) -> (Option<Pid1>, Option<ByImageUser>) {
    if unknown_user(outcomes) {
        (
            None,
            Some(ByImageUser {
                root: outcomes[0].pid1().copied(),
                nonroot: outcomes[1].pid1().copied(),
            }),
        )
    } else {
        (outcomes[0].pid1().copied(), None)
    }
}
