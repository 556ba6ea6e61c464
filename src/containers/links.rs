//! From a container card to the Exec view: the state runc leaves just
//! before execve, as the Exec view's link parameters.
use crate::route::Params;
use caplens_core::analysis::ContainerReport;
use caplens_core::catalog;
use caplens_core::runtime::runc;

/// Links that open the Exec view at the moment runc calls execve for this
/// container (its sets after `runc::apply`, its uid, no_new_privs, and the
/// entrypoint's file capabilities), so the kernel's reasons can be read
/// capability by capability.
pub fn exec_links(
    r: &ContainerReport,
    fcaps_text: &str,
) -> Vec<(caplens_core::runtime::RunUser, String)> {
    r.outcomes
        .iter()
        .filter_map(|o| {
            let oci = o.oci_sets()?;
            let nnp = o.pid1()?.state.no_new_privs;
            let before = runc::apply(oci, nnp, o.user, catalog::KNOWN).ok()?.state;
            let lines: Vec<String> = [
                ("CapInh", before.inheritable),
                ("CapPrm", before.permitted),
                ("CapEff", before.effective),
                ("CapBnd", before.bounding),
                ("CapAmb", before.ambient),
            ]
            .iter()
            .map(|(k, set)| format!("{k}:\t{}", set.hex16()))
            .collect();
            let params = Params::default()
                .with("before", &lines.join("\n"))
                .with("uid", &before.uid.to_string())
                .with("nnp", if before.no_new_privs { "1" } else { "" })
                .with("file", fcaps_text);
            let route = crate::route::Route {
                view: crate::route::View::Exec,
                params,
                panic_test: false,
            };
            Some((o.user, format!("#{}", route.to_fragment())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::containers::{analyse, entrypoint_caps};
    use caplens_core::paste::Settings;

    #[test]
    fn exec_links_reproduce_pid1() {
        use crate::exec::simulate;
        let yaml = include_str!("../../examples/bind-nonroot.yaml");
        let p = Params::default().with("fcaps", "cap_net_bind_service+ep");
        let a = analyse(yaml, &Settings::default(), entrypoint_caps(&p).unwrap()).unwrap();
        let links = exec_links(&a.reports[0], p.text("fcaps"));
        assert_eq!(links.len(), 1);
        let route = crate::route::Route::parse(&links[0].1);
        let sim = simulate(&route.params).unwrap();
        let pid1 = a.reports[0].pid1.unwrap().state;
        let after = sim.transition.after().copied().unwrap();
        assert_eq!(
            (after.effective, after.permitted, after.bounding),
            (pid1.effective, pid1.permitted, pid1.bounding)
        );
        // Unknown image user: one link per outcome.
        let typo = analyse(
            include_str!("../../examples/cpb-demo.yaml"),
            &Settings::default(),
            None,
        )
        .unwrap();
        assert_eq!(exec_links(&typo.reports[0], "").len(), 2);
    }
}
