//! The `caplens` command-line tool: a thin layer over the library.
//! Each subcommand lives in its own module and only parses arguments,
//! calls the core and prints.

mod containers;
mod decode;
mod docker;
mod exec;

use caplens_words::cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so printing into a closed pipe (`| head`) would
    // panic; the default action ends the process quietly, as other tools do.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let mut args = std::env::args().skip(1);
    let Some(cmd) = args.next() else {
        eprintln!("{}", cli::USAGE);
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();
    match cmd.as_str() {
        "decode" => decode::run(&rest),
        "exec" => exec::run(&rest),
        "k8s" => containers::run_k8s(&rest),
        "docker" | "podman" => docker::run(&cmd, &rest),
        "help" | "--help" | "-h" => {
            println!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("{}", cli::unknown_command(other));
            ExitCode::from(2)
        }
    }
}

/// Reads the option at `args[*i]`: its name and, when the name is one of
/// `with_value`, its value, written as `--name=value` or as the next
/// argument (then `*i` moves past it). `Err(name)`: the value is missing.
/// Shared by the subcommands so every one spells options the same way.
fn next_option<'a>(
    args: &'a [String],
    i: &mut usize,
    with_value: &[&str],
) -> Result<(&'a str, Option<String>), &'a str> {
    let arg = args[*i].as_str();
    let (name, inline) = match arg.split_once('=') {
        Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
        _ => (arg, None),
    };
    if !with_value.contains(&name) {
        return Ok((name, None));
    }
    match inline {
        Some(v) => Ok((name, Some(v))),
        None => {
            *i += 1;
            args.get(*i).map(|v| (name, Some(v.clone()))).ok_or(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::next_option;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_with_and_without_values() {
        let a = args(&["--json", "--kernel=5.8", "--runtime", "crio", "--fail-on"]);
        let with = ["--kernel", "--runtime", "--fail-on"];
        let mut i = 0;
        assert_eq!(next_option(&a, &mut i, &with), Ok(("--json", None)));
        i += 1;
        assert_eq!(
            next_option(&a, &mut i, &with),
            Ok(("--kernel", Some("5.8".into())))
        );
        i += 1;
        assert_eq!(
            next_option(&a, &mut i, &with),
            Ok(("--runtime", Some("crio".into())))
        );
        assert_eq!(i, 3);
        i += 1;
        assert_eq!(next_option(&a, &mut i, &with), Err("--fail-on"));
    }
}
