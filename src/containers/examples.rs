//! The Containers view's examples: one click loads a paste (and, for one,
//! the entrypoint's file capabilities).
use crate::lang::W;
use crate::route::Params;
use crate::widgets::Example;
use caplens_words::prelude::*;

const DOCKER_EXAMPLE: &str = "docker run --rm --cap-add NET_ADMIN --cap-drop KILL --user 1000 busybox ip link add dummy0 type dummy";

pub fn examples() -> Vec<Example> {
    let ex = |id, label, text: &str| Example {
        id,
        label,
        params: Params::default().with("in", text),
    };
    vec![
        ex(
            "cpb-typo",
            W.ex_cpb_typo(),
            include_str!("../../examples/cpb-demo-typo.yaml"),
        ),
        ex(
            "cpb-fixed",
            W.ex_cpb_fixed(),
            include_str!("../../examples/cpb-demo.yaml"),
        ),
        ex(
            "perf",
            W.ex_perf(),
            include_str!("../../examples/perf-sys-admin.yaml"),
        ),
        ex(
            "bind-root",
            W.ex_bind_root(),
            include_str!("../../examples/bind-root.yaml"),
        ),
        ex(
            "bind-nonroot",
            W.ex_bind_nonroot(),
            include_str!("../../examples/bind-nonroot.yaml"),
        ),
        Example {
            id: "bind-nonroot-fcaps",
            label: W.ex_bind_nonroot_fcaps(),
            params: Params::default()
                .with("in", include_str!("../../examples/bind-nonroot.yaml"))
                .with("fcaps", "cap_net_bind_service+ep"),
        },
        ex("docker-run", W.ex_docker_run(), DOCKER_EXAMPLE),
        ex(
            "compose",
            W.ex_compose(),
            include_str!("../../examples/compose.yaml"),
        ),
    ]
}
