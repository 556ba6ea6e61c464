//! English text of the page itself: labels, buttons, hints, messages.
//! Capability descriptions, decode/exec/container wording live in their own
//! files; this one holds only what belongs to the page.
use crate::ui::route::View;

pub const APP_NAME: &str = "caplens";
pub const TAGLINE: &str = "Linux capabilities, explained. Everything runs in your browser: nothing you paste leaves this page.";
pub const VIEWS_LABEL: &str = "Views";
pub const FOOTER: &str = "caplens works offline and sends nothing anywhere. The link in the address bar reproduces what you see (the part after # is never sent to a server).";
pub const NOT_YET: &str = "This view is not available in this build yet.";
pub const LINK_TOO_BIG: &str = "This input is too large to keep in the link, so the address bar only remembers the view. Copy the text itself to share it.";

pub fn view_name(v: View) -> &'static str {
    match v {
        View::Decode => "Decode",
        View::Exec => "Exec",
        View::Containers => "Containers",
    }
}

pub fn view_hint(v: View) -> &'static str {
    match v {
        View::Decode => "masks, /proc status, capsh",
        View::Exec => "what execve gives, and why",
        View::Containers => "docker, compose, Kubernetes",
    }
}

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
pub const PANIC_TEST_MESSAGE: &str = "deliberate panic requested by #panic-test (tests the error screen)";

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
pub const DECODE_INPUT_LABEL: &str = "A mask, CapXxx: lines, a whole /proc/PID/status, capsh --print or getpcaps output";
pub const DECODE_PLACEHOLDER: &str = "CapBnd:\t00000000a80425fb";
pub const DECODE_EMPTY: &str = "Paste something above or pick an example; the result appears as you type.";
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
