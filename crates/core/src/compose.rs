//! docker compose files → one `ContainerSpec` per service.
//!
//! Read: `cap_add`, `cap_drop`, `privileged`, `user`, `security_opt`
//! (`no-new-privileges`, `seccomp`), `network_mode`, `sysctls`. Compose
//! hands these to the Docker engine unchanged, so the Docker rules apply
//! (semantics.md §3). Other keys are only checked for typos.

use crate::container::{ContainerSpec, Flag, SourceKind, Spelled, UserSpec};
use crate::k8s::fields::{self, Level};
use crate::k8s::finding::{Finding, FindingKind};
use crate::k8s::{loc, Reader};
use crate::yaml::{self, Document, Node, Shape, YamlError};

#[derive(Clone, PartialEq, Debug)]
pub struct ComposeService {
    pub spec: ContainerSpec,
    pub findings: Vec<Finding>,
    /// `security_opt: [seccomp:unconfined]`: no seccomp filter.
    pub seccomp_unconfined: bool,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct ComposeFile {
    pub services: Vec<ComposeService>,
}

/// Does this document look like a compose file (a `services` mapping and
/// no Kubernetes `kind`)?
pub fn looks_like_compose(root: &Node) -> bool {
    root.get("kind").is_none() && root.get("services").is_some_and(|s| s.as_map().is_some())
}

pub fn read(text: &str) -> Result<ComposeFile, YamlError> {
    let docs = yaml::parse_default(text)?;
    Ok(from_documents(&docs))
}

pub fn from_documents(docs: &[Document]) -> ComposeFile {
    let mut out = ComposeFile::default();
    for doc in docs {
        let Some(services) = doc.root.get("services").and_then(Node::as_map) else {
            continue;
        };
        for (k, svc) in services {
            let Some(name) = k.as_str() else { continue };
            out.services.push(read_service(doc.index, name, svc));
        }
    }
    out
}

/// `1000`, `1000:1000`, `nginx`, `nginx:nginx` → the user part.
fn parse_user(text: &str) -> UserSpec {
    let user = text.split(':').next().unwrap_or("").trim();
    match user.parse::<u32>() {
        Ok(uid) => UserSpec::Uid(uid),
        Err(_) if user.is_empty() => UserSpec::Image,
        Err(_) => UserSpec::Name(user.to_string()),
    }
}

fn read_service(doc: usize, name: &str, svc: &Node) -> ComposeService {
    let base = format!("services.{name}");
    let mut findings = Vec::new();
    let mut spec = ContainerSpec::unset(
        SourceKind::Compose,
        format!("service/{name}"),
        name,
        loc(doc, &base, svc),
    );
    let mut seccomp_unconfined = false;
    let Some(entries) = svc.as_map() else {
        if !svc.is_null() {
            Reader {
                doc,
                out: &mut findings,
            }
            .wrong(name, &base, svc, Shape::Mapping);
        }
        return ComposeService {
            spec,
            findings,
            seccomp_unconfined,
        };
    };
    let mut r = Reader {
        doc,
        out: &mut findings,
    };
    for (k, v) in entries {
        let Some(key) = k.as_str() else { continue };
        let path = format!("{base}.{key}");
        match key {
            "cap_add" | "cap_drop" => {
                let Some(list) = read_caps(&mut r, svc, key, &base) else {
                    continue;
                };
                if key == "cap_add" {
                    spec.cap_add = list;
                } else {
                    spec.cap_drop = list;
                }
            }
            "privileged" => spec.privileged = r.flag(svc, key, &base),
            "user" => {
                if let Some(t) = v.as_str().filter(|_| !v.is_null()) {
                    spec.user = parse_user(t);
                }
            }
            "network_mode" => spec.host_network = v.as_str() == Some("host"),
            "security_opt" => read_security_opt(doc, v, &path, &mut spec, &mut seccomp_unconfined),
            "sysctls" => read_sysctls(v, &mut spec.sysctls),
            "container_name" => {
                if let Some(t) = v.as_str() {
                    spec.container = t.to_string();
                }
            }
            _ if key.starts_with("x-") => {}
            _ if fields::COMPOSE_SERVICE.contains(&key) => {}
            _ => r.out.push(Finding {
                kind: unknown_key(key),
                at: loc(doc, &path, k),
            }),
        }
    }
    ComposeService {
        spec,
        findings,
        seccomp_unconfined,
    }
}

/// `cap_add` / `cap_drop`: the names, each where it was written.
fn read_caps(r: &mut Reader, svc: &Node, key: &str, base: &str) -> Option<Vec<Spelled>> {
    let doc = r.doc;
    let path = format!("{base}.{key}");
    let items = r.list(svc, key, base)?;
    // Compose itself ignores items that are not strings.
    Some(
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                item.as_str().map(|t| Spelled {
                    text: t.to_string(),
                    at: loc(doc, &format!("{path}[{i}]"), item),
                })
            })
            .collect(),
    )
}

/// `security_opt`: `no-new-privileges` and `seccomp:unconfined`.
fn read_security_opt(
    doc: usize,
    v: &Node,
    path: &str,
    spec: &mut ContainerSpec,
    seccomp_unconfined: &mut bool,
) {
    for (i, item) in v.as_seq().unwrap_or(&[]).iter().enumerate() {
        let Some(t) = item.as_str() else { continue };
        // Docker accepts `opt:value` and `opt=value`.
        let (opt, val) = match t.split_once([':', '=']) {
            Some((o, v)) => (o.trim(), Some(v.trim())),
            None => (t.trim(), None),
        };
        match opt {
            "no-new-privileges" => {
                let value = val.is_none_or(|v| v == "true");
                spec.no_new_privileges = Some(Flag {
                    value,
                    at: loc(doc, &format!("{path}[{i}]"), item),
                });
            }
            "seccomp" => *seccomp_unconfined = val == Some("unconfined"),
            _ => {}
        }
    }
}

/// `sysctls` as a mapping or as a list of `name=value`.
fn read_sysctls(v: &Node, sysctls: &mut Vec<(String, String)>) {
    match &v.value {
        yaml::Value::Map(pairs) => {
            for (sk, sv) in pairs {
                if let (Some(a), Some(b)) = (sk.as_str(), sv.as_str()) {
                    sysctls.push((a.to_string(), b.to_string()));
                }
            }
        }
        yaml::Value::Seq(items) => {
            for item in items {
                if let Some((a, b)) = item.as_str().and_then(|t| t.split_once('=')) {
                    sysctls.push((a.trim().to_string(), b.trim().to_string()));
                }
            }
        }
        yaml::Value::Scalar { .. } => {}
    }
}

/// A key compose does not have: Kubernetes spellings people carry over are
/// misplaced, the rest unknown (with the nearest compose key).
fn unknown_key(key: &str) -> FindingKind {
    match key {
        "securityContext" | "capabilities" => FindingKind::MisplacedField {
            key: key.to_string(),
            level: Level::ComposeService,
            belongs: "cap_add / cap_drop",
        },
        _ => FindingKind::UnknownField {
            key: key.to_string(),
            level: Level::ComposeService,
            suggestion: fields::nearest(Level::ComposeService, key),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_compose_file() {
        let f = read(include_str!("../../../examples/compose.yaml")).unwrap();
        assert_eq!(f.services.len(), 2);
        let web = &f.services[0];
        assert_eq!(web.spec.workload, "service/web");
        assert_eq!(web.spec.source, SourceKind::Compose);
        assert_eq!(web.spec.user, UserSpec::Uid(101));
        assert_eq!(web.spec.cap_drop[0].text, "ALL");
        assert_eq!(web.spec.cap_add[0].text, "NET_BIND_SERVICE");
        assert_eq!(web.spec.cap_add[0].at.path, "services.web.cap_add[0]");
        assert_eq!(web.spec.cap_add[0].at.line, Some(8));
        assert_eq!(
            web.spec.no_new_privileges.as_ref().map(|f| f.value),
            Some(true)
        );
        assert!(web.findings.is_empty());
        let dbg = &f.services[1];
        assert!(dbg.spec.host_network);
        assert_eq!(dbg.spec.cap_add[1].text, "CAP_NET_RAW");
        assert_eq!(dbg.spec.user, UserSpec::Image);
    }

    #[test]
    fn users_sysctls_security_opts_and_typos() {
        let text = "\
services:
  a:
    image: x
    user: nginx:nginx
    privileged: true
    sysctls:
      net.ipv4.ip_unprivileged_port_start: 0
    security_opt: [\"no-new-privileges=false\", \"seccomp:unconfined\"]
    cap_addd: [NET_ADMIN]
    x-custom: 1
  b:
    image: y
    user: \"0\"
    sysctls: [\"net.core.somaxconn=1024\"]
    cap_add: NET_ADMIN
";
        let f = read(text).unwrap();
        let a = &f.services[0];
        assert_eq!(a.spec.user, UserSpec::Name("nginx".into()));
        assert_eq!(a.spec.privileged.as_ref().map(|p| p.value), Some(true));
        assert_eq!(
            a.spec.sysctls,
            [(
                "net.ipv4.ip_unprivileged_port_start".to_string(),
                "0".to_string()
            )]
        );
        assert_eq!(
            a.spec.no_new_privileges.as_ref().map(|p| p.value),
            Some(false)
        );
        assert!(a.seccomp_unconfined);
        assert!(a.spec.cap_add.is_empty());
        assert_eq!(a.findings.len(), 1);
        assert!(matches!(
            &a.findings[0].kind,
            FindingKind::UnknownField {
                suggestion: Some("cap_add"),
                ..
            }
        ));
        let b = &f.services[1];
        assert_eq!(b.spec.user, UserSpec::Uid(0));
        assert_eq!(b.spec.sysctls[0].0, "net.core.somaxconn");
        assert_eq!(b.findings[0].id(), "misplaced-field");
    }

    #[test]
    fn wrong_types_are_findings_at_their_path() {
        let text = "services:\n  a:\n    image: x\n    privileged: \"true\"\n    cap_drop: ALL\n    cap_add: [NET_ADMIN, {x: 1}]\n  b: just-a-string\n";
        let f = read(text).unwrap();
        let a = &f.services[0];
        assert_eq!(a.spec.privileged, None);
        assert!(a.spec.cap_drop.is_empty());
        // Compose skips list items that are not strings.
        assert_eq!(a.spec.cap_add.len(), 1);
        let got: Vec<(String, Shape, Shape, Option<u32>)> = a
            .findings
            .iter()
            .map(|f| match &f.kind {
                FindingKind::WrongType {
                    expected, found, ..
                } => (f.at.path.clone(), *expected, *found, f.at.line),
                k => panic!("{k:?}"),
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "services.a.privileged".to_string(),
                    Shape::Bool,
                    Shape::String,
                    Some(4)
                ),
                (
                    "services.a.cap_drop".to_string(),
                    Shape::List,
                    Shape::String,
                    Some(5)
                ),
            ]
        );
        // A service that is not a mapping is reported at the service itself.
        let b = &f.services[1];
        assert_eq!(b.findings.len(), 1);
        assert_eq!(b.findings[0].at.path, "services.b");
        assert!(matches!(
            b.findings[0].kind,
            FindingKind::WrongType {
                expected: Shape::Mapping,
                ..
            }
        ));
    }

    #[test]
    fn detection() {
        let docs = yaml::parse_default("services:\n  a: {image: x}\n").unwrap();
        assert!(looks_like_compose(&docs[0].root));
        let docs = yaml::parse_default("kind: Pod\nservices: {}\n").unwrap();
        assert!(!looks_like_compose(&docs[0].root));
    }
}
