//! Findings about how a manifest or compose file is written (as opposed to
//! what the runtime then does with it, which `runtime` reports). Structured
//! data only; `caplens-words` (`k8s`) turns them into words.

use crate::container::{Location, Spelled};
use crate::k8s::fields::Level;
use crate::yaml::Shape;
use serde::Serialize;

pub use crate::severity::Severity;

/// Which part of a securityContext contradicts `allowPrivilegeEscalation: false`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "cause", rename_all = "kebab-case")]
pub enum ApeCause {
    /// `privileged: true`: the API server rejects the pod.
    Privileged,
    /// An add entry naming SYS_ADMIN. Only the exact string `CAP_SYS_ADMIN`
    /// is rejected by the API server (semantics.md §8.3); `SYS_ADMIN`,
    /// `sys_admin`, `cap_sys_admin` pass validation.
    SysAdmin(Spelled),
    /// `ALL` in add (any case): includes SYS_ADMIN, passes validation.
    AddAll(Spelled),
}

impl ApeCause {
    /// Would the API server refuse the object because of this?
    pub fn rejected_by_api(&self) -> bool {
        match self {
            ApeCause::Privileged => true,
            ApeCause::SysAdmin(s) => s.text == "CAP_SYS_ADMIN",
            ApeCause::AddAll(_) => false,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FindingKind {
    /// A key the API does not know at this level; `suggestion` is the
    /// nearest valid key, if any is close.
    UnknownField {
        key: String,
        level: Level,
        suggestion: Option<&'static str>,
    },
    /// A key that is valid, but at another level.
    MisplacedField {
        key: String,
        level: Level,
        belongs: &'static str,
    },
    /// A known field whose value has the wrong type (e.g. `add: NET_ADMIN`
    /// instead of a list, or `privileged: "true"` quoted).
    WrongType {
        key: String,
        expected: Shape,
        found: Shape,
    },
    /// allowPrivilegeEscalation false together with something that implies it.
    ApeConflict {
        cause: ApeCause,
        rejected_by_api: bool,
    },
    /// A number outside what the API accepts (`runAsUser: -1`); the API
    /// server refuses the object, so the value is read as unset.
    OutOfRange {
        key: String,
        value: i64,
        min: i64,
        max: i64,
    },
}

impl FindingKind {
    /// Stable id, shared with the runtime findings' ids.
    pub fn id(&self) -> &'static str {
        match self {
            FindingKind::UnknownField { .. } => "unknown-field",
            // A wrong type or value is a field written where it cannot work.
            FindingKind::MisplacedField { .. }
            | FindingKind::WrongType { .. }
            | FindingKind::OutOfRange { .. } => "misplaced-field",
            FindingKind::ApeConflict { .. } => "ape-conflict",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            // The settings under a misspelled or misplaced key never reach
            // the runtime: strict validation rejects the object, other
            // clients drop the field silently.
            // A near miss of a real field, or any stray key inside a
            // securityContext: the security settings the user meant are lost.
            FindingKind::UnknownField {
                suggestion: Some(_),
                ..
            }
            | FindingKind::UnknownField {
                level: Level::SecurityContext | Level::PodSecurityContext | Level::Capabilities,
                ..
            } => Severity::Error,
            // Elsewhere an unknown key may be a field newer than our tables.
            FindingKind::UnknownField { .. } => Severity::Warning,
            FindingKind::MisplacedField { .. }
            | FindingKind::WrongType { .. }
            | FindingKind::OutOfRange { .. } => Severity::Error,
            FindingKind::ApeConflict {
                rejected_by_api: true,
                ..
            } => Severity::Error,
            FindingKind::ApeConflict { .. } => Severity::Warning,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Finding {
    pub kind: FindingKind,
    pub at: Location,
}

impl Finding {
    pub fn id(&self) -> &'static str {
        self.kind.id()
    }
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}
