//! Messages say where: the words put the core's positions first.

use caplens_core::cmdline::parse_command;
use caplens_core::container::SourceKind;
use caplens_words::prelude::*;
use caplens_words::En;

#[test]
fn command_line_errors_name_argument_line_and_column() {
    let e = parse_command(
        "docker run --security-opt no-new-privileges=yes x",
        SourceKind::DockerRun,
    )
    .unwrap_err();
    let msg = En.cmdline_error(&e);
    assert!(msg.starts_with("argument 4, line 1, column 27:"), "{msg}");
}
