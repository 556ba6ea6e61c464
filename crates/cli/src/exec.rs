//! `caplens exec`: simulate execve. Without flags (or with `--json`) it
//! answers one JSON request per stdin line (`caplens_cli::protocol`); with
//! flags it prints a human-readable report. Argument handling and printing
//! only: the work is in `caplens_core::exec`, the words in
//! `caplens_words::exec`.

use crate::problem::{CliProblem, Command};
use caplens_cli::language::words;
use caplens_cli::protocol;
use caplens_core::catalog;
use caplens_core::exec::{
    self, ExecFile, ExecOptions, FileCaps, ProcessState, Securebits, SetidRule,
};
use caplens_core::mask;
use caplens_core::set::CapSet;
use caplens_core::text;
use std::io::{BufRead, Write};
use std::process::ExitCode;

const EXEC: Command = Command::Exec;

pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{}", words().exec_help());
        return ExitCode::SUCCESS;
    }
    if args.is_empty() || (args.len() == 1 && args[0] == "--json") {
        return run_json();
    }
    if args.len() == 2 && args[0] == "--example" {
        return example(&args[1]);
    }
    match human(args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(p) => EXEC.usage_problem(&p),
    }
}

fn example(slug: &str) -> ExitCode {
    use caplens_core::exec::examples;
    if let Some(e) = examples::by_slug(slug) {
        println!(
            "{}\n{}\n",
            words().example_title(e.id),
            words().example_point(e.id)
        );
        let t = exec::execve(&e.before, &e.file);
        let text = (!e.file_text.is_empty()).then_some(e.file_text);
        print!("{}", words().report(&t, text));
        return ExitCode::SUCCESS;
    }
    if slug != "list" {
        EXEC.report(&CliProblem::UnknownExample(slug.to_string()));
    }
    for e in examples::examples() {
        println!("  {:22}{}", e.id.slug(), words().example_title(e.id));
    }
    if slug == "list" {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn run_json() -> ExitCode {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut reader = stdin.lock();
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        // Read at most a little more than the limit so a huge line cannot
        // exhaust memory; the rest of it is skipped.
        let n = match std::io::Read::take(&mut reader, protocol::MAX_LINE as u64 + 2)
            .read_until(b'\n', &mut buf)
        {
            Ok(n) => n,
            Err(e) => {
                EXEC.report(&CliProblem::StdinStream(e.to_string()));
                return ExitCode::from(2);
            }
        };
        if n == 0 {
            break;
        }
        number += 1;
        if buf.last() != Some(&b'\n') && n > protocol::MAX_LINE {
            // Skip to the end of this over-long line.
            let mut rest = Vec::new();
            let _ = reader.read_until(b'\n', &mut rest);
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if writeln!(out, "{}", protocol::answer_bytes_at(number, line)).is_err() {
            break;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

/// The value after `args[*i]` (then `*i` moves to it).
fn value<'a>(args: &'a [String], i: &mut usize, flag: &str) -> Result<&'a str, CliProblem> {
    *i += 1;
    args.get(*i)
        .map(String::as_str)
        .ok_or_else(|| CliProblem::MissingValue {
            option: flag.to_string(),
        })
}

fn id(text: &str, flag: &str) -> Result<u32, CliProblem> {
    text.trim().parse().map_err(|_| CliProblem::BadUid {
        option: flag.to_string(),
        value: text.to_string(),
    })
}

fn set(text: &str, flag: &str) -> Result<CapSet, CliProblem> {
    if let Ok(m) = mask::parse_mask(text) {
        return Ok(m);
    }
    mask::parse_names(text).map_err(|error| CliProblem::BadSet {
        option: flag.to_string(),
        error,
    })
}

fn securebits(text: &str) -> Result<Securebits, CliProblem> {
    let t = text.trim();
    let number = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        None => t.parse().ok(),
    };
    if let Some(n) = number {
        return if n <= 0xfff {
            Ok(Securebits(n))
        } else {
            Err(CliProblem::UndefinedSecurebits(n))
        };
    }
    let mut bits = 0;
    for name in t.split([',', ' ']).filter(|s| !s.is_empty()) {
        let n = name.to_ascii_lowercase().replace('-', "_");
        let n = n.strip_prefix("secbit_").unwrap_or(&n);
        bits |= match n {
            "noroot" => Securebits::NOROOT,
            "noroot_locked" => Securebits::NOROOT_LOCKED,
            "no_setuid_fixup" => Securebits::NO_SETUID_FIXUP,
            "no_setuid_fixup_locked" => Securebits::NO_SETUID_FIXUP_LOCKED,
            "keep_caps" => Securebits::KEEP_CAPS,
            "keep_caps_locked" => Securebits::KEEP_CAPS_LOCKED,
            "no_cap_ambient_raise" => Securebits::NO_CAP_AMBIENT_RAISE,
            "no_cap_ambient_raise_locked" => Securebits::NO_CAP_AMBIENT_RAISE_LOCKED,
            _ => return Err(CliProblem::UnknownSecurebit(name.to_string())),
        };
    }
    Ok(Securebits(bits))
}

/// `--setresuid R,E,S`.
fn setresuid(text: &str, flag: &str) -> Result<(u32, u32, u32), CliProblem> {
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() != 3 {
        return Err(CliProblem::BadSetresuid(text.to_string()));
    }
    Ok((
        id(parts[0], flag)?,
        id(parts[1], flag)?,
        id(parts[2], flag)?,
    ))
}

/// `--file TEXT`: the file's capabilities, and their text as reports show it.
fn file(text: &str, flag: &str) -> Result<(Option<FileCaps>, Option<String>), CliProblem> {
    let pasted = text::parse_pasted(text).map_err(|error| CliProblem::BadCapText {
        option: flag.to_string(),
        error,
    })?;
    let caps = pasted.caps();
    let file_caps = match caps {
        None => None,
        Some(c) => Some(c.to_file_caps().map_err(|error| CliProblem::BadFileCaps {
            option: flag.to_string(),
            error,
        })?),
    };
    Ok((file_caps, caps.map(|c| text::to_text(&c))))
}

fn rule(text: &str) -> Result<SetidRule, CliProblem> {
    match text {
        "current" => Ok(SetidRule::Current),
        "pre2025" | "pre-2025" => Ok(SetidRule::Pre2025),
        other => Err(CliProblem::BadRule(other.to_string())),
    }
}

/// What the flags say, before the defaults are filled in.
#[derive(Default)]
struct Flags {
    uid: Option<u32>,
    euid: Option<u32>,
    suid: Option<u32>,
    inheritable: Option<CapSet>,
    permitted: Option<CapSet>,
    effective: Option<CapSet>,
    bounding: Option<CapSet>,
    ambient: Option<CapSet>,
    securebits: Securebits,
    no_new_privs: bool,
    setresuid: Option<(u32, u32, u32)>,
    file: ExecFile,
    /// The `--file` capabilities as text, for the report.
    file_text: Option<String>,
    options: ExecOptions,
}

/// Reads the flags of the text report, one arm per flag.
fn parse_flags(args: &[String]) -> Result<Flags, CliProblem> {
    let mut f = Flags::default();
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        match flag {
            "--uid" => f.uid = Some(id(value(args, &mut i, flag)?, flag)?),
            "--euid" => f.euid = Some(id(value(args, &mut i, flag)?, flag)?),
            "--suid" => f.suid = Some(id(value(args, &mut i, flag)?, flag)?),
            "--inheritable" => f.inheritable = Some(set(value(args, &mut i, flag)?, flag)?),
            "--permitted" => f.permitted = Some(set(value(args, &mut i, flag)?, flag)?),
            "--effective" => f.effective = Some(set(value(args, &mut i, flag)?, flag)?),
            "--bounding" => f.bounding = Some(set(value(args, &mut i, flag)?, flag)?),
            "--ambient" => f.ambient = Some(set(value(args, &mut i, flag)?, flag)?),
            "--securebits" => f.securebits = securebits(value(args, &mut i, flag)?)?,
            "--nnp" | "--no-new-privs" => f.no_new_privs = true,
            "--setresuid" => f.setresuid = Some(setresuid(value(args, &mut i, flag)?, flag)?),
            "--setuid-root" => f.file.setuid_root = true,
            "--nosuid" => f.file.nosuid_mount = true,
            "--file" => (f.file.caps, f.file_text) = file(value(args, &mut i, flag)?, flag)?,
            "--rule" => f.options.rule = rule(value(args, &mut i, flag)?)?,
            other => return Err(CliProblem::UnknownOption(other.to_string())),
        }
        i += 1;
    }
    Ok(f)
}

/// The process before exec: the flags, with the defaults `--help` describes.
fn before_state(f: &Flags) -> ProcessState {
    let uid = f.uid.unwrap_or(0);
    let euid = f.euid.unwrap_or(uid);
    let suid = f.suid.unwrap_or(euid);
    let x = f.bounding.unwrap_or(catalog::KNOWN);
    let pa = f.ambient.unwrap_or_default();
    let root = euid == 0;
    let pp = f
        .permitted
        .unwrap_or(if root { x } else { CapSet::EMPTY }.union(pa));
    ProcessState {
        uid,
        euid,
        suid,
        inheritable: f.inheritable.unwrap_or_default().union(pa),
        permitted: pp,
        effective: f.effective.unwrap_or(if root { pp } else { pa }),
        bounding: x,
        ambient: pa,
        securebits: f.securebits,
        no_new_privs: f.no_new_privs,
    }
}

/// The text report of one exec, after a `--setresuid` when one is given.
fn human(args: &[String]) -> Result<String, CliProblem> {
    let f = parse_flags(args)?;
    let before = before_state(&f);
    let mut out = String::new();
    let before = match f.setresuid {
        None => before,
        Some((r, e, s)) => {
            let c = exec::setresuid(&before, r, e, s);
            out.push_str(&words().setresuid_heading(r, e, s));
            out.push_str(&words().uid_report(&c));
            out.push('\n');
            match c.outcome {
                Ok(a) => a,
                Err(_) => return Ok(out),
            }
        }
    };
    let t = exec::execve_with(&before, &f.file, &f.options);
    out.push_str(&words().report(&t, f.file_text.as_deref()));
    Ok(out)
}
