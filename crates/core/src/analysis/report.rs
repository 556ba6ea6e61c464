//! What `analyse` returns: the report of one container, with the outcome of
//! each way it can start and the options that chose them.

use super::finding::Finding;
use super::Severity;
use crate::catalog::KernelVersion;
use crate::container::{Location, Role};
use crate::exec::{CapReason, ProcessState, Transition};
use crate::runtime::runc::{RuncWarning, StartFailure};
use crate::runtime::{
    CreationError, OciOutcome, OciSets, RunUser, Runtime, RuntimeNote, RuntimeOptions,
};
use serde::{Serialize, Serializer};

/// What the user says about the image's USER when the spec leaves it open.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageUser {
    #[default]
    Unknown,
    Root,
    NonRoot,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AnalysisOptions {
    pub runtime: RuntimeOptions,
    /// A chosen kernel (capabilities newer than it are reported); None: newest.
    pub kernel: Option<KernelVersion>,
    pub image_user: ImageUser,
}

impl AnalysisOptions {
    pub fn new(runtime: Runtime) -> AnalysisOptions {
        AnalysisOptions {
            runtime: RuntimeOptions::new(runtime),
            kernel: None,
            image_user: ImageUser::Unknown,
        }
    }

    pub fn with_kernel(mut self, kernel: KernelVersion) -> AnalysisOptions {
        self.kernel = Some(kernel);
        self.runtime = self.runtime.with_kernel(kernel);
        self
    }
}

/// Pod Security Standards verdicts, computed by `k8s::pss` and filled in by
/// the caller (None for sources PSS does not apply to).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct PssVerdict {
    pub baseline: bool,
    pub restricted: bool,
}

/// The five sets of a process as `/proc/PID/status` shows them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Pid1 {
    /// None when only a user name is known.
    pub uid: Option<u32>,
    pub state: ProcessState,
}

impl Serialize for Pid1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Pid1", 7)?;
        st.serialize_field("uid", &self.uid)?;
        st.serialize_field("inheritable", &self.state.inheritable.hex16())?;
        st.serialize_field("permitted", &self.state.permitted.hex16())?;
        st.serialize_field("effective", &self.state.effective.hex16())?;
        st.serialize_field("bounding", &self.state.bounding.hex16())?;
        st.serialize_field("ambient", &self.state.ambient.hex16())?;
        st.serialize_field("no_new_privs", &self.state.no_new_privs)?;
        st.end()
    }
}

/// One way the container can start: as a known user, or one of the two
/// guesses when the image's USER decides.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Outcome {
    pub user: RunUser,
    pub oci: Result<OciOutcome, CreationError>,
    /// None when creation failed.
    pub start: Option<Result<Started, StartFailure>>,
}

/// The first process, once runc and the exec are through.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Started {
    pub pid1: Pid1,
    /// What runc only logged.
    pub warnings: Vec<RuncWarning>,
    /// The exec simulator's account of the exec (steps and per-capability reasons).
    pub exec: Transition,
}

impl Outcome {
    pub fn pid1(&self) -> Option<&Pid1> {
        match &self.start {
            Some(Ok(s)) => Some(&s.pid1),
            _ => None,
        }
    }

    pub fn oci_sets(&self) -> Option<&OciSets> {
        self.oci.as_ref().ok().map(|o| &o.sets)
    }
}

/// What one added capability ends up doing for one user.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AddResult {
    /// In PID 1's effective set: it works.
    Effective,
    /// In PID 1's permitted set only (a program must raise it).
    PermittedOnly,
    /// Only in the bounding set: a program gets it only through file
    /// capabilities on its binary (or a set-uid-root binary).
    BoundingOnly,
    /// Only in the bounding set, and no_new_privs with an empty permitted
    /// set before exec means even file capabilities cannot raise it.
    BoundingOnlyBlockedByNnp,
    /// Never reaches the container (ignored name, dropped again, unknown).
    NotGranted,
    /// The container does not start.
    NoContainer,
    /// Not a single capability (`ALL`).
    NotApplicable,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct AddEffect {
    pub written: String,
    pub at: Location,
    /// The capability the runtime reads it as, if any.
    pub cap: Option<u8>,
    /// The runtime would grant it just the same without the add list (its
    /// defaults after the drops, or privileged): adding it changes nothing.
    pub already_default: bool,
    /// One entry per outcome (one, or root and non-root).
    pub results: Vec<(RunUser, AddResult)>,
    /// Why the exec left it in, or out of, PID 1's permitted set.
    pub reasons: Vec<(RunUser, CapReason)>,
}

fn serialize_oci_pair<S: Serializer>(
    v: &Option<(OciSets, OciSets)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Pair<'a> {
        root: &'a OciSets,
        nonroot: &'a OciSets,
    }
    match v {
        None => s.serialize_none(),
        Some((r, n)) => s.serialize_some(&Pair {
            root: r,
            nonroot: n,
        }),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct ByImageUser {
    pub root: Option<Pid1>,
    pub nonroot: Option<Pid1>,
}

/// The per-container JSON object of `caplens docker --json` / `caplens k8s --json`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct ContainerReport {
    pub workload: String,
    pub container: String,
    pub role: Role,
    pub runtime: Runtime,
    /// The OCI sets (for an unknown image user: the image-runs-as-root case;
    /// see `oci_by_image_user`). None when the runtime refuses the container.
    pub oci: Option<OciSets>,
    pub pid1: Option<Pid1>,
    pub pid1_by_image_user: Option<ByImageUser>,
    #[serde(serialize_with = "serialize_oci_pair")]
    pub oci_by_image_user: Option<(OciSets, OciSets)>,
    pub findings: Vec<Finding>,
    pub pss: Option<PssVerdict>,
    pub adds: Vec<AddEffect>,
    pub notes: Vec<RuntimeNote>,
    #[serde(rename = "error")]
    pub creation_error: Option<CreationError>,
    pub start_failure: Option<StartFailure>,
    #[serde(skip)]
    pub outcomes: Vec<Outcome>,
}

impl ContainerReport {
    /// The worst severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Add the manifest's own findings (from `k8s`), keeping the order
    /// most severe first.
    pub fn add_manifest_findings(&mut self, found: &[crate::k8s::finding::Finding]) {
        self.findings
            .extend(found.iter().map(Finding::from_manifest));
        Severity::most_severe_first(&mut self.findings, |f| f.severity);
    }

    /// Fill in the Pod Security verdict computed by `k8s::pss`.
    pub fn set_pss(&mut self, verdict: &crate::k8s::pss::Verdict) {
        self.pss = Some(PssVerdict {
            baseline: verdict.baseline(),
            restricted: verdict.restricted(),
        });
    }
}
