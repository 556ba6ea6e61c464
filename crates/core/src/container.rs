//! One container as the user described it (docker/podman flags, a compose
//! service or a Kubernetes container), normalised just enough that every
//! runtime model and every finding can work from the same value.
//!
//! Names are kept exactly as written (`Spelled`): case, `CAP_` prefixes and
//! typos matter, because each runtime treats them differently.
//!
//! SKELETON: these types are the agreed seam between the input parsers
//! (`cmdline`, `compose`, `k8s`) and the analysis (`runtime`, findings).

use crate::exec::FileCaps;
use serde::Serialize;

/// Where something came from in the user's input.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Location {
    /// Index of the YAML document in a multi-document file (0-based), if any.
    pub document: Option<usize>,
    /// Field path, e.g. `spec.template.spec.containers[0].securityContext.capabilities.add[1]`,
    /// or the flag for command lines, e.g. `--cap-add`.
    pub path: String,
    /// For command lines: which argument of the command the flag is
    /// (1-based, as the shell counts after the program name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub argument: Option<usize>,
    /// 1-based line in the pasted text, where the parser can tell.
    pub line: Option<u32>,
    /// 1-based column, where the parser can tell.
    pub column: Option<u32>,
}

/// A string exactly as the user wrote it, with its location.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Spelled {
    pub text: String,
    pub at: Location,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Container,
    InitContainer,
    EphemeralContainer,
}

/// Which user the container's first process runs as.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub enum UserSpec {
    /// Not set anywhere: the image's USER decides (unknown to us).
    Image,
    Uid(u32),
    /// A user name (docker `--user nginx`); root only if it is `root`.
    Name(String),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum SourceKind {
    DockerRun,
    PodmanRun,
    Compose,
    Kubernetes,
}

/// A boolean setting plus where it was set (None: not set at all).
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Flag {
    pub value: bool,
    pub at: Location,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct ContainerSpec {
    pub source: SourceKind,
    /// `Kind/name` for Kubernetes, `service/name` for compose, `docker run` for flags.
    pub workload: String,
    pub container: String,
    pub role: Role,
    pub cap_add: Vec<Spelled>,
    pub cap_drop: Vec<Spelled>,
    pub privileged: Option<Flag>,
    /// Kubernetes `allowPrivilegeEscalation` (false ⇒ no_new_privs).
    pub allow_privilege_escalation: Option<Flag>,
    /// Docker/Podman `--security-opt no-new-privileges`.
    pub no_new_privileges: Option<Flag>,
    pub user: UserSpec,
    pub run_as_non_root: Option<Flag>,
    /// The container shares the host's network namespace.
    pub host_network: bool,
    /// `name=value` sysctls the user set (e.g. `net.ipv4.ip_unprivileged_port_start`).
    pub sysctls: Vec<(String, String)>,
    /// File capabilities of the entrypoint binary, if the user supplied them.
    pub entrypoint_file_caps: Option<FileCaps>,
    /// Where the container itself is declared (for findings about it as a whole).
    pub at: Location,
}

impl ContainerSpec {
    /// A container as declared at `at` with nothing else said: no adds or
    /// drops, flags unset, the image's USER. Readers fill in what the input sets.
    pub fn unset(
        source: SourceKind,
        workload: impl Into<String>,
        container: impl Into<String>,
        at: Location,
    ) -> ContainerSpec {
        ContainerSpec {
            source,
            workload: workload.into(),
            container: container.into(),
            role: Role::Container,
            cap_add: Vec::new(),
            cap_drop: Vec::new(),
            privileged: None,
            allow_privilege_escalation: None,
            no_new_privileges: None,
            user: UserSpec::Image,
            run_as_non_root: None,
            host_network: false,
            sysctls: Vec::new(),
            entrypoint_file_caps: None,
            at,
        }
    }
}
