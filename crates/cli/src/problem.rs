//! Problems with a subcommand's arguments and with the inputs they name: one
//! enum for every subcommand, so each is reported the same way. The data is
//! here; the sentences are `caplens_words::cli`'s (with the domain's own
//! wording of a parser's error from the other `caplens_words` modules).

use caplens_cli::language::words;
use caplens_core::cmdline::CmdlineError;
use caplens_core::k8s::helm::HelmInput;
use caplens_core::mask::NameError;
use caplens_core::status::InputError;
use caplens_core::text::{FileCapsError, TextError};
use caplens_core::yaml::YamlError;
use std::process::ExitCode;

/// The subcommand that reports a problem; its messages begin with its name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Command {
    Decode,
    Exec,
    K8s,
    /// `caplens docker` and `caplens podman` alike.
    Docker,
}

impl Command {
    /// The name in `caplens NAME: ...`.
    pub fn name(self) -> &'static str {
        match self {
            Command::Decode => "decode",
            Command::Exec => "exec",
            Command::K8s => "k8s",
            Command::Docker => "docker",
        }
    }

    /// What follows a problem with the arguments: the usage, or for `exec`,
    /// whose help is long, a pointer to it.
    pub fn after_usage_problem(self) -> &'static str {
        match self {
            Command::Decode => words().decode_help(),
            Command::Exec => words().exec_see_help(),
            Command::K8s => words().k8s_usage(),
            Command::Docker => words().docker_usage(),
        }
    }

    /// Prints a problem with the arguments, then the usage; exit status 2.
    pub fn usage_problem(self, p: &CliProblem) -> ExitCode {
        eprintln!("{}\n\n{}", p.message(self), self.after_usage_problem());
        ExitCode::from(2)
    }

    /// Prints a problem with an input (not the arguments' shape) alone.
    pub fn report(self, p: &CliProblem) {
        eprintln!("{}", p.message(self));
    }
}

/// What went wrong, with the option, value or file as the user typed it.
#[derive(Clone, PartialEq, Debug)]
pub enum CliProblem {
    /// An option that takes a value came last.
    MissingValue {
        option: String,
    },
    /// A value that is not one of the option's choices.
    BadValue {
        option: String,
        value: String,
    },
    BadUid {
        option: String,
        value: String,
    },
    /// A set option of `exec` that is neither a mask nor capability names.
    BadSet {
        option: String,
        error: NameError,
    },
    /// Capabilities in libcap's text form (`--file`, `--file-caps`) that do
    /// not parse.
    BadCapText {
        option: String,
        error: TextError,
    },
    /// Text-form capabilities that file capabilities cannot hold.
    BadFileCaps {
        option: String,
        error: FileCapsError,
    },
    /// A `--securebits` number with bits above the ones the kernel defines.
    UndefinedSecurebits(u32),
    UnknownSecurebit(String),
    BadSetresuid(String),
    BadRule(String),
    /// `exec --example NAME` with a name there is no example of.
    UnknownExample(String),
    UnknownOption(String),
    NoFiles,
    NoCommand,
    NothingToDecode,
    /// Reading the input named `-` failed.
    Stdin(String),
    /// Reading a stream of requests on stdin failed midway.
    StdinStream(String),
    Read {
        file: String,
        error: String,
    },
    Yaml {
        file: String,
        error: YamlError,
    },
    /// A docker/podman command line given to `caplens k8s`.
    NotYaml {
        file: String,
    },
    /// A Helm chart's template or values file given to `caplens k8s`.
    Helm {
        file: String,
        input: HelmInput,
    },
    /// An input of `decode` it cannot recognise; `place` says which one.
    BadInput {
        place: String,
        error: InputError,
    },
    /// `decode --names` with a name it cannot read.
    BadNames(NameError),
    /// A docker/podman run command that does not parse.
    BadCommand(CmdlineError),
}

impl CliProblem {
    /// The sentence for this problem, as `command` reports it.
    pub fn message(&self, command: Command) -> String {
        let c = command.name();
        match self {
            CliProblem::MissingValue { option } => words().missing_value(c, option),
            CliProblem::BadValue { option, value } => words().bad_value(c, option, value),
            CliProblem::BadUid { option, value } => words().bad_uid(c, option, value),
            CliProblem::BadSet { option, error } => {
                words().rejected(c, option, &words().name_error(error.kind, &error.item))
            }
            CliProblem::BadCapText { option, error } => {
                words().rejected(c, option, &words().error(error))
            }
            CliProblem::BadFileCaps { option, error } => {
                words().rejected(c, option, &words().file_caps_error(error))
            }
            CliProblem::UndefinedSecurebits(n) => words().undefined_securebits(c, *n),
            CliProblem::UnknownSecurebit(name) => words().unknown_securebit(c, name),
            CliProblem::BadSetresuid(v) => words().bad_setresuid(c, v),
            CliProblem::BadRule(v) => words().bad_rule(c, v),
            CliProblem::UnknownExample(slug) => words().unknown_example(c, slug),
            // `k8s` has always printed the option as typed; the others quote it.
            CliProblem::UnknownOption(o) => match command {
                Command::K8s => words().unknown_option_as_typed(c, o),
                Command::Decode | Command::Exec | Command::Docker => words().unknown_option(c, o),
            },
            CliProblem::NoFiles => words().no_files(c),
            CliProblem::NoCommand => words().no_command(c),
            CliProblem::NothingToDecode => words().nothing_to_decode(c),
            CliProblem::Stdin(e) => words().cannot_read_stdin(c, e),
            CliProblem::StdinStream(e) => words().stdin_error(c, e),
            CliProblem::Read { file, error } => words().cannot_read(c, file, error),
            CliProblem::Yaml { file, error } => words().in_file(file, &words().yaml_error(error)),
            CliProblem::NotYaml { file } => words().in_file(file, words().not_yaml_hint()),
            CliProblem::Helm { file, input } => words().in_file(file, &words().helm_input(input)),
            CliProblem::BadInput { place, error } => {
                words().rejected(c, place, &words().input_error(error))
            }
            CliProblem::BadNames(error) => {
                words().rejected(c, "--names", &words().names_error(error))
            }
            CliProblem::BadCommand(error) => words().failed(c, &words().cmdline_error(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CliProblem, Command};

    #[test]
    fn messages_name_the_command() {
        let p = CliProblem::MissingValue {
            option: "--kernel".into(),
        };
        assert_eq!(
            p.message(Command::K8s),
            "caplens k8s: --kernel needs a value"
        );
        assert_eq!(
            p.message(Command::Docker),
            "caplens docker: --kernel needs a value"
        );
    }

    #[test]
    fn unknown_options_are_quoted_except_by_k8s() {
        let p = CliProblem::UnknownOption("--a b".into());
        assert_eq!(
            p.message(Command::Exec),
            "caplens exec: unknown option \"--a b\""
        );
        assert_eq!(p.message(Command::K8s), "caplens k8s: unknown option --a b");
    }
}
