//! caplens-core: what Linux does with capabilities, as data.
//!
//! Masks and names (`cap`, `catalog`, `set`, `mask`, `text`, `preset`,
//! `risk`), the input formats people paste (`status`, `paste`), execve and
//! set*uid (`exec`), container runtimes (`runtime`, `container`, `cmdline`,
//! `compose`, `k8s`) and the per-container analysis (`analysis`). Every
//! function takes data and returns data: errors, findings and notes are
//! enums, worded by `caplens-words`; nothing here prints, reads files or
//! knows about the web.

pub mod analysis;
pub mod cap;
pub mod catalog;
pub mod cmdline;
pub mod compose;
pub mod container;
pub mod exec;
pub mod k8s;
pub mod mask;
pub mod order;
pub mod paste;
pub mod peers;
pub mod preset;
pub mod risk;
pub mod runtime;
pub mod set;
pub mod severity;
pub mod status;
pub mod text;
pub mod workshop;

/// The YAML reader, a crate of its own; re-exported so the models name it
/// as one of theirs.
pub use caplens_yaml as yaml;
