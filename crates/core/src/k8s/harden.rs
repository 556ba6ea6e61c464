//! A hardened securityContext to copy, per container (or the compose keys
//! or docker/podman run options with the same effect): drop ALL, add back
//! only what the container asked for (in the canonical spelling every
//! runtime and Pod Security accept), allowPrivilegeEscalation false,
//! runAsNonRoot true and the runtime's default seccomp profile — the
//! settings Pod Security "restricted" looks for (semantics.md §8.4).
//!
//! Which capabilities the program really needs cannot be known from the
//! manifest; the suggestion keeps the user's adds and says so.

use crate::catalog;
use crate::container::{ContainerSpec, SourceKind, UserSpec};

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Hardened {
    /// Capabilities to add back, canonical (`NET_BIND_SERVICE`), in the
    /// order first written, without duplicates.
    pub add: Vec<&'static str>,
    /// A non-zero uid the user already chose, kept.
    pub run_as_user: Option<u32>,
    /// The container asked for uid 0 (or user `root`); the suggestion leaves
    /// the uid to the image and requires non-root.
    pub was_root: bool,
    /// `privileged: true` was set; the suggestion drops it.
    pub was_privileged: bool,
    /// `ALL` was in the add list; the suggestion cannot list "everything".
    pub had_add_all: bool,
    /// Add entries no kernel knows, left out.
    pub unknown: Vec<String>,
    /// SYS_ADMIN is among the adds (it undermines no_new_privs; §8.3).
    pub keeps_sys_admin: bool,
}

impl Hardened {
    /// Adds other than NET_BIND_SERVICE fail Pod Security restricted.
    pub fn passes_restricted(&self) -> bool {
        self.add.iter().all(|a| *a == "NET_BIND_SERVICE")
    }
    /// A non-root process keeps none of these after exec unless the binary
    /// carries them as file capabilities (§7.3: no ambient set in Kubernetes).
    pub fn adds_need_file_caps(&self) -> bool {
        !self.add.is_empty()
    }
}

pub fn suggest(spec: &ContainerSpec) -> Hardened {
    let mut h = Hardened::default();
    for s in &spec.cap_add {
        if s.text.trim().eq_ignore_ascii_case("ALL") {
            h.had_add_all = true;
            continue;
        }
        match catalog::by_any_spelling(&s.text) {
            Some(cap) => {
                let short = cap.short_name();
                if !h.add.contains(&short) {
                    h.add.push(short);
                }
                if cap.name == "CAP_SYS_ADMIN" {
                    h.keeps_sys_admin = true;
                }
            }
            None => h.unknown.push(s.text.clone()),
        }
    }
    match &spec.user {
        UserSpec::Uid(0) => h.was_root = true,
        UserSpec::Uid(u) => h.run_as_user = Some(*u),
        UserSpec::Name(n) if n == "root" => h.was_root = true,
        UserSpec::Name(_) | UserSpec::Image => {}
    }
    h.was_privileged = spec.privileged.as_ref().is_some_and(|f| f.value);
    h
}

fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The Kubernetes `securityContext:` block, indented by `indent` spaces
/// (so it can be pasted under a container at that depth).
pub fn k8s_yaml(h: &Hardened, indent: usize) -> String {
    let p = " ".repeat(indent);
    let mut s = format!("{p}securityContext:\n");
    s += &format!("{p}  allowPrivilegeEscalation: false\n");
    s += &format!("{p}  runAsNonRoot: true\n");
    if let Some(u) = h.run_as_user {
        s += &format!("{p}  runAsUser: {u}\n");
    }
    s += &format!("{p}  seccompProfile:\n{p}    type: RuntimeDefault\n");
    s += &format!("{p}  capabilities:\n{p}    drop: [\"ALL\"]\n");
    if !h.add.is_empty() {
        s += &format!("{p}    add: {}\n", list(&h.add));
    }
    s
}

/// The compose service keys with the same intent.
pub fn compose_yaml(h: &Hardened, indent: usize) -> String {
    let p = " ".repeat(indent);
    let mut s = format!("{p}cap_drop: [\"ALL\"]\n");
    if !h.add.is_empty() {
        s += &format!("{p}cap_add: {}\n", list(&h.add));
    }
    s += &format!("{p}security_opt: [\"no-new-privileges:true\"]\n");
    if let Some(u) = h.run_as_user {
        s += &format!("{p}user: \"{u}\"\n");
    }
    s
}

/// The `docker run` / `podman run` options with the same intent. Both
/// engines already apply their default seccomp profile unless told not to,
/// so there is no option for it; no-new-privileges is the flag form of
/// allowPrivilegeEscalation: false.
pub fn run_flags(h: &Hardened) -> String {
    let mut s = String::from("--cap-drop ALL");
    for a in &h.add {
        s += " --cap-add ";
        s += a;
    }
    s += " --security-opt no-new-privileges";
    if let Some(u) = h.run_as_user {
        s += &format!(" --user {u}");
    }
    s.push('\n');
    s
}

/// The snippet in the syntax of what was pasted: a Kubernetes
/// securityContext, compose service keys, or docker/podman run options.
pub fn snippet_for(spec: &ContainerSpec, h: &Hardened) -> String {
    match spec.source {
        SourceKind::Compose => compose_yaml(h, 0),
        SourceKind::Kubernetes => k8s_yaml(h, 0),
        SourceKind::DockerRun | SourceKind::PodmanRun => run_flags(h),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::{Flag, Location, Spelled};
    use crate::k8s::pss;
    use crate::yaml;

    fn spec(adds: &[&str], user: UserSpec) -> ContainerSpec {
        ContainerSpec {
            cap_add: adds
                .iter()
                .map(|a| Spelled {
                    text: a.to_string(),
                    at: Location::default(),
                })
                .collect(),
            privileged: Some(Flag {
                value: true,
                at: Location::default(),
            }),
            user,
            ..ContainerSpec::unset(SourceKind::Kubernetes, "Pod/x", "c", Location::default())
        }
    }

    #[test]
    fn normalises_dedups_and_flags_what_it_left_out() {
        let h = suggest(&spec(
            &["net_admin", "CAP_NET_ADMIN", "all", "FOO", "sys_admin"],
            UserSpec::Uid(0),
        ));
        assert_eq!(h.add, vec!["NET_ADMIN", "SYS_ADMIN"]);
        assert!(h.had_add_all && h.was_root && h.was_privileged && h.keeps_sys_admin);
        assert_eq!(h.unknown, vec!["FOO".to_string()]);
        assert!(!h.passes_restricted());
    }

    #[test]
    fn suggestion_is_valid_yaml_that_passes_restricted() {
        // The snippet must parse and satisfy PSS restricted (§8.4) when only
        // NET_BIND_SERVICE is added.
        let h = suggest(&spec(&["NET_BIND_SERVICE"], UserSpec::Uid(1000)));
        let text = format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - name: c\n    image: x\n{}",
            k8s_yaml(&h, 4)
        );
        let m = crate::k8s::read(&text).unwrap();
        assert_eq!(m.containers.len(), 1, "{text}");
        let c = &m.containers[0];
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        let v = c.pss(&m);
        assert!(v.restricted(), "{v:?}\n{text}");
        assert_eq!(c.spec.user, UserSpec::Uid(1000));
        let _ = pss::Level::Restricted;
        // Compose form parses too.
        let docs = yaml::parse_default(&compose_yaml(&h, 0)).unwrap();
        assert_eq!(
            docs[0].root.get("cap_drop").unwrap().as_seq().unwrap()[0].as_str(),
            Some("ALL")
        );
    }
    #[test]
    fn run_flags_parse_back_to_the_same_hardening() {
        // The flags must be a command line our own reader accepts, with
        // every capability dropped but the adds, and no_new_privs on.
        let h = suggest(&spec(
            &["net_bind_service", "CAP_CHOWN"],
            UserSpec::Uid(1000),
        ));
        let flags = run_flags(&h);
        assert_eq!(
            flags,
            "--cap-drop ALL --cap-add NET_BIND_SERVICE --cap-add CHOWN --security-opt no-new-privileges --user 1000\n"
        );
        let line = format!("docker run {} alpine", flags.trim());
        let run = crate::cmdline::parse_command(&line, SourceKind::DockerRun).unwrap();
        let back = &run.spec;
        assert_eq!(back.user, UserSpec::Uid(1000));
        assert!(back.no_new_privileges.as_ref().is_some_and(|f| f.value));
        let drops: Vec<&str> = back.cap_drop.iter().map(|s| s.text.as_str()).collect();
        let adds: Vec<&str> = back.cap_add.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            (drops, adds),
            (vec!["ALL"], vec!["NET_BIND_SERVICE", "CHOWN"])
        );
        let mut docker = back.clone();
        docker.source = SourceKind::DockerRun;
        assert_eq!(snippet_for(&docker, &h), flags);
    }
}
