//! The workshop's words. Short labels (the tab, the buttons) are methods of
//! [`WorkshopWords`]; the long text of each step (its title, question,
//! lesson, the misconception it corrects, what is true today, the sides'
//! names) lives in a text file per language (`text/en/workshop.txt`,
//! `text/zh-cn/workshop.txt`), fetched by the page when the Workshop view
//! opens and compiled into the CLI ([`WorkshopWords::workshop_source`]).
//!
//! The file is one section per step, in the core's order: `# ID` (the
//! step's id in `caplens_core::workshop`), then `key: text` lines.

use caplens_core::workshop::{Answer, Block, Step};

/// The file's name next to the page.
pub const FILE_NAME: &str = "workshop.txt";

/// The workshop's own build, a folder inside each language's page (the
/// page's src/site.rs says why); `caplens workshop` links into it.
pub const FOLDER: &str = "workshop/";

/// The keys every step's section has, whatever the step.
pub const ALWAYS: [&str; 4] = ["title", "question", "lesson", "misconception"];

/// The keys `step`'s section must have, in order.
pub fn keys(step: &Step) -> Vec<&'static str> {
    let mut keys = ALWAYS.to_vec();
    if step.dated {
        keys.push("today");
    }
    if step.sides.len() == 2 {
        keys.extend(["side-a", "side-b"]);
    }
    keys
}

/// The steps' long text: the file as it came.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Texts {
    text: String,
}

impl Texts {
    pub fn new(text: String) -> Texts {
        Texts { text }
    }

    /// The text of `key` in step `id`'s section.
    pub fn get(&self, id: &str, key: &str) -> Option<&str> {
        self.section(id)?
            .find_map(|(k, v)| (k == key).then_some(v))
            .filter(|v| !v.is_empty())
    }

    /// The `key: text` lines of step `id`'s section.
    pub fn section<'a>(&'a self, id: &str) -> Option<impl Iterator<Item = (&'a str, &'a str)>> {
        let mut lines = self.text.lines();
        lines.find(|l| l.strip_prefix("# ").map(str::trim_end) == Some(id))?;
        Some(
            lines
                .take_while(|l| !l.starts_with("# "))
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim(), v.trim())),
        )
    }

    /// The section ids in file order.
    pub fn ids(&self) -> Vec<&str> {
        self.text
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .map(str::trim_end)
            .collect()
    }
}

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait WorkshopWords {
        /// The workshop file compiled into this program.
        fn workshop_source() -> &'static str;
        fn workshop_name() -> &'static str;
        fn workshop_hint() -> &'static str;
        fn workshop_title() -> &'static str;
        fn block_name(block: Block) -> &'static str;
        /// "Step 3 of 20", for the step's place.
        fn step_of(n: usize, total: usize) -> String;
        fn reveal() -> &'static str;
        fn next() -> &'static str;
        fn previous() -> &'static str;
        fn presenter() -> &'static str;
        fn leave_presenter() -> &'static str;
        /// How to move in presenter mode.
        fn keys_hint() -> &'static str;
        /// A link that loads a side into the full view named `view`.
        fn open_in(view: &str) -> String;
        /// The same for one of two sides, named as the comparison names it.
        fn open_side_in(view: &str, side: &str) -> String;
        fn your_choice() -> &'static str;
        fn right() -> &'static str;
        fn wrong() -> &'static str;
        /// Above the answer the core computed for this input.
        fn computed() -> &'static str;
        fn lesson() -> &'static str;
        fn misconception() -> &'static str;
        fn today() -> &'static str;
        fn command() -> &'static str;
        fn output() -> &'static str;
        fn compare() -> &'static str;
        /// Marks a capability one side has and the other lacks.
        fn differs() -> &'static str;
        /// A choice or an answer, as the audience reads it.
        fn answer(answer: &Answer) -> String;
        fn workshop_loading() -> &'static str;
        /// The file could not be fetched; `why` says what went wrong.
        fn workshop_unavailable(why: &str) -> String;
        /// A step's section lacks `key` (a build problem the tests catch).
        fn workshop_missing(id: &str, key: &str) -> String;
    }
}

#[cfg(test)]
mod tests;
