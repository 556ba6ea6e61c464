//! caplens: explains Linux capabilities for people who run containers.
//!
//! Layers (data flows one way, top to bottom):
//! - pure core, no web and no I/O: `catalog`, `set`, `mask`, `status`,
//!   `preset`, `severity`, `text`, `exec`, `container`, `runtime`, `cmdline`, `compose`, `k8s`;
//! - `strings`: every user-facing sentence, so a second language can be added;
//! - `ui`: the thin Yew front end (the `caplens-web` binary mounts it);
//! - `src/bin/caplens.rs`: the thin command-line front end.

pub mod analysis;
pub mod catalog;
pub mod cmdline;
pub mod compose;
pub mod container;
pub mod exec;
pub mod k8s;
pub mod mask;
pub mod order;
pub mod paste;
pub mod preset;
pub mod risk;
pub mod runtime;
pub mod set;
pub mod severity;
pub mod status;
pub mod strings;
pub mod text;
pub mod ui;
pub mod yaml;
