//! The few browser calls the UI makes, in one place: the URL fragment, the
//! clipboard, yielding to the browser. Every call tolerates a missing API
//! instead of throwing.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// `location.hash` without the `#`.
pub fn fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').map(str::to_string).unwrap_or(hash)
}

/// Replaces the fragment without a new history entry and without a
/// `hashchange` event (typing must not fill the Back button's history).
pub fn replace_fragment(fragment: &str) {
    // Typing in a paste too big for a link leaves the fragment as it is;
    // skip the call then: Chromium spends milliseconds on each one while a
    // big text area is on the page.
    if self::fragment() == fragment {
        return;
    }
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Like `replace_fragment` but with a history entry: for deliberate steps
/// (switching views, loading an example) that Back should undo.
pub fn push_fragment(fragment: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Copies `text` to the clipboard. Returns false when the browser offers no
/// way to do it (then the UI asks the user to select and copy by hand).
pub fn copy_text(text: &str) -> bool {
    let window = gloo::utils::window();
    let navigator = window.navigator();
    // `navigator.clipboard` exists only in secure contexts (https, localhost).
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if has_clipboard {
        let promise = navigator.clipboard().write_text(text);
        // A refused permission must not become an "uncaught" console error.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&ignore);
        ignore.forget();
        return true;
    }
    copy_with_selection(text).unwrap_or(false)
}

/// The pre-Clipboard-API way: select a temporary text area and copy.
fn copy_with_selection(text: &str) -> Option<bool> {
    let doc = gloo::utils::window().document()?;
    let area: web_sys::HtmlTextAreaElement =
        doc.create_element("textarea").ok()?.dyn_into().ok()?;
    area.set_value(text);
    area.set_read_only(true);
    area.set_class_name("offscreen");
    let body = doc.body()?;
    body.append_child(&area).ok()?;
    area.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()?
        .exec_command("copy")
        .unwrap_or(false);
    let _ = body.remove_child(&area);
    Some(ok)
}

/// Gives the browser a turn (to paint, to handle input) and resumes as soon
/// as it has had it. A message posted to ourselves is queued as a task like a
/// zero timeout, but without the 4 ms minimum browsers impose on timeouts
/// set from timeouts, which a long sliced analysis would pay at every slice.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        match web_sys::MessageChannel::new() {
            Ok(channel) => {
                let port = channel.port1();
                port.set_onmessage(Some(&resolve));
                // The channel lives until the message is delivered.
                let _ = channel.port2().post_message(&JsValue::NULL);
            }
            // No MessageChannel: resume at once (the slice still ends).
            Err(_) => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Why a text file next to the page could not be fetched.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FetchError {
    /// The request failed (offline, blocked): the browser's message.
    Network(String),
    /// The server answered with this HTTP status.
    Status(u16),
}

/// Fetches a text file from the page's own origin, relative to the page.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let failed = |e: JsValue| {
        FetchError::Network(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_default(),
        )
    };
    let promise = gloo::utils::window().fetch_with_str(url);
    let response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response.text().map_err(failed)?;
    let text = wasm_bindgen_futures::JsFuture::from(body)
        .await
        .map_err(failed)?;
    Ok(text.as_string().unwrap_or_default())
}

/// Scrolls to the top and moves focus to the first heading of `main`, as
/// after following a link to a new page. The heading takes focus only
/// from a script (`tabindex=-1`), so Tab order does not change.
pub fn show_top_heading() {
    let doc = gloo::utils::document();
    if let Ok(Some(heading)) = doc.query_selector("main h2") {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        if let Some(h) = heading.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// After an example or a permalink: if the result's heading (or the first
/// lines under it) would be off screen, scroll so the heading is near the
/// top, and put focus on it either way, so a keyboard or screen reader user
/// lands on the answer. Nothing happens in a view without a result heading.
pub fn show_result() {
    let doc = gloo::utils::document();
    let Ok(Some(heading)) = doc.query_selector("main section[id$='-result'] h2") else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let window = gloo::utils::window();
    let (scroll_y, height) = (
        window.scroll_y().unwrap_or(0.0),
        window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0),
    );
    let top = heading.get_bounding_client_rect().top();
    if let Some(h) = heading.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    // Room for the heading and a few lines of the answer below it.
    const ROOM: f64 = 160.0;
    if top < 0.0 || top + ROOM > height {
        window.scroll_to_with_x_and_y(0.0, (scroll_y + top - 8.0).max(0.0));
    }
}

/// Selects line `line` (1-based) of the text area `id` and focuses it, so
/// the browser scrolls the line into view inside the box.
pub fn select_line(id: &str, line: u32) {
    let Some(area) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    // Offsets in UTF-16 code units, as the DOM counts them.
    let mut start = 0u32;
    for (n, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if n + 1 == line as usize {
            let _ = area.focus();
            let _ = area.set_selection_range(start, start + len);
            return;
        }
        start += len + 1;
    }
}
