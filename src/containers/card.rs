//! One container's card: its title and verdicts, what PID 1 gets, links to
//! the Exec view, what each add did, the findings with their fixes, the
//! runtime's notes, the OCI sets, and the hardened snippet to copy.
use super::links::exec_links;
use super::sets::{set_rows, sets_table};
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use crate::lang::W;
use crate::widgets::copy_button;
use caplens_core::analysis::{ContainerReport, Finding, Severity};
use caplens_core::container::{Role, SourceKind};
use caplens_core::paste;
use caplens_words::prelude::*;
use yew::prelude::*;

/// The card of container number `i` (its ids count from 0).
#[inline(never)]
pub fn card(i: usize, r: &ContainerReport, c: &paste::InputContainer, fcaps_text: &str) -> Html {
    el_dyn(
        "article",
        &["class", "id", "aria-labelledby"],
        vec![
            Some(AttrValue::Static("panel card")),
            Some(h::id("container-", i, "")),
            Some(h::id("container-", i, "-title")),
        ],
        h::kids([
            title(i, r),
            verdict(r),
            pss_fails(c),
            error(r.creation_error.as_ref().map(|x| W.creation_error(x))),
            error(r.start_failure.as_ref().map(|x| W.start_failure(x))),
            el_s("h4", &[], W.findings_title()),
            findings(r),
            peers(r, c),
            pid1(r),
            links(r, fcaps_text),
            adds(r),
            notes(r),
            oci(r),
            el_s("h4", &[], W.hardened_title()),
            hardened(i, c),
        ]),
    )
}

/// The workload, the container, its role and runtime, the Pod Security verdicts.
fn title(i: usize, r: &ContainerReport) -> Html {
    el_dyn(
        "h3",
        &["id"],
        vec![Some(h::id("container-", i, "-title"))],
        h::kids([
            el_t("span", attrs!("class" = "workload"), r.workload.clone()),
            st(" · "),
            el_t("span", attrs!("class" = "cname"), r.container.clone()),
            st(" "),
            el_s("span", attrs!("class" = "badge"), role(r.role)),
            st(" "),
            el_t(
                "span",
                attrs!("class" = "badge"),
                W.runtime_label(r.runtime),
            ),
            st(" "),
            pss(r),
        ]),
    )
}

/// The Pod Security badges (Kubernetes only).
fn pss(r: &ContainerReport) -> Html {
    match r.pss {
        Some(v) => h::list(h::kids([h::list(h::kids([
            el_t(
                "span",
                pass_badge(v.baseline),
                W.pss_badge("baseline", v.baseline),
            ),
            st(" "),
            el_t(
                "span",
                pass_badge(v.restricted),
                W.pss_badge("restricted", v.restricted),
            ),
        ]))])),
        None => h::list(Vec::new()),
    }
}

/// The card's first lines: what PID 1 effectively holds (per image user
/// when the image decides), and the most serious finding.
fn verdict(r: &ContainerReport) -> Html {
    let line = |who: &str, p: &caplens_core::analysis::Pid1| {
        let eff = p.state.effective;
        el_t(
            "p",
            attrs!("class" = "verdict"),
            W.verdict_effective(who, eff.len(), &W.cap_list(eff)),
        )
    };
    let mut lines = Vec::new();
    match (&r.pid1, &r.pid1_by_image_user) {
        (Some(p), _) => lines.push(line(&W.pid1_title(p.uid), p)),
        (None, Some(by)) => {
            if let Some(p) = &by.root {
                lines.push(line(W.pid1_if_root(), p));
            }
            if let Some(p) = &by.nonroot {
                lines.push(line(W.pid1_if_nonroot(), p));
            }
        }
        _ => {}
    }
    // The first of the most severe (max_by_key keeps the last).
    let worst = r.findings.iter().rev().max_by_key(|f| f.severity);
    if let Some(f) = worst.filter(|f| f.severity > Severity::Info) {
        lines.push(el(
            "p",
            attrs!("class" = "verdict"),
            h::kids([text(W.verdict_worst(&W.finding_message(f)))]),
        ));
    }
    h::list(lines)
}

/// The Pod Security checks that fail, as the CLI lists them.
fn pss_fails(c: &paste::InputContainer) -> Html {
    if c.pss.violations.is_empty() {
        return Html::default();
    }
    let items: Vec<String> = c.pss.violations.iter().map(|v| W.violation(v)).collect();
    el(
        "div",
        attrs!("class" = "pss-fails"),
        h::kids([
            el_s("p", attrs!("class" = "muted"), W.pss_fails_title()),
            el("ul", &[], h::kids([h::list(h::items(items))])),
        ]),
    )
}

/// Other analysers' verdicts next to what PID 1 gets (Kubernetes only):
/// the disagreements in full, the agreements folded.
fn peers(r: &ContainerReport, c: &paste::InputContainer) -> Html {
    if c.peers.is_empty() {
        return Html::default();
    }
    let results = caplens_core::peers::compare(&c.peers, &c.spec, r);
    let (differ, agree): (Vec<_>, Vec<_>) = results.iter().partition(|x| !x.agrees);
    let line =
        |x: &&caplens_core::peers::PeerResult| el("li", &[], h::kids([text(W.peer_message(x))]));
    el(
        "section",
        attrs!("class" = "peers"),
        h::kids([
            el_s("h4", &[], W.peers_title()),
            el_s("p", attrs!("class" = "muted legend"), W.peers_intro()),
            h::when(!differ.is_empty(), || {
                el(
                    "ul",
                    attrs!("class" = "peers-differ"),
                    h::kids([h::list(differ.iter().map(line).collect())]),
                )
            }),
            h::when(!agree.is_empty(), || {
                el(
                    "details",
                    attrs!("class" = "steps peers-agree"),
                    h::kids([
                        el_t("summary", &[], W.peers_agreeing(agree.len())),
                        el(
                            "ul",
                            &[],
                            h::kids([h::list(agree.iter().map(line).collect())]),
                        ),
                    ]),
                )
            }),
        ]),
    )
}

/// Why the container cannot be created or cannot start, if so.
fn error(msg: Option<String>) -> Html {
    match msg {
        Some(m) => el_t("p", attrs!("class" = "error", "role" = "alert"), m),
        None => Html::default(),
    }
}

/// PID 1's sets, or one table per image user when the image decides.
fn pid1(r: &ContainerReport) -> Html {
    match (&r.pid1, &r.pid1_by_image_user) {
        (Some(p), _) => sets_table(&W.pid1_title(p.uid), p),
        (None, Some(by)) => h::list(h::kids([
            el_s("p", attrs!("class" = "note"), W.image_user_decides()),
            el(
                "div",
                attrs!("class" = "outcomes"),
                h::kids([
                    match &by.root {
                        Some(p) => sets_table(W.pid1_if_root(), p),
                        None => Html::default(),
                    },
                    match &by.nonroot {
                        Some(p) => sets_table(W.pid1_if_nonroot(), p),
                        None => Html::default(),
                    },
                ]),
            ),
        ])),
        _ => Html::default(),
    }
}

/// "See the exec" links, one per image user when there are several.
fn links(r: &ContainerReport, fcaps_text: &str) -> Html {
    let links = exec_links(r, fcaps_text);
    let many_links = links.len() > 1;
    if links.is_empty() {
        return Html::default();
    }
    let mut anchors = Vec::with_capacity(links.len());
    for (u, href) in links {
        anchors.push(el_dyn(
            "a",
            &["class", "href"],
            vec![
                Some(AttrValue::Static("button-link")),
                Some(AttrValue::from(href)),
            ],
            h::kids([
                st(W.see_exec()),
                text(if many_links {
                    format!(" ({})", W.user_label(u))
                } else {
                    String::new()
                }),
            ]),
        ));
    }
    el(
        "p",
        attrs!("class" = "actions exec-links"),
        h::kids([h::list(anchors)]),
    )
}

/// What each capability add did, per image user when that matters.
fn adds(r: &ContainerReport) -> Html {
    if r.adds.is_empty() {
        return Html::default();
    }
    let mut lines = Vec::new();
    for a in &r.adds {
        let many = a.results.len() > 1;
        for (u, res) in &a.results {
            lines.push(el(
                "li",
                &[],
                h::kids([
                    el_t("code", &[], a.written.clone()),
                    h::when(a.already_default, || {
                        el(
                            "span",
                            attrs!("class" = "muted"),
                            h::kids([st(" "), st(W.already_default())]),
                        )
                    }),
                    h::when(many, || h::list(h::kids([st(" "), text(W.user_label(*u))]))),
                    st(": "),
                    st(W.add_result(*res)),
                ]),
            ));
        }
    }
    h::list(h::kids([
        el_s("h4", &[], W.adds_title()),
        el("ul", attrs!("class" = "adds"), h::kids([h::list(lines)])),
    ]))
}

/// The findings, or a line saying there are none.
fn findings(r: &ContainerReport) -> Html {
    if r.findings.is_empty() {
        return el_s("p", attrs!("class" = "ok-box"), W.no_findings());
    }
    let mut items = Vec::with_capacity(r.findings.len());
    for f in &r.findings {
        items.push(finding(f));
    }
    el(
        "ul",
        attrs!("class" = "findings"),
        h::kids([h::list(items)]),
    )
}

/// The runtime's notes, folded.
fn notes(r: &ContainerReport) -> Html {
    if r.notes.is_empty() {
        return Html::default();
    }
    let notes: Vec<String> = r.notes.iter().map(|x| W.runtime_note(x)).collect();
    el(
        "details",
        attrs!("class" = "steps"),
        h::kids([
            el_s("summary", &[], W.runtime_notes()),
            el("ul", &[], h::kids([h::list(h::items(notes))])),
        ]),
    )
}

/// The sets the runtime writes into the OCI spec, folded.
fn oci(r: &ContainerReport) -> Html {
    match &r.oci {
        Some(o) => el(
            "details",
            attrs!("class" = "steps"),
            h::kids([
                el_s("summary", &[], W.oci_title()),
                el(
                    "table",
                    attrs!("class" = "matrix sets-table"),
                    h::kids([el(
                        "tbody",
                        &[],
                        h::kids([set_rows(&[
                            ("bounding", o.bounding),
                            ("effective", o.effective),
                            ("permitted", o.permitted),
                            ("inheritable", o.inheritable),
                            ("ambient", o.ambient),
                        ])]),
                    )]),
                ),
            ]),
        ),
        None => Html::default(),
    }
}

/// The hardened settings in the input's own syntax, with a copy button.
fn hardened(i: usize, c: &paste::InputContainer) -> Html {
    let snippet = W.hardened_snippet(&c.spec, &c.hardened);
    el(
        "div",
        attrs!("class" = "snippet"),
        h::kids([
            // Focusable: on a phone the snippet scrolls sideways, and keyboard
            // users must be able to scroll it too.
            el_dyn(
                "pre",
                &["class", "id", "tabindex"],
                vec![
                    Some(AttrValue::Static("yaml")),
                    Some(h::id("hardened-", i, "")),
                    Some(AttrValue::Static("0")),
                ],
                h::kids([text(snippet.clone())]),
            ),
            copy_button(
                snippet,
                match c.spec.source {
                    SourceKind::DockerRun | SourceKind::PodmanRun => W.copy_options(),
                    SourceKind::Kubernetes | SourceKind::Compose => W.copy_yaml(),
                },
                format!("{} · {}", c.spec.workload, c.spec.container),
            ),
        ]),
    )
}

/// One finding: severity, id and place, message, fix.
#[inline(never)]
fn finding(f: &Finding) -> Html {
    let id = f.id().as_str();
    el_dyn(
        "li",
        &["data-id", "class"],
        vec![
            Some(AttrValue::Static(id)),
            Some(AttrValue::Static(finding_class(f.severity))),
        ],
        h::kids([
            el(
                "p",
                &[],
                h::kids([
                    el_s("span", severity_badge(f.severity), W.severity(f.severity)),
                    st(" "),
                    el_s("code", attrs!("class" = "finding-id"), id),
                    st(" "),
                    place(f),
                ]),
            ),
            el_t("p", &[], W.finding_message(f)),
            el(
                "p",
                attrs!("class" = "fix"),
                h::kids([
                    el_s("strong", &[], W.fix()),
                    st(" "),
                    text(W.finding_fix(f)),
                ]),
            ),
        ]),
    )
}

/// Where the finding is; with a line, a button that selects that line in
/// the paste box (the reader sees the typo in its place).
fn place(f: &Finding) -> Html {
    let at = W.place(&f.at);
    match f.at.line {
        Some(line) => h::node(
            "button",
            h::dynamic(
                &["type", "class", "title"],
                vec![
                    Some(AttrValue::Static("button")),
                    Some(AttrValue::Static("place")),
                    Some(AttrValue::Static(W.select_in_input())),
                ],
            ),
            h::on_click(Callback::from(move |_: MouseEvent| {
                crate::dom::select_line("containers-input", line)
            })),
            h::kids([text(at)]),
        ),
        None => el_t("span", attrs!("class" = "muted"), at),
    }
}

/// `badge` plus the severity's class.
fn severity_badge(s: Severity) -> h::Static {
    match s {
        Severity::Info => attrs!("class" = "badge ok"),
        Severity::Warning => attrs!("class" = "badge warn"),
        Severity::Error => attrs!("class" = "badge bad"),
    }
}

/// `finding` plus the severity's class.
fn finding_class(s: Severity) -> &'static str {
    match s {
        Severity::Info => "finding ok",
        Severity::Warning => "finding warn",
        Severity::Error => "finding bad",
    }
}

/// A Pod Security verdict's badge: passes or not.
fn pass_badge(pass: bool) -> h::Static {
    if pass {
        attrs!("class" = "badge ok")
    } else {
        attrs!("class" = "badge bad")
    }
}

/// A container's role, in words.
fn role(r: Role) -> &'static str {
    match r {
        Role::Container => W.role_container(),
        Role::InitContainer => W.role_init(),
        Role::EphemeralContainer => W.role_ephemeral(),
    }
}
