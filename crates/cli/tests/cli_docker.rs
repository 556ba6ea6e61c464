//! `caplens docker` end to end through the built binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn caplens(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_caplens"));
    // English, whatever the locale of the machine running the tests.
    c.env("LC_ALL", "C");
    c.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn json_has_one_container_with_the_issue_shape() {
    let (rc, out, err) = caplens(
        &[
            "docker",
            "--json",
            "--",
            "docker",
            "run",
            "--user",
            "1000",
            "--cap-add",
            "NET_ADMIN",
            "busybox",
        ],
        None,
    );
    assert_eq!(rc, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cs = v["containers"].as_array().unwrap();
    assert_eq!(cs.len(), 1);
    let c = &cs[0];
    assert_eq!(c["workload"], "docker run");
    assert_eq!(c["role"], "container");
    assert_eq!(c["oci"]["bounding"], "00000000a80435fb");
    assert_eq!(c["pid1"]["uid"], 1000);
    assert_eq!(c["pid1"]["effective"], "0000000000000000");
    let ids: Vec<&str> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"ineffective-add"), "{ids:?}");
    assert!(c["findings"][0]["line"].is_null());
}

#[test]
fn podman_table_row_and_fail_on() {
    // §9: podman --user 1000 --cap-add NET_ADMIN
    let (rc, out, _) = caplens(
        &[
            "podman",
            "--json",
            "--fail-on",
            "warning",
            "--",
            "run",
            "--user",
            "1000",
            "--cap-add",
            "NET_ADMIN",
            "busybox",
        ],
        None,
    );
    assert_eq!(rc, 1); // dangerous-capability is a warning
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let p = &v["containers"][0]["pid1"];
    for k in ["inheritable", "permitted", "effective", "ambient"] {
        assert_eq!(p[k], "0000000000001000", "{k}");
    }
    assert_eq!(p["bounding"], "00000000800415fb");
    let (rc, _, _) = caplens(
        &[
            "podman",
            "--fail-on",
            "error",
            "--",
            "run",
            "--user",
            "1000",
            "--cap-add",
            "NET_ADMIN",
            "busybox",
        ],
        None,
    );
    assert_eq!(rc, 0);
}

#[test]
fn pasted_command_on_stdin_with_continuations() {
    let text =
        "$ docker run --rm \\\n    --cap-add CAP_SYS_ADMIN \\\n    perf-image perf stat ls\n";
    let (rc, out, err) = caplens(
        &["docker", "--json", "--image-user", "root", "-"],
        Some(text),
    );
    assert_eq!(rc, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = v["containers"][0]["findings"].as_array().unwrap();
    let perf = f.iter().find(|f| f["id"] == "prefer-perfmon").unwrap();
    assert_eq!(perf["line"], 2);
    assert_eq!(v["containers"][0]["pid1"]["uid"], 0);
}

#[test]
fn human_output_and_eras() {
    let (rc, out, _) = caplens(
        &[
            "docker",
            "--docker-era",
            "le-20.10.13",
            "--",
            "run",
            "-u",
            "0",
            "alpine",
        ],
        None,
    );
    assert_eq!(rc, 0);
    assert!(out.contains("CapInh: 00000000a80425fb"), "{out}");
    assert!(out.contains("default-net-raw"));
    let (_, out, _) = caplens(
        &[
            "docker",
            "--kernel",
            "5.4",
            "--json",
            "--",
            "run",
            "--privileged",
            "-u",
            "0",
            "alpine",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["containers"][0]["pid1"]["effective"], "0000003fffffffff");
}

#[test]
fn bad_input_exits_2_with_a_located_message() {
    let (rc, _, err) = caplens(&["docker", "--", "docker", "run", "--cap-add"], None);
    assert_eq!(rc, 2);
    assert!(
        err.contains("argument 3") && err.contains("--cap-add needs a value"),
        "{err}"
    );
    let (rc, _, err) = caplens(&["docker", "-"], Some("docker run 'unterminated"));
    assert_eq!(rc, 2);
    assert!(err.contains("line 1, column 12"), "{err}");
    let (rc, _, err) = caplens(&["docker", "--docker-era", "19", "--", "run", "x"], None);
    assert_eq!(rc, 2);
    assert!(err.contains("--docker-era"), "{err}");
    let (rc, _, _) = caplens(&["docker"], None);
    assert_eq!(rc, 2);
    // creation errors are reported, and count as errors for --fail-on
    let (rc, out, _) = caplens(
        &[
            "docker",
            "--fail-on",
            "error",
            "--",
            "run",
            "--cap-add",
            "BOGUS",
            "x",
        ],
        None,
    );
    assert_eq!(rc, 1);
    assert!(out.contains("unknown capability: \"CAP_BOGUS\""), "{out}");
}

#[test]
fn file_caps_option_makes_the_add_work_for_non_root() {
    let args = [
        "docker",
        "--json",
        "--file-caps",
        "cap_net_bind_service+ep",
        "--",
        "run",
        "-u",
        "1000",
        "--cap-add",
        "NET_BIND_SERVICE",
        "nginx",
    ];
    let (rc, out, err) = caplens(&args, None);
    assert_eq!(rc, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["containers"][0]["pid1"]["effective"], "0000000000000400");
    let ids: Vec<&str> = v["containers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"ineffective-add"), "{ids:?}");
    let (rc, _, err) = caplens(
        &["docker", "--file-caps", "cap_bogus+ep", "--", "run", "x"],
        None,
    );
    assert_eq!(rc, 2);
    assert!(err.contains("--file-caps"), "{err}");
}

#[test]
fn suggests_run_options_not_kubernetes_yaml() {
    // A docker command line gets its hardened settings back as docker
    // options (text and JSON), never as a Kubernetes securityContext.
    let cmd = [
        "docker",
        "--",
        "docker",
        "run",
        "--privileged",
        "--user",
        "1000",
        "--cap-add",
        "net_bind_service",
        "nginx",
    ];
    let (rc, out, err) = caplens(&cmd, None);
    assert!(rc == 0 || rc == 1, "{rc} {err}");
    assert!(out.contains("# --privileged removed"), "{out}");
    assert!(
        out.contains(
            "--cap-drop ALL --cap-add NET_BIND_SERVICE --security-opt no-new-privileges --user 1000"
        ),
        "{out}"
    );
    assert!(
        !out.contains("securityContext") && !out.contains("runAsNonRoot"),
        "{out}"
    );
    let mut json_cmd = cmd.to_vec();
    json_cmd.insert(1, "--json");
    let (_, out, err) = caplens(&json_cmd, None);
    let v: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}"));
    assert_eq!(
        v["containers"][0]["suggested"],
        "--cap-drop ALL --cap-add NET_BIND_SERVICE --security-opt no-new-privileges --user 1000"
    );
}
