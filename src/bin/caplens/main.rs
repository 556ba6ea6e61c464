//! The `caplens` command-line tool: a thin layer over the library.
//! Each subcommand lives in its own module and only parses arguments,
//! calls the core and prints.

mod containers;
mod decode;
mod docker;
mod exec;

use std::process::ExitCode;

const USAGE: &str = "\
usage: caplens <command> [options]

commands:
  decode MASK...            name the capabilities in a mask (like capsh --decode)
  exec                      simulate execve (JSON lines on stdin, or flags)
  k8s FILE... | -           analyse Kubernetes / compose manifests
  docker -- ARGS...         analyse a docker/podman run command line
  help                      this text

Run `caplens <command> --help` for the options of one command.";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(cmd) = args.next() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();
    match cmd.as_str() {
        "decode" => decode::run(&rest),
        "exec" => exec::run(&rest),
        "k8s" => containers::run_k8s(&rest),
        "docker" | "podman" => docker::run(&cmd, &rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("caplens: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
