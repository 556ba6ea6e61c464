//! `caplens docker` / `caplens podman`: analyse a `docker run` or
//! `podman run` command line.
use crate::containers::{fail_on_exit, worst_of};
use crate::options;
use crate::problem::{CliProblem, Command};
use caplens_cli::language::words;
use caplens_core::analysis::{analyse, AnalysisOptions, ContainerReport, ImageUser, Severity};
use caplens_core::catalog::KernelVersion;
use caplens_core::cmdline::{self, RunCommand};
use caplens_core::container::SourceKind;
use caplens_core::exec::FileCaps;
use caplens_core::k8s::harden::{self, Hardened};
use caplens_core::runtime::{DockerEra, PodmanEra, Runtime};
use std::io::Read;
use std::process::ExitCode;

const DOCKER: Command = Command::Docker;

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

/// Our options that take a value.
const WITH_VALUE: [&str; 7] = [
    "--runtime",
    "--docker-era",
    "--podman-era",
    "--kernel",
    "--image-user",
    "--fail-on",
    "--file-caps",
];

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
        let (name, value) =
            options::next_option(args, &mut i, &WITH_VALUE).map_err(options::missing_value)?;
        match (name, value) {
            ("--", _) => return Ok((o, args[i + 1..].to_vec())),
            ("--json", _) => o.json = true,
            ("--runtime", Some(v)) => o.podman = podman(name, &v)?,
            ("--docker-era", Some(v)) => o.docker_era = docker_era(name, &v)?,
            ("--podman-era", Some(v)) => o.podman_era = podman_era(name, &v)?,
            ("--kernel", Some(v)) => o.kernel = Some(options::kernel(name, &v)?),
            ("--image-user", Some(v)) => o.image_user = options::image_user(name, &v)?,
            ("--fail-on", Some(v)) => o.fail_on = Some(options::fail_on(name, &v)?),
            ("--file-caps", Some(v)) => o.file_caps = Some(file_caps(name, &v)?),
            ("--help" | "-h", _) => o.help = true,
            _ => return Ok((o, args[i..].to_vec())),
        }
        i += 1;
    }
    Ok((o, Vec::new()))
}

/// `--runtime`'s value: whether to model podman.
fn podman(option: &str, value: &str) -> Result<bool, CliProblem> {
    match value {
        "docker" => Ok(false),
        "podman" => Ok(true),
        _ => Err(options::bad_value(option, value)),
    }
}

fn docker_era(option: &str, value: &str) -> Result<DockerEra, CliProblem> {
    match value {
        "le-20.10.13" => Ok(DockerEra::UpTo20_10_13),
        "20.10.14-24" => Ok(DockerEra::From20_10_14To24),
        "ge-25" => Ok(DockerEra::From25),
        _ => Err(options::bad_value(option, value)),
    }
}

fn podman_era(option: &str, value: &str) -> Result<PodmanEra, CliProblem> {
    match value {
        "le-4.3" => Ok(PodmanEra::UpTo4_3),
        "4.4" => Ok(PodmanEra::V4_4),
        "ge-4.5" => Ok(PodmanEra::From4_5),
        _ => Err(options::bad_value(option, value)),
    }
}

/// `--file-caps`'s value: setcap text, e.g. cap_net_bind_service+ep.
fn file_caps(option: &str, value: &str) -> Result<FileCaps, CliProblem> {
    let caps = caplens_core::text::parse(value).map_err(|error| CliProblem::BadCapText {
        option: option.to_string(),
        error,
    })?;
    caps.to_file_caps()
        .map_err(|error| CliProblem::BadFileCaps {
            option: option.to_string(),
            error,
        })
}

pub fn run(cmd: &str, args: &[String]) -> ExitCode {
    let (o, rest) = match parse(cmd, args) {
        Ok(x) => x,
        Err(p) => return DOCKER.usage_problem(&p),
    };
    if o.help {
        println!("{}", words().docker_usage());
        return ExitCode::SUCCESS;
    }
    if rest.is_empty() {
        return DOCKER.usage_problem(&CliProblem::NoCommand);
    }
    let engine = if o.podman {
        SourceKind::PodmanRun
    } else {
        SourceKind::DockerRun
    };
    let mut run = match read_command(&rest, engine) {
        Ok(r) => r,
        Err(p) => {
            DOCKER.report(&p);
            return ExitCode::from(2);
        }
    };
    if o.file_caps.is_some() {
        run.spec.entrypoint_file_caps = o.file_caps;
    }
    let report = analyse(&run.spec, &analysis_options(&o, &run));
    // The same hardened settings as the page offers, as run options.
    let hardened = harden::suggest(&run.spec);
    print_report(&run, &report, &hardened, o.json);
    fail_on_exit(o.fail_on, worst_of(&report))
}

/// The run command: the words after our options, or a pasted command (from
/// stdin, or as one quoted argument).
fn read_command(rest: &[String], engine: SourceKind) -> Result<RunCommand, CliProblem> {
    let parsed = if rest.len() == 1 && (rest[0] == "-" || rest[0].contains(char::is_whitespace)) {
        let text = if rest[0] == "-" {
            let mut s = String::new();
            let limit = (cmdline::MAX_TEXT + 1) as u64;
            std::io::stdin()
                .take(limit)
                .read_to_string(&mut s)
                .map_err(|e| CliProblem::Stdin(e.to_string()))?;
            s
        } else {
            rest[0].clone()
        };
        cmdline::parse_command(&text, engine)
    } else {
        cmdline::parse_args(rest, engine)
    };
    parsed.map_err(CliProblem::BadCommand)
}

fn analysis_options(o: &Options, run: &RunCommand) -> AnalysisOptions {
    // `docker` or `podman` named in the command itself wins over the default.
    let runtime = match run.spec.source {
        SourceKind::PodmanRun => Runtime::Podman(o.podman_era),
        _ => Runtime::Docker(o.docker_era),
    };
    let mut opts = AnalysisOptions::new(runtime);
    if let Some(k) = o.kernel {
        opts = opts.with_kernel(k);
    }
    opts.image_user = o.image_user;
    opts
}

fn print_report(run: &RunCommand, report: &ContainerReport, hardened: &Hardened, json: bool) {
    if json {
        let v = caplens_cli::json::docker_container(&run.spec, report, hardened);
        let doc = serde_json::json!({ "containers": [v] });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        print!("{}", words().report_text(report));
        print!("{}", words().suggestion_text(&run.spec, hardened));
    }
}
