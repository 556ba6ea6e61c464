//! `caplens k8s`: analyse Kubernetes manifests and compose files (each file
//! auto-detected), one report per container.
use caplens_core::analysis::{ImageUser, Severity};
use caplens_core::catalog::KernelVersion;
use caplens_core::k8s::harden;
use caplens_core::paste::{self, PasteError, Settings};
use caplens_core::runtime::{CrioConfig, Runtime};
use caplens_words::containers as cwords;
use caplens_words::k8s::{self as words, CliProblem};
use std::io::Read;
use std::process::ExitCode;

struct Options {
    settings: Settings,
    json: bool,
    fail_on: Option<Severity>,
    files: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        settings: Settings::default(),
        json: false,
        fail_on: None,
        files: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let (name, value) = crate::next_option(
            args,
            &mut i,
            &["--runtime", "--kernel", "--image-user", "--fail-on"],
        )
        .map_err(|name| words::cli_problem(&CliProblem::MissingValue(name)))?;
        let value = value.unwrap_or_default();
        let bad = |v: &str| words::cli_problem(&CliProblem::BadValue(name, v));
        match name {
            "--json" => o.json = true,
            "--runtime" => {
                o.settings.kubernetes = match value.as_str() {
                    "containerd" => Runtime::Containerd(Default::default()),
                    "crio" | "cri-o" => Runtime::Crio(CrioConfig::default()),
                    _ => return Err(bad(&value)),
                }
            }
            "--kernel" => {
                o.settings.kernel = Some(value.parse::<KernelVersion>().map_err(|_| bad(&value))?)
            }
            "--image-user" => {
                o.settings.image_user = match value.as_str() {
                    "root" => ImageUser::Root,
                    "nonroot" | "non-root" => ImageUser::NonRoot,
                    "unknown" => ImageUser::Unknown,
                    _ => return Err(bad(&value)),
                }
            }
            "--fail-on" => o.fail_on = Some(Severity::parse(&value).ok_or_else(|| bad(&value))?),
            "--help" | "-h" => return Err(String::new()),
            "--" => {
                o.files.extend(args[i + 1..].iter().cloned());
                break;
            }
            "-" => o.files.push("-".to_string()),
            f if f.starts_with('-') => {
                return Err(words::cli_problem(&CliProblem::UnknownOption(f)))
            }
            f => o.files.push(f.to_string()),
        }
        i += 1;
    }
    if o.files.is_empty() {
        return Err(words::cli_problem(&CliProblem::NoFiles));
    }
    Ok(o)
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

pub fn run_k8s(args: &[String]) -> ExitCode {
    let o = match parse(args) {
        Ok(o) => o,
        Err(msg) => {
            if msg.is_empty() {
                println!("{}", words::K8S_USAGE);
                return ExitCode::SUCCESS;
            }
            eprintln!("{msg}\n\n{}", words::K8S_USAGE);
            return ExitCode::from(2);
        }
    };
    let mut failed_input = false;
    let mut worst: Option<Severity> = None;
    let mut json_items = Vec::new();
    for file in &o.files {
        let label = if file == "-" {
            "(stdin)"
        } else {
            file.as_str()
        };
        let text = match read_file(file) {
            Ok(t) => t,
            Err(error) => {
                eprintln!(
                    "{}",
                    words::cli_problem(&CliProblem::Read { file: label, error })
                );
                failed_input = true;
                continue;
            }
        };
        let input = match paste::read_yaml(&text) {
            Ok(i) => i,
            Err(PasteError::Yaml(error)) => {
                eprintln!(
                    "{}",
                    words::cli_problem(&CliProblem::Yaml {
                        file: label,
                        error: &error
                    })
                );
                failed_input = true;
                continue;
            }
            Err(PasteError::NotYaml | PasteError::Cmdline(_)) => {
                eprintln!("{label}: {}", words::not_yaml_hint());
                failed_input = true;
                continue;
            }
        };
        // Notes go to stderr with --json, so stdout stays one JSON document.
        let notes: Vec<String> = input.notes.iter().map(words::note).collect();
        if o.json {
            for n in &notes {
                eprintln!("{label}: {n}");
            }
        } else {
            println!(
                "{}",
                words::file_heading(label, input.form, input.containers.len())
            );
            for n in &notes {
                println!("  {n}");
            }
            println!();
        }
        for c in &input.containers {
            let report = paste::report(c, &o.settings);
            let w = report
                .worst()
                .max(report.creation_error.as_ref().map(|_| Severity::Error));
            worst = worst.max(w);
            if o.json {
                let mut v = caplens_cli::json::container_report(&report);
                if let Some(obj) = v.as_object_mut() {
                    obj.insert("file".into(), label.into());
                    obj.insert(
                        "pss".into(),
                        serde_json::json!({
                            "baseline": c.pss.baseline(),
                            "restricted": c.pss.restricted(),
                            "violations": c.pss.violations.iter().map(|x| serde_json::json!({
                                "check": x.check_id(),
                                "level": words::pss_level(x.level()),
                                "message": words::violation(x),
                            })).collect::<Vec<_>>(),
                        }),
                    );
                    obj.insert(
                        "suggested".into(),
                        harden::snippet_for(&c.spec, &c.hardened).into(),
                    );
                }
                json_items.push(v);
            } else {
                print!("{}", cwords::report_text(&report));
                print!("{}", words::pss_text(&c.pss));
                print!("{}", words::suggestion_text(&c.spec, &c.hardened));
                println!();
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
    match (o.fail_on, worst) {
        (Some(limit), Some(w)) if w >= limit => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}
