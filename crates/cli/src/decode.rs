//! `caplens decode`: name the capabilities in masks or pasted status text.
//! Argument handling and printing only; the work is in `status`, `mask`
//! and `preset`, the words in `caplens_words::decode`.

use crate::problem::{CliProblem, Command};
use caplens_cli::language::words;
use caplens_cli::terminal;
use caplens_core::mask;
use caplens_core::preset::{self, Comparison};
use caplens_core::risk;
use caplens_core::status::{self, Report};
use serde_json::Value;
use std::io::Read;
use std::process::ExitCode;

const DECODE: Command = Command::Decode;

struct Options {
    json: bool,
    explain: bool,
    describe: bool,
    names: bool,
    help: bool,
    inputs: Vec<(String, String)>, // (where, text)
}

pub fn run(args: &[String]) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(p) => return DECODE.usage_problem(&p),
    };
    if opts.help {
        println!("{}", words().decode_help());
        return ExitCode::SUCCESS;
    }
    if opts.names {
        return run_names(&opts);
    }
    let mut failed = false;
    let mut results = Vec::new();
    for (place, text) in &opts.inputs {
        match status::recognise(text) {
            Ok(report) => {
                if opts.json {
                    results.push(caplens_cli::json::decode_report(place, &report));
                } else {
                    print_report(&report, opts.explain, opts.describe);
                }
            }
            Err(e) => {
                failed = true;
                DECODE.report(&CliProblem::BadInput {
                    place: place.clone(),
                    error: e,
                });
            }
        }
    }
    if opts.json && !results.is_empty() {
        println!(
            "{}",
            serde_json::to_string_pretty(&Value::Array(results)).unwrap_or_default()
        );
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_args(args: &[String]) -> Result<Options, CliProblem> {
    let mut o = Options {
        json: false,
        explain: false,
        describe: false,
        names: false,
        help: false,
        inputs: Vec::new(),
    };
    let mut positional = Vec::new();
    let mut only_positional = false;
    for a in args {
        match a.as_str() {
            _ if only_positional => positional.push(a.clone()),
            "--" => only_positional = true,
            "--json" => o.json = true,
            "--explain" | "-v" => o.explain = true,
            "--describe" => o.describe = true,
            "--names" => o.names = true,
            "-h" | "--help" => {
                o.help = true;
                return Ok(o);
            }
            s if s.starts_with("--") => return Err(CliProblem::UnknownOption(s.to_string())),
            _ => positional.push(a.clone()),
        }
    }
    if positional.is_empty() {
        return Err(CliProblem::NothingToDecode);
    }
    if o.names {
        o.inputs.push(("--names".into(), positional.join(" ")));
        return Ok(o);
    }
    for (i, p) in positional.into_iter().enumerate() {
        if p == "-" {
            let mut text = String::new();
            // Read one byte past the limit so `recognise` reports the size.
            let limit = (status::MAX_INPUT_BYTES + 1) as u64;
            if let Err(e) = std::io::stdin().take(limit).read_to_string(&mut text) {
                return Err(CliProblem::Stdin(e.to_string()));
            }
            o.inputs.push((words().stdin_label().into(), text));
        } else {
            o.inputs.push((words().argument_label(i + 1), p));
        }
    }
    Ok(o)
}

fn run_names(o: &Options) -> ExitCode {
    let (_, text) = &o.inputs[0];
    match mask::parse_names(text) {
        Ok(set) => {
            if o.json {
                let v = caplens_cli::json::decode_set(None, set, None);
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                println!("{}", mask::capsh_decode_line(set));
                if o.explain {
                    print_comparison(&preset::compare(set));
                }
                if o.describe {
                    print_descriptions(set);
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            DECODE.report(&CliProblem::BadNames(e));
            ExitCode::from(2)
        }
    }
}

fn print_report(r: &Report, explain: bool, describe: bool) {
    for e in &r.sets {
        let line = mask::capsh_decode_line(e.caps);
        match e.kind {
            None => println!("{line}"),
            Some(k) => println!("{}\t{line}", k.proc_key()),
        }
        if explain {
            print_comparison(&preset::compare(e.caps));
        }
        if describe {
            print_descriptions(e.caps);
        }
    }
    if explain {
        println!("  {}", words().input_line(r.source));
        if let Some(n) = r.no_new_privs {
            println!("  {}", words().no_new_privs(n));
        }
        if let Some(s) = r.seccomp {
            println!("  {}", words().seccomp(s));
        }
    }
    for n in &r.notes {
        eprintln!("{}", words().note_line(n));
    }
}

fn print_descriptions(set: caplens_core::set::CapSet) {
    for n in set.iter() {
        let summary = words()
            .summary(n)
            .map_or_else(|| words().unknown_capability(n), str::to_string);
        let danger = risk::danger(n).map_or("-", |x| words().danger_label(x));
        println!(
            "  {n:>2}  {:<24} {} {summary}",
            mask::libcap_name(n),
            terminal::pad(danger, 8)
        );
    }
}

fn print_comparison(c: &Comparison) {
    for l in words().comparison(c) {
        println!("  {l}");
    }
    if let Some(k) = &c.kernel {
        println!("  {}", words().kernel_range(k));
    }
}
