//! English.

use caplens_core::container::{Location, SourceKind};
use caplens_core::k8s::fields::Level;
use caplens_core::k8s::finding::{ApeCause, FindingKind};
use caplens_core::k8s::harden::{self, Hardened};
use caplens_core::k8s::helm::HelmInput;
use caplens_core::k8s::pss::{self, Violation};
use caplens_core::k8s::{Note, SkipReason};
use caplens_core::paste::Form;
use caplens_core::yaml::{Shape, SyntaxKind, YamlError};

pub fn form(f: Form) -> &'static str {
    match f {
        Form::DockerCommand => "docker/podman command line",
        Form::Compose => "docker compose file",
        Form::Kubernetes => "Kubernetes manifest",
    }
}

pub fn shape(s: Shape) -> &'static str {
    match s {
        Shape::Null => "nothing (null)",
        Shape::Bool => "a boolean",
        Shape::Number => "a number",
        Shape::String => "a string",
        Shape::List => "a list",
        Shape::Mapping => "a mapping",
    }
}

pub fn level(l: Level) -> &'static str {
    match l {
        Level::PodSpec => "the pod spec",
        Level::PodSecurityContext => "the pod-level securityContext",
        Level::Container => "a container",
        Level::SecurityContext => "a container's securityContext",
        Level::Capabilities => "securityContext.capabilities",
        Level::ComposeService => "a compose service",
    }
}

pub fn place(at: &Location) -> String {
    let mut s = String::new();
    if let Some(d) = at.document.filter(|d| *d > 0) {
        s += &format!("document {}, ", d + 1);
    }
    match (at.line, at.column) {
        (Some(l), Some(c)) => s += &format!("line {l}, column {c}"),
        (Some(l), None) => s += &format!("line {l}"),
        _ => s += &at.path,
    }
    s
}

pub fn yaml_error(e: &YamlError) -> String {
    match e {
        YamlError::TooLarge { bytes, limit } => {
            // Tenths of a MB in integers: float formatting would add ~10 KB to the wasm.
            let tenths = (*bytes as u64 * 10 + 524_288) / 1_048_576;
            format!(
                "The input is {}.{} MB; the limit is {} MB. Paste only the manifests you want checked.",
                tenths / 10,
                tenths % 10,
                limit / 1_048_576
            )
        }
        YamlError::TooDeep { at, limit } => format!(
            "Line {}, column {}: the YAML nests more than {limit} levels deep, far beyond any real manifest; reading stopped.",
            at.line, at.column
        ),
        YamlError::TooManyNodes { at, limit } => format!(
            "Line {}, column {}: the input holds more than {limit} values, more than this tool reads at once; reading stopped. Paste fewer manifests.",
            at.line, at.column
        ),
        YamlError::AliasBomb { at, limit } => format!(
            "Line {}, column {}: expanding aliases (*name) would copy more than {limit} values — this looks like an alias bomb; reading stopped.",
            at.line, at.column
        ),
        YamlError::TooManyDocuments { at, limit } => format!(
            "Line {}: more than {limit} YAML documents; split the input.",
            at.line
        ),
        YamlError::Syntax { at, kind } => format!(
            "YAML syntax error at line {}, column {}: {}",
            at.line,
            at.column,
            yaml_syntax(*kind)
        ),
        YamlError::UnknownAlias { at } => format!(
            "Line {}, column {}: an alias (*name) refers to an anchor (&name) that was not defined before it.",
            at.line, at.column
        ),
        YamlError::DuplicateKey { at, key, first_line } => format!(
            "Line {}, column {}: the key `{key}` appears twice in the same mapping (first on line {first_line}); Kubernetes rejects such YAML.",
            at.line, at.column
        ),
    }
}

pub fn yaml_syntax(k: SyntaxKind) -> &'static str {
    match k {
        SyntaxKind::UnclosedQuote => "a quoted string is never closed",
        SyntaxKind::DocumentMarkerInQuote => {
            "a document marker (--- or ...) inside a quoted string; the string is probably not closed"
        }
        SyntaxKind::ContentAfterQuote => "unexpected text after the closing quote",
        SyntaxKind::BadEscape => {
            "a bad escape in a double-quoted string (write \\\\ for a backslash)"
        }
        SyntaxKind::BadIndentation => "this line is not indented like its neighbours",
        SyntaxKind::TabIndentation => "a tab where YAML only allows spaces; indent with spaces",
        SyntaxKind::UnclosedFlow => "a [ or { is never closed",
        SyntaxKind::ExpectedComma => "expected a comma or the closing bracket",
        SyntaxKind::ExpectedKey => {
            "expected a `key: value` line here; check the indentation of this line and the one above"
        }
        SyntaxKind::ExpectedDash => "expected a list item (`- `) here; check the indentation",
        SyntaxKind::ExpectedValue => "expected a value here",
        SyntaxKind::MissingColon => "this key has no `:` after it",
        SyntaxKind::ColonNotAllowed => {
            "a `:` that cannot start a mapping here; quote the value if it contains `: `"
        }
        SyntaxKind::DashNotAllowed => {
            "a list item (`- `) cannot start here; put it on its own line, indented"
        }
        SyntaxKind::DashInFlow => "a `- ` list item inside [ ] or { }",
        SyntaxKind::KeyNotAllowed => "a `? ` key cannot start here",
        SyntaxKind::CommentWithoutSpace => "a comment (#) needs a space before it",
        SyntaxKind::CommentInsideText => {
            "a comment between the lines of an unquoted text; quote the text or move the comment"
        }
        SyntaxKind::ReservedCharacter => {
            "a value cannot start with @, ` or %; quote it"
        }
        SyntaxKind::UnexpectedCharacter => "a character that cannot stand here",
        SyntaxKind::BadBlockHeader => {
            "a block text (| or >) header may only hold -, + and one digit from 1 to 9"
        }
        SyntaxKind::BadDirective => "a malformed or repeated %YAML or %TAG directive",
        SyntaxKind::BadTag => "a malformed tag (!...) or one with an undeclared !name! handle",
        SyntaxKind::BadAnchor => "an anchor (&) or alias (*) without a name",
        SyntaxKind::NulByte => "a NUL byte; the input is probably not text",
        SyntaxKind::MisplacedBom => "a byte order mark inside the text",
        SyntaxKind::ContentAfterDocumentEnd => "text after the document end marker (...)",
        SyntaxKind::ExpectedDocumentStart => {
            "more text after the end of the document; check the indentation, or separate documents with ---"
        }
        SyntaxKind::UnexpectedEnd => "the input ends in the middle of a value",
        SyntaxKind::TooDeep => "the nesting is too deep",
    }
}

pub fn k8s_note(n: &Note) -> String {
    match n {
        Note::Skipped { at, name, reason } => {
            let what = match name {
                Some(n) => format!(" (`{n}`)"),
                None => String::new(),
            };
            let doc = at.document.map(|d| format!("document {}", d + 1)).unwrap_or_default();
            let item = if at.path.is_empty() { String::new() } else { format!(" {}", at.path) };
            let why = match reason {
                SkipReason::Empty => "it is empty".to_string(),
                SkipReason::NotAMapping => "it is not a Kubernetes object (not a mapping)".to_string(),
                SkipReason::NoKind => "it has no `kind`".to_string(),
                SkipReason::NotAWorkload { kind } => format!("a {kind} runs no containers"),
                SkipReason::NoPodSpec { kind } => format!("this {kind} has no pod template spec"),
            };
            format!("Skipped {doc}{item}{what}: {why}.")
        }
        Note::WindowsPod { workload, .. } => format!(
            "{workload} is a Windows pod (spec.os.name: windows): Linux capabilities do not apply to it."
        ),
        Note::NoContainers { workload, .. } => format!("{workload} lists no containers."),
    }
}

pub fn skipped_kinds(kinds: &[(String, usize)]) -> String {
    let total: usize = kinds.iter().map(|(_, n)| n).sum();
    let documents = if total == 1 { "document" } else { "documents" };
    let each: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!(
        "Skipped {total} {documents} without containers: {}.",
        each.join(", ")
    )
}

pub fn k8s_finding_message(k: &FindingKind) -> String {
    match k {
        FindingKind::UnknownField { key, level: l, suggestion: Some(s) } => format!(
            "`{key}` is not a field of {}; did you mean `{s}`? Everything under it is ignored (or the object is rejected under strict validation).",
            level(*l)
        ),
        FindingKind::UnknownField { key, level: l, suggestion: None } => format!(
            "`{key}` is not a field of {}; it is ignored (or the object is rejected under strict validation).",
            level(*l)
        ),
        FindingKind::MisplacedField { key, level: Level::PodSecurityContext, belongs } => format!(
            "`{key}` does not exist in the pod-level securityContext; it only exists per container ({belongs}). Kubernetes rejects or drops it, so it has no effect."
        ),
        FindingKind::MisplacedField { key, level: l, belongs } => format!(
            "`{key}` is in {}, but belongs under `{belongs}`; here it has no effect.",
            level(*l)
        ),
        FindingKind::WrongType { key, expected, found } => format!(
            "`{key}` must be {}, but is {}; the API server refuses the object.",
            shape(*expected),
            shape(*found)
        ),
        FindingKind::OutOfRange { key, value, min, max } => format!(
            "`{key}: {value}` is outside {min}–{max}; the API server refuses the object. Read here as if `{key}` were not set."
        ),
        FindingKind::ApeConflict { cause, .. } => match cause {
            ApeCause::Privileged => "allowPrivilegeEscalation: false together with privileged: true — the API server rejects this pod.".to_string(),
            ApeCause::SysAdmin(s) if s.text == "CAP_SYS_ADMIN" => "allowPrivilegeEscalation: false together with an add of `CAP_SYS_ADMIN` — the API server rejects this exact spelling.".to_string(),
            ApeCause::SysAdmin(s) => format!(
                "allowPrivilegeEscalation: false together with `{}` (SYS_ADMIN): the API server only checks the exact string `CAP_SYS_ADMIN`, so this passes silently — yet a process holding SYS_ADMIN can gain privileges anyway, so the setting promises more than it gives.",
                s.text
            ),
            ApeCause::AddAll(s) => format!(
                "allowPrivilegeEscalation: false together with add `{}`, which includes SYS_ADMIN: the API server does not catch this, and no_new_privs does not stop a process with SYS_ADMIN from gaining privileges.",
                s.text
            ),
        },
    }
}

pub fn k8s_finding_fix(k: &FindingKind) -> String {
    match k {
        FindingKind::UnknownField { key, suggestion: Some(s), .. } => format!("Rename `{key}` to `{s}`."),
        FindingKind::UnknownField { key, .. } => format!("Remove `{key}` or move it to where it belongs; check the spelling against the API reference."),
        FindingKind::MisplacedField { key, belongs, .. } => format!("Move `{key}` under `{belongs}`."),
        FindingKind::WrongType { key, expected: Shape::List, .. } => format!("Write `{key}` as a list, e.g. `{key}: [\"NET_BIND_SERVICE\"]`."),
        FindingKind::WrongType { key, expected: Shape::Bool, .. } => format!("Write `{key}: true` or `{key}: false` without quotes."),
        FindingKind::WrongType { key, expected: Shape::Number, .. } => format!("Write `{key}` as a plain number without quotes."),
        FindingKind::WrongType { key, expected, .. } => format!("Make `{key}` {}.", shape(*expected)),
        FindingKind::OutOfRange { key, min, max, .. } => {
            format!("Set `{key}` to a number from {min} to {max} (e.g. `{key}: 1000`), or remove it to let the image decide.")
        }
        FindingKind::ApeConflict { cause: ApeCause::Privileged, .. } => "Drop privileged: true and add only the capabilities the container needs.".to_string(),
        FindingKind::ApeConflict { .. } => "Avoid SYS_ADMIN: for perf and eBPF, PERFMON and BPF (kernel 5.8+) are enough; otherwise accept that allowPrivilegeEscalation: false does not contain this container.".to_string(),
    }
}

pub fn pss_level(l: pss::Level) -> &'static str {
    match l {
        pss::Level::Baseline => "baseline",
        pss::Level::Restricted => "restricted",
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn who(pod: bool, container: bool) -> &'static str {
    match (pod, container) {
        (true, true) => "the pod and the container",
        (true, false) => "the pod",
        _ => "the container",
    }
}

pub fn violation(v: &Violation) -> String {
    let id = v.check_id();
    format!("{} ({id}): {}", pss_level(v.level()), violation_why(v))
}

/// Why a Pod Security check fails: one arm per check, the longer sentences
/// in their own functions.
fn violation_why(v: &Violation) -> String {
    match v {
        Violation::Privileged => "privileged: true is not allowed".to_string(),
        Violation::NonDefaultCapabilities(c) => format!(
            "adds {} — only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT may be added, spelled exactly so",
            quoted(c)
        ),
        Violation::HostNamespaces { network, pid, ipc } => host_namespaces(*network, *pid, *ipc),
        Violation::HostPorts(p) => format!(
            "uses hostPort {}",
            p.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
        ),
        Violation::HostPathVolumes(v) => format!("mounts hostPath volumes ({})", quoted(v)),
        Violation::UnsafeSysctls(s) => format!("sets sysctls outside the safe list ({})", quoted(s)),
        Violation::SeccompUnconfined { pod, container } => {
            format!("{} sets seccompProfile.type Unconfined", who(*pod, *container))
        }
        Violation::AllowPrivilegeEscalationNotFalse { set_true: true } => {
            "allowPrivilegeEscalation is true; it must be set to false".to_string()
        }
        Violation::AllowPrivilegeEscalationNotFalse { set_true: false } => {
            "allowPrivilegeEscalation is not set; restricted needs it set to false explicitly".to_string()
        }
        Violation::MissingDropAll { wrote } if wrote.iter().any(|d| d.eq_ignore_ascii_case("all")) => format!(
            "drop has {} but the check wants exactly \"ALL\" in upper case (the runtimes accept any case; Pod Security does not)",
            quoted(wrote)
        ),
        Violation::MissingDropAll { .. } => "capabilities.drop must contain \"ALL\"".to_string(),
        Violation::RestrictedAdd(c) => format!(
            "adds {}; only \"NET_BIND_SERVICE\" (exactly that spelling) may be added",
            quoted(c)
        ),
        Violation::RunAsNonRootFalse { pod, container } => {
            format!("{} sets runAsNonRoot: false", who(*pod, *container))
        }
        Violation::RunAsNonRootUnset => {
            "runAsNonRoot: true is set neither on the container nor on the pod".to_string()
        }
        Violation::RunAsUserZero { pod, container } => format!("{} sets runAsUser: 0", who(*pod, *container)),
        Violation::SeccompNotRestricted { bad } => format!(
            "seccompProfile.type is {}; only RuntimeDefault or Localhost are allowed",
            quoted(bad)
        ),
        Violation::SeccompUnset => {
            "no seccompProfile.type (RuntimeDefault or Localhost) on the container or the pod".to_string()
        }
        Violation::RestrictedVolumes(v) => format!(
            "uses volume types restricted does not allow ({})",
            v.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join(", ")
        ),
        Violation::SeLinux { bad_types, user, role } => selinux(bad_types, *user, *role),
        Violation::AppArmor { types, annotations } => apparmor(types, annotations),
        Violation::ProcMount(m) => format!(
            "procMount: {m} unmasks /proc; only Default is allowed (unless the pod sets hostUsers: false)"
        ),
        Violation::ProcMountRestricted(m) => format!(
            "procMount: {m} is allowed by baseline in a pod with hostUsers: false, but restricted wants Default"
        ),
        Violation::WindowsHostProcess { pod, container } => format!(
            "{} sets windowsOptions.hostProcess: true (a Windows host process)",
            who(*pod, *container)
        ),
        Violation::ProbeHosts(h) => format!(
            "a probe or lifecycle handler names a host ({}); leave host empty so it targets the pod",
            quoted(h)
        ),
    }
}

fn host_namespaces(network: bool, pid: bool, ipc: bool) -> String {
    let mut n = Vec::new();
    if network {
        n.push("hostNetwork");
    }
    if pid {
        n.push("hostPID");
    }
    if ipc {
        n.push("hostIPC");
    }
    format!("shares the host's namespaces ({})", n.join(", "))
}

fn selinux(bad_types: &[String], user: bool, role: bool) -> String {
    let mut what = Vec::new();
    if !bad_types.is_empty() {
        what.push(format!(
            "SELinux type {} (allowed: container_t, container_init_t, container_kvm_t, container_engine_t, or none)",
            quoted(bad_types)
        ));
    }
    if user {
        what.push("an SELinux user, which may not be set".to_string());
    }
    if role {
        what.push("an SELinux role, which may not be set".to_string());
    }
    format!("seLinuxOptions sets {}", what.join("; "))
}

fn apparmor(types: &[String], annotations: &[String]) -> String {
    let mut what = Vec::new();
    if !types.is_empty() {
        what.push(format!("appArmorProfile.type {}", quoted(types)));
    }
    if !annotations.is_empty() {
        what.push(format!("the annotation {}", annotations.join(", ")));
    }
    format!(
        "{} turns off or replaces the runtime's AppArmor profile; only RuntimeDefault or Localhost (runtime/default or localhost/… in the annotation) are allowed",
        what.join(" and ")
    )
}

pub fn pss_summary(v: &pss::Verdict) -> String {
    let yn = |b: bool| if b { "passes" } else { "fails" };
    format!(
        "Pod Security: baseline {}, restricted {}",
        yn(v.baseline()),
        yn(v.restricted())
    )
}

pub fn pss_not_modelled() -> String {
    "Judged by Pod Security policy version 1.36; not known here: the admission controller's exemptions, a namespace pinned to another version."
        .to_string()
}

pub fn hardened_comments(h: &Hardened, source: SourceKind) -> Vec<String> {
    let run = matches!(source, SourceKind::DockerRun | SourceKind::PodmanRun);
    let mut c = vec![
        "# Suggested hardening: start from nothing and add back only what is needed.".to_string(),
    ];
    if h.was_privileged {
        c.push(if run {
            "# --privileged removed — it grants every capability and more.".to_string()
        } else {
            "# privileged: true removed — it grants every capability and more.".to_string()
        });
    }
    if h.had_add_all {
        c.push(
            if run {
                "# --cap-add ALL removed: list the capabilities the program really uses."
            } else {
                "# `ALL` in add removed: list the capabilities the program really uses."
            }
            .to_string(),
        );
    }
    if !h.unknown.is_empty() {
        c.push(format!(
            "# Left out names no kernel knows: {}.",
            h.unknown.join(", ")
        ));
    }
    if h.was_root {
        c.push(match source {
            SourceKind::Kubernetes => "# The container ran as uid 0; runAsNonRoot needs an image user (or runAsUser) other than 0.",
            SourceKind::Compose => "# The service ran as uid 0; set user: to a uid other than 0, or use an image whose USER is not root.",
            SourceKind::DockerRun | SourceKind::PodmanRun => "# The container ran as uid 0; add --user with a uid other than 0, or use an image whose USER is not root.",
        }.to_string());
    }
    if let Some(first) = h.add.first().filter(|_| h.adds_need_file_caps()) {
        c.push("# As non-root, added capabilities reach the process only through file".to_string());
        c.push(format!(
            "# capabilities on its binary (e.g. setcap cap_{}+ep /path/to/binary).",
            first.to_ascii_lowercase()
        ));
    }
    if h.keeps_sys_admin {
        c.push("# SYS_ADMIN kept as asked; for perf/eBPF prefer PERFMON and BPF.".to_string());
    }
    // Pod Security admission only judges Kubernetes workloads.
    if source == SourceKind::Kubernetes && !h.passes_restricted() {
        c.push(
            "# Adds other than NET_BIND_SERVICE still fail Pod Security restricted.".to_string(),
        );
    }
    c
}

pub fn hardened_snippet(spec: &caplens_core::container::ContainerSpec, h: &Hardened) -> String {
    let mut s = hardened_comments(h, spec.source).join("\n");
    s.push('\n');
    s += &harden::snippet_for(spec, h);
    s
}

pub fn paste_error(e: &caplens_core::paste::PasteError) -> String {
    use caplens_core::paste::PasteError;
    match e {
        PasteError::Yaml(y) => yaml_error(y),
        PasteError::NotYaml => not_yaml_hint().to_string(),
        PasteError::Cmdline(c) => crate::containers::en::cmdline_error(c),
        PasteError::Helm(h) => helm_input(h),
    }
}

pub fn not_yaml_hint() -> &'static str {
    "this is a docker/podman command line; use `caplens docker -- ...` for it"
}

pub fn helm_input(h: &HelmInput) -> String {
    match h {
        HelmInput::Template { at } => format!(
            "this is a Helm template (`{{{{ … }}}}` at line {}, column {}), not a manifest: the chart's values are filled in only when it is rendered; paste the output of `helm template` or `kubectl get … -o yaml` instead",
            at.line, at.column
        ),
        HelmInput::Values { keys } => format!(
            "this is a Helm values file (top-level {}, and no `apiVersion` or `kind`), not a manifest; render the chart with `helm template` and paste its output, or paste `kubectl get … -o yaml`",
            keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        ),
    }
}

pub fn file_heading(file: &str, f: Form, containers: usize) -> String {
    let n = if containers == 1 {
        "1 container".to_string()
    } else {
        format!("{containers} containers")
    };
    format!("== {file}: {} — {n}", form(f))
}

pub fn pss_text(v: &pss::Verdict) -> String {
    let mut out = String::new();
    if !v.violations.is_empty() {
        out.push_str("  Pod Security checks that fail:\n");
        for x in &v.violations {
            out.push_str(&format!("    - {}\n", violation(x)));
        }
    }
    out.push_str(&format!("  {}\n", pss_not_modelled()));
    out
}

pub fn suggestion_text(spec: &caplens_core::container::ContainerSpec, h: &Hardened) -> String {
    let mut out = String::from("\n  Suggested settings to copy:\n");
    for line in hardened_snippet(spec, h).lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::yaml::Pos;

    #[test]
    fn yaml_errors_say_where() {
        let e = YamlError::Syntax {
            at: Pos { line: 3, column: 7 },
            kind: SyntaxKind::UnclosedQuote,
        };
        assert!(yaml_error(&e).contains("line 3, column 7"));
        let e = YamlError::TooLarge {
            bytes: 10 * 1_048_576,
            limit: 4 * 1_048_576,
        };
        assert!(yaml_error(&e).contains("10.0 MB"));
        let e = YamlError::TooLarge {
            bytes: 5 * 1_048_576 + 524_288,
            limit: 4 * 1_048_576,
        };
        assert!(
            yaml_error(&e).contains("The input is 5.5 MB; the limit is 4 MB"),
            "{}",
            yaml_error(&e)
        );
        let e = YamlError::TooLarge {
            bytes: 4 * 1_048_576 + 1,
            limit: 4 * 1_048_576,
        };
        assert!(yaml_error(&e).contains("4.0 MB"));
    }

    #[test]
    fn paste_errors_are_worded() {
        let e = caplens_core::paste::read("docker run --user").unwrap_err();
        assert!(!paste_error(&e).is_empty());
        let e = caplens_core::paste::read("a: [\n").unwrap_err();
        assert!(
            paste_error(&e).starts_with("YAML syntax error at line 2, column 1"),
            "{}",
            paste_error(&e)
        );
    }

    #[test]
    fn hardened_comments_name_the_capability_to_setcap() {
        let h = Hardened {
            add: vec!["SYS_ADMIN"],
            keeps_sys_admin: true,
            ..Hardened::default()
        };
        let c = hardened_comments(&h, SourceKind::Kubernetes).join("\n");
        assert!(c.contains("setcap cap_sys_admin+ep"), "{c}");
        assert!(c.contains("PERFMON"));
        assert!(c.contains("still fail Pod Security restricted"));
        let none = hardened_comments(&Hardened::default(), SourceKind::Kubernetes).join("\n");
        assert!(
            !none.contains("setcap") && !none.contains("restricted"),
            "{none}"
        );
    }

    #[test]
    fn docker_suggestions_speak_in_run_options() {
        let h = Hardened {
            add: vec!["NET_ADMIN"],
            was_root: true,
            was_privileged: true,
            had_add_all: true,
            ..Hardened::default()
        };
        let c = hardened_comments(&h, SourceKind::DockerRun).join("\n");
        assert!(
            c.contains("--privileged removed") && c.contains("--cap-add ALL removed"),
            "{c}"
        );
        assert!(c.contains("add --user"), "{c}");
        // Pod Security and Kubernetes field names do not apply to docker run.
        assert!(
            !c.contains("runAsNonRoot") && !c.contains("Pod Security"),
            "{c}"
        );
        let k = hardened_comments(&h, SourceKind::Kubernetes).join("\n");
        assert!(
            k.contains("runAsNonRoot") && k.contains("Pod Security restricted"),
            "{k}"
        );
        let compose = hardened_comments(&h, SourceKind::Compose).join("\n");
        assert!(
            compose.contains("set user:") && !compose.contains("Pod Security"),
            "{compose}"
        );
    }

    #[test]
    fn lower_case_all_is_explained() {
        let s = violation(&Violation::MissingDropAll {
            wrote: vec!["all".into()],
        });
        assert!(s.starts_with("restricted (capabilities_restricted)"));
        assert!(s.contains("upper case"));
    }

    #[test]
    fn typo_message_names_the_suggestion() {
        let k = FindingKind::UnknownField {
            key: "sercurityContext".into(),
            level: Level::Container,
            suggestion: Some("securityContext"),
        };
        assert!(k8s_finding_message(&k).contains("did you mean `securityContext`"));
        assert_eq!(
            k8s_finding_fix(&k),
            "Rename `sercurityContext` to `securityContext`."
        );
    }
}
