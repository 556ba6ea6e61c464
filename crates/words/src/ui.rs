//! English text of the page itself: labels, buttons, hints, messages.
//! Capability descriptions, decode/exec/container wording live in their own
//! files; this one holds only what belongs to the page.

pub const APP_NAME: &str = "caplens";

/// The page's title while `view` is shown.
pub fn document_title(view: &str) -> String {
    format!("{view} · caplens: Linux capabilities, explained")
}
pub const TAGLINE: &str = "Linux capabilities, explained. Everything runs in your browser: nothing you paste leaves this page.";
pub const VIEWS_LABEL: &str = "Views";
pub const FOOTER: &str = "caplens works offline and sends nothing anywhere. The link in the address bar reproduces what you see (the part after # is never sent to a server).";
pub const NOT_YET: &str = "This view is not available in this build yet.";
pub const LINK_TOO_BIG: &str = "This input is too large to keep in the link, so the address bar only remembers the view. Copy the text itself to share it.";

// The tabs: each view's name and a hint of what it reads.
pub const DECODE_NAME: &str = "Decode";
pub const DECODE_HINT: &str = "masks, /proc status, capsh";
pub const EXEC_NAME: &str = "Exec";
pub const EXEC_HINT: &str = "what execve gives, and why";
pub const CONTAINERS_NAME: &str = "Containers";
pub const CONTAINERS_HINT: &str = "docker, compose, Kubernetes";

// Buttons and their feedback.
pub const EXAMPLES: &str = "Examples:";
pub const COPIED: &str = "Copied";
pub const COPY_MANUALLY: &str = "Copy failed: select the text and copy it by hand";
pub const CLEAR: &str = "Clear";

// The panic hook.
pub const PANIC_TITLE: &str = "Sorry, caplens hit a bug and stopped.";
pub const PANIC_BODY: &str = "Nothing was sent anywhere. Reloading the page usually gets you going again. To report the bug, copy the details below and send them to whoever runs this page or to the caplens issue tracker. They include the page address, which contains what you pasted; remove anything private first.";
pub const PANIC_COPY: &str = "Copy details";
pub const PANIC_RELOAD: &str = "Reload the page";
pub const PANIC_TEST_MESSAGE: &str =
    "deliberate panic requested by #panic-test (tests the error screen)";

pub fn panic_details(message: &str, url: &str, user_agent: &str) -> String {
    format!(
        "caplens {version} stopped: {message}\n\npage: {url}\nbrowser: {user_agent}",
        version = env!("CARGO_PKG_VERSION")
    )
}

// Table and result labels shared by the views.
pub const RESULT: &str = "Result";
pub const YES: &str = "yes";
pub const NO: &str = "no";
pub const COL_NUMBER: &str = "#";
pub const COL_NAME: &str = "Capability";
pub const COL_SUMMARY: &str = "What it allows";
pub const COPY_MASK: &str = "Copy mask";

/// A copy button's accessible name: its visible label first (so voice
/// control users can say what they see), then what it copies.
pub fn copy_of(label: &str, what: &str) -> String {
    format!("{label}: {what}")
}

/// What the mask builder's copy buttons copy.
pub const BUILT_MASK: &str = "the mask being built";
pub const COPY_NAMES: &str = "Copy names";

pub fn at_line_column(line: u32, column: u32) -> String {
    format!("Line {line}, column {column}:")
}

pub fn count_caps(n: u32) -> String {
    match n {
        1 => "1 capability".to_string(),
        n => format!("{n} capabilities"),
    }
}

pub fn since_kernel(version: &str) -> String {
    format!("since Linux {version}")
}

pub fn danger_line(label: &str, meaning: &str) -> String {
    format!("danger in a container: {label} ({meaning})")
}

// The Decode view.
pub const DECODE_TITLE: &str = "Paste what you have";
pub const DECODE_INPUT_LABEL: &str =
    "A mask, CapXxx: lines, a whole /proc/PID/status, capsh --print or getpcaps output";
pub const DECODE_PLACEHOLDER: &str = "CapBnd:\t00000000a80425fb";
pub const DECODE_EMPTY: &str =
    "Paste something above or pick an example; the result appears as you type.";
pub const MATRIX_TITLE: &str = "Capabilities × sets";
pub const SHOW_ALL: &str = "show all 41 capabilities";
pub const NO_CAPS: &str = "No capabilities: every set here is empty.";
pub const GRID_TITLE: &str = "Build a mask";
pub const GRID_HELP: &str = "Tick capabilities to build a mask. The boxes show the pasted set; changing one edits the paste box.";
pub const GRID_DISABLED: &str = "Fix the error in the paste box to edit its mask here.";
pub const GRID_WHICH_SET: &str = "Set to show and edit";

pub const EX_CAPSH_DECODE: &str = "capsh --decode=0000001fffffffff";
pub const EX_DOCKER_STATUS: &str = "grep Cap /proc/1/status in a Docker container";
pub const EX_DOCKER_STATUS_TEXT: &str = "CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000";
pub const EX_DOCKER_DEFAULT: &str = "Docker's default set";
pub const EX_PROC_STATUS: &str = "/proc/PID/status of a non-root process";
pub const EX_PROC_STATUS_TEXT: &str = "Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nPid:\t4242\nPPid:\t1\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nCapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0";

pub fn recognised_as(kind: &str) -> String {
    format!("read as {kind}")
}

pub fn nnp_badge(on: bool) -> &'static str {
    if on {
        "NoNewPrivs: 1"
    } else {
        "NoNewPrivs: 0"
    }
}

pub fn uid_badge(real: Option<u32>, effective: Option<u32>) -> String {
    match (real, effective) {
        (Some(r), Some(e)) if r == e => format!("uid {r}"),
        (Some(r), Some(e)) => format!("uid {r}, euid {e}"),
        (Some(r), None) => format!("uid {r}"),
        (None, Some(e)) => format!("euid {e}"),
        (None, None) => "uid unknown".to_string(),
    }
}

// The Exec view.
pub const WARNING: &str = "Warning:";
pub const EXEC_TITLE: &str = "A process runs a program";
pub const EXEC_INTRO: &str = "Describe the process before execve and the program file; the five sets after the exec appear below, each capability with the kernel's reason.";
pub const EXEC_PROCESS: &str = "The process before exec";
pub const EXEC_BEFORE_LABEL: &str =
    "Its sets (CapXxx: lines or /proc/PID/status; leave empty for the defaults)";
pub const EXEC_BEFORE_PLACEHOLDER: &str = "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000";
pub const EXEC_UID: &str = "Real uid";
pub const EXEC_EUID: &str = "Effective uid";
pub const EXEC_NNP: &str = "no_new_privs";
pub const EXEC_FILE: &str = "The program file";
pub const EXEC_FILE_LABEL: &str = "File capabilities (setcap text or a getcap line; empty: none)";
pub const EXEC_FILE_PLACEHOLDER: &str = "cap_net_raw+ep   or   /usr/bin/ping cap_net_raw=ep";
pub const EXEC_SETUID: &str = "set-user-ID root";
pub const EXEC_NOSUID: &str = "on a nosuid mount";
pub const EXEC_PRE2025: &str = "use the set-id rule of kernels before 2025";
pub const EXEC_RESULT: &str = "After execve";
pub const EXEC_EPERM: &str = "execve fails: EPERM";
pub const EXEC_COL_SET: &str = "Set";
pub const EXEC_COL_BEFORE: &str = "Before";
pub const EXEC_COL_AFTER: &str = "After";
pub const EXEC_COL_GAINED: &str = "Gained";
pub const EXEC_COL_LOST: &str = "Lost";
pub const EXEC_WHY: &str = "Why, capability by capability";
pub const EXEC_SET_EMPTY: &str = "Empty before and after.";
pub const EXEC_UNCHANGED_SETS: &str =
    "Inheritable and Bounding: execve never changes these two sets.";
pub const EXEC_FORMULA: &str = "The kernel's formulas with these values";
pub const EXEC_STEPS: &str = "Every step, in the kernel's order";

pub fn exec_bare_mask(line: u32) -> String {
    format!("Line {line}: a bare mask does not say which set it is. Write it as CapInh:, CapPrm:, CapEff:, CapBnd: or CapAmb: followed by the mask.")
}

pub fn exec_bad_id(field: &str, value: &str) -> String {
    let name = if field == "euid" {
        "effective uid"
    } else {
        "real uid"
    };
    format!("The {name} must be a number from 0 to 4294967295; `{value}` is not.")
}

pub fn exec_bad_file(message: &str) -> String {
    format!("File capabilities: {message}")
}

pub fn exec_process_line(uid: u32, euid: u32, suid: u32, securebits: u32, nnp: bool) -> String {
    format!(
        "Process: uid {uid}, euid {euid}, saved uid {suid}, securebits {securebits:#x}{}",
        if nnp { ", no_new_privs set" } else { "" }
    )
}

pub fn exec_headline(effective: u32, permitted: u32, uid: u32, euid: u32) -> String {
    let ids = if uid == euid {
        format!("uid {uid}")
    } else {
        format!("uid {uid}, euid {euid}")
    };
    match (effective, permitted) {
        (0, 0) => format!("The program runs as {ids} with no capabilities at all."),
        (0, p) => format!("The program runs as {ids} with {} permitted but none effective: it must raise them itself.", count_caps(p)),
        (e, p) if e == p => format!("The program runs as {ids} with {} effective.", count_caps(e)),
        (e, p) => format!("The program runs as {ids} with {} effective and {} permitted.", count_caps(e), count_caps(p)),
    }
}

// The Containers view.
pub const CONTAINERS_TITLE: &str = "What will my container's first process get?";
pub const CONTAINERS_INPUT_LABEL: &str = "A docker or podman run command, a compose file, or Kubernetes manifests (several documents are fine)";
pub const CONTAINERS_PLACEHOLDER: &str = "docker run --cap-add NET_ADMIN --user 1000 busybox\n\nor a Pod, Deployment, CronJob, compose file…";
pub const CONTAINERS_EMPTY: &str = "Paste a command or a manifest above, or pick an example.";
/// In place of the text box after a very large paste.
pub fn paste_folded(bytes: usize) -> String {
    format!(
        "{} KB pasted. The text box is folded away: with that much text in it, the browser slows down every update of the page.",
        bytes.div_ceil(1024)
    )
}

pub const SHOW_PASTED_TEXT: &str = "Show the text";

pub fn analysing(bytes: usize) -> String {
    format!(
        "Reading {} KB of input… The page stays usable meanwhile.",
        bytes.div_ceil(1024)
    )
}
pub const NO_CONTAINERS: &str = "No containers found in this input.";
pub const K8S_RUNTIME: &str = "Kubernetes runtime";
pub const DOCKER_ERA: &str = "Docker version";
pub const IMAGE_USER: &str = "Image's USER, if not set";
pub const IMAGE_USER_UNKNOWN: &str = "unknown: show both";
pub const IMAGE_USER_ROOT: &str = "root";
pub const IMAGE_USER_NONROOT: &str = "non-root";
pub const ROLE_CONTAINER: &str = "container";
pub const ROLE_INIT: &str = "init container";
pub const ROLE_EPHEMERAL: &str = "ephemeral container";
pub const IMAGE_USER_DECIDES: &str = "No user is set, so the image's USER decides. Both outcomes:";
pub const PID1_IF_ROOT: &str = "PID 1 if the image runs as root";
pub const PID1_IF_NONROOT: &str = "PID 1 if the image runs as a non-root user";
pub const ADDS_TITLE: &str = "What each added capability achieves";
pub const ALREADY_DEFAULT: &str = "(already a default)";
pub const FINDINGS_TITLE: &str = "Findings";
pub const NO_FINDINGS: &str = "No findings.";
pub const FIX: &str = "Fix:";
pub const RUNTIME_NOTES: &str = "How the runtime fills the sets";
pub const OCI_TITLE: &str = "The sets the runtime writes into the OCI spec";
pub const HARDENED_TITLE: &str = "Suggested hardened settings";
pub const COPY_YAML: &str = "Copy YAML";
/// The same button when the suggestion is docker/podman run options.
pub const COPY_OPTIONS: &str = "Copy options";
pub const NONE: &str = "(none)";

pub const EX_CPB_TYPO: &str = "cpb-demo with the sercurityContext typo";
pub const EX_CPB_FIXED: &str = "cpb-demo fixed";
pub const EX_PERF: &str = "perf with SYS_ADMIN";
pub const EX_BIND_ROOT: &str = "drop ALL + NET_BIND_SERVICE as root";
pub const EX_BIND_NONROOT: &str = "drop ALL + NET_BIND_SERVICE as non-root";
pub const EX_DOCKER_RUN: &str = "docker run --cap-add NET_ADMIN --user 1000";
pub const EX_COMPOSE: &str = "a compose file";

pub fn count_containers(n: usize) -> String {
    match n {
        1 => "1 container".to_string(),
        n => format!("{n} containers"),
    }
}

pub fn pid1_title(uid: Option<u32>) -> String {
    match uid {
        Some(0) => "PID 1 after exec (root)".to_string(),
        Some(u) => format!("PID 1 after exec (uid {u})"),
        None => "PID 1 after exec (a non-root user)".to_string(),
    }
}

pub fn pss_badge(level: &str, passes: bool) -> String {
    format!("PSS {level}: {}", if passes { "passes" } else { "fails" })
}

pub fn severity(s: caplens_core::analysis::Severity) -> &'static str {
    match s {
        caplens_core::analysis::Severity::Info => "info",
        caplens_core::analysis::Severity::Warning => "warning",
        caplens_core::analysis::Severity::Error => "error",
    }
}

pub const SHOW_ALL_CARDS: &str = "Show them all";

pub fn more_cards(shown: usize, total: usize) -> String {
    format!("Showing the first {shown} of {total} containers.")
}

pub fn containers_with(severity: &str, n: usize) -> String {
    format!("{n} with a worst finding of {severity}")
}

pub fn containers_clean(n: usize) -> String {
    format!("{n} without findings")
}

pub const FCAPS_LABEL: &str = "File capabilities of the entrypoint binary (optional; setcap text, e.g. cap_net_bind_service+ep)";
pub const FCAPS_PLACEHOLDER: &str = "cap_net_bind_service+ep";
pub const EX_BIND_NONROOT_FCAPS: &str =
    "non-root, with setcap cap_net_bind_service+ep on the binary";

pub const DECODE_TO_EXEC: &str = "Simulate an exec from this process →";
pub const SEE_EXEC: &str = "See how exec gives PID 1 these sets →";
