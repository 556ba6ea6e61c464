//! Sentences for container analysis: findings, runtime notes, creation
//! errors, errors in docker/podman run command lines and the CLI's report of
//! one container. (Kubernetes-only wording lives in `k8s`.)

use caplens_core::analysis::{ContainerReport, Finding};
use caplens_core::runtime::runc::StartFailure;
use caplens_core::runtime::{CreationError, RuntimeKind, RuntimeNote};
use caplens_core::set::CapSet;

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait ContainerWords {
        fn runtime_name(kind: RuntimeKind) -> &'static str;
        /// `NET_ADMIN, SYS_TIME` — the spelling Docker and Kubernetes users write.
        fn cap_list(set: CapSet) -> String;
        /// The message of a finding: one arm per kind of finding, the longer
        /// sentences in their own functions.
        fn finding_message(f: &Finding) -> String;
        /// The suggested fix of a finding.
        fn finding_fix(f: &Finding) -> String;
        fn runtime_note(n: &RuntimeNote) -> String;
        fn creation_error(e: &CreationError) -> String;
        fn start_failure(f: &StartFailure) -> String;
        /// A command-line parse error, with where it happened.
        fn cmdline_error(e: &caplens_core::cmdline::CmdlineError) -> String;
        fn runtime_label(r: caplens_core::runtime::Runtime) -> String;
        fn add_result(r: caplens_core::analysis::AddResult) -> &'static str;
        fn user_label(u: caplens_core::runtime::RunUser) -> String;
        /// The human-readable report of one container (CLI output), section by
        /// section.
        fn report_text(r: &ContainerReport) -> String;
    }
}
