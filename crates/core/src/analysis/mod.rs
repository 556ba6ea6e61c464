//! One container, analysed: the OCI sets its runtime writes, the five sets of
//! its first process after runc and exec, what each added capability really
//! achieves, and findings with stable ids.
//!
//! Findings are structured values; their words come only from
//! `caplens-words`. The serialisation here is the data alone: the CLI's
//! `--json` adds each finding's, note's and error's `message` (and `fix`).
//!
//! `analyse` is a pipeline: simulate each way the container can start
//! (`outcome`), follow each add (`adds`), run the finding rules (`rules`),
//! and gather the report (`report`); what a finding is lives in `finding`.

mod adds;
mod finding;
mod outcome;
mod report;
mod rules;

pub use finding::{
    Detail, Finding, FindingId, IneffectiveAdd, LowPorts, PrivilegedNonRoot, UnknownReason,
};
pub use report::{
    AddEffect, AddResult, AnalysisOptions, ByImageUser, ContainerReport, ImageUser, Outcome, Pid1,
    PssVerdict, Started,
};

/// Shared with the manifest findings (`k8s::finding`).
pub use crate::severity::Severity;

use crate::container::ContainerSpec;
use crate::set::CapSet;

/// Capabilities whose misuse reaches past the container (semantics.md §11):
/// derived from `risk::RATINGS` (High and above, less the exceptions the
/// table gives a reason for).
pub const DANGEROUS: CapSet = crate::risk::reported_when_added();

/// Analyse one container for one runtime.
pub fn analyse(spec: &ContainerSpec, opts: &AnalysisOptions) -> ContainerReport {
    let outcomes = outcome::outcomes(spec, opts);
    let adds = adds::effects(spec, &outcomes, opts);
    let findings = rules::findings(&rules::Context::new(spec, opts, &outcomes), &adds);
    let (pid1, pid1_by_image_user) = outcome::pid1(&outcomes);
    ContainerReport {
        workload: spec.workload.clone(),
        container: spec.container.clone(),
        role: spec.role,
        runtime: opts.runtime.runtime,
        oci: outcome::oci(&outcomes),
        pid1,
        pid1_by_image_user,
        oci_by_image_user: outcome::oci_by_image_user(&outcomes),
        findings,
        pss: None,
        adds,
        notes: outcome::notes(&outcomes),
        creation_error: outcome::creation_error(&outcomes),
        start_failure: outcome::start_failure(&outcomes),
        outcomes,
    }
}
