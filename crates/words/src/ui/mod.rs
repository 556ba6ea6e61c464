//! Sentences of the page itself: labels, buttons, hints, messages.
//! Capability descriptions, decode/exec/container wording live in their own
//! files; this one holds only what belongs to the page.

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait UiWords {
        fn app_name() -> &'static str;
        /// The page's title while `view` is shown.
        fn document_title(view: &str) -> String;
        fn tagline() -> &'static str;
        fn views_label() -> &'static str;
        fn footer() -> &'static str;
        fn not_yet() -> &'static str;
        fn link_too_big() -> &'static str;
        /// The header's share buttons, as a group (`src/share.rs`).
        fn share_label() -> &'static str;
        fn copy_link() -> &'static str;
        /// The button that shows or hides the link's QR code.
        fn qr_code() -> &'static str;
        /// The QR code image's accessible name.
        fn qr_image() -> &'static str;
        /// Under the QR code.
        fn qr_caption() -> &'static str;
        /// In place of the QR code when the link is longer than `max` bytes.
        fn qr_too_long(len: usize, max: usize) -> String;
        fn decode_name() -> &'static str;
        fn decode_hint() -> &'static str;
        fn exec_name() -> &'static str;
        fn exec_hint() -> &'static str;
        fn containers_name() -> &'static str;
        fn containers_hint() -> &'static str;
        fn examples() -> &'static str;
        fn copied() -> &'static str;
        fn copy_manually() -> &'static str;
        fn clear() -> &'static str;
        fn panic_title() -> &'static str;
        fn panic_body() -> &'static str;
        fn panic_copy() -> &'static str;
        fn panic_reload() -> &'static str;
        fn panic_test_message() -> &'static str;
        fn panic_details(message: &str, url: &str, user_agent: &str) -> String;
        fn result() -> &'static str;
        fn yes() -> &'static str;
        fn no() -> &'static str;
        fn col_number() -> &'static str;
        fn col_name() -> &'static str;
        fn col_summary() -> &'static str;
        fn copy_mask() -> &'static str;
        /// A copy button's accessible name: its visible label first (so voice
        /// control users can say what they see), then what it copies.
        fn copy_of(label: &str, what: &str) -> String;
        /// What the mask builder's copy buttons copy.
        fn built_mask() -> &'static str;
        fn copy_names() -> &'static str;
        /// Where an input error is, ending with what separates it from the
        /// message that follows (a space in English, none after "：").
        fn at_line_column(line: u32, column: u32) -> String;
        fn count_caps(n: u32) -> String;
        fn since_kernel(version: &str) -> String;
        fn danger_line(label: &str, meaning: &str) -> String;
        fn decode_title() -> &'static str;
        fn decode_input_label() -> &'static str;
        fn decode_placeholder() -> &'static str;
        fn decode_empty() -> &'static str;
        fn matrix_title() -> &'static str;
        fn show_all() -> &'static str;
        fn no_caps() -> &'static str;
        fn grid_title() -> &'static str;
        fn grid_help() -> &'static str;
        fn grid_disabled() -> &'static str;
        fn grid_which_set() -> &'static str;
        fn ex_capsh_decode() -> &'static str;
        fn ex_docker_status() -> &'static str;
        fn ex_docker_status_text() -> &'static str;
        fn ex_docker_default() -> &'static str;
        fn ex_proc_status() -> &'static str;
        fn ex_proc_status_text() -> &'static str;
        fn recognised_as(kind: &str) -> String;
        fn nnp_badge(on: bool) -> &'static str;
        fn uid_badge(real: Option<u32>, effective: Option<u32>) -> String;
        /// Before a warning's text, separator included.
        fn warning() -> &'static str;
        fn exec_title() -> &'static str;
        fn exec_intro() -> &'static str;
        fn exec_process() -> &'static str;
        fn exec_before_label() -> &'static str;
        fn exec_before_placeholder() -> &'static str;
        fn exec_uid() -> &'static str;
        fn exec_euid() -> &'static str;
        fn exec_nnp() -> &'static str;
        fn exec_file() -> &'static str;
        fn exec_file_label() -> &'static str;
        fn exec_file_placeholder() -> &'static str;
        fn exec_setuid() -> &'static str;
        fn exec_nosuid() -> &'static str;
        fn exec_pre2025() -> &'static str;
        fn exec_result() -> &'static str;
        fn exec_eperm() -> &'static str;
        fn exec_col_set() -> &'static str;
        fn exec_col_before() -> &'static str;
        fn exec_col_after() -> &'static str;
        fn exec_col_gained() -> &'static str;
        fn exec_col_lost() -> &'static str;
        fn exec_why() -> &'static str;
        fn exec_set_empty() -> &'static str;
        fn exec_unchanged_sets() -> &'static str;
        fn exec_formula() -> &'static str;
        fn exec_steps() -> &'static str;
        fn exec_bare_mask(line: u32) -> String;
        fn exec_bad_id(field: &str, value: &str) -> String;
        fn exec_bad_file(message: &str) -> String;
        fn exec_process_line(uid: u32, euid: u32, suid: u32, securebits: u32, nnp: bool) -> String;
        fn exec_headline(effective: u32, permitted: u32, uid: u32, euid: u32) -> String;
        fn containers_title() -> &'static str;
        fn containers_input_label() -> &'static str;
        fn containers_placeholder() -> &'static str;
        fn containers_empty() -> &'static str;
        /// In place of the text box after a very large paste.
        fn paste_folded(bytes: usize) -> String;
        fn show_pasted_text() -> &'static str;
        fn analysing(bytes: usize) -> String;
        fn no_containers() -> &'static str;
        fn k8s_runtime() -> &'static str;
        fn docker_era() -> &'static str;
        fn image_user() -> &'static str;
        fn image_user_unknown() -> &'static str;
        fn image_user_root() -> &'static str;
        fn image_user_nonroot() -> &'static str;
        fn role_container() -> &'static str;
        fn role_init() -> &'static str;
        fn role_ephemeral() -> &'static str;
        fn image_user_decides() -> &'static str;
        fn pid1_if_root() -> &'static str;
        fn pid1_if_nonroot() -> &'static str;
        fn adds_title() -> &'static str;
        fn already_default() -> &'static str;
        fn findings_title() -> &'static str;
        fn no_findings() -> &'static str;
        fn fix() -> &'static str;
        fn runtime_notes() -> &'static str;
        fn oci_title() -> &'static str;
        fn hardened_title() -> &'static str;
        fn copy_yaml() -> &'static str;
        /// The same button when the suggestion is docker/podman run options.
        fn copy_options() -> &'static str;
        fn none() -> &'static str;
        fn ex_cpb_typo() -> &'static str;
        fn ex_cpb_fixed() -> &'static str;
        fn ex_perf() -> &'static str;
        fn ex_bind_root() -> &'static str;
        fn ex_bind_nonroot() -> &'static str;
        fn ex_docker_run() -> &'static str;
        fn ex_compose() -> &'static str;
        fn count_containers(n: usize) -> String;
        fn pid1_title(uid: Option<u32>) -> String;
        fn pss_badge(level: &str, passes: bool) -> String;
        fn severity(s: caplens_core::analysis::Severity) -> &'static str;
        fn show_all_cards() -> &'static str;
        fn more_cards(shown: usize, total: usize) -> String;
        fn containers_with(severity: &str, n: usize) -> String;
        fn containers_clean(n: usize) -> String;
        fn fcaps_label() -> &'static str;
        fn fcaps_placeholder() -> &'static str;
        fn ex_bind_nonroot_fcaps() -> &'static str;
        fn decode_to_exec() -> &'static str;
        fn see_exec() -> &'static str;
        /// Read (not shown) before the other language's name on the
        /// language switch, so its accessible name says what it does.
        fn language_switch_prefix() -> &'static str;
        /// A page in another language offers this language's page with
        /// these words, in this language (the English page shows the
        /// Chinese ones to readers whose browser prefers Chinese).
        fn offer_this_language() -> &'static str;
        fn offer_switch() -> &'static str;
        fn offer_close() -> &'static str;
        /// The views' one-line `role="status"` summaries, read by screen
        /// readers when typing pauses (the result itself is not live).
        fn status_decode(sets: usize, caps: u32) -> String;
        fn status_exec(effective: u32, permitted: u32) -> String;
        fn status_exec_refused() -> &'static str;
        fn status_containers(containers: usize, findings: usize) -> String;
        /// A container card's first line: what PID 1 (`who`, e.g. "PID 1
        /// after exec (root)") effectively holds, `n` capabilities named.
        fn verdict_effective(who: &str, n: u32, names: &str) -> String;
        /// The card's most serious finding, after its verdict.
        fn verdict_worst(message: &str) -> String;
        fn pss_fails_title() -> &'static str;
        /// The title of a finding's place: clicking it selects the line.
        fn select_in_input() -> &'static str;
        /// The Docker release families of the Containers view's select.
        fn docker_era_ge25() -> &'static str;
        fn docker_era_le20_10_13() -> &'static str;
        /// What the version next to a runtime's name means.
        fn runtime_versions_note() -> &'static str;
        /// Above the capabilities × sets matrix: the names open explanations.
        fn cap_name_hint() -> &'static str;
        /// What the letters of the exec formulas stand for.
        fn formula_legend() -> &'static str;
    }
}
