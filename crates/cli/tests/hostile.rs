//! Named hostile inputs (issue 5) against every public parser entry point:
//! each must end in a clear error or a correct result — never a panic, a
//! hang or an unbounded allocation. Speed is not asserted here (that is the
//! benchmark's job); each case prints how long it took so a regression
//! shows in the test log, and a hang shows as a test that never finishes.

use caplens_core::container::SourceKind;
use caplens_core::yaml::YamlError;
use caplens_core::{cmdline, compose, k8s, mask, paste, status, text, yaml};
use caplens_words::prelude::*;
use caplens_words::En;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Run `f`, print how long it took, return its value.
fn timed<T>(case: &str, parser: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let v = f();
    eprintln!(
        "hostile {case:<22} {parser:<28} {:>8.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    v
}

/// Every text parser, each asserting its own "clear error or correct
/// result" for the given input through `check`.
struct Expect<'a> {
    case: &'a str,
    input: &'a str,
}

impl Expect<'_> {
    fn mask(&self) -> Result<caplens_core::set::CapSet, String> {
        timed(self.case, "mask::parse_mask", || {
            mask::parse_mask(self.input)
        })
        .map_err(|e| En.mask_error(&e.kind))
    }
    fn names(&self) -> Result<caplens_core::set::CapSet, String> {
        timed(self.case, "mask::parse_names", || {
            mask::parse_names(self.input)
        })
        .map_err(|e| format!("{e:?}"))
    }
    fn status(&self) -> Result<status::Report, String> {
        timed(self.case, "status::recognise", || {
            status::recognise(self.input)
        })
        .map_err(|e| En.input_error(&e))
    }
    fn text(&self) -> Result<text::TextCaps, String> {
        timed(self.case, "text::parse", || text::parse(self.input)).map_err(|e| En.error(&e))
    }
    fn pasted(&self) -> Result<text::Pasted, String> {
        timed(self.case, "text::parse_pasted", || {
            text::parse_pasted(self.input)
        })
        .map_err(|e| En.error(&e))
    }
    fn getcap(&self) -> Vec<(usize, Result<text::GetcapEntry, text::TextError>)> {
        timed(self.case, "text::parse_getcap_output", || {
            text::parse_getcap_output(self.input)
        })
    }
    fn cmdline(&self) -> Result<cmdline::RunCommand, String> {
        timed(self.case, "cmdline::parse_command", || {
            cmdline::parse_command(self.input, SourceKind::DockerRun)
        })
        .map_err(|e| En.cmdline_error(&e))
    }
}

/// The YAML entry points: the reader, the Kubernetes and compose readers and
/// the page's paste pipeline. Each must give the same clear refusal.
fn yaml_all(case: &str, input: &str) -> Vec<(&'static str, Result<(), String>)> {
    let y = timed(case, "yaml::parse_default", || yaml::parse_default(input));
    let k = timed(case, "k8s::read", || k8s::read(input));
    let c = timed(case, "compose::read", || compose::read(input));
    let p = timed(case, "paste::read", || paste::read(input));
    let word = |e: &YamlError| En.yaml_error(e);
    vec![
        ("yaml", y.map(|_| ()).map_err(|e| word(&e))),
        ("k8s", k.map(|_| ()).map_err(|e| word(&e))),
        ("compose", c.map(|_| ()).map_err(|e| word(&e))),
        ("paste", p.map(|_| ()).map_err(|e| En.paste_error(&e))),
    ]
}

fn yaml_refused(case: &str, input: &str, must_mention: &[&str]) {
    for (parser, r) in yaml_all(case, input) {
        match r {
            Ok(()) => panic!("{case}: {parser} accepted it"),
            Err(msg) => assert_clear(&format!("{case}/{parser}"), &msg, must_mention),
        }
    }
}

fn assert_clear(what: &str, msg: &str, must_mention: &[&str]) {
    assert!(!msg.trim().is_empty(), "{what}: empty message");
    assert!(
        msg.len() < 2000,
        "{what}: message of {} bytes echoes the input",
        msg.len()
    );
    for m in must_mention {
        assert!(
            msg.to_lowercase().contains(&m.to_lowercase()),
            "{what}: {msg:?} does not mention {m:?}"
        );
    }
}

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn ten_mb_paste() {
    let line = "CapEff:\t000001ffffffffff\n";
    let input = line.repeat(TEN_MB / line.len() + 1);
    let e = Expect {
        case: "10 MB paste",
        input: &input,
    };
    assert_clear("mask", &e.mask().unwrap_err(), &[]);
    assert!(e.names().is_err());
    assert_clear("status", &e.status().unwrap_err(), &["KiB"]);
    assert_clear("text", &e.text().unwrap_err(), &["KiB"]);
    assert_clear("pasted", &e.pasted().unwrap_err(), &["KiB"]);
    assert_clear("cmdline", &e.cmdline().unwrap_err(), &[]);
    let lines = e.getcap();
    assert_eq!(lines.len(), 1);
    assert_clear(
        "getcap",
        &En.error(lines[0].1.as_ref().unwrap_err()),
        &["KiB"],
    );

    // Just under the limits: many bad getcap lines, each reported on its
    // own (this once rescanned the whole input per line).
    let line = "/usr/bin/x cap_bogus=ep\n";
    let input = line.repeat(text::MAX_GETCAP_OUTPUT / line.len());
    let e = Expect {
        case: "1 MB of bad getcap",
        input: &input,
    };
    let lines = e.getcap();
    assert_eq!(lines.len(), input.lines().count());
    let (n, last) = lines.last().unwrap();
    assert_eq!(
        (
            last.as_ref().unwrap_err().line,
            last.as_ref().unwrap_err().column
        ),
        (*n, 12)
    );

    // The longest setcap text Linux can pass is parsed correctly.
    let valid = "cap_chown,".repeat((text::MAX_TEXT - 20) / 10) + "cap_kill=ep";
    let v = Expect {
        case: "128 KiB valid text",
        input: &valid,
    };
    let caps = v.text().expect("long but valid text");
    assert_eq!(caps.permitted, caplens_core::set::CapSet::from_caps([0, 5]));
}

#[test]
fn extremely_long_line() {
    // One megabyte without a line break, in shapes each parser cares about.
    let digits = "f".repeat(1 << 20);
    let e = Expect {
        case: "1 MB line of hex",
        input: &digits,
    };
    assert_clear("mask", &e.mask().unwrap_err(), &["16"]);
    assert_clear("status", &e.status().unwrap_err(), &[]);
    let word = format!("cap_{}=p", "x".repeat(1 << 20));
    let shorter = format!("cap_{}=p", "x".repeat(100 << 10));
    let e = Expect {
        case: "100 KB capability name",
        input: &shorter,
    };
    assert_clear("text", &e.text().unwrap_err(), &["not a capability name"]);
    let e = Expect {
        case: "1 MB capability name",
        input: &word,
    };
    assert_clear("text", &e.text().unwrap_err(), &["KiB"]);
    assert_clear("pasted", &e.pasted().unwrap_err(), &[]);
    let getcap = format!("/{} cap_net_raw=ep", "d/".repeat(100 << 10));
    let e = Expect {
        case: "200 KB getcap line",
        input: &getcap,
    };
    let lines = e.getcap();
    assert_eq!(lines.len(), 1);
    let err = lines[0].1.as_ref().unwrap_err();
    assert_clear("getcap", &En.error(err), &["too long"]);
    let flags = format!(
        "docker run {} alpine",
        "--cap-add=NET_ADMIN ".repeat(40_000)
    );
    let e = Expect {
        case: "800 KB docker command",
        input: &flags,
    };
    assert_clear("cmdline", &e.cmdline().unwrap_err(), &[]);
}

#[test]
fn nul_bytes() {
    for input in [
        "\0",
        "000001ffffffffff\0",
        "CapEff:\t0000\u{0}000000000000\n",
        "cap_net_raw+ep\0",
        "docker run --cap-add\0NET_RAW alpine",
    ] {
        let e = Expect {
            case: "NUL bytes",
            input,
        };
        assert!(e.mask().is_err(), "{input:?}");
        let _ = e.names();
        let _ = e.status();
        let t = e.text().unwrap_err();
        assert_clear("text", &t, &["NUL"]);
        assert!(e.pasted().is_err());
        let _ = e.cmdline();
    }
}

#[test]
fn deep_nesting() {
    // Nothing here nests, but a paste of deeply nested brackets must not
    // recurse or crawl in any of them.
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let e = Expect {
        case: "10,000-deep nesting",
        input: &deep,
    };
    assert!(e.mask().is_err());
    assert!(e.status().is_err());
    assert_clear("text", &e.text().unwrap_err(), &["column 1"]);
    assert!(e.pasted().is_err());
    let _ = e.cmdline();
    let quoted = format!(
        "docker run {}alpine{}",
        "\"'".repeat(5_000),
        "'\"".repeat(5_000)
    );
    let e = Expect {
        case: "10,000 nested quotes",
        input: &quoted,
    };
    let _ = e.cmdline();
}

/// Feed raw bytes to a `caplens` subcommand on stdin.
fn run_cli(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caplens"))
        .env("LC_ALL", "C") // English, whatever the test machine's locale
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn caplens");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("caplens output");
    let _ = writer.join();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn invalid_utf8_through_the_cli() {
    let bad: &[u8] = b"CapEff:\t00000000a80425fb\n\xff\xfe bad \xc3\x28\n";
    for args in [
        &["decode", "-"][..],
        &["k8s", "-"][..],
        &["docker", "-"][..],
    ] {
        let (code, stdout, stderr) = timed("invalid UTF-8", &args.join(" "), || run_cli(args, bad));
        assert_ne!(code, 0, "{args:?} accepted invalid UTF-8: {stdout}");
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert!(code != 101, "{args:?} exited like a panic: {stderr}");
        assert!(!stderr.trim().is_empty(), "{args:?} said nothing");
    }
    // `caplens exec` is a JSON-lines filter: a bad line gets an error object
    // on its own line and the stream goes on.
    let lines: &[u8] = b"\xff\xfe\n{\"id\":\"\xff\"}\n{\"id\":3}\n";
    let (code, stdout, stderr) = timed("invalid UTF-8", "exec", || run_cli(&["exec"], lines));
    assert!(!stderr.contains("panicked") && code != 101, "{stderr}");
    let answers: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each answer is JSON"))
        .collect();
    assert_eq!(answers.len(), 3, "{stdout}");
    assert!(answers.iter().all(|a| a.get("error").is_some()), "{stdout}");
    assert_eq!(answers[2]["id"], 3);
    for a in &answers[..2] {
        let msg = a["error"].as_str().unwrap_or_default();
        assert!(
            msg.contains("UTF-8"),
            "the exec error must name the problem: {msg}"
        );
    }
    // The message must name the problem.
    for args in [&["decode", "-"][..], &["k8s", "-"][..]] {
        let (_, _, stderr) = run_cli(args, bad);
        assert!(stderr.contains("UTF-8"), "{args:?}: {stderr}");
    }
}

/// Inputs the fuzzers once crashed on, kept so the bugs stay fixed.
#[test]
fn fuzz_regressions() {
    // status: a multi-byte character where libcap text expects an operator
    // (`&actions[1..]` sliced inside it). Found by fuzz/status.
    let _ = status::recognise("1350:5=\u{618}");
    let _ = status::recognise("cap_chown=\u{618}p");
}

#[test]
fn yaml_billion_laughs() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(",");
        bomb.push_str(&format!("{}: &{} [{}]\n", w[1], w[1], refs));
    }
    // As a Pod too: the bomb sits inside a container's env.
    yaml_refused("billion laughs", &bomb, &["alias"]);
    let pod = format!(
        "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nx:\n{}spec:\n  containers:\n  - name: c\n    image: i\n    env: *i\n",
        bomb.lines().map(|l| format!("  {l}\n")).collect::<String>()
    );
    yaml_refused("billion laughs in Pod", &pod, &["alias"]);
}

#[test]
fn yaml_ten_mb_paste() {
    let doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n---\n";
    let input = doc.repeat(TEN_MB / doc.len() + 1);
    yaml_refused("10 MB manifest", &input, &["MB"]);
}

#[test]
fn yaml_deep_nesting() {
    let flow = "[".repeat(10_000) + &"]".repeat(10_000);
    yaml_refused("10,000-deep flow", &flow, &["deep"]);
    let flow_map = "{a: ".repeat(10_000) + "1" + &"}".repeat(10_000);
    yaml_refused("10,000-deep flow map", &flow_map, &["deep"]);
    // Block nesting needs ever more indentation: 10,000 levels are ~50 MB,
    // refused for size before any parsing.
    let block: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    yaml_refused("10,000-deep block map", &block, &["MB"]);
    // `- - - - … x` nests block sequences on one line.
    let seq = "- ".repeat(10_000) + "x\n";
    yaml_refused("10,000-deep block seq", &seq, &["deep"]);
    // JSON lines for `caplens exec`: serde_json's recursion limit answers.
    let deep_json = format!(
        "{{\"before\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let out = timed("10,000-deep JSON", "exec::protocol::answer_line", || {
        caplens_cli::protocol::answer_line(&deep_json)
    });
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object back");
    assert!(
        v.get("error")
            .and_then(|e| e.as_str())
            .is_some_and(|m| !m.is_empty()),
        "{out}"
    );
}

#[test]
fn yaml_nul_bytes_and_long_lines() {
    let nul = "apiVersion: v1\nkind: Pod\u{0}\nspec: {}\n";
    for (parser, r) in yaml_all("NUL in YAML", nul) {
        if let Err(msg) = r {
            assert_clear(parser, &msg, &[]);
        }
    }
    let long = format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: {}}}\nspec:\n  containers: [{{name: c, image: i}}]\n", "x".repeat(3 << 20));
    let results = yaml_all("3 MB line", &long);
    // Within the byte limit: a correct result, one container.
    assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
    let m = k8s::read(&long).unwrap();
    assert_eq!(m.containers.len(), 1);
    let json_line = format!("{{\"id\": \"{}\"}}", "x".repeat(10 << 20));
    let out = timed("10 MB JSON line", "exec::protocol::answer_line", || {
        caplens_cli::protocol::answer_line(&json_line)
    });
    assert!(out.len() < 10_000, "the answer echoes the whole line back");
    assert!(serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .get("error")
        .is_some());
}

#[test]
fn manifest_with_5000_containers() {
    let mut y =
        String::from("apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n");
    for i in 0..5000 {
        y.push_str(&format!(
            "  - name: c{i}\n    image: busybox\n    securityContext:\n      capabilities:\n        add: [NET_ADMIN]\n        drop: [ALL]\n"
        ));
    }
    let m = timed("5,000 containers", "k8s::read", || k8s::read(&y)).expect("a big but valid Pod");
    assert_eq!(m.containers.len(), 5000);
    let input = timed("5,000 containers", "paste::read", || paste::read(&y)).expect("paste");
    assert_eq!(input.containers.len(), 5000);
    let settings = paste::Settings::default();
    let reports = timed("5,000 containers", "paste::report (all)", || {
        input
            .containers
            .iter()
            .map(|c| paste::report(c, &settings))
            .collect::<Vec<_>>()
    });
    assert_eq!(reports.len(), 5000);
}
