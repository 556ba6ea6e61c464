//! English.

use caplens_core::cap::Cap;
use caplens_core::peers::{Disagreement, PeerResult, Tool, Verdict};

pub fn tool_name(t: Tool) -> &'static str {
    match t {
        Tool::Checkov => "Checkov",
        Tool::KubeLinter => "kube-linter",
        Tool::Trivy => "Trivy",
        Tool::Kubesec => "kubesec",
        Tool::Polaris => "Polaris",
        Tool::Kubescape => "Kubescape",
        Tool::PodSecurity => "Pod Security Admission",
    }
}

pub fn peer_verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "passes",
        Verdict::Fail => "fails",
        Verdict::NotRun => "does not look at this container",
    }
}

fn name(cap: Cap) -> &'static str {
    cap.short_name()
}

pub fn disagreement(d: &Disagreement) -> String {
    match d {
        Disagreement::FailsForOther { container } | Disagreement::PassesForOther { container } => {
            format!("only because of container `{container}`: the rule judges the whole workload")
        }
        Disagreement::PassButRefused => "the runtime refuses to create this container".into(),
        Disagreement::PassButPrivileged => "the container is privileged".into(),
        Disagreement::PassButNoNewPrivsUnset => "PID 1 runs without `no_new_privs`: a set-user-ID \
             program or one with file capabilities can still gain privileges"
            .into(),
        Disagreement::PassButEffective { cap } => {
            format!("`{}` is in PID 1's effective set", name(*cap))
        }
        Disagreement::PassButKept { cap } => format!(
            "`{}` stays in the bounding set: a program with file capabilities can still use it",
            name(*cap)
        ),
        Disagreement::PassButGranted { spelled, cap } => {
            format!("`{spelled}` is granted as `{}`", name(*cap))
        }
        Disagreement::FailButNotHeld { cap } => {
            format!("the container does not have `{}` anyway", name(*cap))
        }
        Disagreement::FailButNoneKept => {
            "the container keeps no capability the rule forbids".into()
        }
        Disagreement::FailButNotGranted { spelled } => {
            format!("`{spelled}` grants nothing: the runtime does not add it")
        }
        Disagreement::FailButAllowed { spelled, cap } => format!(
            "the runtime reads `{spelled}` as `{}`, which the rule allows",
            name(*cap)
        ),
        Disagreement::FailButNotEffective { cap } => format!(
            "the added `{}` is not in the effective set of this non-root user",
            name(*cap)
        ),
        Disagreement::FailButAlreadyDefault { cap } => format!(
            "`{}` is one of the runtime's defaults: adding it changes nothing",
            name(*cap)
        ),
    }
}

pub fn peer_message(r: &PeerResult) -> String {
    let head = format!(
        "{} `{}` {}",
        tool_name(r.tool),
        r.rule,
        peer_verdict(r.verdict)
    );
    match &r.reason {
        None => format!("{head}, and caplens agrees."),
        Some(d) => format!("{head}, but {}.", disagreement(d)),
    }
}

pub fn peers_text(results: &[PeerResult]) -> String {
    let mut out = String::new();
    for r in results.iter().filter(|r| !r.agrees) {
        if out.is_empty() {
            out.push_str("\n  Linters vs. reality (only where caplens disagrees):\n");
        }
        out.push_str(&format!("    - {}\n", peer_message(r)));
    }
    out
}

pub fn peers_title() -> &'static str {
    "What the linters say"
}

pub fn peers_intro() -> &'static str {
    "Each rule as its tool's source defines it, next to what PID 1 really gets; disagreements first."
}

pub fn peers_agreeing(n: usize) -> String {
    match n {
        1 => "1 verdict caplens agrees with".to_string(),
        n => format!("{n} verdicts caplens agrees with"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::peers::Scope;

    fn result(verdict: Verdict, reason: Option<Disagreement>) -> PeerResult {
        PeerResult {
            tool: Tool::Checkov,
            version: "3.3.30",
            rule: "CKV_K8S_28",
            scope: Scope::Container,
            verdict,
            agrees: reason.is_none(),
            reason,
        }
    }

    #[test]
    fn a_disagreement_names_the_rule_the_verdict_and_the_capability() {
        let r = result(
            Verdict::Pass,
            Some(Disagreement::PassButEffective { cap: Cap::NET_RAW }),
        );
        assert_eq!(
            peer_message(&r),
            "Checkov `CKV_K8S_28` passes, but `NET_RAW` is in PID 1's effective set."
        );
        let text = peers_text(&[r, result(Verdict::Fail, None)]);
        assert_eq!(text.matches("    - ").count(), 1, "{text}");
        assert_eq!(peers_text(&[result(Verdict::Fail, None)]), "");
    }
}
