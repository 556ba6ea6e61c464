//! caplens-words: every sentence a user reads, for the page and the CLI
//! alike, one module per domain.
//!
//! `caplens-core` returns data (enums with data) and never words; the page
//! and the CLI turn that data into sentences only through these functions.
//! The CLI's own problems with its arguments (its `CliProblem` enum) are
//! worded here too, in `cli`, by one function per kind of problem, since
//! this crate cannot depend on the CLI. Everything is in English; there is
//! no choice of language yet.

pub mod catalog;
pub mod cli;
pub mod containers;
pub mod decode;
pub mod exec;
pub mod explanations;
pub mod k8s;
pub mod text;
pub mod ui;
