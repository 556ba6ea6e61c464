//! `caplens exec`: simulate execve. Without flags (or with `--json`) it
//! answers one JSON request per stdin line (`caplens_cli::protocol`); with
//! flags it prints a human-readable report. Argument handling and printing
//! only: the work is in `caplens_core::exec`, the words in `strings::exec`.

use caplens_core::catalog;
use caplens_cli::protocol;
use caplens_core::exec::{self, ExecFile, ExecOptions, ProcessState, Securebits, SetidRule};
use caplens_core::mask;
use caplens_core::set::CapSet;
use caplens_words::cli;
use caplens_words::exec as words;
use caplens_words::text as text_words;
use caplens_core::text;
use std::io::{BufRead, Write};
use std::process::ExitCode;

pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{}", cli::EXEC_HELP);
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
        Err(msg) => {
            eprintln!("caplens exec: {msg}\n\n{}", cli::EXEC_SEE_HELP);
            ExitCode::from(2)
        }
    }
}

fn example(slug: &str) -> ExitCode {
    use caplens_core::exec::examples;
    if let Some(e) = examples::by_slug(slug) {
        println!(
            "{}\n{}\n",
            words::example_title(e.id),
            words::example_point(e.id)
        );
        let t = exec::execve(&e.before, &e.file);
        let text = (!e.file_text.is_empty()).then_some(e.file_text);
        print!("{}", words::report(&t, text));
        return ExitCode::SUCCESS;
    }
    if slug != "list" {
        eprintln!("{}", cli::unknown_example(slug));
    }
    for e in examples::examples() {
        println!("  {:22}{}", e.id.slug(), words::example_title(e.id));
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
                eprintln!("{}", cli::stdin_error("exec", &e));
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

fn value<'a>(args: &'a [String], i: &mut usize, flag: &str) -> Result<&'a str, String> {
    *i += 1;
    args.get(*i)
        .map(String::as_str)
        .ok_or_else(|| cli::needs_value(flag))
}

fn id(text: &str, flag: &str) -> Result<u32, String> {
    text.trim().parse().map_err(|_| cli::bad_uid(flag, text))
}

fn set(text: &str, flag: &str) -> Result<CapSet, String> {
    if let Ok(m) = mask::parse_mask(text) {
        return Ok(m);
    }
    mask::parse_names(text)
        .map_err(|e| cli::bad_value(flag, &caplens_words::decode::name_error(e.kind, &e.item)))
}

fn securebits(text: &str) -> Result<Securebits, String> {
    let t = text.trim();
    let number = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        None => t.parse().ok(),
    };
    if let Some(n) = number {
        return if n <= 0xfff {
            Ok(Securebits(n))
        } else {
            Err(cli::undefined_securebits(n))
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
            _ => return Err(cli::unknown_securebit(name)),
        };
    }
    Ok(Securebits(bits))
}

fn human(args: &[String]) -> Result<String, String> {
    let (mut uid, mut euid, mut suid) = (None, None, None);
    let (mut pi, mut pp, mut pe, mut x, mut pa) = (None, None, None, None, None);
    let mut bits = Securebits::default();
    let mut nnp = false;
    let mut switch = None;
    let mut file = ExecFile::default();
    let mut file_text = None;
    let mut options = ExecOptions::default();
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        match flag {
            "--uid" => uid = Some(id(value(args, &mut i, flag)?, flag)?),
            "--euid" => euid = Some(id(value(args, &mut i, flag)?, flag)?),
            "--suid" => suid = Some(id(value(args, &mut i, flag)?, flag)?),
            "--inheritable" => pi = Some(set(value(args, &mut i, flag)?, flag)?),
            "--permitted" => pp = Some(set(value(args, &mut i, flag)?, flag)?),
            "--effective" => pe = Some(set(value(args, &mut i, flag)?, flag)?),
            "--bounding" => x = Some(set(value(args, &mut i, flag)?, flag)?),
            "--ambient" => pa = Some(set(value(args, &mut i, flag)?, flag)?),
            "--securebits" => bits = securebits(value(args, &mut i, flag)?)?,
            "--nnp" | "--no-new-privs" => nnp = true,
            "--setuid-root" => file.setuid_root = true,
            "--nosuid" => file.nosuid_mount = true,
            "--setresuid" => {
                let v = value(args, &mut i, flag)?;
                let parts: Vec<&str> = v.split(',').collect();
                if parts.len() != 3 {
                    return Err(cli::bad_setresuid(v));
                }
                switch = Some((
                    id(parts[0], flag)?,
                    id(parts[1], flag)?,
                    id(parts[2], flag)?,
                ));
            }
            "--file" => {
                let v = value(args, &mut i, flag)?;
                let pasted = text::parse_pasted(v)
                    .map_err(|e| cli::bad_value(flag, &text_words::error(&e)))?;
                let caps = pasted.caps();
                file.caps = match caps {
                    None => None,
                    Some(c) => Some(
                        c.to_file_caps()
                            .map_err(|e| cli::bad_value(flag, &text_words::file_caps_error(&e)))?,
                    ),
                };
                file_text = caps.map(|c| text::to_text(&c));
            }
            "--rule" => {
                options.rule = match value(args, &mut i, flag)? {
                    "current" => SetidRule::Current,
                    "pre2025" | "pre-2025" => SetidRule::Pre2025,
                    other => return Err(cli::bad_rule(other)),
                }
            }
            other => return Err(cli::unknown_option(other)),
        }
        i += 1;
    }
    let uid = uid.unwrap_or(0);
    let euid = euid.unwrap_or(uid);
    let suid = suid.unwrap_or(euid);
    let x = x.unwrap_or(catalog::KNOWN);
    let pa = pa.unwrap_or_default();
    let root = euid == 0;
    let pp = pp.unwrap_or(if root { x } else { CapSet::EMPTY }.union(pa));
    let before = ProcessState {
        uid,
        euid,
        suid,
        inheritable: pi.unwrap_or_default().union(pa),
        permitted: pp,
        effective: pe.unwrap_or(if root { pp } else { pa }),
        bounding: x,
        ambient: pa,
        securebits: bits,
        no_new_privs: nnp,
    };
    let mut out = String::new();
    let before = match switch {
        None => before,
        Some((r, e, s)) => {
            let c = exec::setresuid(&before, r, e, s);
            out.push_str(&cli::setresuid_heading(r, e, s));
            out.push_str(&words::uid_report(&c));
            out.push('\n');
            match c.outcome {
                Ok(a) => a,
                Err(_) => return Ok(out),
            }
        }
    };
    let t = exec::execve_with(&before, &file, &options);
    out.push_str(&words::report(&t, file_text.as_deref()));
    Ok(out)
}
