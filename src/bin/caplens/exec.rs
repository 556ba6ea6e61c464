//! `caplens exec` (being written).
use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("caplens exec: not available yet");
    ExitCode::from(2)
}
