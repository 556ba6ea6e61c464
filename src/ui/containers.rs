//! The Containers view: paste a `docker run` line, a compose file or
//! Kubernetes manifests and see, per container, what the runtime writes and
//! what PID 1 really gets, the findings with their fixes, and a hardened
//! securityContext to copy. Reading is `paste::read`, analysis
//! `paste::report`; words come from `strings::containers` and `strings::k8s`.
//!
//! Link parameters: `in` (the pasted text), `rt` (`crio`; containerd when
//! absent), `docker` (Docker era), `user` (`root`/`nonroot`: the image's
//! USER when the input leaves it open), `fcaps` (file capabilities of the
//! entrypoint binary, setcap text, applied to every container).
use super::route::Params;
use super::widgets::{CopyButton, Example, Examples, PasteBox};
use super::ViewProps;
use crate::analysis::{ContainerReport, ImageUser, Pid1, Severity};
use crate::catalog;
use crate::container::Role;
use crate::exec::FileCaps;
use crate::paste::{self, Input, PasteError, Settings};
use crate::runtime::runc;
use crate::runtime::{CrioConfig, DockerEra, Runtime};
use crate::set::CapSet;
use crate::strings::{containers as words, k8s as k8s_words, text as text_words, ui as t};
use crate::text;
use crate::yaml;
use yew::prelude::*;

/// Cards rendered before "show all": a 1 MB manifest has thousands of
/// containers, and building that many cards would freeze the page for
/// seconds. The summary above the cards still counts all of them.
pub const MAX_CARDS: usize = 30;

const DOCKER_EXAMPLE: &str = "docker run --rm --cap-add NET_ADMIN --cap-drop KILL --user 1000 busybox ip link add dummy0 type dummy";

pub fn examples() -> Vec<Example> {
    let ex = |id, label, text: &str| Example {
        id,
        label,
        params: Params::default().with("in", text),
    };
    vec![
        ex(
            "cpb-typo",
            t::EX_CPB_TYPO,
            include_str!("../../examples/cpb-demo-typo.yaml"),
        ),
        ex(
            "cpb-fixed",
            t::EX_CPB_FIXED,
            include_str!("../../examples/cpb-demo.yaml"),
        ),
        ex(
            "perf",
            t::EX_PERF,
            include_str!("../../examples/perf-sys-admin.yaml"),
        ),
        ex(
            "bind-root",
            t::EX_BIND_ROOT,
            include_str!("../../examples/bind-root.yaml"),
        ),
        ex(
            "bind-nonroot",
            t::EX_BIND_NONROOT,
            include_str!("../../examples/bind-nonroot.yaml"),
        ),
        Example {
            id: "bind-nonroot-fcaps",
            label: t::EX_BIND_NONROOT_FCAPS,
            params: Params::default()
                .with("in", include_str!("../../examples/bind-nonroot.yaml"))
                .with("fcaps", "cap_net_bind_service+ep"),
        },
        ex("docker-run", t::EX_DOCKER_RUN, DOCKER_EXAMPLE),
        ex(
            "compose",
            t::EX_COMPOSE,
            include_str!("../../examples/compose.yaml"),
        ),
    ]
}

/// The analysis settings the link asks for.
pub fn settings(params: &Params) -> Settings {
    let mut s = Settings::default();
    if params.get("rt") == Some("crio") {
        s.kubernetes = Runtime::Crio(CrioConfig::default());
    }
    s.docker = match params.get("docker") {
        Some("20.10.14-24") => DockerEra::From20_10_14To24,
        Some("le-20.10.13") => DockerEra::UpTo20_10_13,
        _ => DockerEra::From25,
    };
    s.image_user = match params.get("user") {
        Some("root") => ImageUser::Root,
        Some("nonroot") => ImageUser::NonRoot,
        _ => ImageUser::Unknown,
    };
    s
}

/// What an analysis depends on: the pasted text, the settings and the
/// entrypoint's file capabilities (or their error).
type AnalysisKey = (String, Settings, Result<Option<FileCaps>, String>);

/// Everything the view shows for one paste.
#[derive(Clone, PartialEq, Debug)]
pub struct Analysis {
    pub input: Input,
    pub reports: Vec<ContainerReport>,
}

/// The entrypoint's file capabilities from the `fcaps` parameter: None when
/// empty, or the worded error.
pub fn entrypoint_caps(params: &Params) -> Result<Option<FileCaps>, String> {
    let text = params.text("fcaps");
    if text.trim().is_empty() {
        return Ok(None);
    }
    let pasted = text::parse_pasted(text).map_err(|e| text_words::error(&e))?;
    match pasted.caps() {
        None => Ok(None),
        Some(c) => c
            .to_file_caps()
            .map(Some)
            .map_err(|e| text_words::file_caps_error(&e)),
    }
}

fn set_entrypoint_caps(input: &mut Input, fcaps: Option<FileCaps>) {
    if fcaps.is_some() {
        for c in &mut input.containers {
            c.spec.entrypoint_file_caps = fcaps;
        }
    }
}

pub fn analyse(
    text: &str,
    settings: &Settings,
    fcaps: Option<FileCaps>,
) -> Result<Analysis, PasteError> {
    let mut input = paste::read(text)?;
    set_entrypoint_caps(&mut input, fcaps);
    let reports = input
        .containers
        .iter()
        .map(|c| paste::report(c, settings))
        .collect();
    Ok(Analysis { input, reports })
}

/// Pastes longer than this are analysed in slices between frames (see
/// `analyse_in_slices`); shorter ones at once, within the keystroke.
pub const SLICED_ABOVE_BYTES: usize = 64 * 1024;
/// Events per `StreamParser::step` between looks at the clock.
const SLICE_EVENTS: usize = 2_000;
/// Main-thread time one slice may take before the page yields to the browser.
const SLICE_MS: f64 = 40.0;

/// The same result as `analyse`, computed in slices of about `SLICE_MS` (well under a long task, few enough yields to cost little) with
/// a yield to the browser between them, so a megabyte paste (or a hostile
/// one that stays inside the limits) never blocks the page for long. Gives
/// up (None) as soon as `current()` says a newer input has replaced this one.
async fn analyse_in_slices(
    text: String,
    settings: Settings,
    fcaps: Option<FileCaps>,
    current: impl Fn() -> bool,
) -> Option<Result<Analysis, PasteError>> {
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    // Lets the browser paint and handle input; false when this run is stale.
    let pause = || async {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        current()
    };
    if paste::looks_like_command(&text) {
        return Some(analyse(&text, &settings, fcaps));
    }
    let mut parser = match yaml::StreamParser::new(&text, &yaml::Limits::DEFAULT) {
        Ok(p) => p,
        Err(e) => return Some(Err(PasteError::Yaml(e))),
    };
    let mut t0 = now();
    loop {
        match parser.step(SLICE_EVENTS) {
            Ok(true) => break,
            Ok(false) => {}
            Err(e) => return Some(Err(PasteError::Yaml(e))),
        }
        if now() - t0 > SLICE_MS {
            if !pause().await {
                return None;
            }
            t0 = now();
        }
    }
    let mut input = paste::from_documents(&parser.into_documents());
    set_entrypoint_caps(&mut input, fcaps);
    let mut reports = Vec::with_capacity(input.containers.len());
    for c in &input.containers {
        reports.push(paste::report(c, &settings));
        if now() - t0 > SLICE_MS {
            if !pause().await {
                return None;
            }
            t0 = now();
        }
    }
    Some(Ok(Analysis { input, reports }))
}

fn paste_error(e: &PasteError) -> String {
    match e {
        PasteError::Yaml(y) => k8s_words::yaml_error(y),
        PasteError::Cmdline(c) => words::cmdline_error(c),
        PasteError::NotYaml => k8s_words::not_yaml_hint().to_string(),
    }
}

#[function_component(ContainersView)]
pub fn containers_view(p: &ViewProps) -> Html {
    let text = p.params.text("in").to_string();
    let settings = settings(&p.params);
    let fcaps = entrypoint_caps(&p.params);
    let key = (text.clone(), settings, fcaps.clone());
    let sliced = text.len() > SLICED_ABOVE_BYTES;
    let at_once = use_memo(key.clone(), |(text, settings, fcaps)| {
        if text.trim().is_empty() || text.len() > SLICED_ABOVE_BYTES {
            None
        } else {
            Some(analyse(text, settings, fcaps.clone().unwrap_or(None)))
        }
    });
    // Large pastes: the finished sliced analysis, with the input it belongs
    // to; `run` numbers the inputs so a stale run stops early.
    let finished = use_state(|| None::<std::rc::Rc<(AnalysisKey, Result<Analysis, PasteError>)>>);
    let run = use_mut_ref(|| 0u64);
    {
        let (finished, run) = (finished.clone(), run.clone());
        use_effect_with(key.clone(), move |key: &AnalysisKey| {
            *run.borrow_mut() += 1;
            let mine = *run.borrow();
            if key.0.len() > SLICED_ABOVE_BYTES && !key.0.trim().is_empty() {
                let (key, run) = (key.clone(), run.clone());
                yew::platform::spawn_local(async move {
                    let current = || *run.borrow() == mine;
                    let fcaps = key.2.clone().unwrap_or(None);
                    if let Some(r) = analyse_in_slices(key.0.clone(), key.1, fcaps, current).await {
                        if *run.borrow() == mine {
                            finished.set(Some(std::rc::Rc::new((key, r))));
                        }
                    }
                });
            }
            move || *run.borrow_mut() += 1
        });
    }
    let finished_now = finished.as_ref().filter(|f| f.0 == key).map(|f| &f.1);
    let result: Option<&Result<Analysis, PasteError>> = if sliced {
        finished_now
    } else {
        at_once.as_ref().as_ref()
    };
    let pending = sliced && finished_now.is_none();
    let on_fcaps = {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(params.clone().with("fcaps", &i.value()))
        })
    };
    let on_input = {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |v: String| cb.emit(params.clone().with("in", &v)))
    };
    let select = |key: &'static str| {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(params.clone().with(key, &s.value()))
        })
    };
    let opt = |key: &str, value: &'static str, label: &'static str| {
        html! { <option value={value} selected={p.params.text(key) == value}>{ label }</option> }
    };
    let on_clear = {
        let cb = p.on_load.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Params::default()))
    };
    let show_all = p.params.get("cards") == Some("all");
    let on_show_all = {
        let (params, cb) = (p.params.clone(), p.on_change.clone());
        Callback::from(move |_: MouseEvent| cb.emit(params.clone().with("cards", "all")))
    };

    // Only the selectors that matter for what was pasted (all of them while
    // nothing is recognised yet).
    let form = match result {
        Some(Ok(a)) => Some(a.input.form),
        _ => None,
    };
    let show_k8s = !matches!(
        form,
        Some(paste::Form::DockerCommand | paste::Form::Compose)
    );
    let show_docker = !matches!(form, Some(paste::Form::Kubernetes));

    let body = match result {
        None if pending => {
            html! { <p class="muted" id="containers-pending" role="status">{ t::analysing(text.len()) }</p> }
        }
        None => html! { <p class="muted" id="containers-empty">{ t::CONTAINERS_EMPTY }</p> },
        Some(Err(e)) => {
            html! { <div class="error" id="containers-error" role="alert"><p>{ paste_error(e) }</p></div> }
        }
        Some(Ok(a)) => html! {
            <>
                <p class="facts"><span class="badge" id="containers-form">{ k8s_words::form(a.input.form) }</span>{ " " }<span class="badge">{ t::count_containers(a.reports.len()) }</span></p>
                if !a.input.notes.is_empty() {
                    <ul class="note notes" id="containers-notes">{ for a.input.notes.iter().map(|n| html! { <li>{ k8s_words::note(n) }</li> }) }</ul>
                }
                if a.reports.is_empty() {
                    <p class="warn-box">{ t::NO_CONTAINERS }</p>
                }
                if a.reports.len() > 1 {
                    { overview(&a.reports) }
                }
                { for a.reports.iter().zip(&a.input.containers).enumerate()
                    .take(if show_all { usize::MAX } else { MAX_CARDS })
                    .map(|(i, (r, c))| card(i, r, c, p.params.text("fcaps"))) }
                if !show_all && a.reports.len() > MAX_CARDS {
                    <p class="note" id="more-cards">
                        { t::more_cards(MAX_CARDS, a.reports.len()) }{ " " }
                        <button type="button" id="show-all-cards" onclick={on_show_all}>{ t::SHOW_ALL_CARDS }</button>
                    </p>
                }
            </>
        },
    };

    html! {
        <div class="containers-layout">
            <section class="panel" aria-labelledby="containers-input-title">
                <h2 id="containers-input-title">{ t::CONTAINERS_TITLE }</h2>
                <PasteBox id="containers-input" label={t::CONTAINERS_INPUT_LABEL} value={text.clone()}
                    placeholder={t::CONTAINERS_PLACEHOLDER} on_input={on_input} rows={10} />
                <div class="row settings">
                    if show_k8s {
                    <p class="field">
                        <label for="containers-runtime">{ t::K8S_RUNTIME }</label>
                        <select id="containers-runtime" onchange={select("rt")}>
                            { opt("rt", "", "containerd") }{ opt("rt", "crio", "CRI-O") }
                        </select>
                    </p>
                    }
                    if show_docker {
                    <p class="field">
                        <label for="containers-docker">{ t::DOCKER_ERA }</label>
                        <select id="containers-docker" onchange={select("docker")}>
                            { opt("docker", "", "25.0 or later") }{ opt("docker", "20.10.14-24", "20.10.14 – 24.x") }{ opt("docker", "le-20.10.13", "20.10.13 or earlier") }
                        </select>
                    </p>
                    }
                    <p class="field">
                        <label for="containers-user">{ t::IMAGE_USER }</label>
                        <select id="containers-user" onchange={select("user")}>
                            { opt("user", "", t::IMAGE_USER_UNKNOWN) }{ opt("user", "root", t::IMAGE_USER_ROOT) }{ opt("user", "nonroot", t::IMAGE_USER_NONROOT) }
                        </select>
                    </p>
                    <p class="field"><button type="button" id="containers-clear" onclick={on_clear}>{ t::CLEAR }</button></p>
                </div>
                <p class="field">
                    <label for="containers-fcaps">{ t::FCAPS_LABEL }</label>
                    <input type="text" id="containers-fcaps" spellcheck="false" autocomplete="off" value={p.params.text("fcaps").to_string()}
                        placeholder={t::FCAPS_PLACEHOLDER} oninput={on_fcaps} />
                </p>
                if let Err(msg) = &fcaps {
                    <p class="error" id="containers-fcaps-error" role="alert">{ t::exec_bad_file(msg) }</p>
                }
                <Examples examples={examples()} on_load={p.on_load.clone()} />
            </section>
            <section id="containers-result" aria-live="polite" aria-label={t::RESULT}>{ body }</section>
        </div>
    }
}

/// One line per container: where it is, its worst finding, its verdicts.
/// With many containers this is the part worth reading first.
fn overview(reports: &[ContainerReport]) -> Html {
    let mut counts = [0usize; 4]; // none, info, warning, error
    for r in reports {
        counts[match r.worst() {
            None => 0,
            Some(Severity::Info) => 1,
            Some(Severity::Warning) => 2,
            Some(Severity::Error) => 3,
        }] += 1;
    }
    html! {
        <p class="facts" id="containers-overview">
            <span class="badge bad">{ t::containers_with("error", counts[3]) }</span>
            <span class="badge warn">{ t::containers_with("warning", counts[2]) }</span>
            <span class="badge ok">{ t::containers_with("info", counts[1]) }</span>
            <span class="badge">{ t::containers_clean(counts[0]) }</span>
        </p>
    }
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Container => t::ROLE_CONTAINER,
        Role::InitContainer => t::ROLE_INIT,
        Role::EphemeralContainer => t::ROLE_EPHEMERAL,
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Info => "ok",
        Severity::Warning => "warn",
        Severity::Error => "bad",
    }
}

/// Links that open the Exec view at the moment runc calls execve for this
/// container (its sets after `runc::apply`, its uid, no_new_privs, and the
/// entrypoint's file capabilities), so the kernel's reasons can be read
/// capability by capability.
pub fn exec_links(r: &ContainerReport, fcaps_text: &str) -> Vec<(crate::runtime::RunUser, String)> {
    r.outcomes
        .iter()
        .filter_map(|o| {
            let oci = o.oci_sets()?;
            let nnp = o.pid1()?.state.no_new_privs;
            let before = runc::apply(oci, nnp, o.user, catalog::KNOWN).ok()?.state;
            let lines: Vec<String> = [
                ("CapInh", before.inheritable),
                ("CapPrm", before.permitted),
                ("CapEff", before.effective),
                ("CapBnd", before.bounding),
                ("CapAmb", before.ambient),
            ]
            .iter()
            .map(|(k, set)| format!("{k}:\t{}", set.hex16()))
            .collect();
            let params = Params::default()
                .with("before", &lines.join("\n"))
                .with("uid", &before.uid.to_string())
                .with("nnp", if before.no_new_privs { "1" } else { "" })
                .with("file", fcaps_text);
            let route = super::route::Route {
                view: super::route::View::Exec,
                params,
                panic_test: false,
            };
            Some((o.user, format!("#{}", route.to_fragment())))
        })
        .collect()
}

fn card(i: usize, r: &ContainerReport, c: &paste::InputContainer, fcaps_text: &str) -> Html {
    let links = exec_links(r, fcaps_text);
    let many_links = links.len() > 1;
    let snippet = k8s_words::hardened_snippet(&c.spec, &c.hardened);
    let pss = r.pss.map(|v| {
        html! {
            <>
                <span class={classes!("badge", if v.baseline { "ok" } else { "bad" })}>{ t::pss_badge("baseline", v.baseline) }</span>{ " " }
                <span class={classes!("badge", if v.restricted { "ok" } else { "bad" })}>{ t::pss_badge("restricted", v.restricted) }</span>
            </>
        }
    });
    let pid1 = match (&r.pid1, &r.pid1_by_image_user) {
        (Some(p), _) => sets_table(&t::pid1_title(p.uid), p),
        (None, Some(by)) => html! {
            <>
                <p class="note">{ t::IMAGE_USER_DECIDES }</p>
                <div class="outcomes">
                    if let Some(p) = &by.root { { sets_table(t::PID1_IF_ROOT, p) } }
                    if let Some(p) = &by.nonroot { { sets_table(t::PID1_IF_NONROOT, p) } }
                </div>
            </>
        },
        _ => Html::default(),
    };
    html! {
        <article class="panel card" id={format!("container-{i}")} aria-labelledby={format!("container-{i}-title")}>
            <h3 id={format!("container-{i}-title")}>
                <span class="workload">{ &r.workload }</span>{ " · " }<span class="cname">{ &r.container }</span>
                { " " }<span class="badge">{ role(r.role) }</span>
                { " " }<span class="badge">{ words::runtime_label(r.runtime) }</span>
                { " " }{ for pss }
            </h3>
            if let Some(e) = &r.creation_error {
                <p class="error" role="alert">{ words::creation_error(e) }</p>
            }
            if let Some(f) = &r.start_failure {
                <p class="error" role="alert">{ words::start_failure(f) }</p>
            }
            { pid1 }
            if !links.is_empty() {
                <p class="actions exec-links">{ for links.into_iter().map(|(u, href)| html! {
                    <a class="button-link" {href}>{ t::SEE_EXEC }{ if many_links { format!(" ({})", words::user_label(u)) } else { String::new() } }</a>
                }) }</p>
            }
            if !r.adds.is_empty() {
                <h4>{ t::ADDS_TITLE }</h4>
                <ul class="adds">{ for r.adds.iter().flat_map(|a| {
                    let many = a.results.len() > 1;
                    a.results.iter().map(move |(u, res)| html! {
                        <li>
                            <code>{ &a.written }</code>
                            if a.already_default { <span class="muted">{ " " }{ t::ALREADY_DEFAULT }</span> }
                            if many { { " " }{ words::user_label(*u) } }
                            { ": " }{ words::add_result(*res) }
                        </li>
                    })
                }) }</ul>
            }
            <h4>{ t::FINDINGS_TITLE }</h4>
            if r.findings.is_empty() {
                <p class="ok-box">{ t::NO_FINDINGS }</p>
            } else {
                <ul class="findings">{ for r.findings.iter().map(|f| html! {
                    <li class={classes!("finding", severity_class(f.severity))} data-id={f.id().as_str()}>
                        <p>
                            <span class={classes!("badge", severity_class(f.severity))}>{ t::severity(f.severity) }</span>{ " " }
                            <code class="finding-id">{ f.id().as_str() }</code>{ " " }
                            <span class="muted">{ k8s_words::place(&f.at) }</span>
                        </p>
                        <p>{ words::finding_message(f) }</p>
                        <p class="fix"><strong>{ t::FIX }</strong>{ " " }{ words::finding_fix(f) }</p>
                    </li>
                }) }</ul>
            }
            if !r.notes.is_empty() {
                <details class="steps"><summary>{ t::RUNTIME_NOTES }</summary>
                    <ul>{ for r.notes.iter().map(|n| html! { <li>{ words::runtime_note(n) }</li> }) }</ul>
                </details>
            }
            if let Some(o) = &r.oci {
                <details class="steps"><summary>{ t::OCI_TITLE }</summary>
                    <table class="matrix sets-table">
                        <tbody>{ for [("bounding", o.bounding), ("effective", o.effective), ("permitted", o.permitted), ("inheritable", o.inheritable), ("ambient", o.ambient)]
                            .into_iter().map(|(label, s)| set_row(label, s)) }</tbody>
                    </table>
                </details>
            }
            <h4>{ t::HARDENED_TITLE }</h4>
            <div class="snippet">
                <pre class="yaml" id={format!("hardened-{i}")}>{ snippet.clone() }</pre>
                <CopyButton text={snippet} label={t::COPY_YAML} />
            </div>
        </article>
    }
}

fn sets_table(title: &str, p: &Pid1) -> Html {
    let st = &p.state;
    html! {
        <div class="pid1">
            <h4>{ title }</h4>
            <table class="matrix sets-table pid1-sets">
                <tbody>
                    { for [("CapInh", st.inheritable), ("CapPrm", st.permitted), ("CapEff", st.effective), ("CapBnd", st.bounding), ("CapAmb", st.ambient)]
                        .into_iter().map(|(label, s)| set_row(label, s)) }
                    <tr><th scope="row">{ "NoNewPrivs" }</th><td class="mono">{ u8::from(st.no_new_privs) }</td><td></td></tr>
                </tbody>
            </table>
        </div>
    }
}

fn set_row(label: &str, s: CapSet) -> Html {
    html! {
        <tr data-set={label.to_string()}>
            <th scope="row">{ label }</th>
            <td class="mono">{ s.hex16() }</td>
            <td class="names">{ if s.is_empty() { t::NONE.to_string() } else { words::cap_list(s) } }</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_reads_and_has_containers() {
        for ex in examples() {
            let fcaps = entrypoint_caps(&ex.params).unwrap();
            let a = analyse(ex.params.text("in"), &settings(&ex.params), fcaps)
                .unwrap_or_else(|e| panic!("{}: {e:?}", ex.id));
            assert!(!a.reports.is_empty(), "{}", ex.id);
        }
    }

    #[test]
    fn exec_links_reproduce_pid1() {
        use crate::ui::exec::simulate;
        let yaml = include_str!("../../examples/bind-nonroot.yaml");
        let p = Params::default().with("fcaps", "cap_net_bind_service+ep");
        let a = analyse(yaml, &Settings::default(), entrypoint_caps(&p).unwrap()).unwrap();
        let links = exec_links(&a.reports[0], p.text("fcaps"));
        assert_eq!(links.len(), 1);
        let route = super::super::route::Route::parse(&links[0].1);
        let sim = simulate(&route.params).unwrap();
        let pid1 = a.reports[0].pid1.unwrap().state;
        let after = sim.transition.after().copied().unwrap();
        assert_eq!(
            (after.effective, after.permitted, after.bounding),
            (pid1.effective, pid1.permitted, pid1.bounding)
        );
        // Unknown image user: one link per outcome.
        let typo = analyse(
            include_str!("../../examples/cpb-demo.yaml"),
            &Settings::default(),
            None,
        )
        .unwrap();
        assert_eq!(exec_links(&typo.reports[0], "").len(), 2);
    }

    #[test]
    fn settings_follow_the_link() {
        let p = Params::default()
            .with("rt", "crio")
            .with("user", "nonroot")
            .with("docker", "le-20.10.13");
        let s = settings(&p);
        assert!(matches!(s.kubernetes, Runtime::Crio(_)));
        assert_eq!(s.image_user, ImageUser::NonRoot);
        assert_eq!(s.docker, DockerEra::UpTo20_10_13);
        assert_eq!(settings(&Params::default()), Settings::default());
    }

    #[test]
    fn the_typo_example_is_flagged() {
        let ex = examples().into_iter().find(|e| e.id == "cpb-typo").unwrap();
        let a = analyse(ex.params.text("in"), &Settings::default(), None).unwrap();
        assert!(a.reports[0]
            .findings
            .iter()
            .any(|f| f.id().as_str() == "unknown-field"));
    }

    #[test]
    fn file_caps_on_the_entrypoint_make_a_non_root_add_work() {
        let yaml = include_str!("../../examples/bind-nonroot.yaml");
        let without = analyse(yaml, &Settings::default(), None).unwrap();
        let p = Params::default().with("fcaps", "cap_net_bind_service+ep");
        let with = analyse(yaml, &Settings::default(), entrypoint_caps(&p).unwrap()).unwrap();
        let eff = |a: &Analysis| a.reports[0].pid1.map(|p| p.state.effective);
        assert_eq!(eff(&without), Some(CapSet::EMPTY));
        assert_eq!(eff(&with), Some(CapSet::single(10)));
        assert!(entrypoint_caps(&Params::default().with("fcaps", "cap_nope+ep")).is_err());
        assert_eq!(entrypoint_caps(&Params::default()), Ok(None));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(analyse("a: [1,\n", &Settings::default(), None).is_err());
        assert!(analyse("docker run --user", &Settings::default(), None).is_err());
    }
}
