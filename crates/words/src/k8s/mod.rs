//! Sentences: reading Kubernetes manifests and compose files — YAML
//! errors, notes on skipped documents, input findings, Pod Security
//! verdicts and the hardened securityContext's comments.

use caplens_core::container::{Location, SourceKind};
use caplens_core::k8s::fields::Level;
use caplens_core::k8s::finding::FindingKind;
use caplens_core::k8s::harden::Hardened;
use caplens_core::k8s::helm::HelmInput;
use caplens_core::k8s::pss::{self, Violation};
use caplens_core::k8s::Note;
use caplens_core::paste::Form;
use caplens_core::yaml::{Shape, SyntaxKind, YamlError};

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait K8sWords {
        fn form(f: Form) -> &'static str;
        fn shape(s: Shape) -> &'static str;
        fn level(l: Level) -> &'static str;
        /// `line 12, column 5` (or the path when there is no line).
        fn place(at: &Location) -> String;
        fn yaml_error(e: &YamlError) -> String;
        /// What is wrong with text that is not well-formed YAML.
        fn yaml_syntax(k: SyntaxKind) -> &'static str;
        fn k8s_note(n: &Note) -> String;
        /// One line for the documents skipped because their kind runs no
        /// containers, counted per kind (`kinds_without_containers`).
        fn skipped_kinds(kinds: &[(String, usize)]) -> String;
        fn k8s_finding_message(k: &FindingKind) -> String;
        fn k8s_finding_fix(k: &FindingKind) -> String;
        fn pss_level(l: pss::Level) -> &'static str;
        /// Why Pod Security refuses the container, in PSA's terms (its check id
        /// first), in our words.
        fn violation(v: &Violation) -> String;
        fn pss_summary(v: &pss::Verdict) -> String;
        fn pss_not_modelled() -> String;
        /// Comment lines (each starting with `# `) that explain the suggestion,
        /// naming the settings as they are spelt in what was pasted.
        fn hardened_comments(h: &Hardened, source: SourceKind) -> Vec<String>;
        /// The comments plus the settings to paste: Kubernetes or compose YAML, or
        /// docker/podman run options, matching what was pasted.
        fn hardened_snippet(spec: &caplens_core::container::ContainerSpec, h: &Hardened) -> String;
        /// Why a paste could not be read.
        fn paste_error(e: &caplens_core::paste::PasteError) -> String;
        fn not_yaml_hint() -> &'static str;
        /// A Helm chart's template or values file where manifests were
        /// expected, and what to paste instead.
        fn helm_input(h: &HelmInput) -> String;
        /// Heading for one input file in the human output.
        fn file_heading(file: &str, f: Form, containers: usize) -> String;
        /// The Pod Security part of the human output for one container.
        fn pss_text(v: &pss::Verdict) -> String;
        /// The suggestion block in the human output.
        fn suggestion_text(spec: &caplens_core::container::ContainerSpec, h: &Hardened) -> String;
    }
}
