//! What other manifest analysers say about a container's capabilities and
//! privileges, rule by rule, as their source defines the rule (ids, string
//! matching, the container lists and workload kinds they read, whether they
//! run without `capabilities`), and whether caplens' own analysis of PID 1
//! agrees with each verdict.
//!
//! One file per analyser holds its rules (`RULES`), each naming the version
//! or commit it was read from; docs/peers.md lists the source files.
//! `judge` gives each container every rule's verdict (runtime-independent,
//! done once when the manifest is read); `compare` sets each verdict beside
//! the container's report for the chosen runtime. Data only: the words are
//! in `caplens-words` (`PeerWords`).

pub mod checkov;
mod compare;
mod judge;
pub mod kube_linter;
pub mod kubescape;
pub mod kubesec;
pub mod pod_security;
pub mod polaris;
pub mod trivy;

pub use compare::{compare, AddFact, Disagreement, PeerResult, Reality};
pub use judge::{judge_manifest, Judged};

use crate::cap::Cap;
use crate::container::Role;
use crate::k8s::pss::{self, ContainerLevel, PodLevel};
use crate::k8s::WorkloadKind;
use serde::Serialize;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    Checkov,
    KubeLinter,
    Trivy,
    Kubesec,
    Polaris,
    Kubescape,
    PodSecurity,
}

impl Tool {
    /// The id used in JSON: `checkov`, `kube-linter`, … `pod-security`.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Checkov => "checkov",
            Tool::KubeLinter => "kube-linter",
            Tool::Trivy => "trivy",
            Tool::Kubesec => "kubesec",
            Tool::Polaris => "polaris",
            Tool::Kubescape => "kubescape",
            Tool::PodSecurity => "pod-security",
        }
    }
}

/// How a workload-wide rule combines its containers' results.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregate {
    /// The workload fails when any container it reads fails (Checkov's
    /// container checks, kubesec's negative rules).
    Every,
    /// The workload passes when any container it reads passes (kubesec's
    /// positive rules: the points are given once one container matches).
    Any,
}

/// What a verdict is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// One verdict per container.
    Container,
    /// One verdict for the whole workload, repeated in each container it reads.
    Workload(Aggregate),
}

impl Scope {
    pub fn is_workload(self) -> bool {
        matches!(self, Scope::Workload(_))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    /// The rule does not look at this container (its kind, its list, or no
    /// `capabilities` where the rule needs them).
    NotRun,
}

/// What a passing verdict tells the reader about the running container;
/// `compare` checks that against PID 1.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Claim {
    /// Not privileged.
    NotPrivileged,
    /// Cannot gain privileges on exec (`no_new_privs`).
    NoNewPrivs,
    /// This capability is gone from the container.
    Dropped(Cap),
    /// Nothing is left but what the add list grants.
    DropAll,
    /// Nothing is left but these.
    KeepsOnly(&'static [Cap]),
    /// The add list grants nothing.
    NoAdd,
    /// The add list grants none of these.
    NotAdded(&'static [Cap]),
    /// The add list grants nothing outside these.
    AddsWithin(&'static [Cap]),
}

/// What a rule looks at: the workload's kind, its pod and one container,
/// with the fields as written, and the container's Pod Security verdict
/// (worked out once for the four PSA rules).
#[derive(Clone, Copy, Debug)]
pub struct Seen<'a> {
    pub kind: WorkloadKind,
    pub pod: &'a PodLevel,
    pub c: &'a ContainerLevel,
    pub pss: &'a pss::Verdict,
}

impl Seen<'_> {
    /// `capabilities.add` as written (empty without `capabilities`).
    pub fn add(&self) -> &[String] {
        self.c.capabilities.as_ref().map_or(&[], |c| &c.add)
    }

    pub fn drop(&self) -> &[String] {
        self.c.capabilities.as_ref().map_or(&[], |c| &c.drop)
    }
}

/// One rule of one analyser, as its source defines it.
#[derive(Debug)]
pub struct Rule {
    pub tool: Tool,
    /// The release, or the commit, the rule was read from.
    pub version: &'static str,
    pub id: &'static str,
    pub scope: Scope,
    /// The workload kinds the rule runs on.
    pub kinds: &'static [WorkloadKind],
    /// The container lists it reads.
    pub roles: &'static [Role],
    /// Of those, the lists it reads only in a Pod object (not in templates).
    pub pod_only_roles: &'static [Role],
    /// Skipped (not failed) when the container has no `capabilities`.
    pub needs_capabilities: bool,
    pub claim: Claim,
    /// The rule's own test on one container: true when it passes.
    pub passes: fn(&Seen) -> bool,
}

/// A rule is its analyser and id (the test is a function).
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.tool == other.tool && self.id == other.id
    }
}

impl Eq for Rule {}

/// Every kind caplens reads.
pub const ALL_KINDS: &[WorkloadKind] = &[
    WorkloadKind::Pod,
    WorkloadKind::Deployment,
    WorkloadKind::StatefulSet,
    WorkloadKind::DaemonSet,
    WorkloadKind::ReplicaSet,
    WorkloadKind::ReplicationController,
    WorkloadKind::Job,
    WorkloadKind::CronJob,
    WorkloadKind::PodTemplate,
];

/// Every caplens kind but PodTemplate.
pub const NO_POD_TEMPLATE: &[WorkloadKind] = &[
    WorkloadKind::Pod,
    WorkloadKind::Deployment,
    WorkloadKind::StatefulSet,
    WorkloadKind::DaemonSet,
    WorkloadKind::ReplicaSet,
    WorkloadKind::ReplicationController,
    WorkloadKind::Job,
    WorkloadKind::CronJob,
];

pub const ALL_ROLES: &[Role] = &[
    Role::InitContainer,
    Role::Container,
    Role::EphemeralContainer,
];

/// containers and initContainers, no ephemeralContainers.
pub const NOT_EPHEMERAL: &[Role] = &[Role::InitContainer, Role::Container];

/// Every rule of every analyser, analyser by analyser.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    checkov::RULES
        .iter()
        .chain(kube_linter::RULES.iter())
        .chain(trivy::RULES.iter())
        .chain(kubesec::RULES.iter())
        .chain(polaris::RULES.iter())
        .chain(kubescape::RULES.iter())
        .chain(pod_security::RULES.iter())
}

#[cfg(test)]
mod tests;
