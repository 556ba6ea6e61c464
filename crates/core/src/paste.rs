//! What the page's single paste box does: decide whether the text is a
//! docker/podman command line, a compose file or Kubernetes manifests, and
//! read it into `ContainerSpec`s with their input findings, Pod Security
//! verdicts and a hardened suggestion.

use crate::analysis::{self, AnalysisOptions, ContainerReport, ImageUser, PssVerdict};
use crate::catalog::KernelVersion;
use crate::cmdline::{self, CmdlineError};
use crate::compose;
use crate::container::{ContainerSpec, SourceKind};
use crate::k8s::{self, finding::Finding, harden, helm, pss, Note};
use crate::peers;
use crate::runtime::{DockerEra, PodmanEra, Runtime};
use crate::yaml::{self, YamlError};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    DockerCommand,
    Compose,
    Kubernetes,
}

#[derive(Clone, PartialEq, Debug)]
pub struct InputContainer {
    pub spec: ContainerSpec,
    /// Findings about how the input is written (unknown/misplaced fields,
    /// ape-conflict). Runtime findings come from the runtime analysis.
    pub findings: Vec<Finding>,
    pub pss: pss::Verdict,
    pub hardened: harden::Hardened,
    /// Other analysers' verdicts (Kubernetes only; `peers::compare` sets
    /// them beside the report).
    pub peers: Vec<peers::Judged>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Input {
    pub form: Form,
    pub containers: Vec<InputContainer>,
    pub notes: Vec<Note>,
}

#[derive(Clone, PartialEq, Debug)]
pub enum PasteError {
    Yaml(YamlError),
    /// A command line given to `read_yaml`.
    NotYaml,
    Cmdline(CmdlineError),
    /// A Helm chart's template or values file, not rendered manifests.
    Helm(helm::HelmInput),
}

/// Is the first meaningful line a `docker`/`podman` invocation?
pub fn looks_like_command(text: &str) -> bool {
    let Some(line) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let line = line.trim_start_matches(['$', '#', ' ']);
    let line = line.strip_prefix("sudo ").unwrap_or(line).trim_start();
    ["docker ", "podman ", "nerdctl "]
        .iter()
        .any(|p| line.starts_with(p))
}

/// Which kind of input this is (without reading it fully).
pub fn detect(text: &str) -> Form {
    if looks_like_command(text) {
        return Form::DockerCommand;
    }
    match yaml::parse_default(text) {
        Ok(docs) if docs.iter().any(|d| compose::looks_like_compose(&d.root)) => Form::Compose,
        _ => Form::Kubernetes,
    }
}

fn finish(spec: ContainerSpec, findings: Vec<Finding>, pss: pss::Verdict) -> InputContainer {
    let hardened = harden::suggest(&spec);
    InputContainer {
        spec,
        findings,
        pss,
        hardened,
        peers: Vec::new(),
    }
}

/// Read a compose file or Kubernetes manifests (auto-detected per text).
/// Command lines are refused with `PasteError::NotYaml` so the caller can
/// route them to the command-line reader.
pub fn read_yaml(text: &str) -> Result<Input, PasteError> {
    if looks_like_command(text) {
        return Err(PasteError::NotYaml);
    }
    refuse_chart_template(text)?;
    let docs = yaml::parse_default(text).map_err(|e| yaml_failure(text, e))?;
    refuse_values_file(&docs)?;
    Ok(from_documents(&docs))
}

/// Before parsing: a Helm template whose actions name chart objects, which
/// would otherwise be analysed with its placeholders or fail as YAML.
pub fn refuse_chart_template(text: &str) -> Result<(), PasteError> {
    helm::chart_template(text).map_or(Ok(()), |h| Err(PasteError::Helm(h)))
}

/// Why the text is not YAML: a template's `{{ … }}` when it has one (the
/// real cause), else the parser's own error.
pub fn yaml_failure(text: &str, e: YamlError) -> PasteError {
    let syntax = matches!(e, YamlError::Syntax { .. } | YamlError::DuplicateKey { .. });
    match helm::template_behind_error(text) {
        Some(h) if syntax => PasteError::Helm(h),
        _ => PasteError::Yaml(e),
    }
}

/// After parsing: a Helm values file (chart options, no object), unless it
/// is a compose file.
pub fn refuse_values_file(docs: &[yaml::Document]) -> Result<(), PasteError> {
    if docs.iter().any(|d| compose::looks_like_compose(&d.root)) {
        return Ok(());
    }
    helm::values_file(docs).map_or(Ok(()), |h| Err(PasteError::Helm(h)))
}

/// Read parsed YAML documents: a compose file when any document looks like
/// one, Kubernetes manifests otherwise. (`read_yaml` after the parse; the
/// page calls it after parsing in slices.)
#[inline(never)] // called by `read_yaml` and by the page: one copy in the wasm
pub fn from_documents(docs: &[yaml::Document]) -> Input {
    if docs.iter().any(|d| compose::looks_like_compose(&d.root)) {
        let file = compose::from_documents(docs);
        let containers = file
            .services
            .into_iter()
            .map(|s| {
                let (pod, c) = pss::levels_from_spec(&s.spec, s.seccomp_unconfined);
                let verdict = pss::evaluate(&pod, &c);
                finish(s.spec, s.findings, verdict)
            })
            .collect();
        return Input {
            form: Form::Compose,
            containers,
            notes: Vec::new(),
        };
    }
    let m = k8s::from_documents(docs);
    let verdicts: Vec<pss::Verdict> = m.containers.iter().map(|c| c.pss(&m)).collect();
    let judged = peers::judge_manifest(&m, &verdicts);
    let containers = m
        .containers
        .iter()
        .zip(verdicts)
        .zip(judged)
        .map(|((c, verdict), judged)| InputContainer {
            peers: judged,
            ..finish(c.spec.clone(), c.findings.clone(), verdict)
        })
        .collect();
    Input {
        form: Form::Kubernetes,
        containers,
        notes: m.notes,
    }
}

/// Read any pasted input: a docker/podman command line, a compose file or
/// Kubernetes manifests.
pub fn read(text: &str) -> Result<Input, PasteError> {
    if !looks_like_command(text) {
        return read_yaml(text);
    }
    let run = cmdline::parse_command(text, SourceKind::DockerRun).map_err(PasteError::Cmdline)?;
    let (pod, c) = pss::levels_from_spec(&run.spec, false);
    let verdict = pss::evaluate(&pod, &c);
    Ok(Input {
        form: Form::DockerCommand,
        containers: vec![finish(run.spec, Vec::new(), verdict)],
        notes: Vec::new(),
    })
}

/// How to run the analysis of an `Input`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Settings {
    /// The runtime for Kubernetes containers (containerd or CRI-O).
    pub kubernetes: Runtime,
    /// The engine for compose files and docker command lines.
    pub docker: DockerEra,
    pub podman: PodmanEra,
    pub kernel: Option<KernelVersion>,
    pub image_user: ImageUser,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            kubernetes: Runtime::Containerd(Default::default()),
            docker: DockerEra::default(),
            podman: PodmanEra::default(),
            kernel: None,
            image_user: ImageUser::Unknown,
        }
    }
}

/// One container's report, with the input findings merged in (most
/// severe first) and the Pod Security verdict filled.
#[inline(never)] // called by `analyse` and by the page's sliced reading
pub fn report(c: &InputContainer, settings: &Settings) -> ContainerReport {
    let runtime = match c.spec.source {
        SourceKind::Kubernetes => settings.kubernetes,
        SourceKind::Compose | SourceKind::DockerRun => Runtime::Docker(settings.docker),
        SourceKind::PodmanRun => Runtime::Podman(settings.podman),
    };
    let mut opts = AnalysisOptions::new(runtime);
    if let Some(k) = settings.kernel {
        opts = opts.with_kernel(k);
    }
    opts.image_user = settings.image_user;
    let mut r = analysis::analyse(&c.spec, &opts);
    let mut findings: Vec<analysis::Finding> = c
        .findings
        .iter()
        .map(analysis::Finding::from_manifest)
        .collect();
    findings.append(&mut r.findings);
    // Stable: within a severity, input findings first, then in input order.
    crate::severity::Severity::most_severe_first(&mut findings, |f| f.severity);
    r.findings = findings;
    r.pss = Some(PssVerdict {
        baseline: c.pss.baseline(),
        restricted: c.pss.restricted(),
    });
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_form() {
        assert_eq!(
            detect("docker run --cap-add NET_ADMIN busybox"),
            Form::DockerCommand
        );
        assert_eq!(
            detect("$ sudo podman run -u 1000 alpine id"),
            Form::DockerCommand
        );
        assert_eq!(detect("# comment\ndocker run x"), Form::DockerCommand);
        assert_eq!(
            detect(include_str!("../../../examples/compose.yaml")),
            Form::Compose
        );
        assert_eq!(
            detect(include_str!("../../../examples/cpb-demo.yaml")),
            Form::Kubernetes
        );
        assert_eq!(detect("kind: Pod\n"), Form::Kubernetes);
    }

    #[test]
    fn reads_compose_and_kubernetes_with_verdicts_and_suggestions() {
        let k = read_yaml(include_str!("../../../examples/bind-nonroot.yaml")).unwrap();
        assert_eq!(k.form, Form::Kubernetes);
        assert!(k.containers[0].pss.restricted());
        assert_eq!(k.containers[0].hardened.add, ["NET_BIND_SERVICE"]);
        let c = read_yaml(include_str!("../../../examples/compose.yaml")).unwrap();
        assert_eq!(c.form, Form::Compose);
        assert_eq!(c.containers.len(), 2);
        // web: drop ALL, only NET_BIND_SERVICE, NNP, docker's seccomp, uid 101,
        // but no runAsNonRoot: restricted fails on that alone.
        let web = &c.containers[0].pss;
        assert!(web.baseline());
        assert_eq!(web.violations, [pss::Violation::RunAsNonRootUnset]);
        // debug: host network, NET_ADMIN/CAP_NET_RAW adds.
        assert!(!c.containers[1].pss.baseline());
        assert_eq!(read_yaml("docker run x"), Err(PasteError::NotYaml));
        let d = read("docker run --cap-add NET_ADMIN --user 1000 busybox").unwrap();
        assert_eq!(d.form, Form::DockerCommand);
        assert_eq!(d.containers[0].spec.cap_add[0].text, "NET_ADMIN");
        assert!(matches!(
            read("docker run --user"),
            Err(PasteError::Cmdline(_))
        ));
        assert!(matches!(
            read_yaml("a: [1,\n"),
            Err(PasteError::Yaml(YamlError::Syntax { .. }))
        ));
    }

    /// A chart's template or values file is answered as such, not as a YAML
    /// error or as documents without a kind; everything else reads as before.
    #[test]
    fn helm_charts_are_recognised_instead_of_read() {
        use helm::HelmInput;
        let template = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n  - name: app\n    securityContext:\n      {{- toYaml .Values.securityContext | nindent 6 }}\n";
        assert!(matches!(
            read_yaml(template),
            Err(PasteError::Helm(HelmInput::Template { at })) if at.line == 4
        ));
        assert!(matches!(read(template), Err(PasteError::Helm(_))));
        // Not YAML because of a `{{ … }}` without a chart object: still a template.
        let range = "kind: Pod\nspec:\n  containers:\n  {{ range .containers }}\n  - name: x\n  {{ end }}\n";
        assert!(matches!(read_yaml(range), Err(PasteError::Helm(_))));
        let values = "replicaCount: 2\nimage:\n  repository: nginx\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n";
        assert!(matches!(
            read_yaml(values),
            Err(PasteError::Helm(HelmInput::Values { keys })) if keys == ["replicaCount", "image", "securityContext"]
        ));
        // Alert text in braces inside a valid manifest, and compose: read.
        let rule = "kind: PrometheusRule\nmetadata: {name: r}\nspec:\n  groups:\n  - rules:\n    - annotations: {summary: \"{{ $labels.pod }}\"}\n";
        assert_eq!(read_yaml(rule).unwrap().containers.len(), 0);
        let compose = "services:\n  web:\n    image: nginx\n    volumes: []\n    resources: {}\n";
        assert_eq!(read_yaml(compose).unwrap().form, Form::Compose);
        // A broken file with no braces keeps its YAML error.
        assert!(matches!(read_yaml("a: [1,\n"), Err(PasteError::Yaml(_))));
    }

    /// §8.4 applied to a command line: the same settings as a pod would have.
    #[test]
    fn pod_security_for_docker_command_lines() {
        let v = |cmd: &str| read(cmd).unwrap().containers.remove(0).pss;
        let hardened = v("docker run --cap-drop ALL --cap-add NET_BIND_SERVICE --security-opt no-new-privileges --user 1000 nginx");
        assert!(hardened.baseline());
        // Docker has no runAsNonRoot; a numeric non-root user is not enough for PSA.
        assert_eq!(hardened.violations, [pss::Violation::RunAsNonRootUnset]);
        let lower = v("docker run --cap-drop all --security-opt no-new-privileges nginx");
        assert!(lower.violations.contains(&pss::Violation::MissingDropAll {
            wrote: vec!["all".into()]
        }));
        let p = v("docker run --privileged --network host --user root nginx");
        assert!(p.violations.contains(&pss::Violation::Privileged));
        assert!(p.violations.contains(&pss::Violation::HostNamespaces {
            network: true,
            pid: false,
            ipc: false
        }));
        assert!(p.violations.contains(&pss::Violation::RunAsUserZero {
            pod: false,
            container: true
        }));
        // No flags at all: Docker's defaults mean no `capabilities` in PSA's eyes.
        let plain = v("docker run nginx");
        assert!(plain.baseline());
        assert!(plain
            .violations
            .contains(&pss::Violation::MissingDropAll { wrote: vec![] }));
        assert!(plain
            .violations
            .contains(&pss::Violation::AllowPrivilegeEscalationNotFalse { set_true: false }));
    }
}
