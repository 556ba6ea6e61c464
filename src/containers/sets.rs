//! Tables of capability sets on a card: PID 1's sets as `/proc` shows them,
//! and the sets the runtime writes into the OCI spec.
use crate::h::{self, attrs, el, el_dyn, el_s, el_t};
use crate::lang::W;
use caplens_core::analysis::Pid1;
use caplens_core::set::CapSet;
use caplens_words::prelude::*;
use yew::prelude::*;

/// PID 1's sets under `title`, as `/proc/1/status` would show them.
#[inline(never)]
pub fn sets_table(title: &str, p: &Pid1) -> Html {
    let st_ = &p.state;
    // The table scrolls inside this box where it is wider than the card (a
    // phone, Chinese names): a named region in the tab order, so keyboard
    // users can scroll it too.
    h::el_dyn(
        "div",
        &["class", "tabindex", "role", "aria-label"],
        vec![
            Some(AttrValue::Static("pid1")),
            Some(AttrValue::Static("0")),
            Some(AttrValue::Static("region")),
            Some(AttrValue::from(title.to_string())),
        ],
        h::kids([
            el_t("h4", &[], title.to_string()),
            el(
                "table",
                attrs!("class" = "matrix sets-table pid1-sets"),
                h::kids([el(
                    "tbody",
                    &[],
                    h::kids([
                        set_rows(&[
                            ("CapInh", st_.inheritable),
                            ("CapPrm", st_.permitted),
                            ("CapEff", st_.effective),
                            ("CapBnd", st_.bounding),
                            ("CapAmb", st_.ambient),
                        ]),
                        el(
                            "tr",
                            &[],
                            h::kids([
                                el_s("th", attrs!("scope" = "row"), "NoNewPrivs"),
                                el_s(
                                    "td",
                                    attrs!("class" = "mono"),
                                    if st_.no_new_privs { "1" } else { "0" },
                                ),
                                el("td", &[], Vec::new()),
                            ]),
                        ),
                    ]),
                )]),
            ),
        ]),
    )
}

/// One row per set: its name, its mask, its capabilities.
#[inline(never)]
pub fn set_rows(rows: &[(&'static str, CapSet)]) -> Html {
    let mut out = Vec::with_capacity(rows.len());
    for &(label, s) in rows {
        out.push(el_dyn(
            "tr",
            &["data-set"],
            vec![Some(AttrValue::Static(label))],
            h::kids([
                el_s("th", attrs!("scope" = "row"), label),
                el_t("td", attrs!("class" = "mono"), s.hex16()),
                el_t(
                    "td",
                    attrs!("class" = "names"),
                    if s.is_empty() {
                        W.none().to_string()
                    } else {
                        W.cap_list(s)
                    },
                ),
            ]),
        ));
    }
    h::list(out)
}
