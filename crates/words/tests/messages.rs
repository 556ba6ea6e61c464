//! Messages say where: the words put the core's positions first.

use caplens_core::cmdline::parse_command;
use caplens_core::container::SourceKind;

#[test]
fn command_line_errors_name_argument_line_and_column() {
    let e = parse_command(
        "docker run --security-opt no-new-privileges=yes x",
        SourceKind::DockerRun,
    )
    .unwrap_err();
    let msg = caplens_words::containers::cmdline_error(&e);
    assert!(msg.starts_with("argument 4, line 1, column 27:"), "{msg}");
}
