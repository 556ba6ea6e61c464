//! 简体中文.

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
        Tool::PodSecurity => "Pod 安全性准入",
    }
}

pub fn peer_verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "通过",
        Verdict::Fail => "不通过",
        Verdict::NotRun => "不检查这个容器",
    }
}

fn name(cap: Cap) -> &'static str {
    cap.short_name()
}

pub fn disagreement(d: &Disagreement) -> String {
    match d {
        Disagreement::FailsForOther { container } | Disagreement::PassesForOther { container } => {
            format!("只是因为容器 `{container}`：这条规则评判的是整个工作负载")
        }
        Disagreement::PassButRefused => "运行时拒绝创建这个容器".into(),
        Disagreement::PassButPrivileged => "这个容器是特权容器".into(),
        Disagreement::PassButNoNewPrivsUnset => {
            "PID 1 没有设置 `no_new_privs`：set-user-ID 程序或带文件权能的程序仍能提升特权".into()
        }
        Disagreement::PassButEffective { cap } => {
            format!("`{}` 在 PID 1 的有效集中", name(*cap))
        }
        Disagreement::PassButKept { cap } => {
            format!("`{}` 仍在边界集中：带文件权能的程序仍能使用它", name(*cap))
        }
        Disagreement::PassButGranted { spelled, cap } => {
            format!("`{spelled}` 会被当作 `{}` 授予", name(*cap))
        }
        Disagreement::FailButNotHeld { cap } => {
            format!("容器本来就没有 `{}`", name(*cap))
        }
        Disagreement::FailButNoneKept => "容器没有保留任何这条规则禁止的权能".into(),
        Disagreement::FailButNotGranted { spelled } => {
            format!("`{spelled}` 什么也没有授予：运行时不会添加它")
        }
        Disagreement::FailButAllowed { spelled, cap } => format!(
            "运行时把 `{spelled}` 读作 `{}`，而这条规则允许它",
            name(*cap)
        ),
        Disagreement::FailButNotEffective { cap } => {
            format!("添加的 `{}` 不在这个非 root 用户的有效集中", name(*cap))
        }
        Disagreement::FailButAlreadyDefault { cap } => format!(
            "`{}` 本来就是运行时的默认权能：添加它不改变任何东西",
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
    let Some(d) = &r.reason else {
        return format!("{head}，与 caplens 的分析一致。");
    };
    let clause = disagreement(d);
    // "但" takes a space before Latin text or code (glossary §7).
    let space = if clause.starts_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    format!("{head}，但{space}{clause}。")
}

pub fn peers_text(results: &[PeerResult]) -> String {
    let mut out = String::new();
    for r in results.iter().filter(|r| !r.agrees) {
        if out.is_empty() {
            out.push_str("\n  检查工具与实际情况（只列出 caplens 不同意的结论）：\n");
        }
        out.push_str(&format!("    - {}\n", peer_message(r)));
    }
    out
}

pub fn peers_title() -> &'static str {
    "各检查工具的判定"
}

pub fn peers_intro() -> &'static str {
    "每条规则都按工具源码里的定义判定，旁边是 PID 1 的实际情况；不一致的排在前面。"
}

pub fn peers_agreeing(n: usize) -> String {
    format!("caplens 认同的判定：{n} 条")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{english_run, spacing_error};
    use caplens_core::peers::Scope;

    fn result(tool: Tool, verdict: Verdict, reason: Option<Disagreement>) -> PeerResult {
        PeerResult {
            tool,
            version: "1.36",
            rule: "capabilities_restricted",
            scope: Scope::Container,
            verdict,
            agrees: reason.is_none(),
            reason,
        }
    }

    #[test]
    fn every_disagreement_reads_as_chinese() {
        let cases = [
            Disagreement::FailsForOther {
                container: "init".into(),
            },
            Disagreement::PassButRefused,
            Disagreement::PassButNoNewPrivsUnset,
            Disagreement::PassButEffective { cap: Cap::NET_RAW },
            Disagreement::PassButGranted {
                spelled: "sys_admin".into(),
                cap: Cap::SYS_ADMIN,
            },
            Disagreement::FailButNoneKept,
            Disagreement::FailButAllowed {
                spelled: "net_bind_service".into(),
                cap: Cap::NET_BIND_SERVICE,
            },
            Disagreement::FailButNotEffective {
                cap: Cap::NET_ADMIN,
            },
        ];
        for d in cases {
            for tool in [Tool::PodSecurity, Tool::KubeLinter] {
                let m = peer_message(&result(tool, Verdict::Fail, Some(d.clone())));
                assert_eq!(english_run(&m), None, "{m}");
                assert_eq!(spacing_error(&m), None, "{m}");
            }
        }
        let m = peer_message(&result(
            Tool::PodSecurity,
            Verdict::Fail,
            Some(Disagreement::PassButEffective { cap: Cap::NET_RAW }),
        ));
        assert_eq!(
            m,
            "Pod 安全性准入 `capabilities_restricted` 不通过，但 `NET_RAW` 在 PID 1 的有效集中。"
        );
    }
}
