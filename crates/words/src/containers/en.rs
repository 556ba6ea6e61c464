//! English.

use caplens_core::analysis::{
    ContainerReport, Detail, Finding, IneffectiveAdd, LowPorts, PrivilegedNonRoot, UnknownReason,
};
use caplens_core::cap::Cap;
use caplens_core::catalog;
use caplens_core::container::SourceKind;
use caplens_core::runtime::runc::StartFailure;
use caplens_core::runtime::{CreationError, CreationErrorKind, ListKind, RuntimeKind, RuntimeNote};
use caplens_core::set::CapSet;

pub fn runtime_name(kind: RuntimeKind) -> &'static str {
    match kind {
        RuntimeKind::Docker => "Docker",
        RuntimeKind::Containerd => "containerd",
        RuntimeKind::Crio => "CRI-O",
        RuntimeKind::Podman => "Podman",
    }
}

fn list_name(list: ListKind) -> &'static str {
    match list {
        ListKind::Add => "add",
        ListKind::Drop => "drop",
    }
}

pub fn cap_list(set: CapSet) -> String {
    let names: Vec<String> = set
        .iter()
        .map(|c| {
            catalog::get(c)
                .map(|k| k.short_name().to_string())
                .unwrap_or_else(|| c.to_string())
        })
        .collect();
    names.join(", ")
}

fn cap_name(cap: u8) -> String {
    catalog::get(cap)
        .map(|k| k.short_name().to_string())
        .unwrap_or_else(|| cap.to_string())
}

/// Why a capability is dangerous, in one clause: one for each capability of
/// `analysis::DANGEROUS` (a test holds the two together).
fn danger(cap: Cap) -> Option<&'static str> {
    Some(match cap {
        Cap::DAC_READ_SEARCH => "reads any file on mounted filesystems and can open files by handle, the route of the 'shocker' container escape",
        Cap::NET_ADMIN => "reconfigures interfaces, routes and firewall rules of the container's network namespace (the host's, with host networking)",
        Cap::SYS_MODULE => "loads kernel modules into the host kernel: a direct escape",
        Cap::SYS_RAWIO => "gives raw I/O port and device memory access",
        Cap::SYS_PTRACE => "lets the process trace and inject code into other processes it can see",
        Cap::SYS_ADMIN => "is the catch-all: mounts, namespaces, BPF, many device ioctls; most container escapes need it",
        Cap::SYS_BOOT => "reboots the host and loads a new kernel with kexec",
        Cap::SYS_TIME => "sets the host's clock (the clock is not namespaced)",
        Cap::MAC_OVERRIDE => "bypasses mandatory access control (SELinux, AppArmor, Smack)",
        Cap::MAC_ADMIN => "changes mandatory access control policy",
        Cap::SYSLOG => "reads the kernel log, which leaks kernel addresses",
        Cap::PERFMON => "opens system-wide performance monitoring, which observes other processes and the kernel",
        Cap::BPF => "loads BPF programs and maps, a large kernel attack surface",
        _ => return None,
    })
}

/// A dangerous-capability finding names a capability of `DANGEROUS`; any
/// other number would be a bug upstream, and still gets a plain clause.
fn danger_clause(cap: u8) -> &'static str {
    Cap::new(cap)
        .and_then(danger)
        .unwrap_or("grants privileged operations")
}

fn ineffective_message(d: &IneffectiveAdd) -> String {
    let caps = cap_list(d.caps);
    let who = if d.conditional {
        "If the image runs as a non-root user, the"
    } else {
        "The process runs as a non-root user, so the"
    };
    let mut m = format!(
        "{who} added capabilities {caps} do nothing for it: {} puts them only in the bounding set{}, and on execve a non-root process keeps just its ambient capabilities plus what file capabilities grant. PID 1's permitted and effective sets end up without them.",
        runtime_name(d.runtime),
        if d.in_oci_permitted { " (and the permitted set, which exec recomputes)" } else { "" }
    );
    if d.source == SourceKind::Kubernetes {
        m.push_str(
            " Kubernetes has no field for ambient capabilities (KEP-2763 is not implemented).",
        );
    }
    m
}

fn ineffective_fix(d: &IneffectiveAdd) -> String {
    let caps_lower: Vec<String> = d
        .caps
        .iter()
        .map(|c| format!("cap_{}", cap_name(c).to_ascii_lowercase()))
        .collect();
    let mut fixes = Vec::new();
    let file = format!(
        "give the binary file capabilities in the image: `setcap {}+ep /path/to/binary` (in the Dockerfile, as root, before USER)",
        caps_lower.join(",")
    );
    if d.file_caps_blocked_by_nnp {
        fixes.push(format!(
            "{file} — but with no-new-privileges on, this {} release leaves them out of the permitted set, so exec cannot raise them; turn no-new-privileges off for this container or upgrade to Docker 25 or later",
            runtime_name(d.runtime)
        ));
    } else if d.no_new_privs {
        fixes.push(format!(
            "{file}; this still works with no_new_privs (allowPrivilegeEscalation: false) because the runtime already put the capabilities in the permitted set, and no_new_privs only stops exec from going beyond it"
        ));
    } else {
        fixes.push(file);
    }
    fixes.push(match d.source {
        SourceKind::Kubernetes => "or run as root (runAsUser: 0) with capabilities drop: [\"ALL\"] plus only the adds you need, so root holds nothing else".to_string(),
        SourceKind::Compose => "or run as root (user: \"0\") with cap_drop: [ALL] plus only the cap_add entries you need, so root holds nothing else".to_string(),
        SourceKind::DockerRun | SourceKind::PodmanRun => {
            "or run as root with --cap-drop ALL plus only the --cap-add you need, so root holds nothing else".to_string()
        }
    });
    if d.runtime != RuntimeKind::Podman && d.source == SourceKind::DockerRun {
        fixes.push("or use Podman, which gives a non-root user its --cap-add capabilities as ambient capabilities".to_string());
    }
    match &d.low_ports {
        LowPorts::NotRelevant => {}
        LowPorts::OpenedByRuntime => fixes.push(
            "for binding ports below 1024 you need no capability at all here: Docker (20.10 and later) sets net.ipv4.ip_unprivileged_port_start=0 in the container's own network namespace, so drop NET_BIND_SERVICE".to_string(),
        ),
        LowPorts::SetByUser { value } => fixes.push(format!(
            "net.ipv4.ip_unprivileged_port_start is already set to {value}: ports from {value} up need no capability"
        )),
        LowPorts::NotOpened => fixes.push(match d.source {
            SourceKind::Kubernetes => "for ports below 1024, set the safe sysctl net.ipv4.ip_unprivileged_port_start=0 in the pod's securityContext.sysctls (Kubernetes does not set it, unlike Docker), or listen on a port ≥ 1024".to_string(),
            SourceKind::Compose => "for ports below 1024, set sysctls: {net.ipv4.ip_unprivileged_port_start: 0} on the service (needs its own network namespace, not network_mode: host), or listen on a port ≥ 1024".to_string(),
            SourceKind::DockerRun | SourceKind::PodmanRun => "for ports below 1024, set --sysctl net.ipv4.ip_unprivileged_port_start=0 (needs the container's own network namespace, not --network host), or listen on a port ≥ 1024".to_string(),
        }),
    }
    let mut s = String::new();
    for (i, f) in fixes.iter().enumerate() {
        if i == 0 {
            let mut c = f.chars();
            if let Some(first) = c.next() {
                s.push(first.to_ascii_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str("; ");
            s.push_str(f);
        }
    }
    s.push('.');
    s
}

pub fn finding_message(f: &Finding) -> String {
    match &f.detail {
        Detail::Manifest { finding: k } => crate::k8s::en::k8s_finding_message(k),
        Detail::IneffectiveAdd(d) => ineffective_message(d),
        Detail::CapPrefix { written, list, runtime, oci_name } => {
            cap_prefix_message(written, *list, *runtime, oci_name)
        }
        Detail::NameCase { written, canonical, list, source } => match source {
            SourceKind::Kubernetes => format!(
                "`{written}` in capabilities.{} is accepted by the runtimes (they upper-case names), but Pod Security admission compares names exactly: it only recognises `{canonical}`.",
                list_name(*list)
            ),
            _ => format!(
                "`{written}` is accepted (the runtime upper-cases it), but the conventional spelling is `{canonical}`, and Kubernetes policies compare names case-sensitively."
            ),
        },
        Detail::UnknownCapability { written, list, runtime, why } => {
            unknown_capability_message(written, *list, *runtime, why)
        }
        Detail::Privileged { runtime, all, non_root } => privileged_message(*runtime, *all, *non_root),
        Detail::DangerousCapability { cap, written } => {
            format!("`{written}` adds {}, which {}.", cap_name(*cap), danger_clause(*cap))
        }
        Detail::DangerousAll { written, caps } => format!(
            "`{written}` adds every capability, including the dangerous ones: {}.",
            cap_list(*caps)
        ),
        Detail::DefaultNetRaw { runtime, .. } => format!(
            "NET_RAW is in {}'s default set and nothing drops it: the container can craft raw packets (ARP/DNS spoofing on the node's network) although few programs need it.",
            runtime_name(*runtime)
        ),
        Detail::PreferPerfmon { written, kernel_has_perfmon } => {
            if *kernel_has_perfmon {
                format!("`{written}` is often added only for perf or eBPF tools. Since Linux 5.8 PERFMON (perf_event_open) and BPF (loading BPF programs) do that without the rest of SYS_ADMIN.")
            } else {
                format!("`{written}` is often added only for perf or eBPF tools; the narrower PERFMON and BPF exist only from Linux 5.8, which the chosen kernel predates.")
            }
        }
    }
}

/// A capability written with the `CAP_` prefix.
fn cap_prefix_message(
    written: &str,
    list: ListKind,
    runtime: RuntimeKind,
    oci_name: &str,
) -> String {
    match (runtime, list) {
        (RuntimeKind::Containerd, ListKind::Add) => format!(
            "`{written}` becomes `{oci_name}` under containerd, which always puts CAP_ in front. No such capability exists: runc (1.0 and later) drops it with only a log warning, older runc fails to create the container. Either way the capability is not added."
        ),
        (RuntimeKind::Containerd, ListKind::Drop) => format!(
            "`{written}` becomes `{oci_name}` under containerd, which always puts CAP_ in front. Dropping a name that is not in the list silently drops nothing: the capability stays."
        ),
        (_, _) => format!(
            "`{written}` works on {} (the CAP_ prefix is optional there), but the same manifest on containerd would read it as `CAP_{}`, which does not exist, and Pod Security baseline only accepts names without the prefix.",
            runtime_name(runtime),
            written.to_ascii_uppercase()
        ),
    }
}

/// A name that is no capability (or none the kernel has), and what the
/// runtime then does.
fn unknown_capability_message(
    written: &str,
    list: ListKind,
    runtime: RuntimeKind,
    why: &UnknownReason,
) -> String {
    let effect = match (runtime, list) {
        (RuntimeKind::Containerd, _) => {
            "containerd passes it on and runc ignores it with a log warning, so it has no effect"
        }
        (RuntimeKind::Crio, ListKind::Add) => "CRI-O refuses to create the container",
        (RuntimeKind::Crio, ListKind::Drop) => {
            "CRI-O fails creating the container when it tries to drop it"
        }
        (RuntimeKind::Docker, _) => "Docker refuses to create the container (unknown capability)",
        (RuntimeKind::Podman, _) => "Podman refuses to create the container (unknown capability)",
    };
    match why {
        UnknownReason::NoKernel if written.contains(',') && runtime != RuntimeKind::Podman => {
            format!(
                "`{written}` is read as one name: {} does not split the value on commas; {effect}.",
                runtime_name(runtime)
            )
        }
        UnknownReason::NoKernel => {
            format!("`{written}` is not a capability any Linux kernel defines; {effect}.")
        }
        UnknownReason::NewerThanKernel { cap, kernel } => {
            let since = catalog::get(*cap)
                .map(|c| c.since.to_string())
                .unwrap_or_default();
            let k = kernel
                .map(|k| format!("the chosen kernel ({k})"))
                .unwrap_or_else(|| "this host's kernel".to_string());
            format!("`{written}` needs Linux {since} or later; {k} does not have it, so {effect}.")
        }
    }
}

/// What `privileged` gives, and what it means for a non-root first process.
fn privileged_message(runtime: RuntimeKind, all: CapSet, non_root: PrivilegedNonRoot) -> String {
    let nr = match non_root {
        PrivilegedNonRoot::Nothing => "A non-root first process still loses them all at exec.",
        PrivilegedNonRoot::EverythingViaAmbient => "On CRI-O even a non-root first process keeps them all, because privileged also fills the ambient set.",
        PrivilegedNonRoot::OnlyAdds => "On Podman a non-root first process gets only the --cap-add capabilities.",
    };
    let lists = match non_root {
        PrivilegedNonRoot::OnlyAdds => "ignores cap-drop here",
        PrivilegedNonRoot::Nothing | PrivilegedNonRoot::EverythingViaAmbient => {
            "ignores cap-add and cap-drop here"
        }
    };
    format!(
        "Privileged gives every capability the host has ({} of them, {}) and more than `ALL` does: access to all host devices, no seccomp filter, no AppArmor/SELinux confinement, and writable /sys and /proc/sys. {} {lists}. {nr}",
        all.len(),
        all.hex16(),
        runtime_name(runtime)
    )
}

pub fn finding_fix(f: &Finding) -> String {
    match &f.detail {
        Detail::Manifest { finding: k } => crate::k8s::en::k8s_finding_fix(k),
        Detail::IneffectiveAdd(d) => ineffective_fix(d),
        Detail::CapPrefix { written, list, .. } => {
            let bare = catalog::strip_cap_prefix(written).to_ascii_uppercase();
            format!("Write `{bare}` in the {} list, without CAP_.", list_name(*list))
        }
        Detail::NameCase { canonical, .. } => format!("Write `{canonical}`."),
        Detail::UnknownCapability { written, why, .. } => match why {
            UnknownReason::NoKernel if written.contains(',') => {
                let parts: Vec<&str> = written.split(',').map(str::trim).collect();
                format!("List each capability separately, e.g. `--cap-add {}` (or one YAML list item each).", parts.join(" --cap-add "))
            }
            UnknownReason::NoKernel => {
                format!("Check the spelling of `{written}` against capabilities(7), or remove it.")
            }
            UnknownReason::NewerThanKernel { cap, .. } => format!(
                "Remove {} or run on a kernel that has it; on older kernels the usual substitute is SYS_ADMIN, which grants far more.",
                cap_name(*cap)
            ),
        },
        Detail::Privileged { .. } => "Remove privileged; add only the capabilities the workload needs (drop ALL, then add), and mount only the devices it uses.".to_string(),
        Detail::DangerousCapability { cap, .. } => format!(
            "Remove {} unless the workload really needs it; if it does, keep the container otherwise locked down (non-root, no_new_privs, seccomp).",
            cap_name(*cap)
        ),
        Detail::DangerousAll { .. } => "Replace ALL with the specific capabilities the workload needs.".to_string(),
        Detail::DefaultNetRaw { source, .. } => match source {
            SourceKind::Kubernetes => "Add capabilities.drop: [\"ALL\"] (or at least NET_RAW). ping still works where net.ipv4.ping_group_range allows unprivileged ICMP sockets.".to_string(),
            SourceKind::Compose => "Add cap_drop: [ALL] (or at least NET_RAW).".to_string(),
            SourceKind::DockerRun | SourceKind::PodmanRun => "Add --cap-drop ALL (or at least --cap-drop NET_RAW).".to_string(),
        },
        Detail::PreferPerfmon { kernel_has_perfmon, .. } => {
            if *kernel_has_perfmon {
                "Add PERFMON for perf, PERFMON and BPF for eBPF tools (plus NET_ADMIN only for network BPF programs), instead of SYS_ADMIN; a host kernel.perf_event_paranoid above 2 may still block perf.".to_string()
            } else {
                "On Linux 5.8 or later, use PERFMON (and BPF) instead of SYS_ADMIN.".to_string()
            }
        }
    }
}

pub fn runtime_note(n: &RuntimeNote) -> String {
    match n {
        RuntimeNote::UnprivilegedPortsOpened => "Docker sets net.ipv4.ip_unprivileged_port_start=0 in the container's network namespace: any user may bind ports below 1024 without NET_BIND_SERVICE.".to_string(),
        RuntimeNote::UnprivilegedPortsByUser { value } => format!("net.ipv4.ip_unprivileged_port_start is set to {value} by the user."),
        RuntimeNote::PrivilegedOverridesLists => "Privileged: the add and drop lists are ignored.".to_string(),
        RuntimeNote::AddedAndDropped { cap, kept } => {
            if *kept {
                format!("{} is both added and dropped; this runtime keeps it (the add wins).", cap_name(*cap))
            } else {
                format!("{} is both added and dropped; this runtime removes it (the drop wins).", cap_name(*cap))
            }
        }
        RuntimeNote::PodmanNonRootGetsAdds => "Podman gives a non-root user only the --cap-add capabilities, as ambient capabilities, so they survive exec; the default list is not given to it.".to_string(),
        RuntimeNote::AmbientNeverSet => "The ambient set is always empty: capabilities reach a non-root program only through file capabilities.".to_string(),
        RuntimeNote::CrioPrivilegedAmbient => "CRI-O's privileged mode fills all five sets, ambient included.".to_string(),
        RuntimeNote::RuncIgnores { names } => format!(
            "runc ignores {} with the warning \"ignoring unknown or unavailable capabilities\".",
            names.join(", ")
        ),
    }
}

pub fn creation_error(e: &CreationError) -> String {
    match &e.kind {
        CreationErrorKind::UnknownCapability { runtime, oci_name, list } => match runtime {
            RuntimeKind::Crio => format!("CRI-O refuses to create the container: unknown capability \"{oci_name}\" to {}.", list_name(*list)),
            _ => format!("{} refuses to create the container: unknown capability: \"{oci_name}\".", runtime_name(*runtime)),
        },
        CreationErrorKind::NotAvailable { oci_name, .. } => format!(
            "Docker refuses to create the container: capability not supported by your kernel or not available in the current environment: \"{oci_name}\"."
        ),
        CreationErrorKind::AddedAndDropped { oci_name } => {
            format!("Podman refuses to create the container: capability \"{oci_name}\" cannot be dropped and added.")
        }
        CreationErrorKind::AddAllAndDropAll => "Podman refuses to create the container: ALL is both added and dropped.".to_string(),
        CreationErrorKind::OldRuncUnknown { oci_name } => {
            format!("runc older than 1.0.0-rc94 refuses to start the container: unknown capability \"{oci_name}\".")
        }
        CreationErrorKind::NetSysctlWithHostNetwork { key } => {
            format!("Podman refuses to create the container: sysctl {key} can't be set since the network namespace is the host's.")
        }
    }
}

pub fn start_failure(f: &StartFailure) -> String {
    match f {
        StartFailure::CapsetFailed { offending } => format!(
            "runc fails with \"unable to apply caps\": {} cannot be set (inheritable outside the bounding set, or effective outside permitted).",
            cap_list(*offending)
        ),
        StartFailure::ExecEperm { missing } => format!(
            "exec fails with EPERM (Operation not permitted): the binary has +e file capabilities including {}, which the bounding set does not allow.",
            cap_list(*missing)
        ),
    }
}

pub fn cmdline_error(e: &caplens_core::cmdline::CmdlineError) -> String {
    use caplens_core::cmdline::CmdlineErrorKind as K;
    let what = match &e.kind {
        K::Empty => "the command is empty".to_string(),
        K::TooLong { max } => format!("the command is longer than {max} bytes"),
        K::TooManyWords { max } => format!("the command has more than {max} words"),
        K::UnterminatedQuote { quote } => format!("the {quote} quote is never closed"),
        K::NotARunCommand { found } if found.is_empty() => "expected `run` or `create` after docker/podman".to_string(),
        K::NotARunCommand { found } => format!("expected `docker run` or `podman run`, found `{found}`"),
        K::MissingValue { flag } => format!("{flag} needs a value"),
        K::UnknownOption { flag } => format!(
            "unknown option {flag}; if it takes a value, write it as {flag}=VALUE so the image is not mistaken"
        ),
        K::NoImage => "the command ends before naming an image".to_string(),
        K::BadUser { value } => format!("`{value}` is not a user (name, uid, or uid:gid)"),
        K::BadBool { flag, value } => format!("{flag} expects true or false, not `{value}`"),
        K::BadSysctl { value } => format!("--sysctl expects NAME=VALUE, not `{value}`"),
    };
    let mut place = Vec::new();
    if let Some(a) = e.arg {
        place.push(format!("argument {a}"));
    }
    match (e.line, e.column) {
        (Some(l), Some(c)) => place.push(format!("line {l}, column {c}")),
        (Some(l), None) => place.push(format!("line {l}")),
        _ => {}
    }
    if place.is_empty() {
        what
    } else {
        format!("{}: {what}", place.join(", "))
    }
}

pub fn runtime_label(r: caplens_core::runtime::Runtime) -> String {
    use caplens_core::runtime::{ContainerdEra, CrioEra, DockerEra, PodmanEra, Runtime};
    match r {
        Runtime::Docker(DockerEra::UpTo20_10_13) => "Docker ≤ 20.10.13".into(),
        Runtime::Docker(DockerEra::From20_10_14To24) => "Docker 20.10.14 – 24.x".into(),
        Runtime::Docker(DockerEra::From25) => "Docker ≥ 25".into(),
        Runtime::Containerd(ContainerdEra::WithInheritable) => "containerd ≤ 1.5.10 / 1.6.1".into(),
        Runtime::Containerd(ContainerdEra::Current) => "containerd ≥ 1.5.11 / 1.6.2".into(),
        Runtime::Crio(c) => {
            let era = match c.era {
                CrioEra::UpTo1_17 => "CRI-O ≤ 1.17",
                CrioEra::From1_18To1_23 => "CRI-O 1.18 – 1.23",
                CrioEra::From1_24 => "CRI-O ≥ 1.24",
            };
            if c.add_inheritable {
                format!("{era} (add_inheritable_capabilities)")
            } else {
                era.to_string()
            }
        }
        Runtime::Podman(PodmanEra::UpTo4_3) => "Podman ≤ 4.3".into(),
        Runtime::Podman(PodmanEra::V4_4) => "Podman 4.4".into(),
        Runtime::Podman(PodmanEra::From4_5) => "Podman ≥ 4.5".into(),
    }
}

pub fn add_result(r: caplens_core::analysis::AddResult) -> &'static str {
    use caplens_core::analysis::AddResult as A;
    match r {
        A::Effective => "effective in PID 1: it works",
        A::PermittedOnly => "permitted but not effective: the program must raise it",
        A::BoundingOnly => "only in the bounding set: a program gets it only through file capabilities on its binary",
        A::BoundingOnlyBlockedByNnp => "only in the bounding set, and with no-new-privileges even file capabilities on the binary cannot raise it (the runtime left it out of the permitted set)",
        A::NotGranted => "never reaches the container",
        A::NoContainer => "the container does not start",
        A::NotApplicable => "expands to every capability the host has",
    }
}

pub fn user_label(u: caplens_core::runtime::RunUser) -> String {
    match u {
        caplens_core::runtime::RunUser::Root => "as root".into(),
        caplens_core::runtime::RunUser::NonRoot { uid: Some(n) } => format!("as uid {n}"),
        caplens_core::runtime::RunUser::NonRoot { uid: None } => "as non-root".into(),
    }
}

fn where_(at: &caplens_core::container::Location) -> String {
    let mut s = match at.argument {
        Some(n) => format!("{} (argument {n})", at.path),
        None => at.path.clone(),
    };
    if let Some(d) = at.document {
        s = format!("document {}, {s}", d + 1);
    }
    match (at.line, at.column) {
        (Some(l), Some(c)) => format!("{s}, line {l}, column {c}"),
        (Some(l), None) => format!("{s}, line {l}"),
        _ => s,
    }
}

fn sets_block(out: &mut String, title: &str, p: &caplens_core::analysis::Pid1) {
    out.push_str(&format!("  {title}:\n"));
    let st = &p.state;
    for (label, set) in [
        ("CapInh", st.inheritable),
        ("CapPrm", st.permitted),
        ("CapEff", st.effective),
        ("CapBnd", st.bounding),
        ("CapAmb", st.ambient),
    ] {
        let names = if set.is_empty() {
            String::new()
        } else {
            format!("  {}", cap_list(set))
        };
        out.push_str(&format!("    {label}: {}{names}\n", set.hex16()));
    }
    out.push_str(&format!("    NoNewPrivs: {}\n", u8::from(st.no_new_privs)));
}

pub fn report_text(r: &ContainerReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} — container \"{}\" on {}\n",
        r.workload,
        r.container,
        runtime_label(r.runtime)
    ));
    if let Some(e) = &r.creation_error {
        out.push_str(&format!("\n  {}\n", creation_error(e)));
    }
    oci_section(&mut out, r);
    if let Some(f) = &r.start_failure {
        out.push_str(&format!("\n  {}\n", start_failure(f)));
    }
    pid1_section(&mut out, r);
    adds_section(&mut out, r);
    if !r.notes.is_empty() {
        out.push_str("\n  Notes:\n");
        for n in &r.notes {
            out.push_str(&format!("    - {}\n", runtime_note(n)));
        }
    }
    findings_section(&mut out, r);
    if let Some(p) = &r.pss {
        out.push_str(&format!(
            "\n  Pod Security Standards: baseline {}, restricted {}\n",
            if p.baseline { "passes" } else { "fails" },
            if p.restricted { "passes" } else { "fails" }
        ));
    }
    out
}

/// The sets the runtime writes into the OCI spec.
fn oci_section(out: &mut String, r: &ContainerReport) {
    let Some(o) = &r.oci else {
        return;
    };
    out.push_str("\n  OCI spec written by the runtime");
    if r.oci_by_image_user.is_some_and(|(a, b)| a != b) {
        out.push_str(" (if the image runs as root)");
    }
    out.push_str(":\n");
    for (label, set) in [
        ("bounding", o.bounding),
        ("effective", o.effective),
        ("permitted", o.permitted),
        ("inheritable", o.inheritable),
        ("ambient", o.ambient),
    ] {
        out.push_str(&format!("    {label:<11} {}\n", set.hex16()));
    }
}

/// The first process's sets after exec: one block, or one per image user
/// when the image's USER decides.
fn pid1_section(out: &mut String, r: &ContainerReport) {
    if let Some(p) = &r.pid1 {
        out.push('\n');
        let title = match p.uid {
            Some(u) => format!("PID 1 after exec (uid {u})"),
            None => "PID 1 after exec (non-root user)".to_string(),
        };
        sets_block(out, &title, p);
    }
    if let Some(by) = &r.pid1_by_image_user {
        out.push_str("\n  The image's USER decides; both outcomes:\n");
        if let Some(p) = &by.root {
            sets_block(out, "PID 1 if the image runs as root", p);
        }
        if let Some(p) = &by.nonroot {
            sets_block(out, "PID 1 if the image runs as a non-root user", p);
        }
    }
}

/// What each added capability achieves, per image user when that matters.
fn adds_section(out: &mut String, r: &ContainerReport) {
    if r.adds.is_empty() {
        return;
    }
    out.push_str("\n  What each added capability achieves:\n");
    for a in &r.adds {
        let default = if a.already_default {
            " (already a default)"
        } else {
            ""
        };
        for (u, res) in &a.results {
            let who = if a.results.len() > 1 {
                format!(" {}", user_label(*u))
            } else {
                String::new()
            };
            out.push_str(&format!(
                "    {}{default}{who}: {}\n",
                a.written,
                add_result(*res)
            ));
            if let Some((_, r)) = a.reasons.iter().find(|(ru, r)| ru == u && !r.after) {
                out.push_str(&format!(
                    "      exec: {}\n",
                    crate::exec::en::reason_line(r)
                ));
            }
        }
    }
}

fn findings_section(out: &mut String, r: &ContainerReport) {
    if r.findings.is_empty() {
        out.push_str("\n  No findings.\n");
        return;
    }
    out.push_str("\n  Findings:\n");
    for f in &r.findings {
        out.push_str(&format!(
            "    {} [{}] at {}\n",
            f.severity.as_str(),
            f.id().as_str(),
            where_(&f.at)
        ));
        out.push_str(&format!("      {}\n", finding_message(f)));
        out.push_str(&format!("      Fix: {}\n", finding_fix(f)));
    }
}

#[cfg(test)]
mod tests {
    use super::danger;
    use caplens_core::analysis::DANGEROUS;
    use caplens_core::cap::Cap;

    #[test]
    fn every_dangerous_capability_and_no_other_has_its_reason() {
        for cap in Cap::ALL {
            assert_eq!(
                danger(cap).is_some(),
                DANGEROUS.contains(cap.number()),
                "{cap:?}"
            );
        }
    }
}
