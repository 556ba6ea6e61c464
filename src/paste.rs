//! What the page's single paste box does: decide whether the text is a
//! docker/podman command line, a compose file or Kubernetes manifests, and
//! read it into `ContainerSpec`s with their input findings, Pod Security
//! verdicts and a hardened suggestion.

use crate::compose;
use crate::container::ContainerSpec;
use crate::k8s::{self, finding::Finding, harden, pss, Note};
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
    /// A command line; the caller hands it to the command-line reader.
    NotYaml,
}

/// Is the first meaningful line a `docker`/`podman` invocation?
pub fn looks_like_command(text: &str) -> bool {
    let Some(line) = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')) else {
        return false;
    };
    let line = line.trim_start_matches(['$', '#', ' ']);
    let line = line.strip_prefix("sudo ").unwrap_or(line).trim_start();
    ["docker ", "podman ", "nerdctl "].iter().any(|p| line.starts_with(p))
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
    InputContainer { spec, findings, pss, hardened }
}

/// Read a compose file or Kubernetes manifests (auto-detected per text).
/// Command lines are refused with `PasteError::NotYaml` so the caller can
/// route them to the command-line reader.
pub fn read_yaml(text: &str) -> Result<Input, PasteError> {
    if looks_like_command(text) {
        return Err(PasteError::NotYaml);
    }
    let docs = yaml::parse_default(text).map_err(PasteError::Yaml)?;
    if docs.iter().any(|d| compose::looks_like_compose(&d.root)) {
        let file = compose::from_documents(&docs);
        let containers = file
            .services
            .into_iter()
            .map(|s| {
                let (pod, c) = pss::levels_from_spec(&s.spec, s.seccomp_unconfined);
                let verdict = pss::evaluate(&pod, &c);
                finish(s.spec, s.findings, verdict)
            })
            .collect();
        return Ok(Input { form: Form::Compose, containers, notes: Vec::new() });
    }
    let m = k8s::from_documents(&docs);
    let containers = m
        .containers
        .iter()
        .map(|c| finish(c.spec.clone(), c.findings.clone(), c.pss(&m)))
        .collect();
    Ok(Input { form: Form::Kubernetes, containers, notes: m.notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_form() {
        assert_eq!(detect("docker run --cap-add NET_ADMIN busybox"), Form::DockerCommand);
        assert_eq!(detect("$ sudo podman run -u 1000 alpine id"), Form::DockerCommand);
        assert_eq!(detect("# comment\ndocker run x"), Form::DockerCommand);
        assert_eq!(detect(include_str!("../examples/compose.yaml")), Form::Compose);
        assert_eq!(detect(include_str!("../examples/cpb-demo.yaml")), Form::Kubernetes);
        assert_eq!(detect("kind: Pod\n"), Form::Kubernetes);
    }

    #[test]
    fn reads_compose_and_kubernetes_with_verdicts_and_suggestions() {
        let k = read_yaml(include_str!("../examples/bind-nonroot.yaml")).unwrap();
        assert_eq!(k.form, Form::Kubernetes);
        assert!(k.containers[0].pss.restricted());
        assert_eq!(k.containers[0].hardened.add, ["NET_BIND_SERVICE"]);
        let c = read_yaml(include_str!("../examples/compose.yaml")).unwrap();
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
        assert!(matches!(read_yaml("a: [1,\n"), Err(PasteError::Yaml(YamlError::Syntax { .. }))));
    }
}
