//! How serious a finding is. One type for every kind of finding (how a
//! manifest is written, what the runtime does with it), so CI filters and
//! `--fail-on` compare them on one scale.

use serde::Serialize;

/// Ordered: `Info < Warning < Error`, so "at least this bad" is `>=`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// The stable spelling used in JSON, `--fail-on` and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reorders findings most severe first, keeping the input order within a severity.
    pub fn most_severe_first<T>(v: &mut Vec<T>, severity: impl Fn(&T) -> Severity) {
        crate::order::by_rank(v, |x| Severity::Error as u32 - severity(x) as u32);
    }

    /// `--fail-on` values: any case; `warn` is accepted for `warning`.
    pub fn parse(s: &str) -> Option<Severity> {
        let s = s.to_ascii_lowercase();
        if s == "warn" {
            return Some(Severity::Warning);
        }
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip_and_order() {
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.as_str()), Some(s));
        }
        assert_eq!(Severity::parse("WARN"), Some(Severity::Warning));
        assert_eq!(Severity::parse("fatal"), None);
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
    }
}
