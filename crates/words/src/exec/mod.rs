//! Sentences: the execve simulator (`exec`). Every sentence the CLI and
//! the page show about an exec or a uid change is written here.

use caplens_core::exec::examples::ExampleId;
use caplens_core::exec::request::{JsonType, ProtocolError};
use caplens_core::exec::{
    CapReason, ExecFile, Lost, Refusal, SetName, SetidCheck, StateProblem, Step, Transition,
    UidChange, UidRefusal, UidStep, Why,
};
use caplens_core::set::CapSet;

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait ExecWords {
        /// libcap's name for a capability (`cap_net_raw`), or its number if unnamed.
        fn cap_name(cap: u8) -> String;
        /// `cap_chown,cap_net_raw`, or `(none)`.
        fn exec_cap_list(set: CapSet) -> String;
        fn exec_set_name(set: SetName) -> &'static str;
        /// The kernel's short symbol for a set, as in the formulas.
        fn set_symbol(set: SetName) -> &'static str;
        /// Why one capability is (or is not) in one set after the exec.
        fn why(w: &Why) -> String;
        /// Why a capability is absent.
        fn lost(l: &Lost) -> String;
        /// `cap_net_raw: from the …` (one line of the reasons list).
        fn reason_line(r: &CapReason) -> String;
        /// One line for several capabilities that changed alike for the same
        /// reason (`caps` share `r`'s change and reason).
        fn shared_reason_line(caps: &[u8], r: &CapReason) -> String;
        /// The EPERM refusal in words.
        fn refusal(r: &Refusal) -> String;
        /// Why `+p` alone only helps capability-aware programs, and `+ep` helps any.
        fn plus_p_versus_ep() -> &'static str;
        /// A note on the 2025 change of the set-id rule, when it matters.
        fn setid_rule_note(c: &SetidCheck) -> Option<String>;
        /// One step of the trace, with its values: one function per kind of step.
        fn step(s: &Step) -> String;
        /// The summary formulas with this exec's values filled in.
        fn formula(t: &Transition) -> Vec<String>;
        /// One step of a uid change.
        fn uid_step(s: &UidStep) -> String;
        fn uid_refusal(r: &UidRefusal) -> String;
        /// How protocol errors name the JSON type found where another was expected.
        fn json_type(t: JsonType) -> &'static str;
        /// How protocol errors name a request line that is not a JSON object.
        fn whole_line() -> &'static str;
        /// A bad line of `caplens exec` input.
        fn protocol_error(e: &ProtocolError) -> String;
        /// A bad input line, naming its line number in the input stream.
        fn protocol_error_at(line_number: usize, e: &ProtocolError) -> String;
        /// A before-state the kernel could never hold.
        fn state_problem(p: &StateProblem) -> String;
        /// The describing line of an exec'd file, for reports.
        fn file_line(file: &ExecFile, caps_text: Option<&str>) -> String;
        /// The text report of one exec, section by section: the process and file,
        /// the before/after table with the reasons per set (or the refusal), the
        /// steps, the formulas and the notes.
        fn report(t: &Transition, caps_text: Option<&str>) -> String;
        /// The report of a set*uid call made before the exec.
        fn uid_report(c: &UidChange) -> String;
        /// Title of a ready-made example.
        fn example_title(id: ExampleId) -> &'static str;
        /// What a ready-made example teaches.
        fn example_point(id: ExampleId) -> &'static str;
        /// What a securebit does, in a few words (`bit`: one of
        /// `Securebits`' flags; empty for any other value).
        fn securebit_meaning(bit: u32) -> &'static str;
    }
}
