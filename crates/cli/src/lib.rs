//! caplens-cli: what the `caplens` binary needs beyond argument parsing,
//! as a library so tests and the fuzzer can call it: the exec JSON-lines
//! protocol and the JSON output of every subcommand (the core's data plus
//! the words).

pub mod json;
pub mod language;
pub mod protocol;
pub mod terminal;
