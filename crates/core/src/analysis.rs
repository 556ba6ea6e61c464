//! One container, analysed: the OCI sets its runtime writes, the five sets of
//! its first process after runc and exec, what each added capability really
//! achieves, and findings with stable ids.
//!
//! Findings are structured values; their words come only from
//! `caplens-words`. The serialisation here is the data alone: the CLI's
//! `--json` adds each finding's, note's and error's `message` (and `fix`).

use crate::cap::Cap;
use crate::catalog::{self, KernelVersion};
use crate::container::{ContainerSpec, Location, Role, SourceKind, Spelled, UserSpec};
use crate::exec::{CapReason, ExecFile, ProcessState, SetName, Transition};
use crate::runtime::runc::{self, RuncWarning, StartFailure};
use crate::runtime::{
    self, CreationError, ListKind, NameReading, OciOutcome, OciSets, RunUser, Runtime, RuntimeKind,
    RuntimeNote, RuntimeOptions, PORT_SYSCTL,
};
use crate::set::CapSet;
use serde::{Serialize, Serializer};

/// Stable finding ids, as CI users filter them (issue 4).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingId {
    IneffectiveAdd,
    CapPrefix,
    NameCase,
    UnknownField,
    MisplacedField,
    UnknownCapability,
    Privileged,
    ApeConflict,
    DangerousCapability,
    DefaultNetRaw,
    PreferPerfmon,
}

impl FindingId {
    pub const ALL: [FindingId; 11] = [
        FindingId::IneffectiveAdd,
        FindingId::CapPrefix,
        FindingId::NameCase,
        FindingId::UnknownField,
        FindingId::MisplacedField,
        FindingId::UnknownCapability,
        FindingId::Privileged,
        FindingId::ApeConflict,
        FindingId::DangerousCapability,
        FindingId::DefaultNetRaw,
        FindingId::PreferPerfmon,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingId::IneffectiveAdd => "ineffective-add",
            FindingId::CapPrefix => "cap-prefix",
            FindingId::NameCase => "name-case",
            FindingId::UnknownField => "unknown-field",
            FindingId::MisplacedField => "misplaced-field",
            FindingId::UnknownCapability => "unknown-capability",
            FindingId::Privileged => "privileged",
            FindingId::ApeConflict => "ape-conflict",
            FindingId::DangerousCapability => "dangerous-capability",
            FindingId::DefaultNetRaw => "default-net-raw",
            FindingId::PreferPerfmon => "prefer-perfmon",
        }
    }

    pub fn parse(s: &str) -> Option<FindingId> {
        FindingId::ALL.into_iter().find(|id| id.as_str() == s)
    }
}

/// Shared with the manifest findings (`k8s::finding`).
pub use crate::severity::Severity;

/// Whether low ports (< 1024) are open to unprivileged users in the container.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LowPorts {
    /// NET_BIND_SERVICE is not among the ineffective adds: not relevant.
    NotRelevant,
    /// The runtime set `ip_unprivileged_port_start=0` (Docker, own netns).
    OpenedByRuntime,
    /// The user set the sysctl themselves.
    SetByUser { value: String },
    /// Nobody sets it (Kubernetes, Podman, host network).
    NotOpened,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct IneffectiveAdd {
    /// Added, present in the container's bounding set, yet not effective in PID 1.
    pub caps: CapSet,
    /// True when this only happens if the image's USER is not root.
    pub conditional: bool,
    pub runtime: RuntimeKind,
    pub source: SourceKind,
    pub no_new_privs: bool,
    /// Under no_new_privs, file capabilities cannot raise these caps because
    /// the runtime left them out of the permitted set (Docker 20.10.14–24.x).
    pub file_caps_blocked_by_nnp: bool,
    /// The runtime put them in the OCI permitted set (exec then discards it).
    pub in_oci_permitted: bool,
    pub low_ports: LowPorts,
}

/// Why a name is not a capability the kernel has.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum UnknownReason {
    /// No kernel defines it.
    NoKernel,
    /// Newer than the chosen kernel.
    NewerThanKernel {
        cap: u8,
        #[serde(serialize_with = "serialize_kernel")]
        kernel: Option<KernelVersion>,
    },
}

fn serialize_kernel<S: Serializer>(k: &Option<KernelVersion>, s: S) -> Result<S::Ok, S::Error> {
    match k {
        Some(k) => s.serialize_some(&k.to_string()),
        None => s.serialize_none(),
    }
}

/// What a privileged container's non-root first process gets (§4, §5, §6.3).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrivilegedNonRoot {
    /// Nothing after exec (Docker, containerd).
    Nothing,
    /// Everything, through ambient (CRI-O).
    EverythingViaAmbient,
    /// Only the explicit adds (Podman).
    OnlyAdds,
}

/// The data behind one finding. Ids follow from the variant (`Finding::id`).
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Detail {
    IneffectiveAdd(IneffectiveAdd),
    CapPrefix {
        written: String,
        list: ListKind,
        runtime: RuntimeKind,
        oci_name: String,
    },
    NameCase {
        written: String,
        canonical: String,
        list: ListKind,
        source: SourceKind,
    },
    UnknownCapability {
        written: String,
        list: ListKind,
        runtime: RuntimeKind,
        why: UnknownReason,
    },
    Privileged {
        runtime: RuntimeKind,
        all: CapSet,
        non_root: PrivilegedNonRoot,
    },
    DangerousCapability {
        cap: u8,
        written: String,
    },
    /// `add: ALL`: every dangerous capability at once.
    DangerousAll {
        written: String,
        caps: CapSet,
    },
    DefaultNetRaw {
        runtime: RuntimeKind,
        source: SourceKind,
    },
    PreferPerfmon {
        written: String,
        kernel_has_perfmon: bool,
    },
    /// A finding about how the manifest is written (unknown-field,
    /// misplaced-field, ape-conflict), from `k8s`; worded by `strings::k8s`.
    /// Serialised as `finding` (the id) plus the finding's own data (key,
    /// level, suggestion, …) so `--json` users get the structure, not just words.
    Manifest {
        #[serde(flatten, serialize_with = "serialize_manifest_kind")]
        finding: crate::k8s::finding::FindingKind,
    },
}

fn serialize_manifest_kind<S: Serializer>(
    k: &crate::k8s::finding::FindingKind,
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Shown<'a> {
        finding: &'static str,
        #[serde(flatten)]
        data: &'a crate::k8s::finding::FindingKind,
    }
    Shown {
        finding: k.id(),
        data: k,
    }
    .serialize(s)
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Finding {
    pub severity: Severity,
    pub at: Location,
    pub detail: Detail,
}

impl Finding {
    pub fn id(&self) -> FindingId {
        match &self.detail {
            Detail::IneffectiveAdd(_) => FindingId::IneffectiveAdd,
            Detail::CapPrefix { .. } => FindingId::CapPrefix,
            Detail::NameCase { .. } => FindingId::NameCase,
            Detail::UnknownCapability { .. } => FindingId::UnknownCapability,
            Detail::Privileged { .. } => FindingId::Privileged,
            Detail::DangerousCapability { .. } | Detail::DangerousAll { .. } => {
                FindingId::DangerousCapability
            }
            Detail::DefaultNetRaw { .. } => FindingId::DefaultNetRaw,
            Detail::PreferPerfmon { .. } => FindingId::PreferPerfmon,
            Detail::Manifest { finding: k } => {
                use crate::k8s::finding::FindingKind as K;
                match k {
                    K::UnknownField { .. } => FindingId::UnknownField,
                    K::MisplacedField { .. } | K::WrongType { .. } | K::OutOfRange { .. } => {
                        FindingId::MisplacedField
                    }
                    K::ApeConflict { .. } => FindingId::ApeConflict,
                }
            }
        }
    }

    /// A `k8s` input finding, as one of this report's findings.
    pub fn from_manifest(f: &crate::k8s::finding::Finding) -> Finding {
        Finding {
            severity: f.severity(),
            at: f.at.clone(),
            detail: Detail::Manifest {
                finding: f.kind.clone(),
            },
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Finding", 7)?;
        st.serialize_field("id", self.id().as_str())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("path", &self.at.path)?;
        st.serialize_field("line", &self.at.line)?;
        st.serialize_field("column", &self.at.column)?;
        st.serialize_field("document", &self.at.document)?;
        st.serialize_field("detail", &self.detail)?;
        st.end()
    }
}

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

/// Capabilities whose misuse reaches past the container (§ "dangerous"):
/// derived from `risk::RATINGS` (High and above, less the exceptions the
/// table gives a reason for).
pub const DANGEROUS: CapSet = crate::risk::reported_when_added();

fn has_prefix(text: &str) -> bool {
    // The catalog's check is char-boundary safe (`cap€` must not panic).
    catalog::strip_cap_prefix(text).len() != text.len()
}

/// Capabilities the runtime writes into the OCI sets just the same when
/// the add list is left out (its defaults after the drops — nothing after
/// `drop: [ALL]` — or everything when privileged): adding one of them
/// changes nothing. Every simulated user must agree, because Podman gives a
/// non-root user the adds (and only them) while the defaults stay bounding-only.
fn granted_without_adds(
    spec: &ContainerSpec,
    outcomes: &[Outcome],
    opts: &AnalysisOptions,
) -> CapSet {
    let without = ContainerSpec {
        cap_add: Vec::new(),
        ..spec.clone()
    };
    outcomes.iter().fold(CapSet::ALL_BITS, |acc, o| {
        let Ok(alone) = runtime::oci_sets(&without, o.user, &opts.runtime) else {
            return CapSet::EMPTY;
        };
        let alone = alone.sets;
        // Sets the add list would have changed, if the container is created at all.
        let changed = match o.oci_sets() {
            Some(w) => [
                w.bounding.minus(alone.bounding),
                w.effective.minus(alone.effective),
                w.permitted.minus(alone.permitted),
                w.inheritable.minus(alone.inheritable),
                w.ambient.minus(alone.ambient),
            ]
            .into_iter()
            .fold(CapSet::EMPTY, CapSet::union),
            None => CapSet::EMPTY,
        };
        acc.intersect(alone.bounding.minus(changed))
    })
}

/// Analyse one container for one runtime.
pub fn analyse(spec: &ContainerSpec, opts: &AnalysisOptions) -> ContainerReport {
    let kind = opts.runtime.runtime.kind();
    let host = opts.runtime.host;
    let outcomes: Vec<Outcome> = users(spec, opts.image_user)
        .into_iter()
        .map(|u| simulate(spec, u, opts))
        .collect();
    let unknown_user = outcomes.len() == 2;
    let first = &outcomes[0];
    let creation_error = outcomes.iter().find_map(|o| o.oci.as_ref().err().cloned());
    let start_failure = outcomes.iter().find_map(|o| match &o.start {
        Some(Err(f)) => Some(*f),
        _ => None,
    });
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
    let oci = first
        .oci_sets()
        .copied()
        .or_else(|| outcomes.get(1).and_then(|o| o.oci_sets().copied()));
    let oci_by_image_user = if unknown_user {
        match (outcomes[0].oci_sets(), outcomes[1].oci_sets()) {
            (Some(r), Some(n)) => Some((*r, *n)),
            _ => None,
        }
    } else {
        None
    };
    let (pid1, pid1_by_image_user) = if unknown_user {
        (
            None,
            Some(ByImageUser {
                root: outcomes[0].pid1().copied(),
                nonroot: outcomes[1].pid1().copied(),
            }),
        )
    } else {
        (first.pid1().copied(), None)
    };

    let granted_anyway = granted_without_adds(spec, &outcomes, opts);
    let adds: Vec<AddEffect> = spec
        .cap_add
        .iter()
        .map(|s| {
            let cap = match runtime::read_name(kind, &s.text) {
                NameReading::Cap(c) => Some(c),
                NameReading::All | NameReading::Unknown(_) => None,
            };
            let results = outcomes
                .iter()
                .map(|o| {
                    let r = match (cap, o.oci_sets(), o.pid1()) {
                        _ if s.text.eq_ignore_ascii_case("ALL") => AddResult::NotApplicable,
                        (_, None, _) | (_, _, None) => AddResult::NoContainer,
                        (None, _, _) => AddResult::NotGranted,
                        (Some(c), Some(_), Some(p)) if p.state.effective.contains(c) => {
                            AddResult::Effective
                        }
                        (Some(c), Some(_), Some(p)) if p.state.permitted.contains(c) => {
                            AddResult::PermittedOnly
                        }
                        // Under no_new_privs a file capability cannot exceed
                        // what runc left in the permitted set (§1.2 step 8).
                        (Some(c), Some(sets), Some(p))
                            if p.state.bounding.contains(c)
                                && p.state.no_new_privs
                                && !sets.permitted.contains(c) =>
                        {
                            AddResult::BoundingOnlyBlockedByNnp
                        }
                        (Some(c), Some(_), Some(p)) if p.state.bounding.contains(c) => {
                            AddResult::BoundingOnly
                        }
                        _ => AddResult::NotGranted,
                    };
                    (o.user, r)
                })
                .collect();
            // The exec's own reason for the capability's permitted bit.
            let reasons = match cap {
                Some(c) => outcomes
                    .iter()
                    .filter_map(|o| match &o.start {
                        Some(Ok(st)) => st
                            .exec
                            .reasons
                            .iter()
                            .find(|r| r.cap == c && r.set == SetName::Permitted)
                            .map(|r| (o.user, r.clone())),
                        _ => None,
                    })
                    .collect(),
                None => Vec::new(),
            };
            AddEffect {
                written: s.text.clone(),
                at: s.at.clone(),
                cap,
                already_default: cap.is_some_and(|c| granted_anyway.contains(c)),
                results,
                reasons,
            }
        })
        .collect();

    let mut findings = Vec::new();
    let privileged = runtime::is_privileged(spec);
    let lists: [(&[Spelled], ListKind); 2] = [
        (&spec.cap_add, ListKind::Add),
        (&spec.cap_drop, ListKind::Drop),
    ];

    // Spelling: prefix, case, unknown names. Case only matters to Pod
    // Security (exact strings); the runtimes upper-case names themselves.
    let name_case_severity = if spec.source == SourceKind::Kubernetes {
        Severity::Warning
    } else {
        Severity::Info
    };
    for (list, lk) in lists {
        for s in list {
            let text = s.text.trim();
            if text.eq_ignore_ascii_case("ALL") {
                if text != "ALL" {
                    findings.push(Finding {
                        severity: name_case_severity,
                        at: s.at.clone(),
                        detail: Detail::NameCase {
                            written: s.text.clone(),
                            canonical: "ALL".into(),
                            list: lk,
                            source: spec.source,
                        },
                    });
                }
                continue;
            }
            let known = catalog::by_any_spelling(text);
            if has_prefix(text) && known.is_some() {
                let sev = match kind {
                    RuntimeKind::Containerd => Some(Severity::Error),
                    RuntimeKind::Crio => Some(Severity::Info),
                    RuntimeKind::Docker | RuntimeKind::Podman => None,
                };
                if let Some(severity) = sev {
                    let oci_name = match runtime::read_name(kind, text) {
                        NameReading::Unknown(n) => n,
                        NameReading::Cap(c) => catalog::get(c)
                            .map(|k| k.name.to_string())
                            .unwrap_or_default(),
                        NameReading::All => "ALL".into(),
                    };
                    findings.push(Finding {
                        severity,
                        at: s.at.clone(),
                        detail: Detail::CapPrefix {
                            written: s.text.clone(),
                            list: lk,
                            runtime: kind,
                            oci_name,
                        },
                    });
                }
            }
            match known {
                Some(c) => {
                    if text.bytes().any(|b| b.is_ascii_lowercase()) {
                        findings.push(Finding {
                            severity: name_case_severity,
                            at: s.at.clone(),
                            detail: Detail::NameCase {
                                written: s.text.clone(),
                                canonical: c.short_name().to_string(),
                                list: lk,
                                source: spec.source,
                            },
                        });
                    }
                    if !host.contains(c.number) {
                        findings.push(Finding {
                            severity: Severity::Error,
                            at: s.at.clone(),
                            detail: Detail::UnknownCapability {
                                written: s.text.clone(),
                                list: lk,
                                runtime: kind,
                                why: UnknownReason::NewerThanKernel {
                                    cap: c.number,
                                    kernel: opts.kernel,
                                },
                            },
                        });
                    }
                }
                None => findings.push(Finding {
                    severity: Severity::Error,
                    at: s.at.clone(),
                    detail: Detail::UnknownCapability {
                        written: s.text.clone(),
                        list: lk,
                        runtime: kind,
                        why: UnknownReason::NoKernel,
                    },
                }),
            }
        }
    }

    if privileged {
        let non_root = match kind {
            RuntimeKind::Docker | RuntimeKind::Containerd => PrivilegedNonRoot::Nothing,
            RuntimeKind::Crio => PrivilegedNonRoot::EverythingViaAmbient,
            RuntimeKind::Podman => PrivilegedNonRoot::OnlyAdds,
        };
        let at = spec
            .privileged
            .as_ref()
            .map(|f| f.at.clone())
            .unwrap_or_else(|| spec.at.clone());
        findings.push(Finding {
            severity: Severity::Error,
            at,
            detail: Detail::Privileged {
                runtime: kind,
                all: host,
                non_root,
            },
        });
    }

    // Dangerous adds that actually reach the container's bounding set.
    let granted = |c: u8| {
        outcomes
            .iter()
            .any(|o| o.oci_sets().is_some_and(|s| s.bounding.contains(c)))
    };
    if !privileged {
        for s in &spec.cap_add {
            match runtime::read_name(kind, &s.text) {
                NameReading::All => {
                    let caps = DANGEROUS & host;
                    if !caps.is_empty() {
                        findings.push(Finding {
                            severity: Severity::Warning,
                            at: s.at.clone(),
                            detail: Detail::DangerousAll {
                                written: s.text.clone(),
                                caps,
                            },
                        });
                    }
                }
                NameReading::Cap(c) if DANGEROUS.contains(c) && granted(c) => {
                    findings.push(Finding {
                        severity: Severity::Warning,
                        at: s.at.clone(),
                        detail: Detail::DangerousCapability {
                            cap: c,
                            written: s.text.clone(),
                        },
                    })
                }
                NameReading::Cap(_) | NameReading::Unknown(_) => {}
            }
            if runtime::read_name(kind, &s.text) == NameReading::Cap(Cap::SYS_ADMIN.number())
                && granted(Cap::SYS_ADMIN.number())
            {
                findings.push(Finding {
                    severity: Severity::Info,
                    at: s.at.clone(),
                    detail: Detail::PreferPerfmon {
                        written: s.text.clone(),
                        kernel_has_perfmon: host.has(Cap::PERFMON),
                    },
                });
            }
        }
    }

    // NET_RAW kept because it is a default, not because the user asked.
    let asked_net_raw = spec
        .cap_add
        .iter()
        .any(|s| runtime::read_name(kind, &s.text) == NameReading::Cap(Cap::NET_RAW.number()));
    if !privileged
        && !asked_net_raw
        && runtime::defaults(opts.runtime.runtime).has(Cap::NET_RAW)
        && granted(Cap::NET_RAW.number())
    {
        // Under Podman a non-root user never gets the defaults; still in the bounding set.
        findings.push(Finding {
            severity: Severity::Warning,
            at: spec.at.clone(),
            detail: Detail::DefaultNetRaw {
                runtime: kind,
                source: spec.source,
            },
        });
    }

    // Added capabilities that do nothing for the first process.
    if let Some(f) = ineffective_add(spec, &outcomes, &adds, kind, opts) {
        findings.push(f);
    }

    // Most severe first; the order within a severity follows the input.
    Severity::most_severe_first(&mut findings, |f| f.severity);
    ContainerReport {
        workload: spec.workload.clone(),
        container: spec.container.clone(),
        role: spec.role,
        runtime: opts.runtime.runtime,
        oci,
        pid1,
        pid1_by_image_user,
        oci_by_image_user,
        findings,
        pss: None,
        adds,
        notes,
        creation_error,
        start_failure,
        outcomes,
    }
}

fn ineffective_add(
    spec: &ContainerSpec,
    outcomes: &[Outcome],
    adds: &[AddEffect],
    kind: RuntimeKind,
    opts: &AnalysisOptions,
) -> Option<Finding> {
    if runtime::is_privileged(spec) {
        return None;
    }
    // Per outcome: added caps that reached the bounding set but not PID 1's E.
    let lost = |o: &Outcome| -> CapSet {
        let (Some(sets), Some(p)) = (o.oci_sets(), o.pid1()) else {
            return CapSet::EMPTY;
        };
        let asked = CapSet::from_caps(adds.iter().filter_map(|a| a.cap));
        (asked & sets.bounding).minus(p.state.effective)
    };
    let mut caps = CapSet::EMPTY;
    let mut conditional = false;
    let mut nnp = false;
    let mut blocked = false;
    let mut in_permitted = false;
    for o in outcomes {
        let l = lost(o);
        if l.is_empty() {
            continue;
        }
        if o.user.is_root() {
            // Root loses an add only in odd cases (e.g. an EPERM-free NNP
            // clamp); not this finding's subject.
            continue;
        }
        caps = caps.union(l);
        conditional = outcomes.len() == 2;
        if let Ok(oci) = &o.oci {
            nnp = oci.no_new_privs;
            blocked = oci.no_new_privs && !l.is_subset_of(oci.sets.permitted);
            in_permitted = l.is_subset_of(oci.sets.permitted);
        }
    }
    if caps.is_empty() {
        return None;
    }
    let low_ports = if !caps.has(Cap::NET_BIND_SERVICE) {
        LowPorts::NotRelevant
    } else if let Some((_, v)) = spec.sysctls.iter().find(|(k, _)| k == PORT_SYSCTL) {
        LowPorts::SetByUser { value: v.clone() }
    } else if opts.runtime.runtime.opens_low_ports() && !spec.host_network {
        LowPorts::OpenedByRuntime
    } else {
        LowPorts::NotOpened
    };
    let at = adds
        .iter()
        .find(|a| a.cap.is_some_and(|c| caps.contains(c)))
        .map(|a| a.at.clone())
        .unwrap_or_else(|| spec.at.clone());
    Some(Finding {
        severity: Severity::Warning,
        at,
        detail: Detail::IneffectiveAdd(IneffectiveAdd {
            caps,
            conditional,
            runtime: kind,
            source: spec.source,
            no_new_privs: nnp,
            file_caps_blocked_by_nnp: blocked,
            in_oci_permitted: in_permitted,
            low_ports,
        }),
    })
}
