//! What the Containers view computes from its link: the settings, the
//! entrypoint's file capabilities, and the analysis of the paste (reading is
//! `paste::read`, a report per container `paste::report`).
use crate::lang::W;
use crate::route::Params;
use caplens_core::analysis::{ContainerReport, ImageUser};
use caplens_core::exec::FileCaps;
use caplens_core::paste::{self, Input, PasteError, Settings};
use caplens_core::runtime::{CrioConfig, DockerEra, Runtime};
use caplens_core::text;
use caplens_words::prelude::*;

/// The analysis settings the link asks for.
pub fn settings(params: &Params) -> Settings {
    let mut s = Settings::default();
    if params.get("rt") == Some("crio") {
        s.kubernetes = Runtime::Crio(CrioConfig::default());
    }
    s.docker = match params.get("docker") {
        Some("20.10.14-24") => DockerEra::From20_10_14To24,
        Some("le-20.10.13") => DockerEra::UpTo20_10_13,
        _ => DockerEra::From25,
    };
    s.image_user = match params.get("user") {
        Some("root") => ImageUser::Root,
        Some("nonroot") => ImageUser::NonRoot,
        _ => ImageUser::Unknown,
    };
    s
}

/// Everything the view shows for one paste.
#[derive(Clone, PartialEq, Debug)]
pub struct Analysis {
    pub input: Input,
    pub reports: Vec<ContainerReport>,
}

/// The entrypoint's file capabilities from the `fcaps` parameter: None when
/// empty, or the worded error.
pub fn entrypoint_caps(params: &Params) -> Result<Option<FileCaps>, String> {
    let text = params.text("fcaps");
    if text.trim().is_empty() {
        return Ok(None);
    }
    let pasted = text::parse_pasted(text).map_err(|e| W.error(&e))?;
    match pasted.caps() {
        None => Ok(None),
        Some(c) => c
            .to_file_caps()
            .map(Some)
            .map_err(|e| W.file_caps_error(&e)),
    }
}

/// Gives every container the entrypoint's file capabilities, when set.
pub(crate) fn set_entrypoint_caps(input: &mut Input, fcaps: Option<FileCaps>) {
    if fcaps.is_some() {
        for c in &mut input.containers {
            c.spec.entrypoint_file_caps = fcaps;
        }
    }
}

/// Reads `text` and reports on every container in it, all at once.
pub fn analyse(
    text: &str,
    settings: &Settings,
    fcaps: Option<FileCaps>,
) -> Result<Analysis, PasteError> {
    let mut input = paste::read(text)?;
    set_entrypoint_caps(&mut input, fcaps);
    let reports = input
        .containers
        .iter()
        .map(|c| paste::report(c, settings))
        .collect();
    Ok(Analysis { input, reports })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::containers::examples;
    use caplens_core::set::CapSet;

    #[test]
    fn every_example_reads_and_has_containers() {
        for ex in examples() {
            let fcaps = entrypoint_caps(&ex.params).unwrap();
            let a = analyse(ex.params.text("in"), &settings(&ex.params), fcaps)
                .unwrap_or_else(|e| panic!("{}: {e:?}", ex.id));
            assert!(!a.reports.is_empty(), "{}", ex.id);
        }
    }

    #[test]
    fn settings_follow_the_link() {
        let p = Params::default()
            .with("rt", "crio")
            .with("user", "nonroot")
            .with("docker", "le-20.10.13");
        let s = settings(&p);
        assert!(matches!(s.kubernetes, Runtime::Crio(_)));
        assert_eq!(s.image_user, ImageUser::NonRoot);
        assert_eq!(s.docker, DockerEra::UpTo20_10_13);
        assert_eq!(settings(&Params::default()), Settings::default());
    }

    #[test]
    fn the_typo_example_is_flagged() {
        let ex = examples().into_iter().find(|e| e.id == "cpb-typo").unwrap();
        let a = analyse(ex.params.text("in"), &Settings::default(), None).unwrap();
        assert!(a.reports[0]
            .findings
            .iter()
            .any(|f| f.id().as_str() == "unknown-field"));
    }

    #[test]
    fn file_caps_on_the_entrypoint_make_a_non_root_add_work() {
        let yaml = include_str!("../../examples/bind-nonroot.yaml");
        let without = analyse(yaml, &Settings::default(), None).unwrap();
        let p = Params::default().with("fcaps", "cap_net_bind_service+ep");
        let with = analyse(yaml, &Settings::default(), entrypoint_caps(&p).unwrap()).unwrap();
        let eff = |a: &Analysis| a.reports[0].pid1.map(|p| p.state.effective);
        assert_eq!(eff(&without), Some(CapSet::EMPTY));
        assert_eq!(eff(&with), Some(CapSet::single(10)));
        assert!(entrypoint_caps(&Params::default().with("fcaps", "cap_nope+ep")).is_err());
        assert_eq!(entrypoint_caps(&Params::default()), Ok(None));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(analyse("a: [1,\n", &Settings::default(), None).is_err());
        assert!(analyse("docker run --user", &Settings::default(), None).is_err());
    }
}
