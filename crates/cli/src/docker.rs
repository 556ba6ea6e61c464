//! `caplens docker` / `caplens podman`: analyse a `docker run` or
//! `podman run` command line.
use caplens_core::analysis::{analyse, AnalysisOptions, ImageUser, Severity};
use caplens_core::catalog::KernelVersion;
use caplens_core::cmdline::{self, CliProblem};
use caplens_core::container::SourceKind;
use caplens_core::exec::FileCaps;
use caplens_core::k8s::harden;
use caplens_core::runtime::{DockerEra, PodmanEra, Runtime};
use caplens_words::containers as words;
use caplens_words::k8s as k8s_words;
use std::io::Read;
use std::process::ExitCode;

struct Options {
    podman: bool,
    docker_era: DockerEra,
    podman_era: PodmanEra,
    kernel: Option<KernelVersion>,
    image_user: ImageUser,
    json: bool,
    fail_on: Option<Severity>,
    file_caps: Option<FileCaps>,
    help: bool,
}

/// Our options, then the run command (after `--`, or from the first word
/// that is not one of ours).
fn parse(cmd: &str, args: &[String]) -> Result<(Options, Vec<String>), CliProblem> {
    let mut o = Options {
        podman: cmd == "podman",
        docker_era: DockerEra::default(),
        podman_era: PodmanEra::default(),
        kernel: None,
        image_user: ImageUser::Unknown,
        json: false,
        fail_on: None,
        file_caps: None,
        help: false,
    };
    let mut i = 0;
    while i < args.len() {
        let (name, value) = crate::next_option(
            args,
            &mut i,
            &[
                "--runtime",
                "--docker-era",
                "--podman-era",
                "--kernel",
                "--image-user",
                "--fail-on",
                "--file-caps",
            ],
        )
        .map_err(|name| CliProblem::MissingValue(name.to_string()))?;
        let bad = |v: &str| CliProblem::BadValue(name.to_string(), v.to_string());
        match (name, value) {
            ("--", _) => return Ok((o, args[i + 1..].to_vec())),
            ("--json", _) => o.json = true,
            ("--runtime", Some(v)) => match v.as_str() {
                "docker" => o.podman = false,
                "podman" => o.podman = true,
                _ => return Err(bad(&v)),
            },
            ("--docker-era", Some(v)) => {
                o.docker_era = match v.as_str() {
                    "le-20.10.13" => DockerEra::UpTo20_10_13,
                    "20.10.14-24" => DockerEra::From20_10_14To24,
                    "ge-25" => DockerEra::From25,
                    _ => return Err(bad(&v)),
                }
            }
            ("--podman-era", Some(v)) => {
                o.podman_era = match v.as_str() {
                    "le-4.3" => PodmanEra::UpTo4_3,
                    "4.4" => PodmanEra::V4_4,
                    "ge-4.5" => PodmanEra::From4_5,
                    _ => return Err(bad(&v)),
                }
            }
            ("--kernel", Some(v)) => {
                o.kernel = Some(v.parse::<KernelVersion>().map_err(|_| bad(&v))?)
            }
            ("--image-user", Some(v)) => {
                o.image_user = match v.as_str() {
                    "root" => ImageUser::Root,
                    "nonroot" | "non-root" => ImageUser::NonRoot,
                    "unknown" => ImageUser::Unknown,
                    _ => return Err(bad(&v)),
                }
            }
            ("--fail-on", Some(v)) => o.fail_on = Some(Severity::parse(&v).ok_or_else(|| bad(&v))?),
            ("--file-caps", Some(v)) => {
                // setcap text, e.g. cap_net_bind_service+ep
                let caps = caplens_core::text::parse(&v).map_err(|e| {
                    CliProblem::BadText(name.to_string(), caplens_words::text::error(&e))
                })?;
                let fc = caps.to_file_caps().map_err(|e| {
                    CliProblem::BadText(
                        name.to_string(),
                        caplens_words::text::file_caps_error(&e),
                    )
                })?;
                o.file_caps = Some(fc);
            }
            ("--help" | "-h", _) => o.help = true,
            _ => return Ok((o, args[i..].to_vec())),
        }
        i += 1;
    }
    Ok((o, Vec::new()))
}

pub fn run(cmd: &str, args: &[String]) -> ExitCode {
    let (o, rest) = match parse(cmd, args) {
        Ok(x) => x,
        Err(p) => {
            eprintln!("{}\n\n{}", words::docker_cli_error(&p), words::DOCKER_USAGE);
            return ExitCode::from(2);
        }
    };
    if o.help {
        println!("{}", words::DOCKER_USAGE);
        return ExitCode::SUCCESS;
    }
    let engine = if o.podman {
        SourceKind::PodmanRun
    } else {
        SourceKind::DockerRun
    };
    let parsed = if rest.is_empty() {
        eprintln!(
            "{}\n\n{}",
            words::docker_cli_error(&CliProblem::NoCommand),
            words::DOCKER_USAGE
        );
        return ExitCode::from(2);
    } else if rest.len() == 1 && (rest[0] == "-" || rest[0].contains(char::is_whitespace)) {
        // A pasted command: from stdin, or as one quoted argument.
        let text = if rest[0] == "-" {
            let mut s = String::new();
            let limit = (cmdline::MAX_TEXT + 1) as u64;
            if let Err(e) = std::io::stdin().take(limit).read_to_string(&mut s) {
                eprintln!(
                    "{}",
                    words::docker_cli_error(&CliProblem::Stdin(e.to_string()))
                );
                return ExitCode::from(2);
            }
            s
        } else {
            rest[0].clone()
        };
        cmdline::parse_command(&text, engine)
    } else {
        cmdline::parse_args(&rest, engine)
    };
    let mut run = match parsed {
        Ok(r) => r,
        Err(e) => {
            eprintln!("caplens docker: {}", words::cmdline_error(&e));
            return ExitCode::from(2);
        }
    };
    // `docker` or `podman` named in the command itself wins over the default.
    let runtime = match run.spec.source {
        SourceKind::PodmanRun => Runtime::Podman(o.podman_era),
        _ => Runtime::Docker(o.docker_era),
    };
    if o.file_caps.is_some() {
        run.spec.entrypoint_file_caps = o.file_caps;
    }
    let mut opts = AnalysisOptions::new(runtime);
    if let Some(k) = o.kernel {
        opts = opts.with_kernel(k);
    }
    opts.image_user = o.image_user;
    let report = analyse(&run.spec, &opts);
    // The same hardened settings as the page offers, as run options.
    let hardened = harden::suggest(&run.spec);
    if o.json {
        let mut v = caplens_cli::json::container_report(&report);
        if let Some(obj) = v.as_object_mut() {
            let flags = harden::snippet_for(&run.spec, &hardened);
            obj.insert("suggested".into(), flags.trim_end().into());
        }
        let doc = serde_json::json!({ "containers": [v] });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        print!("{}", words::report_text(&report));
        print!("{}", k8s_words::suggestion_text(&run.spec, &hardened));
    }
    let worst = report
        .worst()
        .max(report.creation_error.as_ref().map(|_| Severity::Error));
    match (o.fail_on, worst) {
        (Some(limit), Some(w)) if w >= limit => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}
