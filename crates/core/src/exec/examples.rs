//! Ready-made scenarios for the exec view and the CLI, one click away.
//! Data only; titles and descriptions are in `caplens-words` (`exec`).

use super::{ExecFile, FileCaps, ProcessState};
use crate::cap::Cap;
use crate::catalog::KNOWN;
use crate::preset::PresetId;
use crate::set::CapSet;
use serde::Serialize;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum ExampleId {
    /// The seed article's ping: `cap_net_admin,cap_net_raw+p`, run by a user.
    PingPlusP,
    /// The same file with `+ep`.
    PingPlusEp,
    /// A set-user-ID root program run by a user.
    SetuidRootByUser,
    /// A non-root process in a Docker container runs a `cap_net_bind_service+ep` binary.
    DockerUserFileCap,
    /// A non-root process in a Docker container runs a `cap_net_admin+ep` binary (EPERM).
    DockerUserOutsideBounding,
    /// A user process with an ambient capability, as `capsh --addamb` leaves it.
    AmbientLikeCapsh,
    /// Root with a reduced permitted set under no_new_privs.
    RootWithNoNewPrivs,
}

impl ExampleId {
    /// A stable identifier for URLs and the CLI (`--example ping-p`).
    pub fn slug(self) -> &'static str {
        match self {
            ExampleId::PingPlusP => "ping-p",
            ExampleId::PingPlusEp => "ping-ep",
            ExampleId::SetuidRootByUser => "setuid-root",
            ExampleId::DockerUserFileCap => "docker-user-filecap",
            ExampleId::DockerUserOutsideBounding => "docker-user-eperm",
            ExampleId::AmbientLikeCapsh => "ambient",
            ExampleId::RootWithNoNewPrivs => "root-nnp",
        }
    }
}

/// The example with this slug.
pub fn by_slug(slug: &str) -> Option<Example> {
    examples().into_iter().find(|e| e.id.slug() == slug)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct Example {
    pub id: ExampleId,
    pub before: ProcessState,
    pub file: ExecFile,
    /// The file's capabilities as `setcap` text ("" when it has none).
    pub file_text: &'static str,
}

fn user(uid: u32, bounding: CapSet) -> ProcessState {
    ProcessState {
        uid,
        euid: uid,
        suid: uid,
        bounding,
        ..Default::default()
    }
}

fn file(permitted: CapSet, effective: bool) -> ExecFile {
    ExecFile {
        caps: Some(FileCaps {
            permitted,
            inheritable: CapSet::EMPTY,
            effective,
        }),
        ..Default::default()
    }
}

pub fn examples() -> Vec<Example> {
    let ping = CapSet::of(Cap::NET_ADMIN) | CapSet::of(Cap::NET_RAW);
    let docker = PresetId::Docker.caps();
    let bind = CapSet::of(Cap::NET_BIND_SERVICE);
    vec![
        Example {
            id: ExampleId::PingPlusP,
            before: user(1000, KNOWN),
            file: file(ping, false),
            file_text: "cap_net_admin,cap_net_raw+p",
        },
        Example {
            id: ExampleId::PingPlusEp,
            before: user(1000, KNOWN),
            file: file(ping, true),
            file_text: "cap_net_admin,cap_net_raw+ep",
        },
        Example {
            id: ExampleId::SetuidRootByUser,
            before: user(1000, KNOWN),
            file: ExecFile {
                setuid_root: true,
                ..Default::default()
            },
            file_text: "",
        },
        Example {
            id: ExampleId::DockerUserFileCap,
            before: user(1000, docker),
            file: file(bind, true),
            file_text: "cap_net_bind_service+ep",
        },
        Example {
            id: ExampleId::DockerUserOutsideBounding,
            before: user(1000, docker),
            file: file(CapSet::of(Cap::NET_ADMIN), true),
            file_text: "cap_net_admin+ep",
        },
        Example {
            id: ExampleId::AmbientLikeCapsh,
            before: ProcessState {
                inheritable: bind,
                permitted: bind,
                effective: bind,
                ambient: bind,
                ..user(1000, KNOWN)
            },
            file: ExecFile::default(),
            file_text: "",
        },
        Example {
            id: ExampleId::RootWithNoNewPrivs,
            before: ProcessState {
                permitted: CapSet::of(Cap::CHOWN),
                effective: CapSet::of(Cap::CHOWN),
                no_new_privs: true,
                ..user(0, KNOWN)
            },
            file: ExecFile::default(),
            file_text: "",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::execve;

    fn run(id: ExampleId) -> Result<ProcessState, crate::exec::Refusal> {
        let e = examples().into_iter().find(|e| e.id == id).unwrap();
        execve(&e.before, &e.file).outcome
    }

    #[test]
    fn each_example_shows_its_point() {
        let ping = CapSet::of(Cap::NET_ADMIN) | CapSet::of(Cap::NET_RAW);
        let a = run(ExampleId::PingPlusP).unwrap();
        assert_eq!((a.permitted, a.effective), (ping, CapSet::EMPTY));
        let a = run(ExampleId::PingPlusEp).unwrap();
        assert_eq!((a.permitted, a.effective), (ping, ping));
        let a = run(ExampleId::SetuidRootByUser).unwrap();
        assert_eq!((a.euid, a.permitted, a.effective), (0, KNOWN, KNOWN));
        let a = run(ExampleId::DockerUserFileCap).unwrap();
        assert_eq!(a.effective, CapSet::of(Cap::NET_BIND_SERVICE));
        let r = run(ExampleId::DockerUserOutsideBounding).unwrap_err();
        assert_eq!(r.missing, CapSet::of(Cap::NET_ADMIN));
        let a = run(ExampleId::AmbientLikeCapsh).unwrap();
        assert_eq!(a.effective, CapSet::of(Cap::NET_BIND_SERVICE));
        let a = run(ExampleId::RootWithNoNewPrivs).unwrap();
        assert_eq!(a.permitted, CapSet::of(Cap::CHOWN));
    }

    #[test]
    fn slugs_are_unique_and_found() {
        let all = examples();
        for e in &all {
            assert_eq!(by_slug(e.id.slug()).map(|x| x.id), Some(e.id));
        }
        assert_eq!(by_slug("nope"), None);
    }

    #[test]
    fn file_text_matches_file_caps() {
        for e in examples() {
            match e.file.caps {
                None => assert_eq!(e.file_text, ""),
                Some(fc) => {
                    let parsed = crate::text::parse(e.file_text)
                        .unwrap()
                        .to_file_caps()
                        .unwrap();
                    assert_eq!(parsed, fc, "{:?}", e.id);
                }
            }
        }
    }
}
