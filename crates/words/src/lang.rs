//! Which language: the CLI's `--lang` and locale, the page's build.

use crate::{En, Words, ZhCn};

/// A language caplens speaks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    /// Every language, in the order the page's switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// Its sentences.
    pub fn words(self) -> &'static dyn Words {
        match self {
            Lang::En => &En,
            Lang::ZhCn => &ZhCn,
        }
    }

    /// The tag in URLs (`zh-cn/`) and in `--lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-cn",
        }
    }

    /// The language's page in the site: English at the root, every other
    /// language in the folder named by its tag.
    pub fn folder(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::ZhCn => "zh-cn/",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `hreflang`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "中文",
        }
    }

    /// `--lang` values: the URL tag, case and `_`/`-` aside (`zh_CN`, `zh-CN`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language of a POSIX locale value such as `zh_CN.UTF-8` or
    /// `en_US`: any `zh` locale reads Chinese (Simplified is the one caplens
    /// has); `C`, `POSIX`, empty and everything else read English.
    pub fn from_locale(value: &str) -> Lang {
        let language = value.split(['_', '.', '@', '-']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// The language the locale variables ask for, read in POSIX order of
    /// precedence (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; the first
    /// that is set and not empty wins). `get` reads one variable.
    pub fn from_environment(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locales() {
        assert_eq!(Lang::from_tag("zh-cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh_CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::ZhCn);
        assert_eq!(Lang::from_locale("zh_TW"), Lang::ZhCn);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("POSIX"), Lang::En);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::ZhCn
        );
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_CN"),
                ("LANG", "en_US")
            ])),
            Lang::ZhCn
        );
        assert_eq!(Lang::from_environment(env(&[])), Lang::En);
    }
}
