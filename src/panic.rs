//! If the WebAssembly code panics, the Yew app is dead. Instead of leaving a
//! frozen or blank page, the hook builds a visible message with plain DOM
//! calls (nothing that depends on the dead app): what happened, a button
//! that copies the details for a bug report, and a reload button.
use crate::lang::W;
use caplens_words::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Installs the hook (the web entry point calls this before rendering).
/// Through Yew, because its renderer otherwise installs its own hook that
/// only logs to the console.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let details = W.panic_details(&info.to_string(), &page_url(), &user_agent());
        web_sys::console::error_1(&details.as_str().into());
        // A panic while showing the message must not recurse into the hook.
        let _ = std::panic::catch_unwind(|| show(&details));
    }));
}

fn page_url() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

fn user_agent() -> String {
    gloo::utils::window()
        .navigator()
        .user_agent()
        .unwrap_or_default()
}

/// Builds the error box; returns None if the DOM is not usable at all.
pub fn show(details: &str) -> Option<()> {
    let doc = gloo::utils::window().document()?;
    if doc.get_element_by_id("panic").is_some() {
        return Some(()); // only the first panic is shown
    }
    let body = doc.body()?;
    let box_ = doc.create_element("section").ok()?;
    box_.set_id("panic");
    box_.set_class_name("panic");
    box_.set_attribute("role", "alert").ok()?;
    box_.set_attribute("aria-labelledby", "panic-title").ok()?;

    let h = doc.create_element("h2").ok()?;
    h.set_id("panic-title");
    h.set_text_content(Some(W.panic_title()));
    let p = doc.create_element("p").ok()?;
    p.set_text_content(Some(W.panic_body()));
    let pre = doc.create_element("pre").ok()?;
    pre.set_id("panic-details");
    pre.set_text_content(Some(details)); // text, never HTML
    let actions = doc.create_element("div").ok()?;
    actions.set_class_name("actions");

    let copy = button(&doc, "panic-copy", W.panic_copy())?;
    let status = doc.create_element("span").ok()?;
    status.set_id("panic-copy-status");
    status.set_attribute("role", "status").ok()?;
    {
        let details = details.to_string();
        let status = status.clone();
        let on_copy = Closure::<dyn FnMut()>::new(move || {
            let ok = crate::dom::copy_text(&details);
            status.set_text_content(Some(if ok { W.copied() } else { W.copy_manually() }));
        });
        copy.set_onclick(Some(on_copy.as_ref().unchecked_ref()));
        on_copy.forget(); // lives as long as the page
    }
    let reload = button(&doc, "panic-reload", W.panic_reload())?;
    let on_reload = Closure::<dyn FnMut()>::new(move || {
        let _ = gloo::utils::window().location().reload();
    });
    reload.set_onclick(Some(on_reload.as_ref().unchecked_ref()));
    on_reload.forget();

    actions.append_child(&copy).ok()?;
    actions.append_child(&reload).ok()?;
    actions.append_child(&status).ok()?;
    for child in [&h, &p, &actions, &pre] {
        box_.append_child(child).ok()?;
    }
    body.insert_before(&box_, body.first_child().as_ref())
        .ok()?;
    copy.focus().ok()?;
    Some(())
}

fn button(doc: &web_sys::Document, id: &str, label: &str) -> Option<web_sys::HtmlElement> {
    let b = doc.create_element("button").ok()?;
    b.set_id(id);
    b.set_attribute("type", "button").ok()?;
    b.set_text_content(Some(label));
    b.dyn_into::<web_sys::HtmlElement>().ok()
}
