//! English.

pub fn usage() -> &'static str {
    "\
usage: caplens <command> [options]

commands:
  decode MASK...            name the capabilities in a mask (like capsh --decode)
  exec                      simulate execve (JSON lines on stdin, or flags)
  k8s FILE... | -           analyse Kubernetes / compose manifests
  docker -- ARGS...         analyse a docker/podman run command line
  workshop [--base URL]     list the workshop's steps with their links
  help                      this text

Every command also takes:
  --lang en|zh-cn           language of messages (default: the locale in LC_ALL,
                            LC_MESSAGES or LANG; a zh_* locale gives Chinese)

Run `caplens <command> --help` for the options of one command."
}

pub fn decode_help() -> &'static str {
    "\
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
  --lang     en|zh-cn: language of messages (default: from the locale)

Errors go to stderr with their position; the exit status is then 2."
}

pub fn exec_help() -> &'static str {
    "\
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
  --example NAME                  a ready-made scenario (--example list shows them)
  --lang en|zh-cn                 language of messages (default: from the locale)"
}

pub fn k8s_usage() -> &'static str {
    "\
usage: caplens k8s [options] FILE... | -
  Reads Kubernetes manifests (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
  ReplicationController, Job, CronJob, PodTemplate, List; several documents per
  file) or docker compose files (detected per file); `-` reads stdin.

options:
  --runtime containerd|crio      runtime for Kubernetes containers (default: containerd);
                                 compose services are modelled on Docker
  --image-user root|nonroot      the image's USER, when runAsUser is not set (default: show both)
  --kernel X.Y                   host kernel (capabilities newer than it do not exist)
  --json                         print {\"containers\": [ ... ]}
  --fail-on info|warning|error   exit with status 1 if a finding is at least this severe
  --lang en|zh-cn                language of messages and of JSON message/fix (default: from the locale)"
}

pub fn docker_usage() -> &'static str {
    "\
usage: caplens docker [options] -- [docker|podman] run [RUN OPTIONS] IMAGE [COMMAND...]
       caplens docker [options] -          (read a pasted command from stdin)

options:
  --runtime docker|podman     engine to model (default: docker; `caplens podman` picks podman)
  --docker-era le-20.10.13|20.10.14-24|ge-25   Docker release family (default ge-25)
  --podman-era le-4.3|4.4|ge-4.5               Podman release family (default ge-4.5)
  --kernel X.Y                host kernel (capabilities newer than it do not exist)
  --image-user root|nonroot   the image's USER, when --user is not given (default: show both)
  --file-caps TEXT            file capabilities of the entrypoint binary (setcap text, e.g. cap_net_bind_service+ep)
  --json                      print {\"containers\": [ ... ]}
  --fail-on info|warning|error   exit with status 1 if a finding is at least this severe
  --lang en|zh-cn             language of messages and of JSON message/fix (default: from the locale)"
}

pub fn unknown_command(name: &str) -> String {
    format!("caplens: unknown command `{name}`\n\n{}", usage())
}

pub fn exec_see_help() -> &'static str {
    "Run `caplens exec --help` for the options."
}

pub fn unknown_example(command: &str, slug: &str) -> String {
    format!(
        "caplens {command}: unknown example {slug:?} (`caplens exec --example list` shows them)"
    )
}

// Problems with a command's arguments and the inputs they name, each
// sentence starting with the command that reports it (`caplens k8s: ...`).
// Values are quoted with `{:?}` where blanks and control characters in them
// must stay visible.

pub fn missing_value(command: &str, option: &str) -> String {
    format!("caplens {command}: {option} needs a value")
}

pub fn bad_value(command: &str, option: &str, value: &str) -> String {
    format!("caplens {command}: `{value}` is not a valid value for {option}")
}

pub fn rejected(command: &str, subject: &str, why: &str) -> String {
    format!("caplens {command}: {subject}: {why}")
}

pub fn unknown_option(command: &str, option: &str) -> String {
    format!("caplens {command}: unknown option {option:?}")
}

pub fn unknown_option_as_typed(command: &str, option: &str) -> String {
    format!("caplens {command}: unknown option {option}")
}

pub fn bad_uid(command: &str, option: &str, value: &str) -> String {
    format!("caplens {command}: {option}: expected a uid (0 to 4294967295), got {value:?}")
}

pub fn undefined_securebits(command: &str, n: u32) -> String {
    format!("caplens {command}: --securebits: {n} has bits the kernel does not define")
}

pub fn unknown_securebit(command: &str, name: &str) -> String {
    format!("caplens {command}: --securebits: unknown securebit {name:?}")
}

pub fn bad_setresuid(command: &str, value: &str) -> String {
    format!("caplens {command}: --setresuid: expected R,E,S (three uids), got {value:?}")
}

pub fn bad_rule(command: &str, value: &str) -> String {
    format!("caplens {command}: --rule: expected current or pre2025, got {value:?}")
}

pub fn no_files(command: &str) -> String {
    format!("caplens {command}: no file given (use - for stdin)")
}

pub fn no_command(command: &str) -> String {
    format!("caplens {command}: no command given")
}

pub fn nothing_to_decode(command: &str) -> String {
    format!("caplens {command}: nothing to decode")
}

pub fn cannot_read_stdin(command: &str, error: &str) -> String {
    format!("caplens {command}: cannot read stdin: {error}")
}

pub fn stdin_error(command: &str, error: &str) -> String {
    format!("caplens {command}: reading stdin: {error}")
}

pub fn cannot_read(command: &str, file: &str, error: &str) -> String {
    format!("caplens {command}: cannot read {file}: {error}")
}

pub fn in_file(file: &str, why: &str) -> String {
    format!("{file}: {why}")
}

pub fn failed(command: &str, why: &str) -> String {
    format!("caplens {command}: {why}")
}

pub fn setresuid_heading(r: u32, e: u32, s: u32) -> String {
    format!("setresuid({r}, {e}, {s}):\n")
}

pub fn stdin_file() -> &'static str {
    "(stdin)"
}

pub fn stdin_label() -> &'static str {
    "stdin"
}

pub fn argument_label(n: usize) -> String {
    format!("argument {n}")
}
