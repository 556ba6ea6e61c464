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

use caplens_cli::language::words;
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
        eprintln!("{}", words().usage());
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();
    match cmd.as_str() {
        "decode" => decode::run(&rest),
        "exec" => exec::run(&rest),
        "k8s" => containers::run_k8s(&rest),
        "docker" | "podman" => docker::run(&cmd, &rest),
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
