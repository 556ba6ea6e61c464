//! Two sides of a step side by side: the compared set of each as the core
//! computes it, with the capabilities only one side has marked.
use super::texts::Loaded;
use crate::h::{self, attrs, el, el_s, el_t, text};
use crate::lang::W;
use caplens_core::exec::SetName;
use caplens_core::set::CapSet;
use caplens_core::workshop::{self, Step};
use caplens_words::prelude::*;
use yew::prelude::*;

/// The comparison, when the step has two sides.
pub fn compare(step: &Step, texts: &Loaded) -> Html {
    let Ok(sets) = workshop::compared_sets(step) else {
        return Html::default();
    };
    if sets.len() != 2 {
        return Html::default();
    }
    let mut columns = Vec::with_capacity(2);
    for (i, key) in super::texts::SIDE_KEYS.into_iter().enumerate() {
        columns.push(column(
            i,
            &texts.get(step.id, key),
            sets[i],
            sets[1 - i],
            step.compared,
        ));
    }
    el(
        "section",
        attrs!("class" = "ws-compare", "id" = "ws-compare"),
        h::kids([
            el_s("h3", &[], W.compare()),
            el("div", attrs!("class" = "ws-columns"), columns),
        ]),
    )
}

/// One side: its name, its set as a mask, and its capabilities.
fn column(i: usize, label: &str, set: CapSet, other: CapSet, name: SetName) -> Html {
    let mut caps = Vec::with_capacity(set.len() as usize);
    for cap in set.caps() {
        let only = !other.has(cap);
        caps.push(h::el_dyn(
            "li",
            &["class", "title"],
            vec![
                only.then_some(AttrValue::Static("only")),
                only.then_some(AttrValue::Static(W.differs())),
            ],
            h::kids([h::s(cap.short_name())]),
        ));
    }
    h::el_dyn(
        "div",
        &["class", "id"],
        vec![
            Some(AttrValue::Static("ws-side")),
            Some(h::id("ws-side-", i, "")),
        ],
        h::kids([
            el("h4", &[], h::kids([text(label.to_string())])),
            el_t(
                "p",
                attrs!("class" = "ws-mask"),
                format!("{}: {}", proc_label(name), set.hex16()),
            ),
            el("ul", attrs!("class" = "ws-caps"), caps),
        ]),
    )
}

/// The set's label in `/proc/PID/status`.
fn proc_label(name: SetName) -> &'static str {
    match name {
        SetName::Inheritable => "CapInh",
        SetName::Permitted => "CapPrm",
        SetName::Effective => "CapEff",
        SetName::Bounding => "CapBnd",
        SetName::Ambient => "CapAmb",
    }
}
