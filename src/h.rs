//! Small builders for the views' markup (non-generic, except `kids`: one
//! copy per list length).
//!
//! `html!` expands every element into its own inline construction code
//! (attribute arrays, listener boxes, child vectors, conversions), and that
//! code is the largest part of the page's WebAssembly. These helpers build
//! each kind of node once, so a view is a list of calls with plain data. They
//! make the same DOM `html!` makes: same tags, attributes (an absent optional
//! attribute is left out), properties (`value`, `checked`) and text;
//! `scripts/dom-snapshot.mjs` compares two builds' DOM to check that.
use std::rc::Rc;
use yew::html::{onchange, onclick, oninput, NodeRef};
use yew::virtual_dom::{
    AttrValue, AttributeOrProperty, Attributes, Listeners, VList, VNode, VTag, VText,
};
use yew::{Callback, Event, Html, InputEvent, MouseEvent};

/// Attributes known when compiling: `attrs!("class" = "badge", "id" = "x")`.
macro_rules! attrs {
    ($($k:literal = $v:expr),* $(,)?) => {
        &[$(($k, ::yew::virtual_dom::AttributeOrProperty::Static($v))),*]
    };
}
pub(crate) use attrs;

/// Attributes whose values are only known when the page runs (the words
/// are functions of the build's language, not constants): same keys and
/// order as `attrs!`, values held in a box.
macro_rules! attrs_of {
    ($($k:literal = $v:expr),* $(,)?) => {
        ::yew::virtual_dom::Attributes::Dynamic {
            keys: &[$($k),*],
            values: ::std::boxed::Box::new([
                $(Some(::yew::virtual_dom::AttributeOrProperty::Static($v))),*
            ]),
        }
    };
}
pub(crate) use attrs_of;

pub type Static = &'static [(&'static str, AttributeOrProperty)];

/// Text that needs no copy. The words mark commands, fields and values
/// with backticks (`docker run`); each such span becomes `<code>`, and
/// each long option (`--cap-drop`) stays on one line (see [`with_flags`]).
#[inline(never)]
pub fn s(text: &'static str) -> Html {
    if marked(text) {
        with_code(text)
    } else {
        VNode::VText(VText::new(AttrValue::Static(text)))
    }
}

/// Computed text; backtick spans and long options as in [`s`].
#[inline(never)]
pub fn text(text: String) -> Html {
    if marked(&text) {
        with_code(&text)
    } else {
        VNode::VText(VText::new(text))
    }
}

fn marked(text: &str) -> bool {
    text.contains('`') || text.contains("--")
}

fn plain(t: &str) -> Html {
    VNode::VText(VText::new(AttrValue::from(t.to_string())))
}

/// Text with each span between a pair of backticks as a `<code>` element
/// (without the backticks); a backtick with no partner stays as it is.
#[inline(never)]
fn with_code(text: &str) -> Html {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('`') {
        let Some((code, tail)) = after.split_once('`') else {
            break;
        };
        with_flags(before, &mut parts);
        let mut inner = Vec::new();
        with_flags(code, &mut inner);
        parts.push(el("code", &[], inner));
        rest = tail;
    }
    with_flags(rest, &mut parts);
    list(parts)
}

/// Appends `text` to `parts` with each long option (`--cap-drop`) in a
/// `.flag` span that does not wrap: browsers may break a line after any
/// hyphen, and "--" at a line's end with "cap-drop" on the next reads as
/// two words. The text itself is unchanged, so copying and find-in-page see
/// exactly what the words say.
fn with_flags(text: &str, parts: &mut Vec<Html>) {
    let mut rest = text;
    while let Some(at) = rest.find("--") {
        let name = &rest[at + 2..];
        let len = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(name.len());
        if len == 0 {
            // "--" alone is not an option: keep it with the text before it.
            parts.push(plain(&rest[..at + 2]));
            rest = name;
            continue;
        }
        if at > 0 {
            parts.push(plain(&rest[..at]));
        }
        parts.push(el("span", attrs!("class" = "flag"), vec![plain(&rest[at..at + 2 + len])]));
        rest = &name[len..];
    }
    if !rest.is_empty() {
        parts.push(plain(rest));
    }
}

/// Children given in place: the array is filled where it stands and becomes
/// a `Vec` here, so call sites carry no allocation or copying code
/// (`vec![…]` would inline both at every use).
#[inline(never)]
pub fn kids<const N: usize>(children: [Html; N]) -> Vec<Html> {
    Vec::from(children)
}

/// Several nodes side by side (`<>…</>`).
#[inline(never)]
pub fn list(children: Vec<Html>) -> Html {
    VNode::VList(Rc::new(VList::with_children(children, None)))
}

/// `html!`'s `if` without `else` leaves an empty list in place, so the
/// siblings that follow keep their positions; so does `when`.
pub fn when(cond: bool, f: impl FnOnce() -> Html) -> Html {
    if cond {
        f()
    } else {
        Html::default()
    }
}

/// Attributes that depend on data: keys fixed, values optional (None
/// leaves the attribute out).
#[inline(never)]
pub fn dynamic(keys: &'static [&'static str], values: Vec<Option<AttrValue>>) -> Attributes {
    Attributes::Dynamic {
        keys,
        values: values
            .into_iter()
            .map(|v| v.map(AttributeOrProperty::Attribute))
            .collect(),
    }
}

/// The element `name` with everything given.
#[inline(never)]
pub fn node(
    name: &'static str,
    attrs: Attributes,
    listeners: Listeners,
    mut children: Vec<Html>,
) -> Html {
    // As `html!`: no child is an empty list, one child is itself.
    let children = match children.len() {
        0 => Html::default(),
        1 => children.pop().unwrap_or_default(),
        _ => list(children),
    };
    VTag::__new_other(
        AttrValue::Static(name),
        NodeRef::default(),
        None,
        attrs,
        listeners,
        children,
    )
    .into()
}

/// An element with attributes known when compiling.
#[inline(never)]
pub fn el(name: &'static str, attrs: Static, children: Vec<Html>) -> Html {
    node(name, Attributes::Static(attrs), Listeners::None, children)
}

/// An element with attributes built by `attrs_of!`.
#[inline(never)]
pub fn el_a(name: &'static str, attrs: Attributes, children: Vec<Html>) -> Html {
    node(name, attrs, Listeners::None, children)
}

/// An element with static attributes and one static text.
#[inline(never)]
pub fn el_s(name: &'static str, attrs: Static, content: &'static str) -> Html {
    el(name, attrs, vec![s(content)])
}

/// An element with static attributes and one computed text.
#[inline(never)]
pub fn el_t(name: &'static str, attrs: Static, content: String) -> Html {
    el(name, attrs, vec![text(content)])
}

/// An element with attributes that depend on data.
#[inline(never)]
pub fn el_dyn(
    name: &'static str,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
    children: Vec<Html>,
) -> Html {
    node(name, dynamic(keys, values), Listeners::None, children)
}

/// An id made of a prefix, a number and a suffix (`container-3-title`),
/// built in one place instead of a `format!` at each use.
#[inline(never)]
pub fn id(prefix: &str, n: usize, suffix: &str) -> AttrValue {
    let mut s = String::with_capacity(prefix.len() + 3 + suffix.len());
    s.push_str(prefix);
    s.push_str(&n.to_string());
    s.push_str(suffix);
    AttrValue::from(s)
}

/// `<li>` items, one per text.
#[inline(never)]
pub fn items(texts: Vec<String>) -> Vec<Html> {
    texts.into_iter().map(|t| el_t("li", &[], t)).collect()
}

#[inline(never)]
pub fn on_click(cb: Callback<MouseEvent>) -> Listeners {
    Listeners::Pending(Box::new([onclick::Wrapper::__macro_new(cb)]))
}

#[inline(never)]
pub fn on_change(cb: Callback<Event>) -> Listeners {
    Listeners::Pending(Box::new([onchange::Wrapper::__macro_new(cb)]))
}

#[inline(never)]
pub fn on_input(cb: Callback<InputEvent>) -> Listeners {
    Listeners::Pending(Box::new([oninput::Wrapper::__macro_new(cb)]))
}

/// `<input>`: `value` and `checked` are properties, as `html!` sets them.
#[inline(never)]
pub fn input(
    attrs: Attributes,
    value: Option<AttrValue>,
    checked: Option<bool>,
    listeners: Listeners,
) -> Html {
    VTag::__new_input(value, checked, NodeRef::default(), None, attrs, listeners).into()
}

/// `<textarea>` with its value as a property.
#[inline(never)]
pub fn textarea(attrs: Attributes, value: AttrValue, listeners: Listeners) -> Html {
    VTag::__new_textarea(
        Some(value),
        None,
        NodeRef::default(),
        None,
        attrs,
        listeners,
    )
    .into()
}

/// A `<button type="button">` with a click handler and static attributes.
#[inline(never)]
pub fn button(attrs: Static, onclick: Callback<MouseEvent>, children: Vec<Html>) -> Html {
    node(
        "button",
        Attributes::Static(attrs),
        on_click(onclick),
        children,
    )
}

/// A plain `<option>` whose `selected` attribute follows `selected`.
#[inline(never)]
pub fn option(value: AttrValue, selected: bool, children: Vec<Html>) -> Html {
    el_dyn(
        "option",
        &["value", "selected"],
        vec![
            Some(value),
            selected.then_some(AttrValue::Static("selected")),
        ],
        children,
    )
}
