//! What a recognised paste holds: facts about it, a card per set, a link to
//! the Exec view, and the capabilities × sets matrix.
use super::matrix::matrix;
use super::set_title;
use crate::h::{self, attrs, el, el_dyn, el_s, el_t, s as st};
use crate::hooks::Explained;
use crate::lang::W;
use crate::route::Params;
use crate::widgets::copy_button;
use caplens_core::mask;
use caplens_core::preset;
use caplens_core::status::{Report, SetEntry};
use caplens_words::prelude::*;
use yew::prelude::*;
use yew::virtual_dom::Attributes;

/// A link that opens the Exec view with these sets as the process before
/// exec (only for input that names its sets: bare masks could be any set).
fn exec_link(r: &Report, input: &str) -> Option<String> {
    if r.sets.is_empty() || r.sets.iter().any(|e| e.kind.is_none()) {
        return None;
    }
    let params = Params::default().with("before", input);
    Some(format!(
        "#{}",
        crate::route::Route {
            view: crate::route::View::Exec,
            params,
            panic_test: false
        }
        .to_fragment()
    ))
}

/// The recognised report `r`; `params` say which capability is open and
/// whether every capability is shown.
#[inline(never)]
pub fn report_view(
    r: &Report,
    params: &Params,
    on_change: &Callback<Params>,
    explained: &Explained,
) -> Html {
    let show_all = params.get("all") == Some("1");
    let open: Option<u8> = params
        .get("open")
        .and_then(|s| s.parse().ok())
        .filter(|&n: &u8| n < 64);
    let notes: Vec<String> = r.notes.iter().map(|x| W.note(x)).collect();
    let mut cards = Vec::with_capacity(r.sets.len());
    for (i, e) in r.sets.iter().enumerate() {
        cards.push(set_card(i, e));
    }
    let toggle_open = {
        let (params, cb) = (params.clone(), on_change.clone());
        Callback::from(move |cap: u8| {
            let next = if open == Some(cap) {
                String::new()
            } else {
                cap.to_string()
            };
            cb.emit(params.clone().with("open", &next))
        })
    };
    h::list(h::kids([
        el("p", attrs!("class" = "facts"), h::kids([h::list(facts(r))])),
        h::when(!notes.is_empty(), || {
            el(
                "ul",
                attrs!("class" = "notes warn-box", "id" = "decode-notes"),
                h::kids([h::list(h::items(notes))]),
            )
        }),
        el("div", attrs!("class" = "sets"), h::kids([h::list(cards)])),
        to_exec(r, params),
        matrix_head(show_all, params, on_change),
        el_s("p", attrs!("class" = "muted legend"), W.cap_name_hint()),
        matrix(&r.sets, show_all, open, toggle_open, explained),
    ]))
}

/// Badges: what the input was recognised as, and no_new_privs, seccomp and
/// the uids when it says them.
fn facts(r: &Report) -> Vec<Html> {
    let mut facts = h::kids([el_t(
        "span",
        attrs!("class" = "badge"),
        W.recognised_as(W.source_kind(r.source)),
    )]);
    if let Some(nnp) = r.no_new_privs {
        facts.push(el_dyn(
            "span",
            &["id", "title", "class"],
            vec![
                Some(AttrValue::Static("fact-nnp")),
                Some(AttrValue::Static(W.no_new_privs(nnp))),
                Some(AttrValue::Static(if nnp {
                    "badge ok"
                } else {
                    "badge warn"
                })),
            ],
            h::kids([st(W.nnp_badge(nnp))]),
        ));
    }
    if let Some(mode) = r.seccomp {
        facts.push(el_s(
            "span",
            attrs!("class" = "badge", "id" = "fact-seccomp"),
            W.seccomp(mode),
        ));
    }
    if let Some(uid) = r.uid {
        facts.push(el_t(
            "span",
            attrs!("class" = "badge", "id" = "fact-uid"),
            W.uid_badge(uid.real, uid.effective),
        ));
    }
    facts
}

/// The link to the Exec view, when the input names its sets.
fn to_exec(r: &Report, params: &Params) -> Html {
    match exec_link(r, params.text("in")) {
        Some(href) => el(
            "p",
            &[],
            h::kids([el_dyn(
                "a",
                &["class", "id", "href"],
                vec![
                    Some(AttrValue::Static("button-link")),
                    Some(AttrValue::Static("decode-to-exec")),
                    Some(AttrValue::from(href)),
                ],
                h::kids([st(W.decode_to_exec())]),
            )]),
        ),
        None => Html::default(),
    }
}

/// The matrix's title and its "show every capability" toggle.
fn matrix_head(show_all: bool, params: &Params, on_change: &Callback<Params>) -> Html {
    let toggle_all = {
        let (params, cb) = (params.clone(), on_change.clone());
        Callback::from(move |_: Event| {
            cb.emit(params.clone().with("all", if show_all { "" } else { "1" }))
        })
    };
    el(
        "div",
        attrs!("class" = "matrix-head actions"),
        h::kids([
            el_s("h3", &[], W.matrix_title()),
            el(
                "label",
                attrs!("class" = "toggle"),
                h::kids([
                    h::input(
                        Attributes::Static(attrs!("type" = "checkbox", "id" = "show-all")),
                        None,
                        Some(show_all),
                        h::on_change(toggle_all),
                    ),
                    st(" "),
                    st(W.show_all()),
                ]),
            ),
        ]),
    )
}

/// One set's card: its label and count, its mask, copy buttons, and how it
/// compares with well-known sets.
#[inline(never)]
fn set_card(i: usize, e: &SetEntry) -> Html {
    let names = mask::capsh_list(e.caps);
    let cmp = preset::compare(e.caps);
    let kernel = cmp
        .kernel
        .filter(|k| k.reason == preset::RangeReason::FullSet);
    let kernel = match kernel {
        Some(k) => el_t("li", attrs!("class" = "kernel-note"), W.kernel_range(&k)),
        None => Html::default(),
    };
    let compare = h::kids([h::list(h::items(W.comparison(&cmp))), kernel]);
    el_dyn(
        "div",
        &["class", "id"],
        vec![
            Some(AttrValue::Static("set-card")),
            Some(h::id("set-", i, "")),
        ],
        h::kids([
            el(
                "h3",
                &[],
                h::kids([
                    el("span", &[], set_title(e)),
                    el_t(
                        "span",
                        attrs!("class" = "badge"),
                        W.count_caps(e.caps.len()),
                    ),
                ]),
            ),
            // What the set is, in one sentence, where the set is shown.
            match e.kind {
                Some(k) => el_s("p", attrs!("class" = "meaning"), W.set_meaning(k)),
                None => Html::default(),
            },
            el_t("div", attrs!("class" = "hex"), e.caps.hex16()),
            el(
                "div",
                attrs!("class" = "actions"),
                h::kids([
                    copy_button(e.caps.hex16(), W.copy_mask(), set_label(e)),
                    copy_button(names, W.copy_names(), set_label(e)),
                ]),
            ),
            el("ul", attrs!("class" = "compare"), compare),
        ]),
    )
}

/// A set's name as its card's title says it ("CapPrm · Permitted").
fn set_label(e: &SetEntry) -> String {
    match e.kind {
        Some(k) => format!("{} · {}", W.set_label(e.kind), W.set_name(k)),
        None => W.set_label(None).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use caplens_core::status;

    #[test]
    fn exec_link_only_for_named_sets() {
        let named = "CapEff:\t0000000000002000\nCapPrm:\t0000000000002000";
        let link = exec_link(&status::recognise(named).unwrap(), named).unwrap();
        let route = crate::route::Route::parse(&link);
        assert_eq!(route.view, crate::route::View::Exec);
        assert_eq!(route.params.text("before"), named);
        assert_eq!(
            exec_link(&status::recognise("a80425fb").unwrap(), "a80425fb"),
            None
        );
    }
}
