//! Which language this build of the page speaks: English by default,
//! Simplified Chinese with the cargo feature `zh-cn` (the page is built once
//! per language; the Chinese build is served under `zh-cn/`).
//!
//! Stand-in with the agreed API until the shared version (whose `Lang` lives
//! in caplens-words) replaces this file.

/// A language the page is built in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    ZhCn,
}

/// The language of this build.
pub const LANG: Lang = if cfg!(feature = "zh-cn") {
    Lang::ZhCn
} else {
    Lang::En
};

impl Lang {
    /// The page's folder name and the build's tag: "en" | "zh-cn".
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-cn",
        }
    }

    /// The BCP 47 tag for `lang` and `hreflang` attributes: "en" | "zh-CN".
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "中文",
        }
    }
}
