//! Sentences: decoding masks, recognising pasted input, presets.

use caplens_core::mask::{MaskErrorKind, NameErrorKind};
use caplens_core::preset::{Comparison, Difference, KernelRange, PresetId};
use caplens_core::set::CapSet;
use caplens_core::status::{InputError, InputErrorKind, Note, SeccompMode, SetKind, SourceKind};

pub(crate) mod en;
pub(crate) mod zh_cn;

crate::sentences! {
    /// The sentences of this module, one implementation per language.
    pub trait DecodeWords {
        /// What is wrong with a mask (position given separately).
        fn mask_error(kind: &MaskErrorKind) -> String;
        /// What is wrong with one item of a name list.
        fn name_error(kind: NameErrorKind, item: &str) -> String;
        /// A `--names` list with a name we cannot read, and where it is.
        fn names_error(e: &caplens_core::mask::NameError) -> String;
        /// An input error with its position: `line 3, column 9: …`.
        fn input_error(e: &InputError) -> String;
        /// An input error without its position.
        fn input_error_message(kind: &InputErrorKind) -> String;
        /// `Effective`, `Bounding`, …
        fn set_name(kind: SetKind) -> &'static str;
        /// What one set is for, in a sentence.
        fn set_meaning(kind: SetKind) -> &'static str;
        /// Column label for a set in a result; bare masks have no set.
        fn set_label(kind: Option<SetKind>) -> &'static str;
        /// `caplens decode --explain`'s line naming the input's form.
        fn input_line(kind: SourceKind) -> String;
        fn source_kind(kind: SourceKind) -> &'static str;
        fn seccomp(mode: SeccompMode) -> &'static str;
        fn no_new_privs(on: bool) -> &'static str;
        /// How capabilities are written in comparisons: as Docker and Kubernetes
        /// users write them (`NET_RAW`), numbers for unknown bits.
        fn short_names(set: CapSet) -> Vec<String>;
        /// Why a list from an old capsh ends in numbers such as 35,36.
        fn old_capsh_numbers() -> &'static str;
        /// What bits 41–63 mean.
        fn unknown_bits_meaning() -> &'static str;
        /// A note as `caplens decode` prints it on stderr.
        fn note_line(n: &Note) -> String;
        fn note(n: &Note) -> String;
        /// `Linux 3.5 to 3.15`, `Linux 5.9 or later`, `Linux 5.8`.
        fn kernel_span(r: &KernelRange) -> String;
        fn kernel_range(r: &KernelRange) -> String;
        fn preset_name(p: PresetId) -> String;
        /// `Docker/containerd default +NET_ADMIN −NET_RAW`.
        fn difference(d: &Difference) -> String;
        /// One line per finding: equal presets, the kernel range, near presets.
        fn comparison(c: &Comparison) -> Vec<String>;
    }
}
