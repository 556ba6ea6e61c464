//! The Containers view's examples: one click loads a paste (and, for one,
//! the entrypoint's file capabilities).
use crate::route::Params;
use crate::widgets::Example;
use caplens_words::ui as t;

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
            t::EX_CPB_TYPO,
            include_str!("../../examples/cpb-demo-typo.yaml"),
        ),
        ex(
            "cpb-fixed",
            t::EX_CPB_FIXED,
            include_str!("../../examples/cpb-demo.yaml"),
        ),
        ex(
            "perf",
            t::EX_PERF,
            include_str!("../../examples/perf-sys-admin.yaml"),
        ),
        ex(
            "bind-root",
            t::EX_BIND_ROOT,
            include_str!("../../examples/bind-root.yaml"),
        ),
        ex(
            "bind-nonroot",
            t::EX_BIND_NONROOT,
            include_str!("../../examples/bind-nonroot.yaml"),
        ),
        Example {
            id: "bind-nonroot-fcaps",
            label: t::EX_BIND_NONROOT_FCAPS,
            params: Params::default()
                .with("in", include_str!("../../examples/bind-nonroot.yaml"))
                .with("fcaps", "cap_net_bind_service+ep"),
        },
        ex("docker-run", t::EX_DOCKER_RUN, DOCKER_EXAMPLE),
        ex(
            "compose",
            t::EX_COMPOSE,
            include_str!("../../examples/compose.yaml"),
        ),
    ]
}
