//! The language of everything the CLI prints: `--lang en|zh-cn` if given,
//! else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). JSON keys, ids and
//! masks are the same in every language; `message` and `fix` follow it.

use caplens_words::{Lang, Words};
use std::sync::OnceLock;

static CHOSEN: OnceLock<Lang> = OnceLock::new();

/// Fixes the language for the rest of the process (the binary calls this
/// once, after reading `--lang`); later calls keep the first choice.
pub fn choose(lang: Lang) {
    let _ = CHOSEN.set(lang);
}

/// The language chosen, or the locale's when nothing was chosen.
pub fn current() -> Lang {
    *CHOSEN.get_or_init(|| Lang::from_environment(|name| std::env::var(name).ok()))
}

/// The sentences of the current language.
pub fn words() -> &'static dyn Words {
    current().words()
}
