//! Kubernetes manifests → one `ContainerSpec` per container, with exact field
//! paths and lines, plus findings about how the manifest is written.
//!
//! Workloads: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
//! ReplicationController, Job, CronJob (`spec.jobTemplate.spec.template`),
//! PodTemplate (`template`), and `List`/`*List` documents (`items`), in
//! multi-document files. Containers, initContainers and ephemeralContainers.
//!
//! Merging follows the kubelet (semantics.md §8.1): runAsUser, runAsGroup
//! and runAsNonRoot may be set on the pod and on the container, and the
//! container's value wins; capabilities, privileged and
//! allowPrivilegeEscalation exist only on the container.

pub mod fields;
pub mod finding;
pub mod harden;
pub mod helm;
pub mod pss;

use crate::catalog;
use crate::container::{ContainerSpec, Flag, Location, Role, SourceKind, Spelled, UserSpec};
use crate::yaml::{self, Document, Node, Shape, YamlError};
use fields::Level;
use finding::{ApeCause, Finding, FindingKind};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WorkloadKind {
    Pod,
    Deployment,
    StatefulSet,
    DaemonSet,
    ReplicaSet,
    ReplicationController,
    Job,
    CronJob,
    PodTemplate,
}

impl WorkloadKind {
    pub fn from_kind(kind: &str) -> Option<WorkloadKind> {
        Some(match kind {
            "Pod" => WorkloadKind::Pod,
            "Deployment" => WorkloadKind::Deployment,
            "StatefulSet" => WorkloadKind::StatefulSet,
            "DaemonSet" => WorkloadKind::DaemonSet,
            "ReplicaSet" => WorkloadKind::ReplicaSet,
            "ReplicationController" => WorkloadKind::ReplicationController,
            "Job" => WorkloadKind::Job,
            "CronJob" => WorkloadKind::CronJob,
            "PodTemplate" => WorkloadKind::PodTemplate,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WorkloadKind::Pod => "Pod",
            WorkloadKind::Deployment => "Deployment",
            WorkloadKind::StatefulSet => "StatefulSet",
            WorkloadKind::DaemonSet => "DaemonSet",
            WorkloadKind::ReplicaSet => "ReplicaSet",
            WorkloadKind::ReplicationController => "ReplicationController",
            WorkloadKind::Job => "Job",
            WorkloadKind::CronJob => "CronJob",
            WorkloadKind::PodTemplate => "PodTemplate",
        }
    }

    /// Keys from the object to its pod template (the mapping that has
    /// `metadata` and `spec`); `None` for a Pod, which is its own template.
    fn template_keys(self) -> &'static [&'static str] {
        match self {
            WorkloadKind::Pod => &[],
            WorkloadKind::PodTemplate => &["template"],
            WorkloadKind::CronJob => &["spec", "jobTemplate", "spec", "template"],
            _ => &["spec", "template"],
        }
    }
}

/// One pod (template) found in the input.
#[derive(Clone, PartialEq, Debug)]
pub struct Workload {
    pub kind: WorkloadKind,
    pub name: String,
    /// Where the pod spec is, e.g. `spec.template.spec` (with `items[i].` for lists).
    pub pod_path: String,
    pub pod: pss::PodLevel,
    /// Findings about the pod spec itself (they also appear on each container).
    pub findings: Vec<Finding>,
    pub at: Location,
}

impl Workload {
    /// `Kind/name`, as the report shows it.
    pub fn label(&self) -> String {
        format!("{}/{}", self.kind.as_str(), self.name)
    }
}

#[derive(Clone, PartialEq, Debug)]
pub struct K8sContainer {
    pub spec: ContainerSpec,
    /// Index into `Manifest::workloads`.
    pub workload: usize,
    /// The container's own fields as written, for Pod Security checks.
    pub level: pss::ContainerLevel,
    /// Findings for this container, including its pod's.
    pub findings: Vec<Finding>,
}

impl K8sContainer {
    /// Pod Security Standards verdict for this container in its pod.
    pub fn pss(&self, manifest: &Manifest) -> pss::Verdict {
        pss::evaluate(&manifest.workloads[self.workload].pod, &self.level)
    }
}

/// Why a document (or a List item) was not analysed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum SkipReason {
    Empty,
    NotAMapping,
    NoKind,
    NotAWorkload { kind: String },
    NoPodSpec { kind: String },
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Note {
    Skipped {
        at: Location,
        name: Option<String>,
        reason: SkipReason,
    },
    /// `spec.os.name: windows`: Linux capabilities do not apply.
    WindowsPod {
        workload: String,
        at: Location,
    },
    NoContainers {
        workload: String,
        at: Location,
    },
}

impl Note {
    /// The kind of a document skipped because that kind runs no containers
    /// (a Service, a ClusterRole…).
    pub fn kind_without_containers(&self) -> Option<&str> {
        match self {
            Note::Skipped {
                reason: SkipReason::NotAWorkload { kind },
                ..
            } => Some(kind),
            _ => None,
        }
    }
}

/// The documents skipped because their kind runs no containers, counted
/// per kind: the most frequent first, then by name. A cluster dump has
/// dozens; they read better as one line than as one line each.
pub fn kinds_without_containers(notes: &[Note]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for kind in notes.iter().filter_map(Note::kind_without_containers) {
        match counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Manifest {
    pub workloads: Vec<Workload>,
    pub containers: Vec<K8sContainer>,
    pub notes: Vec<Note>,
}

/// Parse pasted text (one or more YAML documents) and read its workloads.
pub fn read(text: &str) -> Result<Manifest, YamlError> {
    let docs = yaml::parse_default(text)?;
    Ok(from_documents(&docs))
}

pub fn from_documents(docs: &[Document]) -> Manifest {
    let mut m = Manifest::default();
    for doc in docs {
        read_object(&mut m, doc.index, &doc.root, "");
    }
    m
}

/// Where `node` stands: document, field path, line and column.
pub(crate) fn loc(doc: usize, path: &str, node: &Node) -> Location {
    Location {
        document: Some(doc),
        path: path.to_string(),
        argument: None,
        line: Some(node.pos.line),
        column: Some(node.pos.column),
    }
}

pub(crate) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn read_object(m: &mut Manifest, doc: usize, node: &Node, prefix: &str) {
    let at = loc(doc, prefix, node);
    let skip = |m: &mut Manifest, at, name, reason| {
        m.notes.push(Note::Skipped { at, name, reason });
    };
    if node.is_null() {
        return skip(m, at, None, SkipReason::Empty);
    }
    if node.as_map().is_none() {
        return skip(m, at, None, SkipReason::NotAMapping);
    }
    let name = node
        .get("metadata")
        .and_then(|md| md.get("name").or_else(|| md.get("generateName")))
        .and_then(Node::as_str)
        .map(str::to_string);
    let Some(kind) = node.get("kind").and_then(Node::as_str) else {
        return skip(m, at, name, SkipReason::NoKind);
    };
    if kind == "List" || (kind.ends_with("List") && kind.len() > 4) {
        if let Some(items) = node.get("items").and_then(Node::as_seq) {
            for (i, item) in items.iter().enumerate() {
                let p = join(prefix, &format!("items[{i}]"));
                read_object(m, doc, item, &p);
            }
            return;
        }
    }
    let no_pod_spec = || SkipReason::NoPodSpec {
        kind: kind.to_string(),
    };
    let Some(wk) = WorkloadKind::from_kind(kind) else {
        let reason = SkipReason::NotAWorkload {
            kind: kind.to_string(),
        };
        return skip(m, at, name, reason);
    };
    let Some((template, path)) = pod_template(node, wk, prefix) else {
        return skip(m, at, name, no_pod_spec());
    };
    let pod_findings = if wk != WorkloadKind::Pod {
        template_findings(doc, template, &path)
    } else {
        Vec::new()
    };
    let Some(spec) = template.get("spec").filter(|s| s.as_map().is_some()) else {
        return skip(m, at, name, no_pod_spec());
    };
    let pod_path = join(&path, "spec");
    let name = name.unwrap_or_else(|| "(unnamed)".to_string());
    // Pod Security reads the AppArmor annotations of the pod (template).
    let annotations = template
        .get("metadata")
        .and_then(|md| md.get("annotations"));
    read_pod(m, doc, wk, name, spec, annotations, pod_path, pod_findings);
}

/// The pod template of a workload (the object itself for a Pod) and its path.
fn pod_template<'n>(node: &'n Node, wk: WorkloadKind, prefix: &str) -> Option<(&'n Node, String)> {
    let mut template = node;
    let mut path = prefix.to_string();
    for key in wk.template_keys() {
        template = template.get(key)?;
        path = join(&path, key);
    }
    Some((template, path))
}

/// A pod template has only metadata and spec: the usual mistake is putting
/// the pod spec's fields straight into the template.
fn template_findings(doc: usize, template: &Node, path: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (k, _) in template.as_map().unwrap_or(&[]) {
        let Some(key) = k.as_str() else { continue };
        if key == "metadata" || key == "spec" {
            continue;
        }
        let kind = if fields::POD_SPEC.contains(&key) {
            FindingKind::MisplacedField {
                key: key.to_string(),
                level: Level::PodSpec,
                belongs: "template.spec",
            }
        } else {
            FindingKind::UnknownField {
                key: key.to_string(),
                level: Level::PodSpec,
                suggestion: None,
            }
        };
        findings.push(Finding {
            kind,
            at: loc(doc, &join(path, key), k),
        });
    }
    findings
}

/// Reads typed values and records type errors as findings (also used by
/// `compose`, whose files are YAML read the same way).
pub(crate) struct Reader<'a> {
    pub doc: usize,
    pub out: &'a mut Vec<Finding>,
}

impl Reader<'_> {
    pub fn wrong(&mut self, key: &str, path: &str, node: &Node, expected: Shape) {
        self.out.push(Finding {
            kind: FindingKind::WrongType {
                key: key.to_string(),
                expected,
                found: node.shape(),
            },
            at: loc(self.doc, path, node),
        });
    }

    /// `(key node, value)` for a field `read` accepts; a null counts as
    /// unset; anything else is a type error (expected `shape`).
    fn typed<'n, T>(
        &mut self,
        parent: &'n Node,
        key: &str,
        prefix: &str,
        read: impl Fn(&'n Node) -> Option<T>,
        shape: Shape,
    ) -> Option<(&'n Node, T)> {
        let (k, v) = parent.get_entry(key)?;
        if v.is_null() {
            return None;
        }
        match read(v) {
            Some(value) => Some((k, value)),
            None => {
                self.wrong(key, &join(prefix, key), v, shape);
                None
            }
        }
    }

    /// A boolean field, located at its key.
    pub fn flag(&mut self, map: &Node, key: &str, prefix: &str) -> Option<Flag> {
        let (k, value) = self.typed(map, key, prefix, Node::as_bool, Shape::Bool)?;
        Some(Flag {
            value,
            at: loc(self.doc, &join(prefix, key), k),
        })
    }

    fn int(&mut self, map: &Node, key: &str, prefix: &str) -> Option<(i64, Location)> {
        let (k, n) = self.typed(map, key, prefix, Node::as_int, Shape::Number)?;
        Some((n, loc(self.doc, &join(prefix, key), k)))
    }

    /// A uid or gid (`runAsUser`, `runAsGroup`): the API accepts 0 to
    /// 2^32−1 (`IsValidUserID`); anything else is a finding and reads as unset.
    fn id(&mut self, map: &Node, key: &str, prefix: &str) -> Option<(i64, Location)> {
        const MAX_ID: i64 = u32::MAX as i64;
        let (n, at) = self.int(map, key, prefix)?;
        if (0..=MAX_ID).contains(&n) {
            return Some((n, at));
        }
        self.out.push(Finding {
            kind: FindingKind::OutOfRange {
                key: key.to_string(),
                value: n,
                min: 0,
                max: MAX_ID,
            },
            at,
        });
        None
    }

    /// A mapping field.
    fn map<'n>(&mut self, parent: &'n Node, key: &str, prefix: &str) -> Option<&'n Node> {
        let read = |v: &'n Node| v.as_map().map(|_| v);
        self.typed(parent, key, prefix, read, Shape::Mapping)
            .map(|(_, v)| v)
    }

    pub fn list<'n>(&mut self, parent: &'n Node, key: &str, prefix: &str) -> Option<&'n [Node]> {
        self.typed(parent, key, prefix, Node::as_seq, Shape::List)
            .map(|(_, items)| items)
    }

    /// A list of strings, each with its own location.
    fn strings(&mut self, parent: &Node, key: &str, prefix: &str) -> Option<Vec<Spelled>> {
        let items = self.list(parent, key, prefix)?;
        let base = join(prefix, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let p = format!("{base}[{i}]");
            match item.as_str() {
                Some(text) if item.as_map().is_none() => out.push(Spelled {
                    text: text.to_string(),
                    at: loc(self.doc, &p, item),
                }),
                _ => self.wrong(key, &p, item, Shape::String),
            }
        }
        Some(out)
    }

    /// Flag keys that are misspelled or belong to another level.
    fn check_keys(&mut self, map: &Node, level: Level, prefix: &str) {
        for (k, _) in map.as_map().unwrap_or(&[]) {
            let Some(key) = k.as_str() else { continue };
            if fields::known(level).contains(&key) {
                continue;
            }
            let kind = match fields::belongs_elsewhere(level, key) {
                Some(belongs) => FindingKind::MisplacedField {
                    key: key.to_string(),
                    level,
                    belongs,
                },
                None => FindingKind::UnknownField {
                    key: key.to_string(),
                    level,
                    suggestion: fields::nearest(level, key),
                },
            };
            self.out.push(Finding {
                kind,
                at: loc(self.doc, &join(prefix, key), k),
            });
        }
    }
}

struct PodCommon {
    run_as_user: Option<(i64, Location)>,
    run_as_non_root: Option<Flag>,
}

#[allow(clippy::too_many_arguments)]
fn read_pod(
    m: &mut Manifest,
    doc: usize,
    kind: WorkloadKind,
    name: String,
    spec: &Node,
    annotations: Option<&Node>,
    pod_path: String,
    mut findings: Vec<Finding>,
) {
    let mut r = Reader {
        doc,
        out: &mut findings,
    };
    r.check_keys(spec, Level::PodSpec, &pod_path);
    let mut pod = pod_level(&mut r, spec, annotations, &pod_path);
    let (common, sysctls) = read_pod_security_context(&mut r, spec, &pod_path, &mut pod);
    read_volumes(&mut r, spec, &pod_path, &mut pod);
    let workload_at = loc(doc, &pod_path, spec);
    let label = format!("{}/{}", kind.as_str(), name);
    if pod.windows {
        m.notes.push(Note::WindowsPod {
            workload: label.clone(),
            at: workload_at.clone(),
        });
    }

    let containers = container_nodes(&mut r, spec, &pod_path);
    let widx = m.workloads.len();
    let mut built = Vec::new();
    for (role, path, c) in containers {
        let mut own = Vec::new();
        let (spec_c, level) = read_container(
            doc,
            &label,
            role,
            &path,
            c,
            &common,
            &sysctls,
            pod.host_network,
            &mut own,
        );
        built.push((spec_c, level, own));
    }
    if built.is_empty() {
        m.notes.push(Note::NoContainers {
            workload: label.clone(),
            at: workload_at.clone(),
        });
    }
    for (spec_c, level, own) in built {
        let mut all = findings.clone();
        all.extend(own);
        m.containers.push(K8sContainer {
            spec: spec_c,
            workload: widx,
            level,
            findings: all,
        });
    }
    m.workloads.push(Workload {
        kind,
        name,
        pod_path,
        pod,
        findings,
        at: workload_at,
    });
}

/// The pod's host namespaces, OS, user namespace and annotations.
fn pod_level(
    r: &mut Reader,
    spec: &Node,
    annotations: Option<&Node>,
    pod_path: &str,
) -> pss::PodLevel {
    let mut pod = pss::PodLevel {
        host_network: r
            .flag(spec, "hostNetwork", pod_path)
            .is_some_and(|f| f.value),
        host_pid: r.flag(spec, "hostPID", pod_path).is_some_and(|f| f.value),
        host_ipc: r.flag(spec, "hostIPC", pod_path).is_some_and(|f| f.value),
        windows: spec
            .get("os")
            .and_then(|o| o.get("name"))
            .and_then(Node::as_str)
            == Some("windows"),
        host_users: spec.get("hostUsers").and_then(Node::as_bool),
        ..Default::default()
    };
    for (k, v) in annotations.and_then(Node::as_map).unwrap_or(&[]) {
        if let (Some(k), Some(v)) = (k.as_str(), v.as_str()) {
            pod.note_annotation(k, v);
        }
    }
    pod
}

/// The pod's securityContext: what its containers inherit (user and
/// sysctls), and what Pod Security checks at pod level.
fn read_pod_security_context(
    r: &mut Reader,
    spec: &Node,
    pod_path: &str,
    pod: &mut pss::PodLevel,
) -> (PodCommon, Vec<(String, String)>) {
    let sc_path = join(pod_path, "securityContext");
    let mut common = PodCommon {
        run_as_user: None,
        run_as_non_root: None,
    };
    let mut sysctls = Vec::new();
    if let Some(sc) = r.map(spec, "securityContext", pod_path) {
        r.check_keys(sc, Level::PodSecurityContext, &sc_path);
        common.run_as_user = r.id(sc, "runAsUser", &sc_path);
        let _ = r.id(sc, "runAsGroup", &sc_path);
        common.run_as_non_root = r.flag(sc, "runAsNonRoot", &sc_path);
        pod.seccomp = seccomp_type(sc);
        pod.selinux = selinux(sc);
        pod.apparmor = apparmor_type(sc);
        pod.host_process = host_process(sc);
        if let Some(items) = r.list(sc, "sysctls", &sc_path) {
            for item in items {
                let n = item.get("name").and_then(Node::as_str);
                let v = item.get("value").and_then(Node::as_str).unwrap_or("");
                if let Some(n) = n {
                    sysctls.push((n.to_string(), v.to_string()));
                }
            }
        }
    }
    pod.run_as_user = common.run_as_user.as_ref().map(|(n, _)| *n);
    pod.run_as_non_root = common.run_as_non_root.as_ref().map(|f| f.value);
    pod.sysctls = sysctls.iter().map(|(n, _)| n.clone()).collect();
    (common, sysctls)
}

/// The pod's volumes, for Pod Security: hostPath ones, and the types the
/// restricted level does not allow.
fn read_volumes(r: &mut Reader, spec: &Node, pod_path: &str, pod: &mut pss::PodLevel) {
    let Some(vols) = r.list(spec, "volumes", pod_path) else {
        return;
    };
    for v in vols {
        let vname = v
            .get("name")
            .and_then(Node::as_str)
            .unwrap_or("")
            .to_string();
        for (k, _) in v.as_map().unwrap_or(&[]) {
            let Some(key) = k.as_str() else { continue };
            if key == "name" {
                continue;
            }
            if key == "hostPath" {
                pod.host_path_volumes.push(vname.clone());
            }
            if !pss::RESTRICTED_VOLUMES.contains(&key) {
                pod.restricted_volumes
                    .push((vname.clone(), key.to_string()));
            }
        }
    }
}

/// Every container of the pod (init, regular, ephemeral) with its role and
/// path; ones that are not mappings are reported and left out.
fn container_nodes<'n>(
    r: &mut Reader,
    spec: &'n Node,
    pod_path: &str,
) -> Vec<(Role, String, &'n Node)> {
    let mut containers = Vec::new();
    for (key, role) in [
        ("initContainers", Role::InitContainer),
        ("containers", Role::Container),
        ("ephemeralContainers", Role::EphemeralContainer),
    ] {
        let Some(items) = r.list(spec, key, pod_path) else {
            continue;
        };
        for (i, c) in items.iter().enumerate() {
            let path = format!("{}[{i}]", join(pod_path, key));
            if c.as_map().is_none() {
                r.wrong(key, &path, c, Shape::Mapping);
                continue;
            }
            containers.push((role, path, c));
        }
    }
    containers
}

fn seccomp_type(sc: &Node) -> Option<String> {
    sc.get("seccompProfile")
        .and_then(|p| p.get("type"))
        .and_then(Node::as_str)
        .map(str::to_string)
}

fn apparmor_type(sc: &Node) -> Option<String> {
    sc.get("appArmorProfile")
        .and_then(|p| p.get("type"))
        .and_then(Node::as_str)
        .map(str::to_string)
}

fn selinux(sc: &Node) -> Option<pss::SeLinux> {
    let o = sc.get("seLinuxOptions").filter(|o| o.as_map().is_some())?;
    let field = |k: &str| o.get(k).and_then(Node::as_str).unwrap_or("").to_string();
    Some(pss::SeLinux {
        type_: field("type"),
        user: field("user"),
        role: field("role"),
    })
}

fn host_process(sc: &Node) -> bool {
    sc.get("windowsOptions")
        .and_then(|w| w.get("hostProcess"))
        .and_then(Node::as_bool)
        == Some(true)
}

/// Non-empty `host` fields of the container's probes and lifecycle handlers.
fn probe_hosts(c: &Node) -> Vec<String> {
    let probes = ["livenessProbe", "readinessProbe", "startupProbe"]
        .into_iter()
        .filter_map(|k| c.get(k));
    let handlers = ["postStart", "preStop"]
        .into_iter()
        .filter_map(|k| c.get("lifecycle").and_then(|l| l.get(k)));
    let mut hosts = Vec::new();
    for h in probes.chain(handlers) {
        for action in ["httpGet", "tcpSocket"] {
            if let Some(host) = h
                .get(action)
                .and_then(|a| a.get("host"))
                .and_then(Node::as_str)
            {
                if !host.is_empty() && !hosts.iter().any(|x| x == host) {
                    hosts.push(host.to_string());
                }
            }
        }
    }
    hosts
}

#[allow(clippy::too_many_arguments)]
fn read_container(
    doc: usize,
    workload: &str,
    role: Role,
    path: &str,
    c: &Node,
    pod: &PodCommon,
    sysctls: &[(String, String)],
    host_network: bool,
    out: &mut Vec<Finding>,
) -> (ContainerSpec, pss::ContainerLevel) {
    let mut r = Reader { doc, out };
    r.check_keys(c, Level::Container, path);
    let name = c
        .get("name")
        .and_then(Node::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| path.rsplit('.').next().unwrap_or(path).to_string());
    let mut level = pss::ContainerLevel {
        name: name.clone(),
        ..Default::default()
    };
    if let Some(ports) = c.get("ports").and_then(Node::as_seq) {
        level.host_ports = ports
            .iter()
            .filter_map(|p| p.get("hostPort").and_then(Node::as_int))
            .collect();
    }
    level.probe_hosts = probe_hosts(c);
    let sc = read_container_security_context(&mut r, c, path, &mut level);
    ape_conflicts(r.out, &sc);

    // The container's value wins over the pod's (§8.1).
    let uid = sc.run_as_user.or_else(|| pod.run_as_user.clone());
    // `id` let only 0..=u32::MAX through.
    let user = match uid.and_then(|(n, _)| u32::try_from(n).ok()) {
        Some(n) => UserSpec::Uid(n),
        None => UserSpec::Image,
    };
    let spec = ContainerSpec {
        source: SourceKind::Kubernetes,
        workload: workload.to_string(),
        container: name,
        role,
        cap_add: sc.cap_add,
        cap_drop: sc.cap_drop,
        privileged: sc.privileged,
        allow_privilege_escalation: sc.ape,
        no_new_privileges: None,
        user,
        run_as_non_root: sc.run_as_non_root.or_else(|| pod.run_as_non_root.clone()),
        host_network,
        sysctls: sysctls.to_vec(),
        entrypoint_file_caps: None,
        at: loc(doc, path, c),
    };
    (spec, level)
}

/// What a container's securityContext says about its capabilities and
/// user, each with where it was written.
#[derive(Default)]
struct ContainerSecurity {
    cap_add: Vec<Spelled>,
    cap_drop: Vec<Spelled>,
    privileged: Option<Flag>,
    ape: Option<Flag>,
    run_as_user: Option<(i64, Location)>,
    run_as_non_root: Option<Flag>,
}

/// The container's securityContext; what Pod Security checks goes into `level`.
fn read_container_security_context(
    r: &mut Reader,
    c: &Node,
    path: &str,
    level: &mut pss::ContainerLevel,
) -> ContainerSecurity {
    let mut s = ContainerSecurity::default();
    let sc_path = join(path, "securityContext");
    if let Some(sc) = r.map(c, "securityContext", path) {
        r.check_keys(sc, Level::SecurityContext, &sc_path);
        s.privileged = r.flag(sc, "privileged", &sc_path);
        s.ape = r.flag(sc, "allowPrivilegeEscalation", &sc_path);
        s.run_as_user = r.id(sc, "runAsUser", &sc_path);
        let _ = r.id(sc, "runAsGroup", &sc_path);
        s.run_as_non_root = r.flag(sc, "runAsNonRoot", &sc_path);
        level.seccomp = seccomp_type(sc);
        level.selinux = selinux(sc);
        level.apparmor = apparmor_type(sc);
        level.host_process = host_process(sc);
        level.proc_mount = sc
            .get("procMount")
            .and_then(Node::as_str)
            .map(str::to_string);
        let caps_path = join(&sc_path, "capabilities");
        if let Some(caps) = r.map(sc, "capabilities", &sc_path) {
            r.check_keys(caps, Level::Capabilities, &caps_path);
            s.cap_add = r.strings(caps, "add", &caps_path).unwrap_or_default();
            s.cap_drop = r.strings(caps, "drop", &caps_path).unwrap_or_default();
            level.capabilities = Some(pss::Caps {
                add: s.cap_add.iter().map(|s| s.text.clone()).collect(),
                drop: s.cap_drop.iter().map(|s| s.text.clone()).collect(),
            });
        }
    }
    level.privileged = s.privileged.as_ref().map(|f| f.value);
    level.allow_privilege_escalation = s.ape.as_ref().map(|f| f.value);
    level.run_as_user = s.run_as_user.as_ref().map(|(n, _)| *n);
    level.run_as_non_root = s.run_as_non_root.as_ref().map(|f| f.value);
    s
}

/// §8.3: allowPrivilegeEscalation false contradicts privileged and SYS_ADMIN.
fn ape_conflicts(out: &mut Vec<Finding>, s: &ContainerSecurity) {
    let Some(a) = &s.ape else { return };
    if a.value {
        return;
    }
    if let Some(p) = s.privileged.as_ref().filter(|p| p.value) {
        out_push(out, ApeCause::Privileged, p.at.clone());
    }
    for cap in &s.cap_add {
        if cap.text.eq_ignore_ascii_case("ALL") {
            out_push(out, ApeCause::AddAll(cap.clone()), cap.at.clone());
        } else if catalog::by_any_spelling(&cap.text).is_some_and(|c| c.name == "CAP_SYS_ADMIN") {
            out_push(out, ApeCause::SysAdmin(cap.clone()), cap.at.clone());
        }
    }
}

fn out_push(out: &mut Vec<Finding>, cause: ApeCause, at: Location) {
    let rejected_by_api = cause.rejected_by_api();
    out.push(Finding {
        kind: FindingKind::ApeConflict {
            cause,
            rejected_by_api,
        },
        at,
    });
}

#[cfg(test)]
mod tests;
