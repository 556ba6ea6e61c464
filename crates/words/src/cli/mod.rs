//! Sentences: the command-line tool's usage and help screens, and its
//! problems with arguments and the inputs they name.

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait CliWords {
        /// `caplens help`.
        fn usage() -> &'static str;
        /// `caplens decode --help`.
        fn decode_help() -> &'static str;
        /// `caplens exec --help`.
        fn exec_help() -> &'static str;
        /// `caplens k8s --help`.
        fn k8s_usage() -> &'static str;
        /// `caplens docker --help`.
        fn docker_usage() -> &'static str;
        /// An unknown subcommand.
        fn unknown_command(name: &str) -> String;
        /// Pointer printed after a bad `caplens exec` flag.
        fn exec_see_help() -> &'static str;
        /// `caplens exec --example NAME` with a name we do not know.
        fn unknown_example(command: &str, slug: &str) -> String;
        /// An option given last, without its value.
        fn missing_value(command: &str, option: &str) -> String;
        /// A value that is not one of the option's choices.
        fn bad_value(command: &str, option: &str, value: &str) -> String;
        /// A value (or input) `subject` that its parser rejected; `why` is already in
        /// words.
        fn rejected(command: &str, subject: &str, why: &str) -> String;
        /// An option the command does not have, quoted.
        fn unknown_option(command: &str, option: &str) -> String;
        /// An option the command does not have, as typed.
        fn unknown_option_as_typed(command: &str, option: &str) -> String;
        fn bad_uid(command: &str, option: &str, value: &str) -> String;
        fn undefined_securebits(command: &str, n: u32) -> String;
        fn unknown_securebit(command: &str, name: &str) -> String;
        fn bad_setresuid(command: &str, value: &str) -> String;
        fn bad_rule(command: &str, value: &str) -> String;
        fn no_files(command: &str) -> String;
        fn no_command(command: &str) -> String;
        fn nothing_to_decode(command: &str) -> String;
        /// Reading the input named `-` failed.
        fn cannot_read_stdin(command: &str, error: &str) -> String;
        /// Reading a stream of requests on standard input failed midway.
        fn stdin_error(command: &str, error: &str) -> String;
        fn cannot_read(command: &str, file: &str, error: &str) -> String;
        /// A problem inside one input file; `why` is already in words.
        fn in_file(file: &str, why: &str) -> String;
        /// An input the command could not use; `why` is already in words.
        fn failed(command: &str, why: &str) -> String;
        /// Heading of the `--setresuid` part of `caplens exec`'s text answer.
        fn setresuid_heading(r: u32, e: u32, s: u32) -> String;
        /// How `caplens k8s` names the file `-` in its messages and output.
        fn stdin_file() -> &'static str;
        /// Where a `caplens decode` input came from, as its messages name it.
        fn stdin_label() -> &'static str;
        fn argument_label(n: usize) -> String;
    }
}
