//! The workshop's steps: the article's eight in its order, then the twelve
//! scenarios (`docs`' workshop material, §2 and §3). Inputs only; the
//! answers come from `super::answer`.

use super::{Answer, Ask, Block, Input, Step};
use crate::analysis::ImageUser;
use crate::cap::Cap;
use crate::catalog::KNOWN;
use crate::exec::{ProcessState, SetName};
use crate::set::CapSet;

const CPB_DEMO: &str = include_str!("../../../../examples/cpb-demo.yaml");
const PERF_SYS_ADMIN: &str = include_str!("../../../../examples/perf-sys-admin.yaml");

const PERF_PERFMON: &str = "apiVersion: v1
kind: Pod
metadata:
  name: perf
spec:
  containers:
  - name: perf
    image: ubuntu
    command: [\"perf\", \"stat\", \"-a\", \"sleep\", \"5\"]
    securityContext:
      capabilities:
        add: [\"PERFMON\"]
";

/// A user's server that wants port 80, as uid 1000 with only
/// NET_BIND_SERVICE in its bounding set.
const BIND_POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: example/server
    ports:
    - containerPort: 80
    securityContext:
      runAsUser: 1000
      allowPrivilegeEscalation: false
      capabilities:
        drop: [\"ALL\"]
        add: [\"NET_BIND_SERVICE\"]
";

/// Kubernetes Goat's `system-monitor` shape.
const PRIVILEGED_POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: system-monitor
spec:
  hostPID: true
  hostIPC: true
  containers:
  - name: system-monitor
    image: madhuakula/k8s-goat-system-monitor
    securityContext:
      privileged: true
    volumeMounts:
    - name: host-filesystem
      mountPath: /host-system
  volumes:
  - name: host-filesystem
    hostPath:
      path: /
";

const PLAIN_POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: alpine
";

const RISKY_POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
  - name: tools
    image: example/tools
    securityContext:
      capabilities:
        drop: [\"ALL\"]
        add: [\"SYS_ADMIN\", \"NET_RAW\"]
";

const HARDENED_POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: tools
    image: example/tools
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: [\"ALL\"]
        add: [\"NET_BIND_SERVICE\"]
";

fn user(uid: u32, bounding: CapSet) -> ProcessState {
    ProcessState {
        uid,
        euid: uid,
        suid: uid,
        bounding,
        ..Default::default()
    }
}

fn exec(before: ProcessState, file_text: &'static str) -> Input {
    Input::Exec {
        before,
        file_text,
        setuid_root: false,
    }
}

fn pod(paste: &'static str, user: ImageUser) -> Input {
    Input::Containers {
        paste,
        crio: false,
        user,
        fcaps: "",
    }
}

fn mask(bits: u64) -> Answer {
    Answer::Mask(CapSet::from_caps((0..64).filter(|b| bits >> b & 1 == 1)))
}

fn step(id: &'static str, block: Block, sides: Vec<Input>, ask: Ask, choices: Vec<Answer>) -> Step {
    Step {
        id,
        block,
        asked: sides.len() - 1,
        sides,
        ask,
        choices,
        compared: SetName::Effective,
        command: "",
        output: "",
        dated: false,
    }
}

/// Every step, the article's first.
pub fn steps() -> Vec<Step> {
    let mut all = article();
    all.extend(beginners());
    all.extend(execve());
    all.extend(policy());
    all
}

fn article() -> Vec<Step> {
    let u = user(1000, KNOWN);
    let root = ImageUser::Root;
    let docker = "docker run -it --rm busybox";
    vec![
        Step {
            command: "getcap /bin/ping",
            output: "/bin/ping = cap_net_admin,cap_net_raw+p",
            ..step(
                "a1",
                Block::Article,
                vec![exec(u, "cap_net_admin,cap_net_raw+p")],
                Ask::AfterExec(SetName::Permitted),
                vec![mask(0), mask(0x2000), mask(0x3000)],
            )
        },
        Step {
            command: "setcap cap_net_admin,cap_net_raw-p /bin/ping",
            output: "ping: socket: Operation not permitted",
            dated: true,
            ..step(
                "a2",
                Block::Article,
                vec![exec(u, "")],
                Ask::AfterExec(SetName::Permitted),
                vec![mask(0), mask(0x3000)],
            )
        },
        Step {
            command: "setcap cap_net_admin,cap_net_raw+p /bin/ping",
            output: "/bin/ping = cap_net_admin,cap_net_raw+p",
            ..step(
                "a3",
                Block::Article,
                vec![
                    exec(u, "cap_net_admin,cap_net_raw+p"),
                    exec(u, "cap_net_admin,cap_net_raw+ep"),
                ],
                Ask::AfterExec(SetName::Effective),
                vec![mask(0), mask(0x2000), mask(0x3000)],
            )
        },
        Step {
            command: "capsh --decode=0000001fffffffff",
            output: "0x0000001fffffffff=cap_chown,…,cap_syslog,35,36",
            dated: true,
            asked: 0,
            ..step(
                "a4",
                Block::Article,
                vec![
                    Input::Decode("CapBnd: 0000001fffffffff"),
                    Input::Decode("CapBnd: 000001ffffffffff"),
                ],
                Ask::Count,
                vec![Answer::Count(35), Answer::Count(37), Answer::Count(41)],
            )
        },
        Step {
            command: "docker run -it --rm busybox",
            dated: true,
            asked: 0,
            ..step(
                "a5",
                Block::Article,
                vec![
                    pod(docker, root),
                    pod(
                        "docker run -it --rm --cap-add=ALL --cap-drop=MKNOD busybox",
                        root,
                    ),
                ],
                Ask::Pid1(SetName::Effective),
                vec![mask(0xa80425fb), mask(0x1ffffffffff), mask(0)],
            )
        },
        Step {
            command: "ip link add dummy0 type dummy",
            output: "ip: RTNETLINK answers: Operation not permitted",
            ..step(
                "a6",
                Block::Article,
                vec![
                    pod("docker run -it --rm busybox ip link add dummy0 type dummy", root),
                    pod(
                        "docker run -it --rm --cap-add=NET_ADMIN busybox ip link add dummy0 type dummy",
                        root,
                    ),
                ],
                Ask::Pid1(SetName::Effective),
                vec![mask(0xa80425fb), mask(0xa80435fb), mask(0x1000)],
            )
        },
        Step {
            command: "kubectl apply -f cpb-demo.yaml",
            dated: true,
            ..step(
                "a7",
                Block::Article,
                vec![pod(CPB_DEMO, root)],
                Ask::Pid1(SetName::Effective),
                vec![mask(0xa80425fb), mask(0xa80435db), mask(0xa80435fb)],
            )
        },
        Step {
            command: "perf stat -a sleep 5",
            dated: true,
            ..step(
                "a8",
                Block::Article,
                vec![pod(PERF_SYS_ADMIN, root), pod(PERF_PERFMON, root)],
                Ask::Pid1(SetName::Effective),
                vec![mask(0xa80425fb), mask(0x40a80425fb), mask(0xa82425fb)],
            )
        },
    ]
}

fn beginners() -> Vec<Step> {
    let b = Block::Beginners;
    let root = ImageUser::Root;
    let net_admin_time = CapSet::of(Cap::NET_ADMIN) | CapSet::of(Cap::SYS_TIME);
    vec![
        step(
            "1",
            b,
            vec![
                Input::Decode("CapEff: 00000000a80425fb"),
                Input::Decode("CapEff: 00000000aa0435fb"),
            ],
            Ask::Added,
            vec![
                Answer::Names(CapSet::of(Cap::NET_ADMIN)),
                Answer::Names(net_admin_time),
                Answer::Names(CapSet::of(Cap::SYS_ADMIN) | CapSet::of(Cap::NET_RAW)),
            ],
        ),
        step(
            "2",
            b,
            vec![
                Input::Decode("CapEff: 00000000a80425fb"),
                Input::Decode("CapEff: 000001ffffffffff"),
            ],
            Ask::Missing,
            vec![Answer::Count(0), Answer::Count(14), Answer::Count(27)],
        ),
        step(
            "3",
            b,
            vec![
                pod(
                    "docker run --rm --cap-drop ALL --cap-add CHOWN alpine chown nobody /",
                    root,
                ),
                pod(
                    "docker run --rm --cap-drop CHOWN alpine chown nobody /",
                    root,
                ),
            ],
            Ask::Pid1(SetName::Effective),
            vec![mask(0xa80425fb), mask(0xa80425fa), mask(0x1)],
        ),
        Step {
            compared: SetName::Bounding,
            ..step(
                "4",
                b,
                vec![pod(
                    "docker run --cap-add NET_BIND_SERVICE -u 1000 img ./server",
                    ImageUser::Unknown,
                )],
                Ask::Pid1(SetName::Effective),
                vec![mask(0), mask(0x400), mask(0xa80425fb)],
            )
        },
        Step {
            asked: 0,
            ..step(
                "5",
                b,
                vec![
                    bind_pod(BIND_POD, ""),
                    bind_pod(BIND_POD, "cap_net_bind_service+ep"),
                ],
                Ask::Pid1(SetName::Effective),
                vec![mask(0), mask(0x400)],
            )
        },
    ]
}

fn bind_pod(paste: &'static str, fcaps: &'static str) -> Input {
    Input::Containers {
        paste,
        crio: false,
        user: ImageUser::Unknown,
        fcaps,
    }
}

fn execve() -> Vec<Step> {
    let b = Block::Execve;
    let bind = CapSet::of(Cap::NET_BIND_SERVICE);
    let capsh = ProcessState {
        inheritable: bind,
        permitted: bind,
        effective: bind,
        ambient: bind,
        ..user(65534, KNOWN)
    };
    let no_ambient = ProcessState {
        ambient: CapSet::EMPTY,
        ..capsh
    };
    let setuid = |no_new_privs| Input::Exec {
        before: ProcessState {
            no_new_privs,
            ..user(1000, KNOWN)
        },
        file_text: "",
        setuid_root: true,
    };
    vec![
        Step {
            asked: 0,
            compared: SetName::Permitted,
            ..step(
                "6",
                b,
                vec![
                    exec(user(1000, CapSet::EMPTY), "cap_net_bind_service+ep"),
                    exec(user(1000, CapSet::EMPTY), "cap_net_bind_service+p"),
                ],
                Ask::Starts,
                vec![Answer::Starts(true), Answer::Starts(false)],
            )
        },
        Step {
            asked: 0,
            ..step(
                "7",
                b,
                vec![
                    exec(user(1000, KNOWN), "cap_net_raw+p"),
                    exec(user(1000, KNOWN), "cap_net_raw+ep"),
                ],
                Ask::AfterExec(SetName::Effective),
                vec![mask(0), mask(0x2000)],
            )
        },
        Step {
            asked: 0,
            ..step(
                "8",
                b,
                vec![exec(capsh, ""), exec(no_ambient, "")],
                Ask::AfterExec(SetName::Effective),
                vec![mask(0), mask(0x400)],
            )
        },
        Step {
            asked: 0,
            ..step(
                "9",
                b,
                vec![setuid(false), setuid(true)],
                Ask::Euid,
                vec![Answer::Euid(0), Answer::Euid(1000)],
            )
        },
    ]
}

fn policy() -> Vec<Step> {
    let b = Block::Policy;
    let root = ImageUser::Root;
    let crio = Input::Containers {
        paste: PLAIN_POD,
        crio: true,
        user: root,
        fcaps: "",
    };
    vec![
        step(
            "10",
            b,
            vec![pod(PRIVILEGED_POD, root)],
            Ask::Pid1(SetName::Effective),
            vec![mask(0xa80425fb), mask(0x1ffffffffff)],
        ),
        step(
            "11",
            b,
            vec![pod(PLAIN_POD, root), crio],
            Ask::Pid1(SetName::Effective),
            vec![mask(0xa80425fb), mask(0x5fb), mask(0x800405fb)],
        ),
        Step {
            asked: 0,
            compared: SetName::Bounding,
            ..step(
                "12",
                b,
                vec![pod(RISKY_POD, root), pod(HARDENED_POD, ImageUser::Unknown)],
                Ask::Baseline,
                vec![Answer::Passes(true), Answer::Passes(false)],
            )
        },
    ]
}
