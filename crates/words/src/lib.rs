//! caplens-words: every sentence a user reads, for the page and the CLI
//! alike, one module per domain, in every language caplens speaks.
//!
//! `caplens-core` returns data (enums with data) and never words; the page
//! and the CLI turn that data into sentences only through this crate.
//!
//! Each domain module declares one trait (`UiWords`, `DecodeWords`, …)
//! whose methods are its sentences, and holds one file per language
//! (`en.rs`, `zh_cn.rs`) with a free function per method. The
//! [`sentences!`] macro implements the trait for each language's marker type
//! ([`En`], [`ZhCn`]) by calling that language's function, so a sentence
//! missing in one language is a compile error, not a blank on the page.
//! How to add a language: `docs/architecture.md`, "Languages".
//!
//! The page is built once per language and names its language's type
//! directly (only that language's text is linked into the download); the
//! CLI picks one at run time through [`Lang::words`].

pub mod catalog;
pub mod cli;
pub mod containers;
pub mod decode;
pub mod exec;
pub mod explanations;
pub mod k8s;
pub mod peers;
pub mod style;
pub mod text;
pub mod ui;
pub mod workshop;

mod lang;
pub use lang::Lang;

/// English.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct En;

/// Simplified Chinese (简体中文), as `docs/glossary.md` fixes its terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ZhCn;

/// Every sentence of caplens in one language: all domain traits at once.
pub trait Words:
    catalog::CatalogWords
    + cli::CliWords
    + containers::ContainerWords
    + decode::DecodeWords
    + exec::ExecWords
    + explanations::ExplanationWords
    + k8s::K8sWords
    + peers::PeerWords
    + text::TextWords
    + ui::UiWords
    + workshop::WorkshopWords
{
}

impl<T> Words for T where
    T: catalog::CatalogWords
        + cli::CliWords
        + containers::ContainerWords
        + decode::DecodeWords
        + exec::ExecWords
        + explanations::ExplanationWords
        + k8s::K8sWords
        + peers::PeerWords
        + text::TextWords
        + ui::UiWords
        + workshop::WorkshopWords
{
}

/// `use caplens_words::prelude::*;` brings every domain trait into scope,
/// so `W.tagline()` and `words.mask_error(…)` resolve.
pub mod prelude {
    pub use crate::catalog::CatalogWords;
    pub use crate::cli::CliWords;
    pub use crate::containers::ContainerWords;
    pub use crate::decode::DecodeWords;
    pub use crate::exec::ExecWords;
    pub use crate::explanations::ExplanationWords;
    pub use crate::k8s::K8sWords;
    pub use crate::peers::PeerWords;
    pub use crate::text::TextWords;
    pub use crate::ui::UiWords;
    pub use crate::workshop::WorkshopWords;
    pub use crate::{Lang, Words};
}

/// Declares a domain's sentence trait and implements it for each language
/// by calling the free function of the same name in the module's `en` and
/// `zh_cn` files. Adding a language adds one `impl` line here.
#[macro_export]
#[doc(hidden)]
macro_rules! sentences {
    (
        $(#[$doc:meta])*
        pub trait $Trait:ident {
            $(
                $(#[$fdoc:meta])*
                fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty;
            )*
        }
    ) => {
        $(#[$doc])*
        pub trait $Trait {
            $(
                $(#[$fdoc])*
                fn $name(&self, $($arg: $ty),*) -> $ret;
            )*
        }
        impl $Trait for $crate::En {
            $(
                #[inline]
                fn $name(&self, $($arg: $ty),*) -> $ret { en::$name($($arg),*) }
            )*
        }
        impl $Trait for $crate::ZhCn {
            $(
                #[inline]
                fn $name(&self, $($arg: $ty),*) -> $ret { zh_cn::$name($($arg),*) }
            )*
        }
    };
}
