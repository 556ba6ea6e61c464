//! `caplens exec` from the outside: the JSON-lines loop and the human form.

use std::io::Write;
use std::process::{Command, Stdio};

fn caplens(args: &[&str], stdin: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caplens"))
        .env("LC_ALL", "C") // English, whatever the test machine's locale
        .arg("exec")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn json_lines_one_answer_per_line_and_bad_lines_do_not_stop_it() {
    let input = concat!(
        r#"{"id": "a", "before": {"uid": 1000, "euid": 1000, "inheritable": "0000000000000000", "permitted": "0000000000000000", "effective": "0000000000000000", "bounding": "000001ffffffffff", "ambient": "0000000000000000", "securebits": 0, "no_new_privs": false}, "file": {"setuid_root": false, "caps": {"permitted": "0000000000002000", "inheritable": "0000000000000000", "effective": true}}}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": "c", "before": {"uid": 0, "euid": 0, "inheritable": "0", "permitted": "1fffeffffff", "effective": "1fffeffffff", "bounding": "1fffeffffff"}, "file": {"caps": {"permitted": "1000000", "inheritable": "0", "effective": true}}}"#,
        "\n"
    );
    let (out, _, code) = caplens(&[], input);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["after"]["permitted"], "0000000000002000");
    assert_eq!(lines[0]["after"]["effective"], "0000000000002000");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("input line 2: not valid JSON at column"),
        "{out}"
    );
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["after"]["error"], "EPERM");
}

#[test]
fn human_form_explains_plus_p() {
    let (out, err, code) = caplens(
        &["--uid", "1000", "--file", "cap_net_admin,cap_net_raw+p"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("CapPrm  0000000000000000  0000000000003000  (changed)"),
        "{out}"
    );
    assert!(out.contains("the file has no effective bit"), "{out}");
    assert!(out.contains("capability-aware"), "{out}");
}

#[test]
fn human_form_getcap_line_and_eperm() {
    let (out, _, code) = caplens(
        &[
            "--bounding",
            "1fffeffffff",
            "--file",
            "/usr/bin/x cap_sys_resource=ep",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("EPERM") && out.contains("Missing: cap_sys_resource"),
        "{out}"
    );
}

#[test]
fn human_form_setresuid_then_exec() {
    let (out, _, _) = caplens(
        &["--setresuid", "1000,1000,1000", "--securebits", "keep_caps"],
        "",
    );
    assert!(
        out.contains("SECBIT_KEEP_CAPS keeps the permitted set"),
        "{out}"
    );
    assert!(
        out.contains("CapPrm  000001ffffffffff  0000000000000000  (changed)"),
        "{out}"
    );
}

#[test]
fn human_form_errors_name_the_flag() {
    let (_, err, code) = caplens(&["--permitted", "cap_nett_raw"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--permitted"), "{err}");
    let (_, err, code) = caplens(&["--file", "cap_net_raw+x"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--file"), "{err}");
    let (_, err, _) = caplens(&["--uid", "-3"], "");
    assert!(err.contains("--uid"), "{err}");
}

#[test]
fn examples_list_and_run() {
    let (out, _, code) = caplens(&["--example", "list"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("ping-p") && out.contains("docker-user-eperm"),
        "{out}"
    );
    let (out, _, code) = caplens(&["--example", "docker-user-eperm"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("EPERM") && out.contains("Missing: cap_net_admin"),
        "{out}"
    );
    let (_, err, code) = caplens(&["--example", "nope"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown example"));
}
