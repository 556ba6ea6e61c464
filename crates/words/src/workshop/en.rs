//! English.

use caplens_core::set::CapSet;
use caplens_core::workshop::{Answer, Block};

pub fn workshop_source() -> &'static str {
    include_str!("../../text/en/workshop.txt")
}

pub fn workshop_name() -> &'static str {
    "Workshop"
}

pub fn workshop_hint() -> &'static str {
    "predict, then reveal"
}

pub fn workshop_title() -> &'static str {
    "Workshop: capabilities in containers"
}

pub fn block_name(block: Block) -> &'static str {
    match block {
        Block::Article => "The article, step by step",
        Block::Beginners => "Scenarios for beginners",
        Block::Execve => "Scenarios: execve in depth",
        Block::Policy => "Scenarios: policy and audit",
    }
}

pub fn step_of(n: usize, total: usize) -> String {
    format!("Step {n} of {total}")
}

pub fn reveal() -> &'static str {
    "Reveal"
}

pub fn next() -> &'static str {
    "Next"
}

pub fn previous() -> &'static str {
    "Previous"
}

pub fn presenter() -> &'static str {
    "Presenter mode"
}

pub fn leave_presenter() -> &'static str {
    "Leave presenter mode"
}

pub fn keys_hint() -> &'static str {
    "→ or PageDown: reveal, then next step. ← or PageUp: back."
}

pub fn open_in(view: &str) -> String {
    format!("Open in {view}")
}

pub fn open_side_in(view: &str, side: &str) -> String {
    format!("Open in {view}: {side}")
}

pub fn your_choice() -> &'static str {
    "Your choice"
}

pub fn right() -> &'static str {
    "Right."
}

pub fn wrong() -> &'static str {
    "Not this one."
}

pub fn computed() -> &'static str {
    "Computed now from this input"
}

pub fn lesson() -> &'static str {
    "Lesson"
}

pub fn misconception() -> &'static str {
    "Misconception"
}

pub fn today() -> &'static str {
    "True today"
}

pub fn command() -> &'static str {
    "Command"
}

pub fn output() -> &'static str {
    "Output"
}

pub fn compare() -> &'static str {
    "Side by side"
}

pub fn differs() -> &'static str {
    "only on this side"
}

pub fn answer(answer: &Answer) -> String {
    match *answer {
        Answer::Mask(set) => set.hex16(),
        Answer::Names(set) => names(set),
        Answer::Count(n) => crate::ui::en::count_caps(n),
        Answer::Starts(true) => "execve succeeds".to_string(),
        Answer::Starts(false) => "execve fails with EPERM".to_string(),
        Answer::Euid(n) => format!("euid {n}"),
        Answer::Passes(true) => "passes Baseline".to_string(),
        Answer::Passes(false) => "fails Baseline".to_string(),
    }
}

/// Capability names as users write them in a manifest.
pub(super) fn names(set: CapSet) -> String {
    let names: Vec<&str> = set.caps().map(|c| c.short_name()).collect();
    names.join(", ")
}

pub fn workshop_loading() -> &'static str {
    "Loading the workshop…"
}

pub fn workshop_unavailable(why: &str) -> String {
    format!("The workshop's text could not be loaded ({why}). Reload the page to try again.")
}

pub fn workshop_missing(id: &str, key: &str) -> String {
    format!("The text `{key}` of step {id} is missing from the page's files.")
}
