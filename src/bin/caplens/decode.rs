//! `caplens decode` (being written).
use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("caplens decode: not available yet");
    ExitCode::from(2)
}
