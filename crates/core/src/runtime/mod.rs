//! Container runtimes: which capability sets each one writes into the OCI
//! spec for a container (semantics.md §3–6), then what runc and the kernel
//! make of them for the first process (§7, §1.2; `runc`).
//!
//! Each engine is modelled the way its source does it, because they differ in
//! exactly the places users trip over: name spelling (`CAP_` prefix, case),
//! what `ALL` means, whether a capability both added and dropped survives, and
//! what a non-root user gets.

pub mod containerd;
pub mod crio;
pub mod docker;
pub mod podman;
pub mod runc;

use crate::catalog;
use crate::container::{ContainerSpec, Location, Spelled};
use crate::preset::PresetId;
use crate::set::CapSet;
use serde::Serialize;

/// Docker (moby) releases that fill the OCI sets differently (§3.4).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DockerEra {
    /// Up to 20.10.13: Inheritable = the list; non-root gets empty E/P.
    #[serde(rename = "le-20.10.13")]
    UpTo20_10_13,
    /// 20.10.14 – 24.x: no Inheritable; non-root still gets empty E/P.
    #[serde(rename = "20.10.14-24")]
    From20_10_14To24,
    /// 25.0 and later: B=E=P=list for every user.
    #[default]
    #[serde(rename = "ge-25")]
    From25,
}

/// containerd CRI releases (§4).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContainerdEra {
    /// v1.5.10 / v1.6.1 and earlier: Inheritable = the list.
    WithInheritable,
    /// v1.5.11 / v1.6.2 and later.
    #[default]
    Current,
}

/// CRI-O releases (§5).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CrioEra {
    /// Up to 1.17: 11 defaults (with NET_RAW, SYS_CHROOT), Inheritable filled.
    UpTo1_17,
    /// 1.18 – 1.23: 9 defaults, Inheritable still filled.
    From1_18To1_23,
    /// 1.24 and later: 9 defaults, Inheritable empty unless
    /// `add_inheritable_capabilities` is on.
    #[default]
    From1_24,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
pub struct CrioConfig {
    pub era: CrioEra,
    /// crio.conf `add_inheritable_capabilities` (≥ 1.24.3; default false).
    pub add_inheritable: bool,
}

/// Podman releases, by the containers-common default list they ship (§6.1).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PodmanEra {
    /// Podman ≤ 4.3: Docker's 14.
    UpTo4_3,
    /// Podman 4.4: 10 (no SYS_CHROOT).
    V4_4,
    /// Podman ≥ 4.5: 11.
    #[default]
    From4_5,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "engine", content = "era", rename_all = "lowercase")]
pub enum Runtime {
    Docker(DockerEra),
    Containerd(ContainerdEra),
    Crio(CrioConfig),
    Podman(PodmanEra),
}

impl Runtime {
    pub fn kind(self) -> RuntimeKind {
        match self {
            Runtime::Docker(_) => RuntimeKind::Docker,
            Runtime::Containerd(_) => RuntimeKind::Containerd,
            Runtime::Crio(_) => RuntimeKind::Crio,
            Runtime::Podman(_) => RuntimeKind::Podman,
        }
    }

    /// The default list this engine (at this release) starts from, before
    /// add/drop. The lists themselves live in `preset`, the lower layer.
    pub fn default_preset(self) -> PresetId {
        match self {
            // containerd's `defaultUnixCaps` is Docker's list.
            Runtime::Docker(_) | Runtime::Containerd(_) => PresetId::Docker,
            Runtime::Crio(cfg) => match cfg.era {
                CrioEra::UpTo1_17 => PresetId::CrioLegacy,
                CrioEra::From1_18To1_23 | CrioEra::From1_24 => PresetId::Crio,
            },
            // Podman ≤ 4.3 shipped Docker's 14.
            Runtime::Podman(PodmanEra::UpTo4_3) => PresetId::Docker,
            Runtime::Podman(PodmanEra::V4_4) => PresetId::Podman44,
            Runtime::Podman(PodmanEra::From4_5) => PresetId::Podman,
        }
    }

    /// Whether this engine sets `net.ipv4.ip_unprivileged_port_start=0` in a
    /// private network namespace (§3.5; Docker ≥ 20.10.0 only).
    pub fn opens_low_ports(self) -> bool {
        matches!(self, Runtime::Docker(_))
    }
}

/// The engine without its version, for wording and findings.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuntimeKind {
    Docker,
    Containerd,
    Crio,
    Podman,
}

/// runc releases that differ in how they treat names they cannot map (§7.1).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuncEra {
    /// Before v1.0.0-rc94: an unknown name fails container creation.
    BeforeRc94,
    /// v1.0.0-rc94 and later: unknown names are dropped with one warning.
    #[default]
    Current,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct RuntimeOptions {
    pub runtime: Runtime,
    /// Capabilities the host kernel (and the engine's own process) has:
    /// what `ALL` and `privileged` expand to, and what runc can map.
    pub host: CapSet,
    pub runc: RuncEra,
}

impl RuntimeOptions {
    pub fn new(runtime: Runtime) -> RuntimeOptions {
        RuntimeOptions {
            runtime,
            host: catalog::KNOWN,
            runc: RuncEra::Current,
        }
    }

    /// The host runs the given kernel: only the capabilities it knows exist.
    pub fn with_kernel(mut self, kernel: catalog::KernelVersion) -> RuntimeOptions {
        self.host = catalog::known_by(kernel);
        self
    }
}

/// Who the first process runs as, once resolved (the image's USER decided).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunUser {
    Root,
    /// `uid` is None when only a name is known (e.g. `--user nginx`).
    NonRoot {
        uid: Option<u32>,
    },
}

impl RunUser {
    pub fn is_root(self) -> bool {
        matches!(self, RunUser::Root)
    }
}

/// The five capability lists of the OCI `process.capabilities` object, as
/// masks (names runc cannot map are listed separately in `OciOutcome`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct OciSets {
    pub bounding: CapSet,
    pub effective: CapSet,
    pub permitted: CapSet,
    pub inheritable: CapSet,
    pub ambient: CapSet,
}

impl OciSets {
    /// B = E = P = `list`, nothing inheritable or ambient: what most engines write.
    pub fn bep(list: CapSet) -> OciSets {
        OciSets {
            bounding: list,
            effective: list,
            permitted: list,
            ..OciSets::default()
        }
    }
}

impl Serialize for OciSets {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("OciSets", 5)?;
        st.serialize_field("bounding", &self.bounding.hex16())?;
        st.serialize_field("effective", &self.effective.hex16())?;
        st.serialize_field("permitted", &self.permitted.hex16())?;
        st.serialize_field("inheritable", &self.inheritable.hex16())?;
        st.serialize_field("ambient", &self.ambient.hex16())?;
        st.end()
    }
}

/// Add or drop list.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    Add,
    Drop,
}

/// A name the engine wrote into the OCI spec but runc cannot map to a
/// capability of the running kernel (§7.1): dropped with a warning.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct IgnoredName {
    /// The string in the OCI spec, e.g. `CAP_CAP_NET_ADMIN`.
    pub oci_name: String,
    pub list: ListKind,
    pub at: Location,
}

/// Things the engine does on the way that matter for the explanation.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "note", rename_all = "kebab-case")]
pub enum RuntimeNote {
    /// Docker set `net.ipv4.ip_unprivileged_port_start=0` (private netns).
    UnprivilegedPortsOpened,
    /// The user's own `net.ipv4.ip_unprivileged_port_start` value was kept.
    UnprivilegedPortsByUser { value: String },
    /// Privileged: the engine ignored (or overrode) cap-add / cap-drop.
    PrivilegedOverridesLists,
    /// The same capability is both added and dropped; `kept` says which won.
    AddedAndDropped { cap: u8, kept: bool },
    /// Podman, non-root user: only the explicit `--cap-add` list is given,
    /// and as ambient capabilities (§6.3).
    PodmanNonRootGetsAdds,
    /// The engine always clears ambient (containerd, CRI-O, Docker).
    AmbientNeverSet,
    /// CRI-O privileged fills all five sets, ambient included (§5).
    CrioPrivilegedAmbient,
    /// runc will drop these names with the warning
    /// `ignoring unknown or unavailable capabilities`.
    RuncIgnores { names: Vec<String> },
}

/// Why the engine refuses to create the container.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum CreationErrorKind {
    /// The engine does not know the name at all (`unknown capability: "CAP_X"`).
    UnknownCapability {
        runtime: RuntimeKind,
        oci_name: String,
        list: ListKind,
    },
    /// Docker: a known capability the host/daemon does not have.
    NotAvailable { oci_name: String, list: ListKind },
    /// Podman: `capability "X" cannot be dropped and added`.
    AddedAndDropped { oci_name: String },
    /// Podman: `--cap-add ALL` together with `--cap-drop ALL`.
    AddAllAndDropAll,
    /// runc before v1.0.0-rc94 refuses names it cannot map.
    OldRuncUnknown { oci_name: String },
    /// Podman: a `net.*` sysctl with the host's network namespace.
    NetSysctlWithHostNetwork { key: String },
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct CreationError {
    #[serde(flatten)]
    pub kind: CreationErrorKind,
    pub at: Option<Location>,
}

/// What the engine hands to runc.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct OciOutcome {
    pub sets: OciSets,
    pub no_new_privs: bool,
    /// Names runc drops with a warning (not part of `sets`).
    pub ignored: Vec<IgnoredName>,
    /// Sysctls in the final spec that matter here (user's plus engine's).
    pub sysctls: Vec<(String, String)>,
    pub notes: Vec<RuntimeNote>,
}

/// The sysctl that lets unprivileged users bind ports below 1024.
pub const PORT_SYSCTL: &str = "net.ipv4.ip_unprivileged_port_start";

/// Compute the OCI capability sets `opts.runtime` writes for `spec` when the
/// first process runs as `user`.
pub fn oci_sets(
    spec: &ContainerSpec,
    user: RunUser,
    opts: &RuntimeOptions,
) -> Result<OciOutcome, CreationError> {
    let mut out = match opts.runtime {
        Runtime::Docker(era) => docker::oci(spec, user, era, opts.host)?,
        Runtime::Containerd(era) => containerd::oci(spec, era, opts.host),
        Runtime::Crio(cfg) => crio::oci(spec, cfg, opts.host)?,
        Runtime::Podman(era) => podman::oci(spec, user, era, opts.host)?,
    };
    if !out.ignored.is_empty() {
        if opts.runc == RuncEra::BeforeRc94 {
            let first = &out.ignored[0];
            return Err(CreationError {
                kind: CreationErrorKind::OldRuncUnknown {
                    oci_name: first.oci_name.clone(),
                },
                at: Some(first.at.clone()),
            });
        }
        let names = out.ignored.iter().map(|i| i.oci_name.clone()).collect();
        out.notes.push(RuntimeNote::RuncIgnores { names });
    }
    Ok(out)
}

/// How `--no-new-privileges` / `allowPrivilegeEscalation: false` ends up.
pub(crate) fn wants_no_new_privs(spec: &ContainerSpec) -> bool {
    let ape_false = matches!(&spec.allow_privilege_escalation, Some(f) if !f.value);
    let nnp = matches!(&spec.no_new_privileges, Some(f) if f.value);
    ape_false || nnp
}

pub(crate) fn is_privileged(spec: &ContainerSpec) -> bool {
    matches!(&spec.privileged, Some(f) if f.value)
}

/// Upper-case, add `CAP_` when missing: the normalisation Docker and Podman
/// apply (`NormalizeLegacyCapabilities`, `NormalizeCapabilities`).
pub(crate) enum Normalised {
    All,
    Name(String),
}

pub(crate) fn normalise_prefix_optional(text: &str) -> Normalised {
    let up = text.to_ascii_uppercase();
    if up == "ALL" {
        Normalised::All
    } else if up.starts_with("CAP_") {
        Normalised::Name(up)
    } else {
        Normalised::Name(format!("CAP_{up}"))
    }
}

/// Docker's and Podman's reading of one add or drop list (`CAP_` optional,
/// any case): whether it holds `ALL`, and the capabilities it names. The
/// first name that is not a capability of `host` stops creation; only
/// Docker tells "unknown" apart from "not available here" (§3.2, §6.2).
pub(crate) fn read_prefix_optional_list(
    list: &[Spelled],
    kind: ListKind,
    host: CapSet,
    runtime: RuntimeKind,
) -> Result<(bool, CapSet), CreationError> {
    let mut all = false;
    let mut set = CapSet::EMPTY;
    for s in list {
        let oci_name = match normalise_prefix_optional(&s.text) {
            Normalised::All => {
                all = true;
                continue;
            }
            Normalised::Name(n) => n,
        };
        let error = match number_of(&oci_name) {
            Some(c) if host.contains(c) => {
                set.insert(c);
                continue;
            }
            Some(_) if runtime == RuntimeKind::Docker => CreationErrorKind::NotAvailable {
                oci_name,
                list: kind,
            },
            Some(_) | None => CreationErrorKind::UnknownCapability {
                runtime,
                oci_name,
                list: kind,
            },
        };
        return Err(CreationError {
            kind: error,
            at: Some(s.at.clone()),
        });
    }
    Ok((all, set))
}

/// Privileged overrides the lists; say so when the user wrote any.
pub(crate) fn note_privileged_overrides(spec: &ContainerSpec, notes: &mut Vec<RuntimeNote>) {
    if !spec.cap_add.is_empty() || !spec.cap_drop.is_empty() {
        notes.push(RuntimeNote::PrivilegedOverridesLists);
    }
}

/// A capability number from an OCI-style name (`CAP_NET_RAW`), if any kernel knows it.
pub(crate) fn number_of(oci_name: &str) -> Option<u8> {
    catalog::by_kernel_name(oci_name).map(|c| c.number)
}

/// How one engine reads one name from an add/drop list.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum NameReading {
    All,
    /// A capability number (not yet checked against the host).
    Cap(u8),
    /// What the engine makes of a name no kernel knows, e.g. `CAP_CAP_NET_ADMIN`.
    Unknown(String),
}

/// The spelling rules of each engine (§3.2, §4, §5, §6.2).
pub fn read_name(kind: RuntimeKind, written: &str) -> NameReading {
    let oci_name = match kind {
        RuntimeKind::Docker | RuntimeKind::Podman => match normalise_prefix_optional(written) {
            Normalised::All => return NameReading::All,
            Normalised::Name(n) => n,
        },
        RuntimeKind::Containerd | RuntimeKind::Crio if written.eq_ignore_ascii_case("ALL") => {
            return NameReading::All
        }
        RuntimeKind::Containerd => containerd::oci_name(written),
        RuntimeKind::Crio => crio::oci_name(written),
    };
    match number_of(&oci_name) {
        Some(c) => NameReading::Cap(c),
        None => NameReading::Unknown(oci_name),
    }
}

/// The default list an engine starts from (before add/drop).
pub fn defaults(runtime: Runtime) -> CapSet {
    runtime.default_preset().caps()
}

#[cfg(test)]
mod tests;
