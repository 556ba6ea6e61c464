//! Sentences: what each capability lets a process do, in one line, and
//! how it is rated. The longer explanation of each (who needs it, why it
//! matters in a container) is in `text/en/explanations.txt`. Written for caplens; the
//! facts follow capabilities(7) and the kernel, the wording is our own.

use caplens_core::cap::Cap;
use caplens_core::risk::Danger;

/// One-line summary of one capability. The longer explanations are a text
/// file of their own (`explanations`), which the page loads only when one
/// is opened.
pub(crate) struct CapText {
    /// Only the order test reads it: the tables are indexed by number.
    #[cfg_attr(not(test), allow(dead_code))]
    pub cap: Cap,
    pub summary: &'static str,
}

pub(crate) const fn t(cap: Cap, summary: &'static str) -> CapText {
    CapText { cap, summary }
}

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait CatalogWords {
        fn summary(cap: u8) -> Option<&'static str>;
        /// What a bit above 40 means (it has no name).
        fn unknown_capability(cap: u8) -> String;
        fn danger_label(d: Danger) -> &'static str;
        fn danger_meaning(d: Danger) -> &'static str;
        /// "Docker/containerd default, CRI-O default (1.17 and earlier), …" or a
        /// sentence saying it is in none.
        fn membership(cap: u8) -> String;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_one_summary_per_capability_in_number_order() {
        for table in [&en::TEXTS, &zh_cn::TEXTS] {
            // One row per capability, in number order: `text_of` indexes by number.
            assert!(Cap::all().eq(table.iter().map(|t| t.cap)));
            assert!(table.iter().all(|t| !t.summary.trim().is_empty()));
        }
    }
}
