//! Small reusable pieces: copy button, example buttons, the paste box.
use super::h;
use super::route::Params;
use crate::lang::W;
use caplens_words::prelude::*;
use yew::prelude::*;

/// A button that copies `text` and says so for a moment. A plain function,
/// not a component: the feedback is written into the label's own text node,
/// and since the virtual DOM keeps saying `label`, renders in between leave
/// it alone until the timeout puts the label back.
#[inline(never)]
/// `of` names what is copied ("CapPrm · Permitted"), so that the many copy
/// buttons of a view have names of their own for screen readers.
pub fn copy_button(text: String, label: &'static str, of: String) -> Html {
    let text = AttrValue::from(text);
    let onclick = {
        let text = text.clone();
        Callback::from(move |e: MouseEvent| say_copied(&e, super::dom::copy_text(&text), label))
    };
    h::node(
        "button",
        h::dynamic(
            &["type", "class", "title", "aria-label"],
            vec![
                Some(AttrValue::Static("button")),
                Some(AttrValue::Static("copy")),
                Some(text),
                Some(AttrValue::from(W.copy_of(label, &of))),
            ],
        ),
        h::on_click(onclick),
        h::kids([h::el_s("span", h::attrs!("aria-live" = "polite"), label)]),
    )
}

/// Says in the clicked copy button's label whether the copy worked, then
/// puts `label` back. The button's first child is the `<span>` holding
/// the label's text node (`copy_button`, `share::copy_link`).
#[inline(never)]
pub fn say_copied(e: &MouseEvent, copied: bool, label: &'static str) {
    let said = if copied {
        W.copied()
    } else {
        W.copy_manually()
    };
    let label_node = e
        .target_dyn_into::<web_sys::Element>()
        .and_then(|el| el.closest("button").ok().flatten())
        .and_then(|button| button.first_child())
        .and_then(|span| span.first_child());
    if let Some(node) = label_node {
        node.set_node_value(Some(said));
        gloo::timers::callback::Timeout::new(1800, move || node.set_node_value(Some(label)))
            .forget();
    }
}

// Handlers the views share, so each exists once in the binary.

/// A click that sends `params`.
#[inline(never)]
pub fn send_on_click(cb: &Callback<Params>, params: Params) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(params.clone()))
}

/// Text that becomes the value of `key`; `clear` (unless empty) names a key
/// the edit removes.
#[inline(never)]
pub fn set_param(
    params: &Params,
    cb: &Callback<Params>,
    key: &'static str,
    clear: &'static str,
) -> Callback<String> {
    let (params, cb) = (params.clone(), cb.clone());
    Callback::from(move |v: String| {
        let mut next = params.clone().with(key, &v);
        if !clear.is_empty() {
            next.set(clear, "");
        }
        cb.emit(next)
    })
}

/// An `<input>`'s text on every keystroke.
#[inline(never)]
pub fn input_value(cb: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        let i: web_sys::HtmlInputElement = e.target_unchecked_into();
        cb.emit(i.value())
    })
}

/// A `<select>`'s value when it changes.
#[inline(never)]
pub fn select_value(cb: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        cb.emit(s.value())
    })
}

/// One example: a label and the inputs it loads.
#[derive(Clone, PartialEq)]
pub struct Example {
    pub id: &'static str,
    pub label: &'static str,
    pub params: Params,
}

/// A row of buttons, each loading one example in one click.
#[inline(never)]
pub fn examples(examples: Vec<Example>, on_load: &Callback<Params>) -> Html {
    let mut buttons = Vec::with_capacity(examples.len());
    for ex in examples {
        let onclick = send_on_click(on_load, ex.params);
        buttons.push(h::node(
            "button",
            h::dynamic(
                &["type", "class", "id"],
                vec![
                    Some(AttrValue::Static("button")),
                    Some(AttrValue::Static("example")),
                    Some(AttrValue::from(format!("ex-{}", ex.id))),
                ],
            ),
            h::on_click(onclick),
            h::kids([h::s(ex.label)]),
        ));
    }
    h::el_a(
        "div",
        h::attrs_of!(
            "class" = "examples",
            "role" = "group",
            "aria-label" = W.examples()
        ),
        h::kids([
            h::el_s("span", h::attrs!("class" = "examples-label"), W.examples()),
            h::list(buttons),
        ]),
    )
}

/// A labelled text area that reports every keystroke. `area` holds the
/// text area's attributes (its id is `id`).
#[inline(never)]
pub fn paste_box(
    id: &'static str,
    label: &'static str,
    area: yew::virtual_dom::Attributes,
    value: AttrValue,
    on_input: Callback<String>,
) -> Html {
    paste_box_folding(id, label, area, value, on_input, None)
}

/// `paste_box` whose text area can be folded away: with `Some(note)` the
/// area stays in the page (it keeps its text and still takes input) but is
/// not displayed, and `note` stands in its place. Chromium re-walks a text
/// area holding a megabyte at every frame the page changes, so a view folds
/// such a paste to keep its updates quick.
#[inline(never)]
pub fn paste_box_folding(
    id: &'static str,
    label: &'static str,
    area: yew::virtual_dom::Attributes,
    value: AttrValue,
    on_input: Callback<String>,
    folded: Option<Html>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        on_input.emit(area.value());
    });
    let class = if folded.is_some() {
        h::attrs!("class" = "paste folded")
    } else {
        h::attrs!("class" = "paste")
    };
    h::el(
        "div",
        class,
        h::kids([
            h::el_dyn(
                "label",
                &["for"],
                vec![Some(AttrValue::Static(id))],
                h::kids([h::s(label)]),
            ),
            folded.unwrap_or_default(),
            h::textarea(area, value, h::on_input(oninput)),
        ]),
    )
}
