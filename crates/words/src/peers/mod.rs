//! Sentences: what other manifest analysers say about a container, next
//! to what caplens' own analysis finds (`caplens_core::peers`).

use caplens_core::peers::{Disagreement, PeerResult, Tool, Verdict};

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait PeerWords {
        /// The analyser's name as its users know it.
        fn tool_name(t: Tool) -> &'static str;
        /// `passes`, `fails`, or that the rule does not look at this container.
        fn peer_verdict(v: Verdict) -> &'static str;
        /// How the verdict and caplens' analysis differ (the clause after
        /// "but").
        fn disagreement(d: &Disagreement) -> String;
        /// One verdict in one sentence: the tool, the rule, its verdict, and
        /// whether caplens agrees (and if not, why).
        fn peer_message(r: &PeerResult) -> String;
        /// The CLI's "linters vs reality" section of one container: only
        /// the verdicts caplens disagrees with; empty when there are none.
        fn peers_text(results: &[PeerResult]) -> String;
        /// The page's panel of other analysers' verdicts on one container.
        fn peers_title() -> &'static str;
        /// The panel's intro: what it compares.
        fn peers_intro() -> &'static str;
        /// The folded list of the `n` verdicts caplens agrees with.
        fn peers_agreeing(n: usize) -> String;
    }
}
