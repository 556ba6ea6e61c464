//! English.

pub fn app_name() -> &'static str {
    "caplens"
}

pub fn document_title(view: &str) -> String {
    format!("{view} · caplens: Linux capabilities, explained")
}
pub fn tagline() -> &'static str {
    "Linux capabilities, explained. Everything runs in your browser: nothing you paste leaves this page."
}
pub fn views_label() -> &'static str {
    "Views"
}
pub fn footer() -> &'static str {
    "caplens works offline and sends nothing anywhere. The link in the address bar reproduces what you see (the part after # is never sent to a server)."
}
pub fn not_yet() -> &'static str {
    "This view is not available in this build yet."
}
pub fn link_too_big() -> &'static str {
    "This input is too large to keep in the link, so the address bar only remembers the view. Copy the text itself to share it."
}

// Sharing the link (src/share.rs): for a room, a QR code to scan off the
// projector, since a container's link is too long to read off a slide.
pub fn share_label() -> &'static str {
    "Share this page"
}
pub fn copy_link() -> &'static str {
    "Copy link"
}
pub fn qr_code() -> &'static str {
    "QR code"
}
pub fn qr_image() -> &'static str {
    "QR code of this page's link"
}
pub fn qr_caption() -> &'static str {
    "Scan it to open this page as it is now."
}
pub fn qr_too_long(len: usize, max: usize) -> String {
    format!("This link is {len} characters long, more than a QR code holds ({max}). Use Copy link instead.")
}

// The tabs: each view's name and a hint of what it reads.
pub fn decode_name() -> &'static str {
    "Decode"
}
pub fn decode_hint() -> &'static str {
    "masks, /proc status, capsh"
}
pub fn exec_name() -> &'static str {
    "Exec"
}
pub fn exec_hint() -> &'static str {
    "what execve gives, and why"
}
pub fn containers_name() -> &'static str {
    "Containers"
}
pub fn containers_hint() -> &'static str {
    "docker, compose, Kubernetes"
}

// Buttons and their feedback.
pub fn examples() -> &'static str {
    "Examples:"
}
pub fn copied() -> &'static str {
    "Copied"
}
pub fn copy_manually() -> &'static str {
    "Copy failed: select the text and copy it by hand"
}
pub fn clear() -> &'static str {
    "Clear"
}

// The panic hook.
pub fn panic_title() -> &'static str {
    "Sorry, caplens hit a bug and stopped."
}
pub fn panic_body() -> &'static str {
    "Nothing was sent anywhere. Reloading the page usually gets you going again. To report the bug, copy the details below and send them to whoever runs this page or to the caplens issue tracker. They include the page address, which contains what you pasted; remove anything private first."
}
pub fn panic_copy() -> &'static str {
    "Copy details"
}
pub fn panic_reload() -> &'static str {
    "Reload the page"
}
pub fn panic_test_message() -> &'static str {
    "deliberate panic requested by #panic-test (tests the error screen)"
}

pub fn panic_details(message: &str, url: &str, user_agent: &str) -> String {
    format!(
        "caplens {version} stopped: {message}\n\npage: {url}\nbrowser: {user_agent}",
        version = env!("CARGO_PKG_VERSION")
    )
}

// Table and result labels shared by the views.
pub fn result() -> &'static str {
    "Result"
}
pub fn yes() -> &'static str {
    "yes"
}
pub fn no() -> &'static str {
    "no"
}
pub fn col_number() -> &'static str {
    "#"
}
pub fn col_name() -> &'static str {
    "Capability"
}
pub fn col_summary() -> &'static str {
    "What it allows"
}
pub fn copy_mask() -> &'static str {
    "Copy mask"
}

pub fn copy_of(label: &str, what: &str) -> String {
    format!("{label}: {what}")
}

pub fn built_mask() -> &'static str {
    "the mask being built"
}
pub fn copy_names() -> &'static str {
    "Copy names"
}

pub fn at_line_column(line: u32, column: u32) -> String {
    format!("Line {line}, column {column}: ")
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
pub fn decode_title() -> &'static str {
    "Paste what you have"
}
pub fn decode_input_label() -> &'static str {
    "A mask, CapXxx: lines, a whole /proc/PID/status, capsh --print or getpcaps output"
}
pub fn decode_placeholder() -> &'static str {
    "CapBnd:\t00000000a80425fb"
}
pub fn decode_empty() -> &'static str {
    "Paste something above or pick an example; the result appears as you type."
}
pub fn matrix_title() -> &'static str {
    "Capabilities × sets"
}
pub fn show_all() -> &'static str {
    "show all 41 capabilities"
}
pub fn no_caps() -> &'static str {
    "No capabilities: every set here is empty."
}
pub fn grid_title() -> &'static str {
    "Build a mask"
}
pub fn grid_help() -> &'static str {
    "Tick capabilities to build a mask. The boxes show the pasted set; changing one edits the paste box."
}
pub fn grid_disabled() -> &'static str {
    "Fix the error in the paste box to edit its mask here."
}
pub fn grid_which_set() -> &'static str {
    "Set to show and edit"
}

pub fn ex_capsh_decode() -> &'static str {
    "capsh --decode=0000001fffffffff"
}
pub fn ex_docker_status() -> &'static str {
    "grep Cap /proc/1/status in a Docker container"
}
pub fn ex_docker_status_text() -> &'static str {
    "CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000"
}
pub fn ex_docker_default() -> &'static str {
    "Docker's default set"
}
pub fn ex_proc_status() -> &'static str {
    "/proc/PID/status of a non-root process"
}
pub fn ex_proc_status_text() -> &'static str {
    "Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\nPid:\t4242\nPPid:\t1\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nCapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0"
}

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
pub fn warning() -> &'static str {
    "Warning: "
}
pub fn exec_title() -> &'static str {
    "A process runs a program"
}
pub fn exec_intro() -> &'static str {
    "Describe the process before execve and the program file; the five sets after the exec appear below, each capability with the kernel's reason."
}
pub fn exec_process() -> &'static str {
    "The process before exec"
}
pub fn exec_before_label() -> &'static str {
    "Its sets (CapXxx: lines or /proc/PID/status; leave empty for the defaults)"
}
pub fn exec_before_placeholder() -> &'static str {
    "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000"
}
pub fn exec_uid() -> &'static str {
    "Real uid"
}
pub fn exec_euid() -> &'static str {
    "Effective uid"
}
pub fn exec_nnp() -> &'static str {
    "no_new_privs"
}
pub fn exec_file() -> &'static str {
    "The program file"
}
pub fn exec_file_label() -> &'static str {
    "File capabilities (setcap text or a getcap line; empty: none)"
}
pub fn exec_file_placeholder() -> &'static str {
    "cap_net_raw+ep   or   /usr/bin/ping cap_net_raw=ep"
}
pub fn exec_setuid() -> &'static str {
    "set-user-ID root"
}
pub fn exec_nosuid() -> &'static str {
    "on a nosuid mount"
}
pub fn exec_pre2025() -> &'static str {
    "use the set-id rule of kernels before 2025"
}
pub fn exec_result() -> &'static str {
    "After execve"
}
pub fn exec_eperm() -> &'static str {
    "execve fails: EPERM"
}
pub fn exec_col_set() -> &'static str {
    "Set"
}
pub fn exec_col_before() -> &'static str {
    "Before"
}
pub fn exec_col_after() -> &'static str {
    "After"
}
pub fn exec_col_gained() -> &'static str {
    "Gained"
}
pub fn exec_col_lost() -> &'static str {
    "Lost"
}
pub fn exec_why() -> &'static str {
    "Why, capability by capability"
}
pub fn exec_set_empty() -> &'static str {
    "Empty before and after."
}
pub fn exec_unchanged_sets() -> &'static str {
    "Inheritable and Bounding: execve never changes these two sets."
}
pub fn exec_formula() -> &'static str {
    "The kernel's formulas with these values"
}
pub fn exec_steps() -> &'static str {
    "Every step, in the kernel's order"
}

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
pub fn containers_title() -> &'static str {
    "What will my container's first process get?"
}
pub fn containers_input_label() -> &'static str {
    "A docker or podman run command, a compose file, or Kubernetes manifests (several documents are fine)"
}
pub fn containers_placeholder() -> &'static str {
    "docker run --cap-add NET_ADMIN --user 1000 busybox\n\nor a Pod, Deployment, CronJob, compose file…"
}
pub fn containers_empty() -> &'static str {
    "Paste a command or a manifest above, or pick an example."
}
pub fn paste_folded(bytes: usize) -> String {
    format!(
        "{} KB pasted. The text box is folded away: with that much text in it, the browser slows down every update of the page.",
        bytes.div_ceil(1024)
    )
}

pub fn show_pasted_text() -> &'static str {
    "Show the text"
}

pub fn analysing(bytes: usize) -> String {
    format!(
        "Reading {} KB of input… The page stays usable meanwhile.",
        bytes.div_ceil(1024)
    )
}
pub fn no_containers() -> &'static str {
    "No containers found in this input."
}
pub fn k8s_runtime() -> &'static str {
    "Kubernetes runtime"
}
pub fn docker_era() -> &'static str {
    "Docker version"
}
pub fn image_user() -> &'static str {
    "Image's USER, if not set"
}
pub fn image_user_unknown() -> &'static str {
    "unknown: show both"
}
pub fn image_user_root() -> &'static str {
    "root"
}
pub fn image_user_nonroot() -> &'static str {
    "non-root"
}
pub fn role_container() -> &'static str {
    "container"
}
pub fn role_init() -> &'static str {
    "init container"
}
pub fn role_ephemeral() -> &'static str {
    "ephemeral container"
}
pub fn image_user_decides() -> &'static str {
    "No user is set, so the image's USER decides. Both outcomes:"
}
pub fn pid1_if_root() -> &'static str {
    "PID 1 if the image runs as root"
}
pub fn pid1_if_nonroot() -> &'static str {
    "PID 1 if the image runs as a non-root user"
}
pub fn adds_title() -> &'static str {
    "What each added capability achieves"
}
pub fn already_default() -> &'static str {
    "(already a default)"
}
pub fn findings_title() -> &'static str {
    "Findings"
}
pub fn no_findings() -> &'static str {
    "No findings."
}
pub fn fix() -> &'static str {
    "Fix:"
}
pub fn runtime_notes() -> &'static str {
    "How the runtime fills the sets"
}
pub fn oci_title() -> &'static str {
    "The sets the runtime writes into the OCI spec"
}
pub fn hardened_title() -> &'static str {
    "Suggested hardened settings"
}
pub fn copy_yaml() -> &'static str {
    "Copy YAML"
}
pub fn copy_options() -> &'static str {
    "Copy options"
}
pub fn none() -> &'static str {
    "(none)"
}

pub fn ex_cpb_typo() -> &'static str {
    "cpb-demo with the sercurityContext typo"
}
pub fn ex_cpb_fixed() -> &'static str {
    "cpb-demo fixed"
}
pub fn ex_perf() -> &'static str {
    "perf with SYS_ADMIN"
}
pub fn ex_bind_root() -> &'static str {
    "drop ALL + NET_BIND_SERVICE as root"
}
pub fn ex_bind_nonroot() -> &'static str {
    "drop ALL + NET_BIND_SERVICE as non-root"
}
pub fn ex_docker_run() -> &'static str {
    "docker run --cap-add NET_ADMIN --user 1000"
}
pub fn ex_compose() -> &'static str {
    "a compose file"
}

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

pub fn show_all_cards() -> &'static str {
    "Show them all"
}

pub fn more_cards(shown: usize, total: usize) -> String {
    format!("Showing the first {shown} of {total} containers.")
}

pub fn containers_with(severity: &str, n: usize) -> String {
    format!("{n} with a worst finding of {severity}")
}

pub fn containers_clean(n: usize) -> String {
    format!("{n} without findings")
}

pub fn fcaps_label() -> &'static str {
    "File capabilities of the entrypoint binary (optional; setcap text, e.g. cap_net_bind_service+ep)"
}
pub fn fcaps_placeholder() -> &'static str {
    "cap_net_bind_service+ep"
}
pub fn ex_bind_nonroot_fcaps() -> &'static str {
    "non-root, with setcap cap_net_bind_service+ep on the binary"
}

pub fn decode_to_exec() -> &'static str {
    "Simulate an exec from this process →"
}
pub fn see_exec() -> &'static str {
    "See how exec gives PID 1 these sets →"
}

pub fn language_switch_prefix() -> &'static str {
    "Switch language: "
}

pub fn offer_this_language() -> &'static str {
    "This page is also in English: "
}

pub fn offer_switch() -> &'static str {
    "Switch to English"
}

pub fn offer_close() -> &'static str {
    "Close"
}

pub fn status_decode(sets: usize, caps: u32) -> String {
    let sets = match sets {
        1 => "1 set".to_string(),
        n => format!("{n} sets"),
    };
    format!("Result: {sets}, {} in all.", count_caps(caps))
}

pub fn status_exec(effective: u32, permitted: u32) -> String {
    format!("After exec: {effective} effective, {permitted} permitted.")
}

pub fn status_exec_refused() -> &'static str {
    "The exec is refused with EPERM."
}

pub fn status_containers(containers: usize, findings: usize) -> String {
    let c = match containers {
        1 => "1 container".to_string(),
        n => format!("{n} containers"),
    };
    let f = match findings {
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    };
    format!("Result: {c}, {f}.")
}

pub fn verdict_effective(who: &str, n: u32, names: &str) -> String {
    match n {
        0 => format!("{who}: no effective capabilities."),
        _ => format!("{who}: {} effective: {names}.", count_caps(n)),
    }
}

pub fn verdict_worst(message: &str) -> String {
    format!("Most serious: {message}")
}

pub fn pss_fails_title() -> &'static str {
    "Pod Security checks that fail"
}

pub fn select_in_input() -> &'static str {
    "Select this line in the paste box"
}

pub fn docker_era_ge25() -> &'static str {
    "25.0 or later"
}

pub fn docker_era_le20_10_13() -> &'static str {
    "20.10.13 or earlier"
}

pub fn runtime_versions_note() -> &'static str {
    "A version next to a runtime's name (such as containerd 1.5.11 / 1.6.2 and later) is the range of releases whose defaults and behaviour caplens models for it."
}

pub fn cap_name_hint() -> &'static str {
    "Select a capability's name to read what it allows, who needs it and why it matters in a container."
}

pub fn formula_legend() -> &'static str {
    "pI, pP, pE, pA: the process's inheritable, permitted, effective and ambient sets before exec; fP, fI: the file's permitted and inheritable sets; fE: the file's effective bit; X: the bounding set; a prime (pP′) marks the value after exec."
}
