//! Sentences for the libcap text form (`text` module): parse errors,
//! file-capability problems, flag and style names.

use caplens_core::set::CapSet;
use caplens_core::text::{FileCapsError, Flag, Style, TextError, TextErrorKind};

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait TextWords {
        /// Where an error is: "column 5", or "line 2, column 5" for multi-line input.
        fn position(e: &TextError) -> String;
        /// What is wrong, without the position.
        fn error_kind(kind: &TextErrorKind) -> String;
        /// The whole message: position and what.
        fn error(e: &TextError) -> String;
        fn file_caps_error(e: &FileCapsError) -> String;
        /// Warning for [`caplens_core::text::TextCaps::ignored_effective`].
        fn ignored_effective(set: CapSet) -> String;
        fn flag_name(flag: Flag) -> &'static str;
        fn style_name(style: Style) -> &'static str;
    }
}
