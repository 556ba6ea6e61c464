//! Pastes that come from a Helm chart rather than from the cluster: a
//! template (`{{ .Values.image }}`) or a values file. Neither says what runs,
//! so they are recognised and answered with what to paste instead, rather
//! than with a YAML syntax error or a list of skipped documents.

use crate::yaml::{Document, Node, Pos};

/// A chart's file where rendered manifests were expected.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum HelmInput {
    /// Template actions (`{{ … }}`); `at` is the first one.
    Template { at: Pos },
    /// A values file: top-level chart options (the ones found, at most
    /// three, in the order written) and no `apiVersion`/`kind`.
    Values { keys: Vec<String> },
}

/// Words that only a Helm chart's templates put inside `{{ … }}`. Other
/// `{{ … }}` (Prometheus alert text, Argo parameters) live inside strings of
/// valid manifests and must still be analysed.
const CHART_ACTIONS: &[&str] = &[
    ".Values",
    ".Release",
    ".Chart",
    ".Capabilities",
    ".Files",
    "include ",
    "toYaml",
    "nindent",
];

/// Top-level keys of the values.yaml that `helm create` writes and most
/// charts copy.
const VALUES_KEYS: &[&str] = &[
    "replicaCount",
    "image",
    "imagePullSecrets",
    "nameOverride",
    "fullnameOverride",
    "serviceAccount",
    "podAnnotations",
    "podLabels",
    "podSecurityContext",
    "securityContext",
    "service",
    "ingress",
    "resources",
    "autoscaling",
    "nodeSelector",
    "tolerations",
    "affinity",
    "livenessProbe",
    "readinessProbe",
    "volumes",
    "volumeMounts",
];

/// The first template action outside a comment line, and whether any action
/// names a chart object. A 10 MB paste is read once, line by line.
fn first_action(text: &str) -> Option<(Pos, bool)> {
    // Almost every paste has no action at all: one scan of the whole text
    // (memchr-fast) instead of a search per line (6 ms per MB natively).
    if !text.contains("{{") {
        return None;
    }
    let mut first = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut rest = line;
        let mut offset = 0;
        while let Some(open) = rest.find("{{") {
            let Some(close) = rest[open..].find("}}") else {
                break;
            };
            let action = &rest[open + 2..open + close];
            let at = Pos {
                line: i as u32 + 1,
                column: (line[..offset + open].chars().count() + 1) as u32,
            };
            let chart = CHART_ACTIONS.iter().any(|w| action.contains(w));
            if chart {
                return Some((first.unwrap_or(at), true));
            }
            first.get_or_insert(at);
            offset += open + close + 2;
            rest = &line[offset..];
        }
    }
    first.map(|at| (at, false))
}

/// Before parsing: a template whose actions name chart objects (`.Values`,
/// `include`, `toYaml`), even when it happens to be valid YAML.
pub fn chart_template(text: &str) -> Option<HelmInput> {
    match first_action(text) {
        Some((at, true)) => Some(HelmInput::Template { at }),
        _ => None,
    }
}

/// After a parse error: any `{{ … }}` makes the text a template, which is
/// why it is not YAML.
pub fn template_behind_error(text: &str) -> Option<HelmInput> {
    first_action(text).map(|(at, _)| HelmInput::Template { at })
}

/// After parsing: a values file — no document has `apiVersion` or `kind`,
/// and the top level has at least two of the usual chart options.
pub fn values_file(docs: &[Document]) -> Option<HelmInput> {
    let has_kind = |n: &Node| n.get("kind").is_some() || n.get("apiVersion").is_some();
    if docs.is_empty() || docs.iter().any(|d| has_kind(&d.root)) {
        return None;
    }
    let keys: Vec<String> = docs
        .iter()
        .filter_map(|d| d.root.as_map())
        .flatten()
        .filter_map(|(k, _)| k.as_str())
        .filter(|k| VALUES_KEYS.contains(k))
        .map(str::to_string)
        .collect();
    if keys.len() < 2 {
        return None;
    }
    Some(HelmInput::Values {
        keys: keys.into_iter().take(3).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse_default;

    const TEMPLATE: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}\n";

    #[test]
    fn a_chart_template_is_recognised_at_its_first_action() {
        assert_eq!(
            chart_template(TEMPLATE),
            Some(HelmInput::Template {
                at: Pos { line: 4, column: 9 }
            })
        );
        // Valid YAML, but the image comes from the values: still a template.
        let quoted = "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: \"{{ .Values.image.repository }}\"\n";
        assert!(parse_default(quoted).is_ok());
        assert_eq!(
            chart_template(quoted),
            Some(HelmInput::Template {
                at: Pos {
                    line: 5,
                    column: 13
                }
            })
        );
    }

    #[test]
    fn other_braces_count_only_when_the_yaml_breaks() {
        // A PrometheusRule's alert text is a valid manifest.
        let rule = "kind: PrometheusRule\nspec:\n  groups:\n  - rules:\n    - annotations:\n        summary: \"{{ $labels.pod }} restarts\"\n";
        assert_eq!(chart_template(rule), None);
        // A template line that breaks the YAML, without a chart object.
        let broken = "kind: Pod\nspec:\n  containers:\n  {{ range $c := list \"a\" \"b\" }}\n  - name: x\n  {{ end }}\n";
        assert!(parse_default(broken).is_err());
        assert_eq!(chart_template(broken), None);
        assert_eq!(
            template_behind_error(broken),
            Some(HelmInput::Template {
                at: Pos { line: 4, column: 3 }
            })
        );
        // Commented-out actions and plain YAML are not templates.
        assert_eq!(template_behind_error("# {{ .Values.x }}\na: 1\n"), None);
        assert_eq!(template_behind_error("a: [1,\n"), None);
    }

    #[test]
    fn a_values_file_is_recognised_by_its_chart_options() {
        let values = "replicaCount: 1\nimage:\n  repository: nginx\n  tag: \"\"\nserviceAccount:\n  create: true\nsecurityContext: {}\n  # capabilities:\n  #   drop:\n  #   - ALL\nservice:\n  type: ClusterIP\n";
        let docs = parse_default(values).unwrap();
        assert_eq!(
            values_file(&docs),
            Some(HelmInput::Values {
                keys: vec![
                    "replicaCount".into(),
                    "image".into(),
                    "serviceAccount".into()
                ]
            })
        );
        // A manifest, a manifest without kind, a compose-like file: no.
        let pod = parse_default("apiVersion: v1\nkind: Pod\nimage: x\nresources: {}\n").unwrap();
        assert_eq!(values_file(&pod), None);
        let one_key = parse_default("image: nginx\nfoo: 1\n").unwrap();
        assert_eq!(values_file(&one_key), None);
        assert_eq!(values_file(&[]), None);
    }
}
