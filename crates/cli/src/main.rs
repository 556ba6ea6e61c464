//! The `caplens` command-line tool: a thin layer over the library.
//! Each subcommand lives in its own module and only parses arguments,
//! calls the core and prints; `options` and `problem` hold what they share
//! (how options are spelled, and what can be wrong with them).

mod containers;
mod decode;
mod docker;
mod exec;
mod options;
mod problem;
mod workshop;

use caplens_cli::language::{self, words};
use caplens_words::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so printing into a closed pipe (`| head`) would
    // panic; the default action ends the process quietly, as other tools do.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = match take_lang(std::env::args().skip(1).collect()) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut args = args.into_iter();
    let Some(cmd) = args.next() else {
        eprintln!("{}", words().usage());
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();
    match cmd.as_str() {
        "decode" => decode::run(&rest),
        "exec" => exec::run(&rest),
        "k8s" => containers::run_k8s(&rest),
        "docker" | "podman" => docker::run(&cmd, &rest),
        "workshop" => workshop::run(&rest),
        "help" | "--help" | "-h" => {
            println!("{}", words().usage());
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("{}", words().unknown_command(other));
            ExitCode::from(2)
        }
    }
}

/// Takes `--lang X` / `--lang=X` out of the arguments (anywhere before a
/// `--`, which ends the options of `caplens docker`) and fixes the
/// language; without it the locale decides. A bad value is worded in the
/// locale's language.
fn take_lang(args: Vec<String>) -> Result<Vec<String>, String> {
    // The subcommand names the problem, as every other argument error does.
    let command = (0..args.len())
        .find(|&i| !args[i].starts_with('-') && (i == 0 || args[i - 1] != "--lang"))
        .map_or("help", |i| args[i].as_str());
    let mut kept = Vec::with_capacity(args.len());
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            kept.push(arg.clone());
            kept.extend(args.by_ref().cloned());
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args
                .next()
                .ok_or_else(|| words().missing_value(command, "--lang"))?,
            Some(v) if v.starts_with('=') => &v[1..],
            _ => {
                kept.push(arg.clone());
                continue;
            }
        };
        let lang =
            Lang::from_tag(value).ok_or_else(|| words().bad_value(command, "--lang", value))?;
        language::choose(lang);
    }
    Ok(kept)
}
