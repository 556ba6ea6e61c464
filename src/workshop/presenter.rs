//! Presenter mode: the page without its header and footer, one step per
//! screen in large type, moved by the keyboard. → and PageDown reveal the
//! answer, then go to the next step; ← and PageUp go back. Keys typed into
//! a field, or with a modifier, are left alone.
use super::links::step_params;
use crate::route::Params;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Marks the document while presenting (the CSS hides the page's frame).
#[hook]
pub fn use_presenting(present: bool) {
    use_effect_with(present, |&present| {
        let root = gloo::utils::document().document_element();
        if let (Some(root), true) = (&root, present) {
            let _ = root.set_attribute("data-presenting", "");
        }
        move || {
            if let Some(root) = root {
                let _ = root.remove_attribute("data-presenting");
            }
        }
    });
}

/// Where each key leads from the step shown now.
#[derive(Clone, PartialEq)]
pub struct Keys {
    pub params: Params,
    pub revealed: bool,
    pub prev: Option<&'static str>,
    pub next: Option<&'static str>,
}

/// Listens to the keyboard while presenting.
#[hook]
pub fn use_keys(keys: Option<Keys>, on_load: Callback<Params>) {
    use_effect_with(keys, move |keys| {
        let listener = keys.clone().map(|keys| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let doc = gloo::utils::document();
            gloo::events::EventListener::new_with_options(&doc, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.alt_key() || e.ctrl_key() || e.meta_key() || typing(e) {
                    return;
                }
                if let Some(params) = target(&keys, &e.key()) {
                    e.prevent_default();
                    on_load.emit(params);
                }
            })
        });
        move || drop(listener)
    });
}

/// The step (or the reveal) a key asks for.
fn target(k: &Keys, key: &str) -> Option<Params> {
    match key {
        "ArrowRight" | "PageDown" if !k.revealed => Some(k.params.clone().with("r", "1")),
        "ArrowRight" | "PageDown" => k.next.map(|id| step_params(&k.params, id)),
        "ArrowLeft" | "PageUp" => k.prev.map(|id| step_params(&k.params, id)),
        _ => None,
    }
}

/// The key goes into a text field, a select or an editable element.
fn typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
}
