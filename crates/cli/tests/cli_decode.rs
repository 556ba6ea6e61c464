//! `caplens decode` as a user runs it: output format, JSON, stdin, errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn caplens(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caplens"))
        .env("LC_ALL", "C") // English, whatever the test machine's locale
        .arg("decode")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run caplens");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        // The tool may stop reading early (size limit); a broken pipe is fine.
        let _ = input.write_all(text.as_bytes());
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const DOCKER_LINE: &str = "0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap";

#[test]
fn masks_print_like_capsh() {
    let o = caplens(&["a80425fb", "0X0", "0x8000000000000000"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("{DOCKER_LINE}\n0x0000000000000000=\n0x8000000000000000=63\n")
    );
    // Bit 63 is unknown: a note on stderr, stdout stays clean for scripts.
    assert!(stderr(&o).contains("note: mask (line 1) has bits no kernel defines: 63"));
}

#[test]
fn status_on_stdin() {
    let text = "$ grep Cap /proc/1/status\nCapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n";
    let o = caplens(&["--explain", "-"], Some(text));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "CapInh\t0x0000000000000000=\n  matches: empty\nCapPrm\t0x00000000a80425fb=cap_chown,"
        ),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "CapBnd\t{DOCKER_LINE}\n  matches: Docker/containerd default\n"
        )),
        "{out}"
    );
    assert!(out.contains("input: CapXxx: lines from /proc/PID/status"));
    assert!(stderr(&o).contains("line 1 was not understood"));
}

#[test]
fn json_is_structured() {
    let o = caplens(
        &["--json", "CapBnd: 0000001fffffffff", "ffffffffffffffff"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let first = &v[0]["sets"][0];
    assert_eq!(first["set"], "bounding");
    assert_eq!(first["label"], "CapBnd");
    assert_eq!(first["names"].as_array().unwrap().len(), 37);
    assert_eq!(first["numbers"][36], 36);
    assert_eq!(first["presets"]["kernel"]["range"]["from"], "3.5");
    assert_eq!(first["presets"]["kernel"]["range"]["to"], "3.15");
    assert_eq!(first["presets"]["equals"][0]["preset"]["id"], "allOfKernel");
    assert_eq!(v[0]["source"], "capLines");
    let second = &v[1]["sets"][0];
    assert_eq!(second["unknownBits"].as_array().unwrap().len(), 23);
    assert_eq!(
        second["presets"]["kernel"]["range"]["reason"],
        "allBitsBefore3_8"
    );
    assert_eq!(v[1]["notes"][0]["note"]["note"], "unknownBits");
}

#[test]
fn describe_lists_each_capability() {
    let o = caplens(&["--describe", "0x8000000000002000"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[1].starts_with("  13  cap_net_raw") && lines[1].contains("medium"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("  63  63") && lines[2].contains("Bit 63 is not a capability"),
        "{out}"
    );
    let o = caplens(&["--json", "2000"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let cap = &v[0]["sets"][0]["capabilities"][0];
    assert_eq!(cap["name"], "cap_net_raw");
    assert_eq!(cap["danger"], "medium");
    assert_eq!(cap["inPresets"][0]["id"], "docker");
}

#[test]
fn names_to_mask() {
    let o = caplens(&["--names", "net_raw,CAP_SYS_ADMIN", "3"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "0x0000000000202008=cap_fowner,cap_net_raw,cap_sys_admin\n"
    );
    let o = caplens(&["--names", "net_raw,bogus"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("column 9: `bogus` is not a capability name"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn errors_have_positions_and_exit_2() {
    let o = caplens(&["a80425fb", "a8042g5fb"], None);
    assert_eq!(o.status.code(), Some(2));
    // Good arguments are still decoded.
    assert_eq!(stdout(&o), format!("{DOCKER_LINE}\n"));
    assert!(
        stderr(&o).contains("argument 2: line 1, column 6: `g` is not a hexadecimal digit"),
        "{}",
        stderr(&o)
    );
    let o = caplens(&["00000000000000000"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("column 17: 17 hexadecimal digits is too many"),
        "{}",
        stderr(&o)
    );
    let o = caplens(&[], None);
    assert_eq!(o.status.code(), Some(2));
    let o = caplens(&["--bogus", "1"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = caplens(&["-"], Some(""));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("stdin: line 1, column 1: nothing to decode"));
}

#[test]
fn huge_stdin_is_refused() {
    let big = "0".repeat(caplens_core::status::MAX_INPUT_BYTES + 10);
    let o = caplens(&["-"], Some(&big));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("at most 1024 KiB"), "{}", stderr(&o));
}

#[test]
fn a_closed_pipe_ends_quietly_instead_of_panicking() {
    // Like `caplens decode ... | head -c1`: the reader goes away early.
    let masks: Vec<String> = (0..2000).map(|i| format!("{:x}", i * 7919 + 1)).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_caplens"))
        .env("LC_ALL", "C") // English, whatever the test machine's locale
        .arg("decode")
        .args(&masks)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run caplens");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert_ne!(out.status.code(), Some(101), "a panic exits with 101");
}
