//! English text: the command-line tool's usage and help screens.
//! (The `k8s` and `docker` help texts sit with their domain wording in
//! `strings::k8s` and `strings::containers`.)

/// `caplens help`.
pub const USAGE: &str = "\
usage: caplens <command> [options]

commands:
  decode MASK...            name the capabilities in a mask (like capsh --decode)
  exec                      simulate execve (JSON lines on stdin, or flags)
  k8s FILE... | -           analyse Kubernetes / compose manifests
  docker -- ARGS...         analyse a docker/podman run command line
  help                      this text

Run `caplens <command> --help` for the options of one command.";

/// `caplens decode --help`.
pub const DECODE_HELP: &str = "\
usage: caplens decode [--json] [--explain] MASK...
       caplens decode [--json] [--explain] -        (read pasted text from stdin)
       caplens decode [--json] --names LIST         (names -> mask)

MASK is 1-16 hex digits (optional 0x), or any text caplens recognises:
`CapEff: ...` lines, a whole /proc/PID/status, capsh --print or getpcaps output.
Each bare mask prints one line exactly as `capsh --decode` does:
  0x00000000a80425fb=cap_chown,cap_dac_override,...
Sets from status text print as `CapEff<TAB>0x...=...`.

  --json     structured output: each set, names, numbers, unknown bits, presets
  --explain  also print matching presets, kernel range and notes
  --describe also print one line per capability: number, name, danger, summary
  --names    LIST of capabilities in any spelling (net_raw, CAP_NET_RAW, 13, ALL),
             comma or space separated; prints the mask they make

Errors go to stderr with their position; the exit status is then 2.";

/// `caplens exec --help`.
pub const EXEC_HELP: &str = "\
usage: caplens exec [--json]                 JSON lines on stdin, one answer per line
       caplens exec [OPTIONS]                human-readable report of one exec

JSON input per line:
  {\"before\": {\"uid\": 1000, \"euid\": 1000, \"inheritable\": HEX, \"permitted\": HEX,
    \"effective\": HEX, \"bounding\": HEX, \"ambient\": HEX, \"securebits\": INT,
    \"no_new_privs\": BOOL},
   \"file\": {\"setuid_root\": BOOL, \"caps\": null | {\"permitted\": HEX,
    \"inheritable\": HEX, \"effective\": BOOL}}, \"rule\": \"current\" | \"pre2025\"}
  Other top-level keys (\"id\") are echoed back. Output: {\"after\": {...}, \"trace\": [...]}
  or {\"after\": {\"error\": \"EPERM\"}}; a bad line gets {\"error\": \"...\"}.

OPTIONS (the process before exec; SET is a hex mask or names like cap_net_raw,chown):
  --uid N, --euid N, --suid N     ids (euid defaults to uid, suid to euid)
  --inheritable SET, --permitted SET, --effective SET, --bounding SET, --ambient SET
                                  defaults: bounding = all 41; root: permitted = effective =
                                  bounding; others: empty. Ambient is added to the defaults
                                  of inheritable, permitted and effective.
  --securebits N|NAMES            e.g. 0x10 or noroot,keep_caps,no_setuid_fixup,no_cap_ambient_raise
  --nnp                           no_new_privs is set
  --setresuid R,E,S               run setresuid(R, E, S) first (as su, setpriv and runtimes do)
the file:
  --file TEXT                     setcap text (cap_net_raw+ep) or a getcap line
  --setuid-root                   the file is set-user-ID root
  --nosuid                        the file is on a nosuid mount
  --rule pre2025                  use the set-id rule of kernels before 2025
  --example NAME                  a ready-made scenario (--example list shows them)";

/// An unknown subcommand.
pub fn unknown_command(name: &str) -> String {
    format!("caplens: unknown command `{name}`\n\n{USAGE}")
}

/// Pointer printed after a bad `caplens exec` flag.
pub const EXEC_SEE_HELP: &str = "Run `caplens exec --help` for the options.";

/// `caplens exec --example NAME` with a name we do not know.
pub fn unknown_example(slug: &str) -> String {
    format!("caplens exec: unknown example {slug:?} (`caplens exec --example list` shows them)")
}

/// A read error on standard input.
pub fn stdin_error(command: &str, err: &dyn std::fmt::Display) -> String {
    format!("caplens {command}: reading stdin: {err}")
}

// Command-line errors. `flag` is the option as typed; values are quoted with
// `{:?}` so blanks and control characters in them stay visible.

pub fn needs_value(flag: &str) -> String {
    format!("{flag} needs a value")
}

pub fn unknown_option(option: &str) -> String {
    format!("unknown option {option:?}")
}

pub fn bad_uid(flag: &str, text: &str) -> String {
    format!("{flag}: expected a uid (0 to 4294967295), got {text:?}")
}

/// An option's value was rejected; `why` is already in words.
pub fn bad_value(flag: &str, why: &str) -> String {
    format!("{flag}: {why}")
}

pub fn undefined_securebits(n: u32) -> String {
    format!("--securebits: {n} has bits the kernel does not define")
}

pub fn unknown_securebit(name: &str) -> String {
    format!("--securebits: unknown securebit {name:?}")
}

pub fn bad_setresuid(text: &str) -> String {
    format!("--setresuid: expected R,E,S (three uids), got {text:?}")
}

pub fn bad_rule(text: &str) -> String {
    format!("--rule: expected current or pre2025, got {text:?}")
}

/// Heading of the `--setresuid` part of `caplens exec`'s text answer.
pub fn setresuid_heading(r: u32, e: u32, s: u32) -> String {
    format!("setresuid({r}, {e}, {s}):\n")
}

pub const NOTHING_TO_DECODE: &str = "nothing to decode";

pub fn cannot_read_stdin(err: &dyn std::fmt::Display) -> String {
    format!("cannot read stdin: {err}")
}

/// Where a `caplens decode` input came from, as its messages name it.
pub const FROM_STDIN: &str = "stdin";

pub fn from_argument(n: usize) -> String {
    format!("argument {n}")
}
