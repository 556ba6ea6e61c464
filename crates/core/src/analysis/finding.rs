//! What a finding is: its stable id, where it points, how serious it is and
//! the data behind it. Which findings a container gets is `rules`' job.

use super::Severity;
use crate::catalog::KernelVersion;
use crate::container::{Location, SourceKind};
use crate::runtime::{ListKind, RuntimeKind};
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
    /// misplaced-field, ape-conflict), from `k8s`; worded by `caplens-words` (`k8s`).
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
