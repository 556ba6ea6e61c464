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
use super::h::{self, attrs, el, el_dyn, el_s, el_t, s as st, text};
use super::route::Params;
use super::widgets::{copy_button, input_value, select_value, send_on_click, set_param, Example};
use super::ViewProps;
use caplens_core::analysis::{ContainerReport, ImageUser, Pid1, Severity};
use caplens_core::catalog;
use caplens_core::container::{Role, SourceKind};
use caplens_core::exec::FileCaps;
use caplens_core::paste::{self, Input, PasteError, Settings};
use caplens_core::runtime::runc;
use caplens_core::runtime::{CrioConfig, DockerEra, Runtime};
use caplens_core::set::CapSet;
use caplens_words::{containers as words, k8s as k8s_words, text as text_words, ui as t};
use caplens_core::text;
use caplens_core::yaml;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::Attributes;

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
            include_str!("../examples/cpb-demo-typo.yaml"),
        ),
        ex(
            "cpb-fixed",
            t::EX_CPB_FIXED,
            include_str!("../examples/cpb-demo.yaml"),
        ),
        ex(
            "perf",
            t::EX_PERF,
            include_str!("../examples/perf-sys-admin.yaml"),
        ),
        ex(
            "bind-root",
            t::EX_BIND_ROOT,
            include_str!("../examples/bind-root.yaml"),
        ),
        ex(
            "bind-nonroot",
            t::EX_BIND_NONROOT,
            include_str!("../examples/bind-nonroot.yaml"),
        ),
        Example {
            id: "bind-nonroot-fcaps",
            label: t::EX_BIND_NONROOT_FCAPS,
            params: Params::default()
                .with("in", include_str!("../examples/bind-nonroot.yaml"))
                .with("fcaps", "cap_net_bind_service+ep"),
        },
        ex("docker-run", t::EX_DOCKER_RUN, DOCKER_EXAMPLE),
        ex(
            "compose",
            t::EX_COMPOSE,
            include_str!("../examples/compose.yaml"),
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
type AnalysisKey = (Rc<str>, Settings, Result<Option<FileCaps>, String>);

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
/// Pastes longer than this fold their text area away (see
/// `widgets::paste_box_folding`) until the user asks to see the text.
pub const FOLD_ABOVE_BYTES: usize = 256 * 1024;
/// Events per `StreamParser::step` between looks at the clock.
const SLICE_EVENTS: usize = 2_000;
/// Main-thread time one slice may take before the page yields to the browser.
const SLICE_MS: f64 = 40.0;

/// The same result as `analyse`, computed in slices of about `SLICE_MS` (well under a long task, few enough yields to cost little) with
/// a yield to the browser between them, so a megabyte paste (or a hostile
/// one that stays inside the limits) never blocks the page for long. Gives
/// up (None) as soon as `current()` says a newer input has replaced this one.
async fn analyse_in_slices(
    text: Rc<str>,
    settings: Settings,
    fcaps: Option<FileCaps>,
    current: impl Fn() -> bool,
) -> Option<Result<Analysis, PasteError>> {
    // Looked up once: asking the window for it per container showed in profiles.
    let clock = web_sys::window().and_then(|w| w.performance());
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    // Lets the browser paint and handle input; false when this run is stale.
    let pause = || async {
        super::dom::yield_to_browser().await;
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
    for (i, c) in input.containers.iter().enumerate() {
        reports.push(paste::report(c, &settings));
        // A report takes microseconds: look at the clock every few.
        if i % 16 == 15 && now() - t0 > SLICE_MS {
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
    let text = p.params.shared("in");
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
    let on_fcaps = input_value(set_param(&p.params, &p.on_change, "fcaps", ""));
    let on_input = set_param(&p.params, &p.on_change, "in", "");
    let on_clear = send_on_click(&p.on_load, Params::default());
    let show_all = p.params.get("cards") == Some("all");
    // A huge paste is kept, but out of sight, unless the user asks for it.
    let fold_note =
        (text.len() > FOLD_ABOVE_BYTES && p.params.get("text") != Some("shown")).then(|| {
            el(
                "p",
                attrs!("class" = "note", "id" = "containers-folded"),
                h::kids([
                    h::text(t::paste_folded(text.len())),
                    st(" "),
                    h::button(
                        attrs!("type" = "button", "id" = "containers-unfold"),
                        send_on_click(&p.on_change, p.params.clone().with("text", "shown")),
                        h::kids([st(t::SHOW_PASTED_TEXT)]),
                    ),
                ]),
            )
        });

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
        None if pending => el_t(
            "p",
            attrs!(
                "class" = "muted",
                "id" = "containers-pending",
                "role" = "status"
            ),
            t::analysing(text.len()),
        ),
        None => el_s(
            "p",
            attrs!("class" = "muted", "id" = "containers-empty"),
            t::CONTAINERS_EMPTY,
        ),
        Some(Err(e)) => el(
            "div",
            attrs!(
                "class" = "error",
                "id" = "containers-error",
                "role" = "alert"
            ),
            h::kids([el_t("p", &[], paste_error(e))]),
        ),
        Some(Ok(a)) => results(a, show_all, &p.params, &p.on_change),
    };
    let fcaps_error = match &fcaps {
        Err(msg) => el_t(
            "p",
            attrs!(
                "class" = "error",
                "id" = "containers-fcaps-error",
                "role" = "alert"
            ),
            t::exec_bad_file(msg),
        ),
        Ok(_) => Html::default(),
    };
    let params = &p.params;
    let k8s = h::when(show_k8s, || {
        select_field(
            "containers-runtime",
            t::K8S_RUNTIME,
            params,
            on_change_of(params, &p.on_change, "rt"),
            "rt",
            &[("", "containerd"), ("crio", "CRI-O")],
        )
    });
    let docker = h::when(show_docker, || {
        select_field(
            "containers-docker",
            t::DOCKER_ERA,
            params,
            on_change_of(params, &p.on_change, "docker"),
            "docker",
            &[
                ("", "25.0 or later"),
                ("20.10.14-24", "20.10.14 – 24.x"),
                ("le-20.10.13", "20.10.13 or earlier"),
            ],
        )
    });
    let user = select_field(
        "containers-user",
        t::IMAGE_USER,
        params,
        on_change_of(params, &p.on_change, "user"),
        "user",
        &[
            ("", t::IMAGE_USER_UNKNOWN),
            ("root", t::IMAGE_USER_ROOT),
            ("nonroot", t::IMAGE_USER_NONROOT),
        ],
    );

    el(
        "div",
        attrs!("class" = "containers-layout"),
        h::kids([
            el(
                "section",
                attrs!(
                    "class" = "panel",
                    "aria-labelledby" = "containers-input-title"
                ),
                h::kids([
                    el_s(
                        "h2",
                        attrs!("id" = "containers-input-title"),
                        t::CONTAINERS_TITLE,
                    ),
                    super::widgets::paste_box_folding(
                        "containers-input",
                        t::CONTAINERS_INPUT_LABEL,
                        h::attrs!(
                            "id" = "containers-input",
                            "rows" = "10",
                            "spellcheck" = "false",
                            "autocapitalize" = "off",
                            "autocomplete" = "off",
                            "placeholder" = t::CONTAINERS_PLACEHOLDER
                        ),
                        AttrValue::from(text.clone()),
                        on_input,
                        fold_note,
                    ),
                    el(
                        "div",
                        attrs!("class" = "row settings"),
                        h::kids([
                            k8s,
                            docker,
                            user,
                            el(
                                "p",
                                attrs!("class" = "field"),
                                h::kids([h::button(
                                    attrs!("type" = "button", "id" = "containers-clear"),
                                    on_clear,
                                    h::kids([st(t::CLEAR)]),
                                )]),
                            ),
                        ]),
                    ),
                    el(
                        "p",
                        attrs!("class" = "field"),
                        h::kids([
                            el_s("label", attrs!("for" = "containers-fcaps"), t::FCAPS_LABEL),
                            h::input(
                                Attributes::Static(attrs!(
                                    "type" = "text",
                                    "id" = "containers-fcaps",
                                    "spellcheck" = "false",
                                    "autocomplete" = "off",
                                    "placeholder" = t::FCAPS_PLACEHOLDER
                                )),
                                Some(AttrValue::from(params.text("fcaps").to_string())),
                                None,
                                h::on_input(on_fcaps),
                            ),
                        ]),
                    ),
                    fcaps_error,
                    super::widgets::examples(examples(), &p.on_load),
                ]),
            ),
            el(
                "section",
                attrs!(
                    "id" = "containers-result",
                    "aria-live" = "polite",
                    "aria-label" = t::RESULT
                ),
                h::kids([body]),
            ),
        ]),
    )
}

/// A handler that writes a select's value to `key`.
fn on_change_of(params: &Params, cb: &Callback<Params>, key: &'static str) -> Callback<Event> {
    select_value(set_param(params, cb, key, ""))
}

/// A labelled select of `(value, label)` options for the parameter `key`.
#[inline(never)]
fn select_field(
    id: &'static str,
    label: &'static str,
    params: &Params,
    onchange: Callback<Event>,
    key: &str,
    options: &[(&'static str, &'static str)],
) -> Html {
    let mut opts = Vec::with_capacity(options.len());
    for &(value, label) in options {
        opts.push(h::option(
            AttrValue::Static(value),
            params.text(key) == value,
            h::kids([st(label)]),
        ));
    }
    el(
        "p",
        attrs!("class" = "field"),
        h::kids([
            el_dyn(
                "label",
                &["for"],
                vec![Some(AttrValue::Static(id))],
                h::kids([st(label)]),
            ),
            h::node(
                "select",
                h::dynamic(&["id"], vec![Some(AttrValue::Static(id))]),
                h::on_change(onchange),
                opts,
            ),
        ]),
    )
}

/// What the analysis found: the summary, then a card per container.
#[inline(never)]
fn results(a: &Analysis, show_all: bool, params: &Params, on_change: &Callback<Params>) -> Html {
    let notes: Vec<String> = a.input.notes.iter().map(k8s_words::note).collect();
    let mut cards = Vec::new();
    for (i, (r, c)) in a
        .reports
        .iter()
        .zip(&a.input.containers)
        .enumerate()
        .take(if show_all { usize::MAX } else { MAX_CARDS })
    {
        cards.push(card(i, r, c, params.text("fcaps")));
    }
    let more = if !show_all && a.reports.len() > MAX_CARDS {
        let on_show_all = send_on_click(on_change, params.clone().with("cards", "all"));
        el(
            "p",
            attrs!("class" = "note", "id" = "more-cards"),
            h::kids([
                text(t::more_cards(MAX_CARDS, a.reports.len())),
                st(" "),
                h::button(
                    attrs!("type" = "button", "id" = "show-all-cards"),
                    on_show_all,
                    h::kids([st(t::SHOW_ALL_CARDS)]),
                ),
            ]),
        )
    } else {
        Html::default()
    };
    h::list(h::kids([
        el(
            "p",
            attrs!("class" = "facts"),
            h::kids([
                el_s(
                    "span",
                    attrs!("class" = "badge", "id" = "containers-form"),
                    k8s_words::form(a.input.form),
                ),
                st(" "),
                el_t(
                    "span",
                    attrs!("class" = "badge"),
                    t::count_containers(a.reports.len()),
                ),
            ]),
        ),
        h::when(!notes.is_empty(), || {
            el(
                "ul",
                attrs!("class" = "note notes", "id" = "containers-notes"),
                h::kids([h::list(h::items(notes))]),
            )
        }),
        h::when(a.reports.is_empty(), || {
            el_s("p", attrs!("class" = "warn-box"), t::NO_CONTAINERS)
        }),
        h::when(a.reports.len() > 1, || overview(&a.reports)),
        h::list(cards),
        more,
    ]))
}

/// One line per container: where it is, its worst finding, its verdicts.
/// With many containers this is the part worth reading first.
#[inline(never)]
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
    el(
        "p",
        attrs!("class" = "facts", "id" = "containers-overview"),
        h::kids([
            el_t(
                "span",
                attrs!("class" = "badge bad"),
                t::containers_with("error", counts[3]),
            ),
            el_t(
                "span",
                attrs!("class" = "badge warn"),
                t::containers_with("warning", counts[2]),
            ),
            el_t(
                "span",
                attrs!("class" = "badge ok"),
                t::containers_with("info", counts[1]),
            ),
            el_t(
                "span",
                attrs!("class" = "badge"),
                t::containers_clean(counts[0]),
            ),
        ]),
    )
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Container => t::ROLE_CONTAINER,
        Role::InitContainer => t::ROLE_INIT,
        Role::EphemeralContainer => t::ROLE_EPHEMERAL,
    }
}

/// Links that open the Exec view at the moment runc calls execve for this
/// container (its sets after `runc::apply`, its uid, no_new_privs, and the
/// entrypoint's file capabilities), so the kernel's reasons can be read
/// capability by capability.
pub fn exec_links(r: &ContainerReport, fcaps_text: &str) -> Vec<(caplens_core::runtime::RunUser, String)> {
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

/// `badge` plus the severity's class.
fn severity_badge(s: Severity) -> h::Static {
    match s {
        Severity::Info => attrs!("class" = "badge ok"),
        Severity::Warning => attrs!("class" = "badge warn"),
        Severity::Error => attrs!("class" = "badge bad"),
    }
}

fn finding_class(s: Severity) -> &'static str {
    match s {
        Severity::Info => "finding ok",
        Severity::Warning => "finding warn",
        Severity::Error => "finding bad",
    }
}

fn pass_badge(pass: bool) -> h::Static {
    if pass {
        attrs!("class" = "badge ok")
    } else {
        attrs!("class" = "badge bad")
    }
}

#[inline(never)]
fn card(i: usize, r: &ContainerReport, c: &paste::InputContainer, fcaps_text: &str) -> Html {
    let links = exec_links(r, fcaps_text);
    let many_links = links.len() > 1;
    let snippet = k8s_words::hardened_snippet(&c.spec, &c.hardened);
    let pss = match r.pss {
        Some(v) => h::list(h::kids([h::list(h::kids([
            el_t(
                "span",
                pass_badge(v.baseline),
                t::pss_badge("baseline", v.baseline),
            ),
            st(" "),
            el_t(
                "span",
                pass_badge(v.restricted),
                t::pss_badge("restricted", v.restricted),
            ),
        ]))])),
        None => h::list(Vec::new()),
    };
    let pid1 = match (&r.pid1, &r.pid1_by_image_user) {
        (Some(p), _) => sets_table(&t::pid1_title(p.uid), p),
        (None, Some(by)) => h::list(h::kids([
            el_s("p", attrs!("class" = "note"), t::IMAGE_USER_DECIDES),
            el(
                "div",
                attrs!("class" = "outcomes"),
                h::kids([
                    match &by.root {
                        Some(p) => sets_table(t::PID1_IF_ROOT, p),
                        None => Html::default(),
                    },
                    match &by.nonroot {
                        Some(p) => sets_table(t::PID1_IF_NONROOT, p),
                        None => Html::default(),
                    },
                ]),
            ),
        ])),
        _ => Html::default(),
    };
    let links = if links.is_empty() {
        Html::default()
    } else {
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
                    st(t::SEE_EXEC),
                    text(if many_links {
                        format!(" ({})", words::user_label(u))
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
    };
    let adds = if r.adds.is_empty() {
        Html::default()
    } else {
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
                                h::kids([st(" "), st(t::ALREADY_DEFAULT)]),
                            )
                        }),
                        h::when(many, || {
                            h::list(h::kids([st(" "), text(words::user_label(*u))]))
                        }),
                        st(": "),
                        st(words::add_result(*res)),
                    ]),
                ));
            }
        }
        h::list(h::kids([
            el_s("h4", &[], t::ADDS_TITLE),
            el("ul", attrs!("class" = "adds"), h::kids([h::list(lines)])),
        ]))
    };
    let findings = if r.findings.is_empty() {
        el_s("p", attrs!("class" = "ok-box"), t::NO_FINDINGS)
    } else {
        let mut items = Vec::with_capacity(r.findings.len());
        for f in &r.findings {
            items.push(finding(f));
        }
        el(
            "ul",
            attrs!("class" = "findings"),
            h::kids([h::list(items)]),
        )
    };
    let notes = if r.notes.is_empty() {
        Html::default()
    } else {
        let notes: Vec<String> = r.notes.iter().map(words::runtime_note).collect();
        el(
            "details",
            attrs!("class" = "steps"),
            h::kids([
                el_s("summary", &[], t::RUNTIME_NOTES),
                el("ul", &[], h::kids([h::list(h::items(notes))])),
            ]),
        )
    };
    let oci = match &r.oci {
        Some(o) => el(
            "details",
            attrs!("class" = "steps"),
            h::kids([
                el_s("summary", &[], t::OCI_TITLE),
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
    };
    let error = |msg: Option<String>| match msg {
        Some(m) => el_t("p", attrs!("class" = "error", "role" = "alert"), m),
        None => Html::default(),
    };
    el_dyn(
        "article",
        &["class", "id", "aria-labelledby"],
        vec![
            Some(AttrValue::Static("panel card")),
            Some(h::id("container-", i, "")),
            Some(h::id("container-", i, "-title")),
        ],
        h::kids([
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
                        words::runtime_label(r.runtime),
                    ),
                    st(" "),
                    pss,
                ]),
            ),
            error(r.creation_error.as_ref().map(words::creation_error)),
            error(r.start_failure.as_ref().map(words::start_failure)),
            pid1,
            links,
            adds,
            el_s("h4", &[], t::FINDINGS_TITLE),
            findings,
            notes,
            oci,
            el_s("h4", &[], t::HARDENED_TITLE),
            el(
                "div",
                attrs!("class" = "snippet"),
                h::kids([
                    el_dyn(
                        "pre",
                        &["class", "id"],
                        vec![
                            Some(AttrValue::Static("yaml")),
                            Some(h::id("hardened-", i, "")),
                        ],
                        h::kids([text(snippet.clone())]),
                    ),
                    copy_button(
                        snippet,
                        match c.spec.source {
                            SourceKind::DockerRun | SourceKind::PodmanRun => t::COPY_OPTIONS,
                            SourceKind::Kubernetes | SourceKind::Compose => t::COPY_YAML,
                        },
                    ),
                ]),
            ),
        ]),
    )
}

#[inline(never)]
fn finding(f: &caplens_core::analysis::Finding) -> Html {
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
                    el_s("span", severity_badge(f.severity), t::severity(f.severity)),
                    st(" "),
                    el_s("code", attrs!("class" = "finding-id"), id),
                    st(" "),
                    el_t("span", attrs!("class" = "muted"), k8s_words::place(&f.at)),
                ]),
            ),
            el_t("p", &[], words::finding_message(f)),
            el(
                "p",
                attrs!("class" = "fix"),
                h::kids([
                    el_s("strong", &[], t::FIX),
                    st(" "),
                    text(words::finding_fix(f)),
                ]),
            ),
        ]),
    )
}

#[inline(never)]
fn sets_table(title: &str, p: &Pid1) -> Html {
    let st_ = &p.state;
    el(
        "div",
        attrs!("class" = "pid1"),
        h::kids([
            el_t("h4", &[], title.to_string()),
            el(
                "table",
                attrs!("class" = "matrix sets-table pid1-sets"),
                h::kids([el(
                    "tbody",
                    &[],
                    h::kids([
                        set_rows(&[
                            ("CapInh", st_.inheritable),
                            ("CapPrm", st_.permitted),
                            ("CapEff", st_.effective),
                            ("CapBnd", st_.bounding),
                            ("CapAmb", st_.ambient),
                        ]),
                        el(
                            "tr",
                            &[],
                            h::kids([
                                el_s("th", attrs!("scope" = "row"), "NoNewPrivs"),
                                el_s(
                                    "td",
                                    attrs!("class" = "mono"),
                                    if st_.no_new_privs { "1" } else { "0" },
                                ),
                                el("td", &[], Vec::new()),
                            ]),
                        ),
                    ]),
                )]),
            ),
        ]),
    )
}

#[inline(never)]
fn set_rows(rows: &[(&'static str, CapSet)]) -> Html {
    let mut out = Vec::with_capacity(rows.len());
    for &(label, s) in rows {
        out.push(el_dyn(
            "tr",
            &["data-set"],
            vec![Some(AttrValue::Static(label))],
            h::kids([
                el_s("th", attrs!("scope" = "row"), label),
                el_t("td", attrs!("class" = "mono"), s.hex16()),
                el_t(
                    "td",
                    attrs!("class" = "names"),
                    if s.is_empty() {
                        t::NONE.to_string()
                    } else {
                        words::cap_list(s)
                    },
                ),
            ]),
        ));
    }
    h::list(out)
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
        use crate::exec::simulate;
        let yaml = include_str!("../examples/bind-nonroot.yaml");
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
            include_str!("../examples/cpb-demo.yaml"),
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
        let yaml = include_str!("../examples/bind-nonroot.yaml");
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
