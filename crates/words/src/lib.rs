//! Every user-facing sentence lives under this module, one file per domain.
//!
//! Core modules return structured values (enums with data); the CLI and the
//! page turn them into words only through these functions. English is the
//! only language today; a second one would mirror these files and be picked
//! by a `Lang` value at the call sites.

pub mod catalog;
pub mod cli;
pub mod containers;
pub mod decode;
pub mod exec;
pub mod k8s;
pub mod text;
pub mod ui;
