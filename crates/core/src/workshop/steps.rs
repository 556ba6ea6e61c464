//! The workshop's steps: the article's eight in its order, then the twelve
//! scenarios (the workshop material's §3 and §2) and a thirteenth, the `CAP_`
//! prefix that linters pass and containerd ignores. Inputs only; the answers
//! come from `super::answer`. A static table: it costs the page's download
//! bytes of data, not the code that would build it.

use super::{Answer, Ask, Block, Input, Step};
use crate::analysis::ImageUser;
use crate::cap::Cap;
use crate::catalog::KNOWN;
use crate::exec::{ProcessState, Securebits, SetName};
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

/// NET_RAW dropped the way a linter reads it (`CAP_NET_RAW`) and the way
/// containerd does (`NET_RAW`): it adds CAP_ in front of every name.
const PREFIXED_DROP: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    securityContext:
      capabilities:
        drop: [\"CAP_NET_RAW\"]
";

const PLAIN_DROP: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    securityContext:
      capabilities:
        drop: [\"NET_RAW\"]
";

const fn user(uid: u32, bounding: CapSet) -> ProcessState {
    ProcessState {
        uid,
        euid: uid,
        suid: uid,
        inheritable: CapSet::EMPTY,
        permitted: CapSet::EMPTY,
        effective: CapSet::EMPTY,
        bounding,
        ambient: CapSet::EMPTY,
        securebits: Securebits(0),
        no_new_privs: false,
    }
}

const fn exec(before: ProcessState, file_text: &'static str) -> Input {
    Input::Exec {
        before,
        file_text,
        setuid_root: false,
    }
}

const fn pod(paste: &'static str, user: ImageUser) -> Input {
    Input::Containers {
        paste,
        crio: false,
        user,
        fcaps: "",
    }
}

const fn mask(bits: u64) -> Answer {
    Answer::Mask(CapSet(bits))
}

const fn step(
    id: &'static str,
    block: Block,
    sides: &'static [Input],
    ask: Ask,
    choices: &'static [Answer],
) -> Step {
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

const fn bind_pod(paste: &'static str, fcaps: &'static str) -> Input {
    Input::Containers {
        paste,
        crio: false,
        user: ImageUser::Unknown,
        fcaps,
    }
}

const U: ProcessState = user(1000, KNOWN);
const ROOT: ImageUser = ImageUser::Root;
const BIND: CapSet = CapSet::of(Cap::NET_BIND_SERVICE);
/// The shell `capsh --addamb=cap_net_bind_service --user=nobody` leaves.
const CAPSH: ProcessState = ProcessState {
    inheritable: BIND,
    permitted: BIND,
    effective: BIND,
    ambient: BIND,
    ..user(65534, KNOWN)
};
const NO_AMBIENT: ProcessState = ProcessState {
    ambient: CapSet::EMPTY,
    ..CAPSH
};

const fn setuid(no_new_privs: bool) -> Input {
    Input::Exec {
        before: ProcessState { no_new_privs, ..U },
        file_text: "",
        setuid_root: true,
    }
}

/// Every step, the article's first.
pub fn steps() -> &'static [Step] {
    &STEPS
}

static STEPS: [Step; 21] = [
    Step {
        command: "getcap /bin/ping",
        output: "/bin/ping = cap_net_admin,cap_net_raw+p",
        ..step(
            "a1",
            Block::Article,
            &[exec(U, "cap_net_admin,cap_net_raw+p")],
            Ask::AfterExec(SetName::Permitted),
            &[mask(0), mask(0x2000), mask(0x3000)],
        )
    },
    Step {
        command: "setcap cap_net_admin,cap_net_raw-p /bin/ping",
        output: "ping: socket: Operation not permitted",
        dated: true,
        ..step(
            "a2",
            Block::Article,
            &[exec(U, "")],
            Ask::AfterExec(SetName::Permitted),
            &[mask(0), mask(0x3000)],
        )
    },
    Step {
        command: "setcap cap_net_admin,cap_net_raw+p /bin/ping",
        output: "/bin/ping = cap_net_admin,cap_net_raw+p",
        ..step(
            "a3",
            Block::Article,
            &[
                exec(U, "cap_net_admin,cap_net_raw+p"),
                exec(U, "cap_net_admin,cap_net_raw+ep"),
            ],
            Ask::AfterExec(SetName::Effective),
            &[mask(0), mask(0x2000), mask(0x3000)],
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
            &[
                Input::Decode("CapBnd: 0000001fffffffff"),
                Input::Decode("CapBnd: 000001ffffffffff"),
            ],
            Ask::Count,
            &[Answer::Count(35), Answer::Count(37), Answer::Count(41)],
        )
    },
    Step {
        command: "docker run -it --rm busybox",
        dated: true,
        asked: 0,
        ..step(
            "a5",
            Block::Article,
            &[
                pod("docker run -it --rm busybox", ROOT),
                pod(
                    "docker run -it --rm --cap-add=ALL --cap-drop=MKNOD busybox",
                    ROOT,
                ),
            ],
            Ask::Pid1(SetName::Effective),
            &[mask(0xa80425fb), mask(0x1ffffffffff), mask(0)],
        )
    },
    Step {
        command: "ip link add dummy0 type dummy",
        output: "ip: RTNETLINK answers: Operation not permitted",
        ..step(
            "a6",
            Block::Article,
            &[
                pod(
                    "docker run -it --rm busybox ip link add dummy0 type dummy",
                    ROOT,
                ),
                pod(
                    "docker run -it --rm --cap-add=NET_ADMIN busybox ip link add dummy0 type dummy",
                    ROOT,
                ),
            ],
            Ask::Pid1(SetName::Effective),
            &[mask(0xa80425fb), mask(0xa80435fb), mask(0x1000)],
        )
    },
    Step {
        command: "kubectl apply -f cpb-demo.yaml",
        dated: true,
        ..step(
            "a7",
            Block::Article,
            &[pod(CPB_DEMO, ROOT)],
            Ask::Pid1(SetName::Effective),
            &[mask(0xa80425fb), mask(0xa80435db), mask(0xa80435fb)],
        )
    },
    Step {
        command: "perf stat -a sleep 5",
        dated: true,
        ..step(
            "a8",
            Block::Article,
            &[pod(PERF_SYS_ADMIN, ROOT), pod(PERF_PERFMON, ROOT)],
            Ask::Pid1(SetName::Effective),
            &[mask(0xa80425fb), mask(0x40a80425fb), mask(0xa82425fb)],
        )
    },
    step(
        "1",
        Block::Beginners,
        &[
            Input::Decode("CapEff: 00000000a80425fb"),
            Input::Decode("CapEff: 00000000aa0435fb"),
        ],
        Ask::Added,
        &[
            Answer::Names(CapSet::of(Cap::NET_ADMIN)),
            Answer::Names(CapSet::of(Cap::NET_ADMIN).union(CapSet::of(Cap::SYS_TIME))),
            Answer::Names(CapSet::of(Cap::SYS_ADMIN).union(CapSet::of(Cap::NET_RAW))),
        ],
    ),
    step(
        "2",
        Block::Beginners,
        &[
            Input::Decode("CapEff: 00000000a80425fb"),
            Input::Decode("CapEff: 000001ffffffffff"),
        ],
        Ask::Missing,
        &[Answer::Count(0), Answer::Count(14), Answer::Count(27)],
    ),
    step(
        "3",
        Block::Beginners,
        &[
            pod(
                "docker run --rm --cap-drop ALL --cap-add CHOWN alpine chown nobody /",
                ROOT,
            ),
            pod(
                "docker run --rm --cap-drop CHOWN alpine chown nobody /",
                ROOT,
            ),
        ],
        Ask::Pid1(SetName::Effective),
        &[mask(0xa80425fb), mask(0xa80425fa), mask(0x1)],
    ),
    Step {
        compared: SetName::Bounding,
        ..step(
            "4",
            Block::Beginners,
            &[pod(
                "docker run --cap-add NET_BIND_SERVICE -u 1000 img ./server",
                ImageUser::Unknown,
            )],
            Ask::Pid1(SetName::Effective),
            &[mask(0), mask(0x400), mask(0xa80425fb)],
        )
    },
    Step {
        asked: 0,
        ..step(
            "5",
            Block::Beginners,
            &[
                bind_pod(BIND_POD, ""),
                bind_pod(BIND_POD, "cap_net_bind_service+ep"),
            ],
            Ask::Pid1(SetName::Effective),
            &[mask(0), mask(0x400)],
        )
    },
    Step {
        asked: 0,
        compared: SetName::Permitted,
        ..step(
            "6",
            Block::Execve,
            &[
                exec(user(1000, CapSet::EMPTY), "cap_net_bind_service+ep"),
                exec(user(1000, CapSet::EMPTY), "cap_net_bind_service+p"),
            ],
            Ask::Starts,
            &[Answer::Starts(true), Answer::Starts(false)],
        )
    },
    Step {
        asked: 0,
        ..step(
            "7",
            Block::Execve,
            &[
                exec(user(1000, KNOWN), "cap_net_raw+p"),
                exec(user(1000, KNOWN), "cap_net_raw+ep"),
            ],
            Ask::AfterExec(SetName::Effective),
            &[mask(0), mask(0x2000)],
        )
    },
    Step {
        asked: 0,
        ..step(
            "8",
            Block::Execve,
            &[exec(CAPSH, ""), exec(NO_AMBIENT, "")],
            Ask::AfterExec(SetName::Effective),
            &[mask(0), mask(0x400)],
        )
    },
    Step {
        asked: 0,
        ..step(
            "9",
            Block::Execve,
            &[setuid(false), setuid(true)],
            Ask::Euid,
            &[Answer::Euid(0), Answer::Euid(1000)],
        )
    },
    step(
        "10",
        Block::Policy,
        &[pod(PRIVILEGED_POD, ROOT)],
        Ask::Pid1(SetName::Effective),
        &[mask(0xa80425fb), mask(0x1ffffffffff)],
    ),
    step(
        "11",
        Block::Policy,
        &[
            pod(PLAIN_POD, ROOT),
            Input::Containers {
                paste: PLAIN_POD,
                crio: true,
                user: ROOT,
                fcaps: "",
            },
        ],
        Ask::Pid1(SetName::Effective),
        &[mask(0xa80425fb), mask(0x5fb), mask(0x800405fb)],
    ),
    Step {
        asked: 0,
        compared: SetName::Bounding,
        ..step(
            "12",
            Block::Policy,
            &[pod(RISKY_POD, ROOT), pod(HARDENED_POD, ImageUser::Unknown)],
            Ask::Baseline,
            &[Answer::Passes(true), Answer::Passes(false)],
        )
    },
    // Beyond the material's twelve: a linter passes what the runtime
    // ignores (the reveal's full view shows the linters beside PID 1).
    Step {
        asked: 0,
        ..step(
            "13",
            Block::Policy,
            &[pod(PREFIXED_DROP, ROOT), pod(PLAIN_DROP, ROOT)],
            Ask::Pid1(SetName::Effective),
            &[mask(0xa80405fb), mask(0xa80425fb)],
        )
    },
];
