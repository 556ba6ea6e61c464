//! `caplens k8s`: analyse Kubernetes manifests and compose files (each file
//! auto-detected), one report per container.
use crate::options;
use crate::problem::{CliProblem, Command};
use caplens_cli::language::words;
use caplens_core::analysis::{ContainerReport, Severity};
use caplens_core::k8s;
use caplens_core::paste::{self, Input, InputContainer, PasteError, Settings};
use caplens_core::runtime::{CrioConfig, Runtime};
use std::io::Read;
use std::process::ExitCode;

const K8S: Command = Command::K8s;

struct Options {
    settings: Settings,
    json: bool,
    fail_on: Option<Severity>,
    files: Vec<String>,
    help: bool,
}

fn parse(args: &[String]) -> Result<Options, CliProblem> {
    let mut o = Options {
        settings: Settings::default(),
        json: false,
        fail_on: None,
        files: Vec::new(),
        help: false,
    };
    let mut i = 0;
    while i < args.len() {
        let (name, value) = options::next_option(
            args,
            &mut i,
            &["--runtime", "--kernel", "--image-user", "--fail-on"],
        )
        .map_err(options::missing_value)?;
        let value = value.unwrap_or_default();
        match name {
            "--json" => o.json = true,
            "--runtime" => o.settings.kubernetes = runtime(name, &value)?,
            "--kernel" => o.settings.kernel = Some(options::kernel(name, &value)?),
            "--image-user" => o.settings.image_user = options::image_user(name, &value)?,
            "--fail-on" => o.fail_on = Some(options::fail_on(name, &value)?),
            "--help" | "-h" => {
                o.help = true;
                return Ok(o);
            }
            "--" => {
                o.files.extend(args[i + 1..].iter().cloned());
                break;
            }
            "-" => o.files.push("-".to_string()),
            f if f.starts_with('-') => return Err(CliProblem::UnknownOption(f.to_string())),
            f => o.files.push(f.to_string()),
        }
        i += 1;
    }
    if o.files.is_empty() {
        return Err(CliProblem::NoFiles);
    }
    Ok(o)
}

/// `--runtime`'s value: the runtime of Kubernetes containers.
fn runtime(option: &str, value: &str) -> Result<Runtime, CliProblem> {
    match value {
        "containerd" => Ok(Runtime::Containerd(Default::default())),
        "crio" | "cri-o" => Ok(Runtime::Crio(CrioConfig::default())),
        _ => Err(options::bad_value(option, value)),
    }
}

fn read_file(name: &str) -> Result<String, String> {
    let mut s = String::new();
    let r = if name == "-" {
        std::io::stdin().read_to_string(&mut s).map(|_| ())
    } else {
        std::fs::File::open(name)
            .and_then(|mut f| f.read_to_string(&mut s))
            .map(|_| ())
    };
    r.map(|_| s).map_err(|e| e.to_string())
}

/// Reads and recognises one file; `label` is how messages name it.
fn read_input(file: &str, label: &str) -> Result<Input, CliProblem> {
    let text = read_file(file).map_err(|error| CliProblem::Read {
        file: label.to_string(),
        error,
    })?;
    paste::read_yaml(&text).map_err(|e| match e {
        PasteError::Yaml(error) => CliProblem::Yaml {
            file: label.to_string(),
            error,
        },
        PasteError::NotYaml | PasteError::Cmdline(_) => CliProblem::NotYaml {
            file: label.to_string(),
        },
        PasteError::Helm(input) => CliProblem::Helm {
            file: label.to_string(),
            input,
        },
    })
}

pub fn run_k8s(args: &[String]) -> ExitCode {
    let o = match parse(args) {
        Ok(o) => o,
        Err(p) => return K8S.usage_problem(&p),
    };
    if o.help {
        println!("{}", words().k8s_usage());
        return ExitCode::SUCCESS;
    }
    let mut failed_input = false;
    let mut worst: Option<Severity> = None;
    let mut json_items = Vec::new();
    for file in &o.files {
        let label = if file == "-" {
            words().stdin_file()
        } else {
            file.as_str()
        };
        let input = match read_input(file, label) {
            Ok(i) => i,
            Err(p) => {
                K8S.report(&p);
                failed_input = true;
                continue;
            }
        };
        print_file_heading(&input, label, o.json);
        for c in &input.containers {
            let report = paste::report(c, &o.settings);
            worst = worst.max(worst_of(&report));
            if o.json {
                json_items.push(caplens_cli::json::k8s_container(c, &report, label));
            } else {
                print_container(c, &report);
            }
        }
    }
    if o.json {
        let doc = serde_json::json!({ "containers": json_items });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    if failed_input {
        return ExitCode::from(2);
    }
    fail_on_exit(o.fail_on, worst)
}

/// The file's heading and notes; with `--json` only the notes, on stderr,
/// so stdout stays one JSON document.
fn print_file_heading(input: &Input, label: &str, json: bool) {
    let notes = file_notes(input);
    if json {
        for n in &notes {
            eprintln!("{}", words().in_file(label, n));
        }
    } else {
        println!(
            "{}",
            words().file_heading(label, input.form, input.containers.len())
        );
        for n in &notes {
            println!("  {n}");
        }
        println!();
    }
}

/// The file's notes, one line each, except the documents whose kind runs
/// no containers: a cluster dump has dozens, counted per kind on one line.
fn file_notes(input: &Input) -> Vec<String> {
    let mut notes: Vec<String> = input
        .notes
        .iter()
        .filter(|n| n.kind_without_containers().is_none())
        .map(|x| words().k8s_note(x))
        .collect();
    let kinds = k8s::kinds_without_containers(&input.notes);
    if !kinds.is_empty() {
        notes.push(words().skipped_kinds(&kinds));
    }
    notes
}

fn print_container(c: &InputContainer, report: &ContainerReport) {
    print!("{}", words().report_text(report));
    print!("{}", words().pss_text(&c.pss));
    let peers = caplens_core::peers::compare(&c.peers, &c.spec, report);
    print!("{}", words().peers_text(&peers));
    print!("{}", words().suggestion_text(&c.spec, &c.hardened));
    println!();
}

/// The most severe finding of a report; a container that cannot be created
/// counts as an error.
pub fn worst_of(report: &ContainerReport) -> Option<Severity> {
    report
        .worst()
        .max(report.creation_error.as_ref().map(|_| Severity::Error))
}

/// `--fail-on`: status 1 when the worst finding is at least that severe.
pub fn fail_on_exit(fail_on: Option<Severity>, worst: Option<Severity>) -> ExitCode {
    match (fail_on, worst) {
        (Some(limit), Some(w)) if w >= limit => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}
