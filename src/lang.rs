//! The page's language, fixed when it is built: each language is its own
//! download (cargo feature `zh-cn`), so only its sentences are in the wasm.
//! Every view says `W.some_sentence()` with `caplens_words::prelude::*` in
//! scope; `W` is the language's marker type, so the calls are static.

pub use caplens_words::Lang;

#[cfg(not(feature = "zh-cn"))]
pub use caplens_words::En as W;
#[cfg(feature = "zh-cn")]
pub use caplens_words::ZhCn as W;

/// The language of this build.
pub const LANG: Lang = if cfg!(feature = "zh-cn") {
    Lang::ZhCn
} else {
    Lang::En
};
