//! Differential test of the runtime → runc → exec model against the real
//! kernel (semantics.md §7.2, §1.2, §9): for each case the OCI sets the model
//! computes are installed the way runc does it (capsh: NNP, bounding drop,
//! keep-caps + setuid, one capset, ambient raise), then a program is exec'd
//! and its `/proc/self/status` compared with the model's PID 1.
//! Needs root (CI and this machine run as root).

use caplens_core::analysis::{analyse, AnalysisOptions, ImageUser};
use caplens_core::cmdline::parse_command;
use caplens_core::container::SourceKind;
use caplens_core::exec::FileCaps;
use caplens_core::runtime::{
    ContainerdEra, CrioConfig, CrioEra, DockerEra, OciSets, PodmanEra, RunUser, Runtime,
    RuntimeOptions,
};
use caplens_core::set::CapSet;
use std::process::Command;

fn status_line(text: &str, key: &str) -> CapSet {
    let line = text
        .lines()
        .find(|l| l.starts_with(key))
        .unwrap_or_else(|| panic!("{key} missing in {text}"));
    CapSet(u64::from_str_radix(line[key.len()..].trim(), 16).unwrap())
}

fn host_bounding() -> CapSet {
    status_line(
        &std::fs::read_to_string("/proc/self/status").unwrap(),
        "CapBnd:",
    )
}

fn is_root() -> bool {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .find(|l| l.starts_with("Uid:"))
        .is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
}

fn names(set: CapSet) -> String {
    set.iter()
        .map(|c| caplens_core::catalog::get(c).unwrap().libcap_name())
        .collect::<Vec<_>>()
        .join(",")
}

/// runc's steps, with capsh.
fn emulate(sets: &OciSets, nnp: bool, user: RunUser, host: CapSet, program: &str) -> [CapSet; 5] {
    let mut args: Vec<String> = Vec::new();
    if nnp {
        args.push("--no-new-privs".into());
    }
    let drop = host.minus(sets.bounding);
    if !drop.is_empty() {
        args.push(format!("--drop={}", names(drop)));
    }
    if let RunUser::NonRoot { uid } = user {
        let uid = uid.unwrap_or(65534);
        args.extend([
            "--keep=1".to_string(),
            format!("--gid={uid}"),
            format!("--uid={uid}"),
        ]);
    }
    // One capset with exactly E, P, I.
    let mut text = String::from("=");
    for c in (sets.effective | sets.permitted | sets.inheritable).iter() {
        let mut flags = String::new();
        if sets.effective.contains(c) {
            flags.push('e');
        }
        if sets.inheritable.contains(c) {
            flags.push('i');
        }
        if sets.permitted.contains(c) {
            flags.push('p');
        }
        text.push_str(&format!(
            " {}+{flags}",
            caplens_core::catalog::get(c).unwrap().libcap_name()
        ));
    }
    args.extend([
        "--strict".to_string(),
        format!("--caps={text}"),
        "--noamb".to_string(),
    ]);
    if !sets.ambient.is_empty() {
        args.push(format!("--addamb={}", names(sets.ambient)));
    }
    args.extend([
        format!("--shell={program}"),
        "--".into(),
        "-E".into(),
        "^Cap".into(),
        "/proc/self/status".into(),
    ]);
    let out = Command::new("capsh")
        .args(&args)
        .output()
        .expect("capsh runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "capsh {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    ["CapInh:", "CapPrm:", "CapEff:", "CapBnd:", "CapAmb:"].map(|k| status_line(&text, k))
}

/// A copy of grep carrying file capabilities (`setcap TEXT`).
fn grep_with_caps(tag: &str, caps: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("runc_diff");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("grep-{tag}"));
    std::fs::copy("/bin/grep", &path).unwrap();
    let ok = Command::new("setcap")
        .arg(caps)
        .arg(&path)
        .status()
        .unwrap();
    assert!(ok.success());
    path.to_string_lossy().into_owned()
}

struct Case {
    runtime: Runtime,
    cmd: &'static str,
    file_caps: Option<(&'static str, FileCaps)>,
}

fn check(case: &Case, host: CapSet) {
    let mut spec = parse_command(case.cmd, SourceKind::DockerRun).unwrap().spec;
    let program = match &case.file_caps {
        Some((text, fc)) => {
            spec.entrypoint_file_caps = Some(*fc);
            grep_with_caps(
                &text.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
                text,
            )
        }
        None => "/bin/grep".to_string(),
    };
    let mut opts = AnalysisOptions::new(case.runtime);
    opts.runtime = RuntimeOptions {
        host,
        ..RuntimeOptions::new(case.runtime)
    };
    opts.image_user = ImageUser::Root;
    let report = analyse(&spec, &opts);
    let o = &report.outcomes[0];
    let oci = o
        .oci
        .as_ref()
        .unwrap_or_else(|e| panic!("{}: {e:?}", case.cmd));
    let model = o
        .pid1()
        .unwrap_or_else(|| panic!("{}: no pid1", case.cmd))
        .state;
    let real = emulate(&oci.sets, oci.no_new_privs, o.user, host, &program);
    let want = [
        model.inheritable,
        model.permitted,
        model.effective,
        model.bounding,
        model.ambient,
    ];
    assert_eq!(
        want, real,
        "{:?} {} (I, P, E, B, A)",
        case.runtime, case.cmd
    );
}

/// A program file carrying `cap_net_bind_service+ep`.
const NET_BIND_SERVICE_EP: FileCaps = FileCaps {
    permitted: CapSet::single(10),
    inheritable: CapSet::EMPTY,
    effective: true,
};

/// The Docker cases, across its three eras.
fn docker_cases() -> Vec<Case> {
    let nbs = NET_BIND_SERVICE_EP;
    let d25 = Runtime::Docker(DockerEra::From25);
    vec![
        Case {
            runtime: d25,
            cmd: "docker run -u 0 x",
            file_caps: None,
        },
        Case {
            runtime: d25,
            cmd: "docker run -u 1000 --cap-add NET_ADMIN x",
            file_caps: None,
        },
        Case {
            runtime: d25,
            cmd:
                "docker run -u 0 --security-opt no-new-privileges --cap-drop ALL --cap-add CHOWN x",
            file_caps: None,
        },
        Case {
            runtime: d25,
            cmd: "docker run -u 1000 --security-opt no-new-privileges --cap-add NET_BIND_SERVICE x",
            file_caps: Some(("cap_net_bind_service+ep", nbs)),
        },
        Case {
            runtime: Runtime::Docker(DockerEra::From20_10_14To24),
            cmd: "docker run -u 1000 --security-opt no-new-privileges x",
            file_caps: Some(("cap_net_bind_service+ep", nbs)),
        },
        Case {
            runtime: Runtime::Docker(DockerEra::From20_10_14To24),
            cmd: "docker run -u 1000 x",
            file_caps: Some(("cap_net_bind_service+ep", nbs)),
        },
        Case {
            runtime: Runtime::Docker(DockerEra::UpTo20_10_13),
            cmd: "docker run -u 0 x",
            file_caps: None,
        },
        Case {
            runtime: Runtime::Docker(DockerEra::UpTo20_10_13),
            cmd: "docker run -u 1000 x",
            file_caps: None,
        },
        Case {
            runtime: d25,
            cmd: "docker run -u 0 --privileged x",
            file_caps: None,
        },
    ]
}

/// The containerd, CRI-O and Podman cases.
fn other_runtime_cases() -> Vec<Case> {
    let nbs = NET_BIND_SERVICE_EP;
    vec![
        Case {
            runtime: Runtime::Containerd(ContainerdEra::Current),
            cmd: "docker run -u 1000 --cap-drop ALL --cap-add NET_BIND_SERVICE x",
            file_caps: Some(("cap_net_bind_service+ep", nbs)),
        },
        Case {
            runtime: Runtime::Containerd(ContainerdEra::WithInheritable),
            cmd: "docker run -u 0 --cap-add NET_ADMIN x",
            file_caps: None,
        },
        Case {
            runtime: Runtime::Crio(CrioConfig::default()),
            cmd: "docker run -u 1000 --privileged x",
            file_caps: None,
        },
        Case {
            runtime: Runtime::Crio(CrioConfig {
                era: CrioEra::From1_18To1_23,
                add_inheritable: false,
            }),
            cmd: "docker run -u 1000 x",
            file_caps: None,
        },
        Case {
            runtime: Runtime::Podman(PodmanEra::From4_5),
            cmd: "podman run -u 1000 --cap-add NET_ADMIN x",
            file_caps: None,
        },
        Case {
            runtime: Runtime::Podman(PodmanEra::From4_5),
            cmd: "podman run -u 0 x",
            file_caps: None,
        },
    ]
}

#[test]
fn model_matches_the_kernel() {
    if !is_root() {
        panic!("this differential test needs root (CI runs as root)");
    }
    let host = host_bounding();
    for c in docker_cases().iter().chain(&other_runtime_cases()) {
        check(c, host);
    }
}
